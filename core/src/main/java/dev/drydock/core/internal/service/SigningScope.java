package dev.drydock.core.internal.service;

import dev.drydock.core.internal.auth.CredentialScope;
import dev.drydock.core.internal.auth.SignedRequest;
import dev.drydock.core.spi.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Reads what routing needs from a request before it is authenticated. */
public final class SigningScope {
    private SigningScope() {}

    /** The request in the SigV4 verifier's terms. */
    public static SignedRequest signedRequest(HttpRequest request) {
        return SignedRequest.builder()
                .method(request.method())
                .rawPath(request.rawPath())
                .rawQuery(request.rawQuery())
                .headers(request.headers())
                .body(request.body())
                .build();
    }

    /** The service name of the request's SigV4 credential scope (header or presigned query), unverified. */
    public static Optional<String> serviceName(HttpRequest request) {
        return CredentialScope.parse(signedRequest(request)).map(CredentialScope::service);
    }

    /**
     * A query-protocol parameter: from the query string, or from a form-encoded body
     * ({@code application/x-www-form-urlencoded}); {@code null} when absent.
     */
    public static String queryParameter(HttpRequest request, String name) {
        String found = find(request.rawQuery(), name);
        if (found == null) {
            String contentType = request.header("Content-Type");
            if (contentType != null
                    && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                found = find(request.bodyAsString(), name);
            }
        }
        return found;
    }

    private static String find(String encoded, String name) {
        if (encoded == null || encoded.isEmpty()) {
            return null;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
