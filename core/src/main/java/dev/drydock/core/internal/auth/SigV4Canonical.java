package dev.drydock.core.internal.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the parts of a SigV4 canonical request from a received request, following "Create a signed AWS API
 * request" (IAM User Guide) for services other than Amazon S3: the path is normalized (RFC 3986 dot segments
 * removed, consecutive slashes collapsed) and then URI-encoded once more ("double encoding"); query names and values
 * are decoded and re-encoded with the strict SigV4 encoding and sorted by name, then value; header values are
 * trimmed, inner whitespace runs (including obsolete line folding) collapsed to one space, and repeated headers
 * joined with commas.
 */
final class SigV4Canonical {
    private SigV4Canonical() {}

    /** One decoded query parameter: raw bytes of name and value (the value is empty when there was no '='). */
    record QueryParam(byte[] name, byte[] value) {
        String nameString() {
            return new String(name, StandardCharsets.UTF_8);
        }

        String valueString() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    /**
     * SigV4 UriEncode: every byte except the unreserved characters A-Z a-z 0-9 - . _ ~ becomes %XY with uppercase
     * hex; '/' is kept when {@code keepSlash}.
     */
    static String uriEncode(byte[] bytes, boolean keepSlash) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /**
     * Percent-decodes to bytes. Valid %XY escapes become their byte, '+' becomes a space (the form decoding the
     * AWS SDK for Java applies to query strings), and everything else is taken as UTF-8. A '%' not followed by two
     * hex digits is kept literally.
     */
    static byte[] percentDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 < n && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                    out.write(Character.digit(text.charAt(i + 1), 16) << 4 | Character.digit(text.charAt(i + 2), 16));
                    i += 3;
                } else {
                    out.write('%');
                    i++;
                }
            } else if (c == '+') {
                out.write(' ');
                i++;
            } else {
                int j = i + 1;
                while (j < n && text.charAt(j) != '%' && text.charAt(j) != '+') {
                    j++;
                }
                byte[] run = text.substring(i, j).getBytes(StandardCharsets.UTF_8);
                out.write(run, 0, run.length);
                i = j;
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    /** Splits a raw query into decoded parameters in received order; empty segments ("a=1&&b=2") are skipped. */
    static List<QueryParam> parseQuery(String rawQuery) {
        List<QueryParam> params = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String segment : rawQuery.split("&", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            int eq = segment.indexOf('=');
            String name = eq < 0 ? segment : segment.substring(0, eq);
            String value = eq < 0 ? "" : segment.substring(eq + 1);
            params.add(new QueryParam(percentDecode(name), percentDecode(value)));
        }
        return params;
    }

    /**
     * CanonicalQueryString: each name and value UriEncoded, sorted by encoded name then encoded value, joined
     * {@code name=value} with '&amp;'. Parameters whose (decoded) name is in {@code excludedNames} are dropped
     * (presigned URLs exclude {@code X-Amz-Signature}).
     */
    static String canonicalQueryString(List<QueryParam> params, Set<String> excludedNames) {
        List<String[]> encoded = new ArrayList<>(params.size());
        for (QueryParam p : params) {
            if (excludedNames.contains(p.nameString())) {
                continue;
            }
            encoded.add(new String[] {uriEncode(p.name(), false), uriEncode(p.value(), false)});
        }
        encoded.sort((a, b) -> {
            int byName = a[0].compareTo(b[0]);
            return byName != 0 ? byName : a[1].compareTo(b[1]);
        });
        StringBuilder out = new StringBuilder();
        for (String[] kv : encoded) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(kv[0]).append('=').append(kv[1]);
        }
        return out.toString();
    }

    /**
     * CanonicalURI for non-S3 services: remove dot segments, collapse repeated slashes, keep a trailing slash,
     * then UriEncode every byte of the (already percent-encoded) path except '/'. An empty path is "/".
     */
    static String canonicalUri(String rawPath) {
        String normalized = normalizePath(rawPath);
        return uriEncode(normalized.getBytes(StandardCharsets.UTF_8), true);
    }

    static String normalizePath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : rawPath.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        StringBuilder out = new StringBuilder("/");
        out.append(String.join("/", segments));
        if (!segments.isEmpty() && rawPath.endsWith("/")) {
            out.append('/');
        }
        return out.toString();
    }

    /**
     * The canonical value of one header: its values in received order, each trimmed with inner whitespace runs
     * collapsed to a single space, joined with ','. An absent header has the empty value.
     */
    static String canonicalHeaderValue(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(trimAll(values.get(i)));
        }
        return out.toString();
    }

    /** Trim() and collapse sequential whitespace (space, tab, CR, LF, VT, FF) into one space. */
    static String trimAll(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u000B' || c == '\f') {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The canonical request:
     * {@code Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedPayload},
     * where CanonicalHeaders is one {@code name:value\n} line per signed header, in the order the client listed
     * them in SignedHeaders.
     */
    static String canonicalRequest(
            String method,
            String canonicalUri,
            String canonicalQuery,
            List<String> signedHeaders,
            Map<String, List<String>> headers,
            String payloadHash) {
        StringBuilder out = new StringBuilder(256);
        out.append(method)
                .append('\n')
                .append(canonicalUri)
                .append('\n')
                .append(canonicalQuery)
                .append('\n');
        for (String name : signedHeaders) {
            List<String> values = headers.get(name);
            out.append(name)
                    .append(':')
                    .append(canonicalHeaderValue(values == null ? List.of() : values))
                    .append('\n');
        }
        out.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHash);
        return out.toString();
    }

    /** StringToSign: {@code AWS4-HMAC-SHA256 \n RequestDateTime \n CredentialScope \n Hex(SHA256(CanonicalRequest))}. */
    static String stringToSign(String amzDate, String credentialScope, String canonicalRequest) {
        return SigV4Verifier.ALGORITHM
                + '\n'
                + amzDate
                + '\n'
                + credentialScope
                + '\n'
                + SigV4Crypto.sha256Hex(canonicalRequest);
    }
}
