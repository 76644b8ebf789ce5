package dev.drydock.core.internal.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the endpoint received it, in the form {@link SigV4Verifier} needs: method, raw path, raw query,
 * headers and payload. Immutable; build one with {@link #builder()}.
 *
 * <p>Pass the path and query exactly as they arrived on the wire, still percent-encoded (for example
 * {@code /2015-02-01/file-systems/fs%20one} and {@code Action=ListUsers&Marker=a%2Fb}); do not decode them, since
 * the canonical request is built from the encoded form (see "Create a signed AWS API request" in the IAM User Guide).
 * Header names are matched case-insensitively; each name maps to its values in the order received (a header sent
 * twice has two values).
 *
 * <p>The payload is given either as the body bytes or as the lowercase hex SHA-256 of the body (when the endpoint
 * streams the body and hashes it itself). If neither is set the body is taken to be empty.
 */
public final class SignedRequest {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String payloadSha256Hex;

    private SignedRequest(Builder builder) {
        this.method = Objects.requireNonNull(builder.method, "method");
        this.rawPath = Objects.requireNonNull(builder.rawPath, "rawPath");
        this.rawQuery = builder.rawQuery;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        builder.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = builder.body == null ? null : builder.body.clone();
        this.payloadSha256Hex = builder.payloadSha256Hex;
    }

    /**
     * Starts a request.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The HTTP method as received, for example {@code POST}.
     *
     * @return the method, never null
     */
    public String method() {
        return method;
    }

    /**
     * The request path exactly as received, percent-encoded, without the query, for example {@code /} or
     * {@code /2015-02-01/file-systems}.
     *
     * @return the raw path, never null (may be empty)
     */
    public String rawPath() {
        return rawPath;
    }

    /**
     * The query string exactly as received, percent-encoded, without the leading {@code ?}.
     *
     * @return the raw query, or null when the request had none
     */
    public String rawQuery() {
        return rawQuery;
    }

    /**
     * All headers: an unmodifiable, case-insensitive map from header name to its values in the order received.
     *
     * @return the headers, never null
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * All values of one header.
     *
     * @param name the header name, matched case-insensitively
     * @return the values in the order received; empty if the header is absent
     */
    public List<String> headerValues(String name) {
        List<String> values = headers.get(name);
        return values == null ? List.of() : values;
    }

    /**
     * The first value of one header.
     *
     * @param name the header name, matched case-insensitively
     * @return the first value, or empty if the header is absent
     */
    public Optional<String> firstHeader(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The body bytes, if the request was built with {@link Builder#body(byte[])}.
     *
     * @return a copy of the body, or empty
     */
    public Optional<byte[]> body() {
        return body == null ? Optional.empty() : Optional.of(body.clone());
    }

    /**
     * The lowercase hex SHA-256 of the payload: the precomputed value if one was given, else the hash of the body,
     * else the hash of the empty string.
     *
     * @return 64 lowercase hex characters
     */
    public String payloadSha256Hex() {
        if (payloadSha256Hex != null) {
            return payloadSha256Hex;
        }
        return body == null ? EMPTY_SHA256 : SigV4Crypto.sha256Hex(body);
    }

    @Override
    public String toString() {
        return "SignedRequest[" + method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery) + ", headers="
                + headers.keySet() + ", body=" + (body == null ? "none" : body.length + " bytes") + "]";
    }

    /** Builds a {@link SignedRequest}. Not thread-safe. */
    public static final class Builder {
        private String method;
        private String rawPath;
        private String rawQuery;
        private final TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private byte[] body;
        private String payloadSha256Hex;

        private Builder() {}

        /**
         * Sets the HTTP method, for example {@code GET}.
         *
         * @param method the method as received, not null
         * @return this builder
         */
        public Builder method(String method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * Sets the raw, percent-encoded path as received, without the query.
         *
         * @param rawPath the path, not null (may be empty, which is treated as {@code /})
         * @return this builder
         */
        public Builder rawPath(String rawPath) {
            this.rawPath = Objects.requireNonNull(rawPath, "rawPath");
            return this;
        }

        /**
         * Sets the raw, percent-encoded query string as received, without the {@code ?}.
         *
         * @param rawQuery the query, or null for none
         * @return this builder
         */
        public Builder rawQuery(String rawQuery) {
            this.rawQuery = rawQuery;
            return this;
        }

        /**
         * Adds one header value, after any values already given for that name (names match case-insensitively).
         *
         * @param name the header name, not null
         * @param value the header value as received, not null
         * @return this builder
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        /**
         * Adds every value of every header in the map, in its iteration order.
         *
         * @param headers header names to values, not null
         * @return this builder
         */
        public Builder headers(Map<String, ? extends List<String>> headers) {
            Objects.requireNonNull(headers, "headers").forEach((name, values) -> values.forEach(v -> header(name, v)));
            return this;
        }

        /**
         * Sets the body bytes; the verifier hashes them. Clears any precomputed hash.
         *
         * @param body the body, or null for none
         * @return this builder
         */
        public Builder body(byte[] body) {
            this.body = body == null ? null : Arrays.copyOf(body, body.length);
            this.payloadSha256Hex = null;
            return this;
        }

        /**
         * Sets the precomputed SHA-256 of the body instead of the body itself. Clears any body.
         *
         * @param payloadSha256Hex 64 hex characters, or null for none
         * @return this builder
         * @throws IllegalArgumentException if the value is not 64 hex characters
         */
        public Builder payloadSha256Hex(String payloadSha256Hex) {
            if (payloadSha256Hex != null && !payloadSha256Hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("payloadSha256Hex must be 64 hex characters");
            }
            this.payloadSha256Hex = payloadSha256Hex == null ? null : payloadSha256Hex.toLowerCase(Locale.ROOT);
            this.body = null;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws NullPointerException if the method or path is missing
         */
        public SignedRequest build() {
            return new SignedRequest(this);
        }
    }
}
