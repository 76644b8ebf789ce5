package dev.drydock.core.internal.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The authentication parameters of a request, taken either from the {@code Authorization} header or from the
 * {@code X-Amz-*} query parameters of a presigned URL, with AWS's IncompleteSignature checks and messages.
 *
 * <p>Header form: {@code AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=...}; components are separated by commas and/or whitespace, and when a
 * component repeats the last one wins. Query form: {@code X-Amz-Algorithm}, {@code X-Amz-Credential},
 * {@code X-Amz-Date}, {@code X-Amz-Expires}, {@code X-Amz-SignedHeaders}, {@code X-Amz-Signature},
 * {@code X-Amz-Security-Token}; when a parameter repeats the first one wins.
 */
final class SigV4AuthParameters {
    /** Between the Authorization header's parameters (compiled once: a signed request parses one per call). */
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s,]+");

    static final String X_AMZ_ALGORITHM = "X-Amz-Algorithm";
    static final String X_AMZ_CREDENTIAL = "X-Amz-Credential";
    static final String X_AMZ_DATE = "X-Amz-Date";
    static final String X_AMZ_EXPIRES = "X-Amz-Expires";
    static final String X_AMZ_SIGNED_HEADERS = "X-Amz-SignedHeaders";
    static final String X_AMZ_SIGNATURE = "X-Amz-Signature";
    static final String X_AMZ_SECURITY_TOKEN = "X-Amz-Security-Token";
    static final String X_AMZ_CONTENT_SHA256 = "X-Amz-Content-Sha256";

    final boolean presigned;
    final String credential;
    final String signedHeaders;
    final String signature;
    /** The raw date text: {@code x-amz-date} or {@code Date} header, or {@code X-Amz-Date} parameter. */
    final String date;
    /** {@code X-Amz-Expires} (query form only), or null. */
    final String expires;
    /** {@code X-Amz-Security-Token} query parameter (query form only), or null. */
    final String queryToken;
    /** {@code X-Amz-Content-Sha256} query parameter (query form only), or null. */
    final String queryContentSha256;

    private SigV4AuthParameters(
            boolean presigned,
            String credential,
            String signedHeaders,
            String signature,
            String date,
            String expires,
            String queryToken,
            String queryContentSha256) {
        this.presigned = presigned;
        this.credential = credential;
        this.signedHeaders = signedHeaders;
        this.signature = signature;
        this.date = date;
        this.expires = expires;
        this.queryToken = queryToken;
        this.queryContentSha256 = queryContentSha256;
    }

    /** The algorithm token of an Authorization header: the text before the first whitespace. */
    static String headerAlgorithm(String authorization) {
        String trimmed = authorization.strip();
        int space = indexOfWhitespace(trimmed);
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    /** Parses the header form; {@code request} supplies the x-amz-date / Date headers. */
    static SigV4AuthParameters fromHeader(String authorization, SignedRequest request) throws SigV4Exception {
        String trimmed = authorization.strip();
        String algorithm = headerAlgorithm(trimmed);
        if (!SigV4Verifier.ALGORITHM.equals(algorithm)) {
            throw new SigV4Exception(
                    SigV4Failure.UNSUPPORTED_ALGORITHM, "Unsupported AWS 'algorithm': '" + algorithm + "'.");
        }
        Map<String, String> components = new HashMap<>();
        for (String token : TOKEN_SEPARATORS.split(trimmed.substring(algorithm.length()))) {
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            if (eq < 0) {
                throw new SigV4Exception(
                        SigV4Failure.INCOMPLETE_SIGNATURE,
                        "'" + token
                                + "' not a valid key=value pair (missing equal-sign) in Authorization header: '"
                                + trimmed + "'.");
            }
            components.put(token.substring(0, eq), token.substring(eq + 1));
        }
        String date = request.firstHeader("X-Amz-Date")
                .orElseGet(() -> request.firstHeader("Date").orElse(null));
        List<String> missing = new ArrayList<>();
        if (!components.containsKey("Credential")) {
            missing.add("Authorization header requires 'Credential' parameter.");
        }
        if (!components.containsKey("Signature")) {
            missing.add("Authorization header requires 'Signature' parameter.");
        }
        if (!components.containsKey("SignedHeaders")) {
            missing.add("Authorization header requires 'SignedHeaders' parameter.");
        }
        if (date == null) {
            missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (!missing.isEmpty()) {
            throw new SigV4Exception(
                    SigV4Failure.INCOMPLETE_SIGNATURE, String.join(" ", missing) + " Authorization=" + trimmed);
        }
        return new SigV4AuthParameters(
                false,
                components.get("Credential"),
                components.get("SignedHeaders"),
                components.get("Signature"),
                date,
                null,
                null,
                null);
    }

    /** Parses the query (presigned URL) form. */
    static SigV4AuthParameters fromQuery(List<SigV4Canonical.QueryParam> params) throws SigV4Exception {
        String algorithm = first(params, X_AMZ_ALGORITHM);
        if (!SigV4Verifier.ALGORITHM.equals(algorithm)) {
            throw new SigV4Exception(
                    SigV4Failure.UNSUPPORTED_ALGORITHM, "Unsupported AWS 'algorithm': '" + algorithm + "'.");
        }
        String credential = first(params, X_AMZ_CREDENTIAL);
        String signature = first(params, X_AMZ_SIGNATURE);
        String signedHeaders = first(params, X_AMZ_SIGNED_HEADERS);
        String date = first(params, X_AMZ_DATE);
        List<String> missing = new ArrayList<>();
        if (credential == null) {
            missing.add("AWS query-string parameters must include '" + X_AMZ_CREDENTIAL + "'.");
        }
        if (signature == null) {
            missing.add("AWS query-string parameters must include '" + X_AMZ_SIGNATURE + "'.");
        }
        if (signedHeaders == null) {
            missing.add("AWS query-string parameters must include '" + X_AMZ_SIGNED_HEADERS + "'.");
        }
        if (date == null) {
            missing.add("AWS query-string parameters must include '" + X_AMZ_DATE + "'.");
        }
        if (!missing.isEmpty()) {
            throw new SigV4Exception(
                    SigV4Failure.INCOMPLETE_SIGNATURE,
                    String.join(" ", missing) + " Re-examine the query-string parameters.");
        }
        return new SigV4AuthParameters(
                true,
                credential,
                signedHeaders,
                signature,
                date,
                first(params, X_AMZ_EXPIRES),
                first(params, X_AMZ_SECURITY_TOKEN),
                first(params, X_AMZ_CONTENT_SHA256));
    }

    /** The first value of a (decoded, case-sensitive) query parameter, or null. */
    static String first(List<SigV4Canonical.QueryParam> params, String name) {
        for (SigV4Canonical.QueryParam p : params) {
            if (name.equals(p.nameString())) {
                return p.valueString();
            }
        }
        return null;
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
