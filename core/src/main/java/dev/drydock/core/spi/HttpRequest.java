package dev.drydock.core.spi;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as it arrived at Drydock's endpoint.
 *
 * @param method the HTTP method, upper case
 * @param rawPath the path exactly as received, still percent-encoded
 * @param rawQuery the query string as received (without {@code ?}), or {@code null}
 * @param headers headers, names case-insensitive, values in arrival order
 * @param body the whole body (never null)
 * @param remoteAddress the client's address
 * @param localAddress the address the request arrived on
 */
public record HttpRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        InetSocketAddress remoteAddress,
        InetSocketAddress localAddress) {

    public HttpRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
