package dev.drydock.core.spi;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP response to write.
 *
 * @param status the HTTP status code
 * @param headers single-valued response headers
 * @param body the body (never null)
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {

    public HttpResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** A response with one content type and a body. */
    public static HttpResponse of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new HttpResponse(status, headers, body);
    }

    /** A plain-text response. */
    public static HttpResponse text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with one more header. */
    public HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponse(status, copy, body);
    }
}
