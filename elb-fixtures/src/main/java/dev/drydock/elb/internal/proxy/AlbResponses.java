package dev.drydock.elb.internal.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The answers an Application Load Balancer makes itself: its error pages (400, 502, 503, 504, with the {@code
 * awselb/2.0} server header and the small HTML body ALB sends, as observed on ALBs; the meaning of each status is in
 * "Troubleshoot your Application Load Balancers",
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html), fixed
 * responses and redirects.
 */
final class AlbResponses {
    static final String SERVER = "awselb/2.0";

    private AlbResponses() {}

    /** An ALB error page: {@code 502 Bad Gateway}, {@code 503 Service Temporarily Unavailable}, ... */
    static FullHttpResponse error(HttpResponseStatus status, boolean keepAlive) {
        String title = status.code() + " " + reason(status);
        String body = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n</body>\r\n</html>\r\n";
        return response(status, "text/html", body, keepAlive);
    }

    private static String reason(HttpResponseStatus status) {
        switch (status.code()) {
            case 503:
                return "Service Temporarily Unavailable";
            case 504:
                return "Gateway Time-out";
            default:
                return status.reasonPhrase();
        }
    }

    /** A fixed response: the rule's status, content type and body. */
    static FullHttpResponse fixed(int status, String contentType, String body, boolean keepAlive) {
        return response(
                HttpResponseStatus.valueOf(status),
                contentType == null ? "text/plain; charset=utf-8" : contentType,
                body == null ? "" : body,
                keepAlive);
    }

    /** A redirect to {@code location}. */
    static FullHttpResponse redirect(int status, String location, boolean keepAlive) {
        FullHttpResponse r = response(HttpResponseStatus.valueOf(status), null, "", keepAlive);
        r.headers().set(HttpHeaderNames.LOCATION, location);
        return r;
    }

    private static FullHttpResponse response(
            HttpResponseStatus status, String contentType, String body, boolean keepAlive) {
        ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        r.headers().set(HttpHeaderNames.SERVER, SERVER);
        r.headers()
                .set(
                        HttpHeaderNames.DATE,
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        if (contentType != null) {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        r.headers().set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        return r;
    }
}
