package dev.drydock.core.internal.auth;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies AWS Signature Version 4 ({@code AWS4-HMAC-SHA256}) on requests received by Drydock's endpoint, the way
 * AWS services other than Amazon S3 do, and reports failures with AWS's error codes and messages.
 *
 * <p>Follows the IAM User Guide pages "AWS Signature Version 4 for API requests", "Elements of an AWS API request
 * signature" and "Create a signed AWS API request", and the Amazon S3 page "Authenticating Requests: Using Query
 * Parameters" for presigned URLs. Both authentication forms are accepted: the {@code Authorization} header (with
 * the date in {@code X-Amz-Date} or, failing that, {@code Date}) and the presigned-URL query parameters
 * ({@code X-Amz-Algorithm}, {@code X-Amz-Credential}, {@code X-Amz-Date}, {@code X-Amz-Expires},
 * {@code X-Amz-SignedHeaders}, {@code X-Amz-Signature}, {@code X-Amz-Security-Token}).
 *
 * <p>Checks run in the order AWS applies them (as charted for IAM by the scratchstack-aws-signature project), so a
 * request with several faults gets the error AWS would give first:
 * <ol>
 *   <li>an {@code Authorization} header or an {@code X-Amz-Algorithm} parameter, not both
 *       ({@link SigV4Failure#MISSING_AUTHENTICATION}, {@link SigV4Failure#CONFLICTING_AUTHENTICATION});</li>
 *   <li>algorithm {@code AWS4-HMAC-SHA256} ({@link SigV4Failure#UNSUPPORTED_ALGORITHM});</li>
 *   <li>well-formed parameters, all present, and a date ({@link SigV4Failure#INCOMPLETE_SIGNATURE});</li>
 *   <li>{@code host} signed ({@link SigV4Failure#HOST_NOT_SIGNED});</li>
 *   <li>date in ISO 8601 basic format ({@code 20150830T123600Z}; the extended form and, in the {@code Date}
 *       header, RFC 1123 are accepted too) and a valid {@code X-Amz-Expires} (at most 604800 seconds)
 *       ({@link SigV4Failure#INCOMPLETE_SIGNATURE});</li>
 *   <li>request time within the allowed clock skew of the verifier's clock, or for a presigned URL with
 *       {@code X-Amz-Expires}, not in the future beyond the skew and not past date + expires
 *       ({@link SigV4Failure#SIGNATURE_EXPIRED}, {@link SigV4Failure#PRESIGNED_URL_EXPIRED});</li>
 *   <li>credential of five elements ({@link SigV4Failure#INCOMPLETE_SIGNATURE}) whose date is the request's and
 *       whose terminator is {@code aws4_request} (and, if asked, whose region and service are the expected ones)
 *       ({@link SigV4Failure#INVALID_CREDENTIAL_SCOPE});</li>
 *   <li>access key known ({@link SigV4Failure#UNKNOWN_ACCESS_KEY}), session token present and matching for
 *       temporary credentials and absent for long-term keys ({@link SigV4Failure#MISSING_SESSION_TOKEN},
 *       {@link SigV4Failure#INVALID_SESSION_TOKEN}), credentials not expired ({@link SigV4Failure#EXPIRED_TOKEN});</li>
 *   <li>signature equal, compared in constant time, to the one computed from the canonical request
 *       ({@link SigV4Failure#SIGNATURE_MISMATCH}).</li>
 * </ol>
 *
 * <p>The payload hash in the canonical request is the SHA-256 of the body the endpoint received; a client that
 * signed a different {@code x-amz-content-sha256} therefore fails with {@link SigV4Failure#SIGNATURE_MISMATCH}.
 * {@code UNSIGNED-PAYLOAD} is honoured only when {@link Builder#unsignedPayloadAllowed(boolean)} is set (AWS accepts
 * it for Amazon S3, not for ECS, ECR, EFS, IAM or STS). Streaming (chunked) payload signatures are not supported.
 *
 * <p>The session token may be signed or not: in the header form an unsigned {@code X-Amz-Security-Token} header is
 * accepted, and a presigned URL verifies whether its {@code X-Amz-Security-Token} parameter was part of the
 * canonical query (as the SDKs and botocore sign it) or appended after signing (the test suite's
 * {@code post-sts-header-after} case). Either way the token must be the credential's.
 *
 * <p>Instances are immutable and thread-safe if the resolver is. Nothing is logged; secrets never appear in
 * exceptions.
 */
public final class SigV4Verifier {
    /** The only algorithm accepted, {@code AWS4-HMAC-SHA256}. */
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** The default allowed clock skew, five minutes, as ECS reports in "Signature expired: ... - 5 min." errors. */
    public static final Duration DEFAULT_ALLOWED_CLOCK_SKEW = Duration.ofMinutes(5);
    /** The longest {@code X-Amz-Expires} accepted, seven days in seconds. */
    public static final long MAX_PRESIGNED_EXPIRES_SECONDS = 604_800L;
    /** The payload hash placeholder for unsigned payloads. */
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private static final String TERMINATOR = "aws4_request";
    private static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter BASIC_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXTENDED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String INVALID_TOKEN = "The security token included in the request is invalid";

    private final CredentialResolver resolver;
    private final Clock clock;
    private final Duration allowedClockSkew;
    private final boolean unsignedPayloadAllowed;

    /**
     * A verifier with the default five-minute clock skew that rejects {@code UNSIGNED-PAYLOAD}.
     *
     * @param resolver looks up access keys, not null
     * @param clock the server's clock, not null
     */
    public SigV4Verifier(CredentialResolver resolver, Clock clock) {
        this(resolver, clock, DEFAULT_ALLOWED_CLOCK_SKEW);
    }

    /**
     * A verifier with the given clock skew that rejects {@code UNSIGNED-PAYLOAD}.
     *
     * @param resolver looks up access keys, not null
     * @param clock the server's clock, not null
     * @param allowedClockSkew how far the request time may be from the clock, either way; not negative
     */
    public SigV4Verifier(CredentialResolver resolver, Clock clock, Duration allowedClockSkew) {
        this(builder(resolver).clock(clock).allowedClockSkew(allowedClockSkew));
    }

    private SigV4Verifier(Builder builder) {
        this.resolver = Objects.requireNonNull(builder.resolver, "resolver");
        this.clock = Objects.requireNonNull(builder.clock, "clock");
        this.allowedClockSkew = Objects.requireNonNull(builder.allowedClockSkew, "allowedClockSkew");
        if (allowedClockSkew.isNegative()) {
            throw new IllegalArgumentException("allowedClockSkew must not be negative");
        }
        this.unsignedPayloadAllowed = builder.unsignedPayloadAllowed;
    }

    /**
     * Starts a verifier with every option: clock (default {@link Clock#systemUTC()}), clock skew (default five
     * minutes) and whether {@code UNSIGNED-PAYLOAD} is accepted (default no).
     *
     * @param resolver looks up access keys, not null
     * @return a builder
     */
    public static Builder builder(CredentialResolver resolver) {
        return new Builder(resolver);
    }

    /**
     * The allowed clock skew.
     *
     * @return the skew
     */
    public Duration allowedClockSkew() {
        return allowedClockSkew;
    }

    /**
     * Authenticates a request, accepting any region and service in its credential scope.
     *
     * @param request the request as received, not null
     * @return who signed it
     * @throws SigV4Exception if it does not authenticate; see {@link SigV4Exception#failure()}
     */
    public VerifiedIdentity verify(SignedRequest request) throws SigV4Exception {
        return verify(request, null, null);
    }

    /**
     * Authenticates a request and checks its credential scope names the given region and service, as AWS does
     * (a mismatch fails with {@link SigV4Failure#INVALID_CREDENTIAL_SCOPE} and messages such as
     * {@code Credential should be scoped to a valid region, not 'eu-west-1'.}).
     *
     * @param request the request as received, not null
     * @param expectedRegion the region the endpoint serves, or null to accept any
     * @param expectedService the signing name of the target service, or null to accept any
     * @return who signed it
     * @throws SigV4Exception if it does not authenticate; see {@link SigV4Exception#failure()}
     */
    public VerifiedIdentity verify(SignedRequest request, String expectedRegion, String expectedService)
            throws SigV4Exception {
        Objects.requireNonNull(request, "request");
        List<SigV4Canonical.QueryParam> query = SigV4Canonical.parseQuery(request.rawQuery());

        // 1. Which form, if any.
        Optional<String> authorization = request.firstHeader("Authorization").filter(v -> !v.isBlank());
        boolean hasQueryAuth = SigV4AuthParameters.first(query, SigV4AuthParameters.X_AMZ_ALGORITHM) != null;
        if (authorization.isPresent() && hasQueryAuth) {
            throw new SigV4Exception(
                    SigV4Failure.CONFLICTING_AUTHENTICATION,
                    "",
                    null,
                    null,
                    null,
                    "the request has both an Authorization header and an X-Amz-Algorithm query parameter");
        }
        if (authorization.isEmpty() && !hasQueryAuth) {
            throw new SigV4Exception(
                    SigV4Failure.MISSING_AUTHENTICATION,
                    "Missing Authentication Token",
                    "Request is missing Authentication Token",
                    null,
                    null,
                    null);
        }

        // 2-3. Algorithm and parameters.
        SigV4AuthParameters auth = authorization.isPresent()
                ? SigV4AuthParameters.fromHeader(authorization.get(), request)
                : SigV4AuthParameters.fromQuery(query);

        // 4. Host must be signed.
        List<String> signedHeaders = new ArrayList<>();
        for (String name : auth.signedHeaders.split(";")) {
            if (!name.isEmpty()) {
                signedHeaders.add(name);
            }
        }
        if (signedHeaders.stream().noneMatch(h -> h.equalsIgnoreCase("host") || h.equalsIgnoreCase(":authority"))) {
            throw new SigV4Exception(
                    SigV4Failure.HOST_NOT_SIGNED,
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        // 5. Date format and X-Amz-Expires.
        Instant requestTime = parseDate(auth.date);
        Long expires = auth.presigned && auth.expires != null ? parseExpires(auth.expires) : null;
        String amzDate = BASIC.format(requestTime);

        // 6. Clock skew and presigned expiry.
        Instant now = clock.instant();
        String nowText = BASIC.format(now);
        String skewText = skewText(allowedClockSkew);
        if (requestTime.isAfter(now.plus(allowedClockSkew))) {
            throw new SigV4Exception(
                    SigV4Failure.SIGNATURE_EXPIRED,
                    "Signature not yet current: " + amzDate
                            + " is still later than " + BASIC.format(now.plus(allowedClockSkew)) + " (" + nowText
                            + " + "
                            + skewText + ".)");
        }
        if (expires != null) {
            if (now.isAfter(requestTime.plusSeconds(expires))) {
                throw new SigV4Exception(
                        SigV4Failure.PRESIGNED_URL_EXPIRED,
                        "Request has expired",
                        null,
                        null,
                        null,
                        "X-Amz-Date " + amzDate + " + X-Amz-Expires " + expires + " s ended at "
                                + BASIC.format(requestTime.plusSeconds(expires)) + ", now is " + nowText);
            }
        } else if (requestTime.isBefore(now.minus(allowedClockSkew))) {
            throw new SigV4Exception(
                    SigV4Failure.SIGNATURE_EXPIRED,
                    "Signature expired: " + amzDate
                            + " is now earlier than " + BASIC.format(now.minus(allowedClockSkew)) + " (" + nowText
                            + " - "
                            + skewText + ".)");
        }

        // 7. Credential scope.
        String[] scope = auth.credential.split("/", -1);
        if (scope.length != 5) {
            throw new SigV4Exception(
                    SigV4Failure.INCOMPLETE_SIGNATURE,
                    "Credential must have exactly 5 "
                            + "slash-delimited elements, e.g. keyid/date/region/service/term, got '" + auth.credential
                            + "'");
        }
        String accessKeyId = scope[0];
        String scopeDate = scope[1];
        String region = scope[2];
        String service = scope[3];
        String terminator = scope[4];
        List<String> scopeErrors = new ArrayList<>();
        if (expectedRegion != null && !expectedRegion.equals(region)) {
            scopeErrors.add("Credential should be scoped to a valid region, not '" + region + "'.");
        }
        if (expectedService != null && !expectedService.equals(service)) {
            scopeErrors.add("Credential should be scoped to correct service: '" + expectedService + "'.");
        }
        if (!TERMINATOR.equals(terminator)) {
            scopeErrors.add(
                    "Credential should be scoped with a valid terminator: 'aws4_request', not '" + terminator + "'.");
        }
        String requestDay = BASIC_DATE.format(requestTime);
        if (!requestDay.equals(scopeDate)) {
            scopeErrors.add("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from "
                    + "HTTP: '" + scopeDate + "' != '" + requestDay + "', from '" + amzDate + "'.");
        }
        if (!scopeErrors.isEmpty()) {
            throw new SigV4Exception(SigV4Failure.INVALID_CREDENTIAL_SCOPE, String.join(" ", scopeErrors));
        }

        // 8. Credential, session token, expiry.
        SigningCredential credential = resolver.resolve(accessKeyId).orElse(null);
        if (credential == null) {
            throw new SigV4Exception(
                    SigV4Failure.UNKNOWN_ACCESS_KEY,
                    INVALID_TOKEN + ".",
                    null,
                    null,
                    null,
                    "no credential for access key id '" + accessKeyId + "'");
        }
        String token = auth.queryToken != null
                ? auth.queryToken
                : request.firstHeader(SigV4AuthParameters.X_AMZ_SECURITY_TOKEN).orElse(null);
        boolean tokenSent = token != null && !token.isEmpty();
        if (credential.sessionToken() != null) {
            if (!tokenSent) {
                throw new SigV4Exception(
                        SigV4Failure.MISSING_SESSION_TOKEN,
                        INVALID_TOKEN + ".",
                        null,
                        null,
                        null,
                        "access key '" + accessKeyId + "' belongs to temporary credentials; X-Amz-Security-Token "
                                + "is required");
            }
            if (!SigV4Crypto.constantTimeEquals(token, credential.sessionToken())) {
                throw new SigV4Exception(
                        SigV4Failure.INVALID_SESSION_TOKEN,
                        INVALID_TOKEN + ".",
                        INVALID_TOKEN,
                        null,
                        null,
                        "the session token does not belong to access key '" + accessKeyId + "'");
            }
        } else if (tokenSent) {
            throw new SigV4Exception(
                    SigV4Failure.INVALID_SESSION_TOKEN,
                    INVALID_TOKEN + ".",
                    INVALID_TOKEN,
                    null,
                    null,
                    "access key '" + accessKeyId + "' is a long-term key but a session token was sent");
        }
        if (credential.expiration() != null && !now.isBefore(credential.expiration())) {
            throw new SigV4Exception(
                    SigV4Failure.EXPIRED_TOKEN,
                    "The security token included in the request is expired",
                    null,
                    null,
                    null,
                    "credentials of '" + accessKeyId + "' expired at " + credential.expiration());
        }

        // 9. Signature.
        String declaredHash = auth.queryContentSha256 != null
                ? auth.queryContentSha256
                : request.firstHeader("x-amz-content-sha256").orElse(null);
        String payloadHash;
        String detail = null;
        if (UNSIGNED_PAYLOAD.equals(declaredHash) && unsignedPayloadAllowed) {
            payloadHash = UNSIGNED_PAYLOAD;
        } else {
            payloadHash = request.payloadSha256Hex();
            if (declaredHash != null && !declaredHash.equalsIgnoreCase(payloadHash)) {
                detail = "x-amz-content-sha256 is '" + declaredHash + "' but the payload's SHA-256 is '"
                        + payloadHash + "'"
                        + (UNSIGNED_PAYLOAD.equals(declaredHash)
                                ? "; UNSIGNED-PAYLOAD is not accepted by this service"
                                : "");
            }
        }
        String canonicalUri = SigV4Canonical.canonicalUri(request.rawPath());
        String credentialScope = scopeDate + "/" + region + "/" + service + "/" + terminator;
        byte[] signingKey =
                SigV4Crypto.signingKey(credential.secretAccessKey(), scopeDate, region, service, terminator);
        String canonicalRequest = null;
        String stringToSign = null;
        boolean matched = false;
        for (Set<String> excluded : excludedQueryParameters(auth)) {
            String candidate = SigV4Canonical.canonicalRequest(
                    request.method(),
                    canonicalUri,
                    SigV4Canonical.canonicalQueryString(query, excluded),
                    signedHeaders,
                    request.headers(),
                    payloadHash);
            String candidateStringToSign = SigV4Canonical.stringToSign(amzDate, credentialScope, candidate);
            String expected = SigV4Crypto.hex(SigV4Crypto.hmacSha256(signingKey, candidateStringToSign));
            if (canonicalRequest == null) {
                canonicalRequest = candidate;
                stringToSign = candidateStringToSign;
            }
            matched |= SigV4Crypto.constantTimeEquals(expected, auth.signature);
        }
        if (!matched) {
            throw new SigV4Exception(
                    SigV4Failure.SIGNATURE_MISMATCH,
                    "The request signature we calculated does "
                            + "not match the signature you provided. Check your AWS Secret Access Key and signing method. "
                            + "Consult the service documentation for details.",
                    null,
                    canonicalRequest,
                    stringToSign,
                    detail);
        }
        return new VerifiedIdentity(
                accessKeyId,
                LocalDate.parse(scopeDate, BASIC_DATE),
                region,
                service,
                signedHeaders,
                credential.principal(),
                auth.presigned,
                credential.isTemporary(),
                requestTime);
    }

    /**
     * The query parameters left out of the canonical query string, one set per accepted variant. Header-signed
     * requests sign every parameter. Presigned URLs leave out X-Amz-Signature; a presigned URL carrying
     * X-Amz-Security-Token is also accepted if the token was appended after signing, which the SigV4 test suite
     * allows ("post-sts-header-after": "For other services, you add this parameter at the end, after you calculate
     * the signature").
     */
    private static List<Set<String>> excludedQueryParameters(SigV4AuthParameters auth) {
        if (!auth.presigned) {
            return List.of(Set.of());
        }
        if (auth.queryToken == null) {
            return List.of(Set.of(SigV4AuthParameters.X_AMZ_SIGNATURE));
        }
        return List.of(
                Set.of(SigV4AuthParameters.X_AMZ_SIGNATURE),
                Set.of(SigV4AuthParameters.X_AMZ_SIGNATURE, SigV4AuthParameters.X_AMZ_SECURITY_TOKEN));
    }

    private static Instant parseDate(String text) throws SigV4Exception {
        String value = text.strip();
        Instant basic = parseBasicDate(value);
        if (basic != null) {
            return basic;
        }
        for (DateTimeFormatter format : new DateTimeFormatter[] {BASIC, EXTENDED}) {
            try {
                return ZonedDateTime.parse(value, format).toInstant();
            } catch (DateTimeException ignored) {
                // try the next format
            }
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeException e) {
            throw new SigV4Exception(
                    SigV4Failure.INCOMPLETE_SIGNATURE,
                    "Date must be in ISO-8601 'basic format'. " + "Got '" + text
                            + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    /**
     * The common case, {@code yyyyMMdd'T'HHmmss'Z'} with valid fields, read without {@link DateTimeFormatter} (whose
     * parse was about a twentieth of a signed request's cost on the endpoint); {@code null} for anything else, which
     * the formatters then parse (or refuse) as before.
     */
    static Instant parseBasicDate(String value) {
        if (value.length() != 16 || value.charAt(8) != 'T' || value.charAt(15) != 'Z') {
            return null;
        }
        for (int i = 0; i < 15; i++) {
            char c = value.charAt(i);
            if (i != 8 && (c < '0' || c > '9')) {
                return null;
            }
        }
        int year = digits(value, 0, 4);
        if (year == 0) {
            return null; // the formatter's year-of-era starts at 1
        }
        try {
            return LocalDateTime.of(
                            year,
                            digits(value, 4, 6),
                            digits(value, 6, 8),
                            digits(value, 9, 11),
                            digits(value, 11, 13),
                            digits(value, 13, 15))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    private static long parseExpires(String text) throws SigV4Exception {
        long seconds;
        try {
            seconds = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new SigV4Exception(SigV4Failure.INCOMPLETE_SIGNATURE, "X-Amz-Expires should be a number");
        }
        if (seconds < 0) {
            throw new SigV4Exception(SigV4Failure.INCOMPLETE_SIGNATURE, "X-Amz-Expires must be non-negative");
        }
        if (seconds > MAX_PRESIGNED_EXPIRES_SECONDS) {
            throw new SigV4Exception(
                    SigV4Failure.INCOMPLETE_SIGNATURE,
                    "X-Amz-Expires must be less than a week (in seconds) that is 604800");
        }
        return seconds;
    }

    private static String skewText(Duration skew) {
        long seconds = skew.getSeconds();
        return seconds % 60 == 0 ? (seconds / 60) + " min" : seconds + " sec";
    }

    /** Builds a {@link SigV4Verifier}. */
    public static final class Builder {
        private final CredentialResolver resolver;
        private Clock clock = Clock.systemUTC();
        private Duration allowedClockSkew = DEFAULT_ALLOWED_CLOCK_SKEW;
        private boolean unsignedPayloadAllowed;

        private Builder(CredentialResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
        }

        /**
         * Sets the server clock that request times are compared with.
         *
         * @param clock the clock, not null
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how far a request time may be from the clock, in either direction (AWS: five minutes for ECS and
         * most JSON services; IAM and STS report fifteen). Whole seconds are used.
         *
         * @param allowedClockSkew the skew, not null or negative
         * @return this builder
         */
        public Builder allowedClockSkew(Duration allowedClockSkew) {
            this.allowedClockSkew =
                    Objects.requireNonNull(allowedClockSkew, "allowedClockSkew").truncatedTo(ChronoUnit.SECONDS);
            return this;
        }

        /**
         * Sets whether a request whose {@code x-amz-content-sha256} (or {@code X-Amz-Content-Sha256} parameter) is
         * {@code UNSIGNED-PAYLOAD} is verified with that literal as its payload hash, as Amazon S3 does. Off by
         * default: ECS, ECR, EFS, IAM and STS hash the payload.
         *
         * @param allowed true to accept unsigned payloads
         * @return this builder
         */
        public Builder unsignedPayloadAllowed(boolean allowed) {
            this.unsignedPayloadAllowed = allowed;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalArgumentException if the skew is negative
         */
        public SigV4Verifier build() {
            return new SigV4Verifier(this);
        }
    }
}
