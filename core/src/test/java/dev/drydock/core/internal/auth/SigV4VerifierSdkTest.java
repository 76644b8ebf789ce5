package dev.drydock.core.internal.auth;

import static dev.drydock.core.internal.auth.SdkSigning.LONG_TERM;
import static dev.drydock.core.internal.auth.SdkSigning.LONG_TERM_KEY;
import static dev.drydock.core.internal.auth.SdkSigning.LONG_TERM_SECRET;
import static dev.drydock.core.internal.auth.SdkSigning.SESSION;
import static dev.drydock.core.internal.auth.SdkSigning.SESSION_KEY;
import static dev.drydock.core.internal.auth.SdkSigning.SESSION_SECRET;
import static dev.drydock.core.internal.auth.SdkSigning.SESSION_TOKEN;
import static dev.drydock.core.internal.auth.SdkSigning.SIGNING_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Verifies requests signed by the AWS SDK for Java v2's {@code AwsV4HttpSigner}, then tampers with them.
 * The verifier's clock is 30 seconds after the signing time unless a test says otherwise.
 */
class SigV4VerifierSdkTest {
    static final Object USER = "user/alice";
    static final Object ROLE_SESSION = "assumed-role/deployer/session";

    private final Map<String, SigningCredential> credentials = new HashMap<>();

    SigV4VerifierSdkTest() {
        credentials.put(LONG_TERM_KEY, SigningCredential.longTerm(LONG_TERM_KEY, LONG_TERM_SECRET, USER));
        credentials.put(
                SESSION_KEY,
                new SigningCredential(
                        SESSION_KEY,
                        SESSION_SECRET,
                        SESSION_TOKEN,
                        SIGNING_TIME.plus(Duration.ofHours(1)),
                        ROLE_SESSION));
    }

    private SigV4Verifier verifierAt(Instant now) {
        return new SigV4Verifier(key -> Optional.ofNullable(credentials.get(key)), Clock.fixed(now, ZoneOffset.UTC));
    }

    private SigV4Verifier verifier() {
        return verifierAt(SIGNING_TIME.plusSeconds(30));
    }

    private static SigV4Exception failure(SigV4Verifier verifier, SignedRequest request, SigV4Failure expected) {
        SigV4Exception e = catchThrowableOfType(SigV4Exception.class, () -> verifier.verify(request));
        assertThat(e).as("verification of %s should fail", request).isNotNull();
        assertThat(e.failure()).as(e.getMessage()).isEqualTo(expected);
        return e;
    }

    // ---- requests -------------------------------------------------------------------------------------------

    static final byte[] ECS_BODY = "{\"cluster\":\"default\",\"maxResults\":10}".getBytes(StandardCharsets.UTF_8);

    static SdkHttpFullRequest.Builder ecsListTasks() {
        return SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .protocol("https")
                .host("ecs.us-east-1.amazonaws.com")
                .encodedPath("/")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListTasks");
    }

    static final byte[] STS_FORM = "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3A"
            .concat("role%2Fdeployer&RoleSessionName=ci%20run%2B1")
            .getBytes(StandardCharsets.UTF_8);

    static SdkHttpFullRequest.Builder stsFormPost() {
        return SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .protocol("https")
                .host("sts.amazonaws.com")
                .encodedPath("/")
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    }

    static SdkHttpFullRequest.Builder iamGet() {
        return SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol("https")
                .host("iam.amazonaws.com")
                .encodedPath("/")
                .putRawQueryParameter("Action", "ListUsers")
                .putRawQueryParameter("Version", "2010-05-08")
                .putRawQueryParameter("PathPrefix", "/division abc/")
                .putRawQueryParameter("Marker", "");
    }

    /** A restJson1 (EFS-style) request with an awkward path and query. */
    static SdkHttpFullRequest.Builder efsAwkward() {
        return SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol("https")
                .host("elasticfilesystem.eu-west-1.amazonaws.com")
                // spaces, UTF-8 (é, ✓), reserved characters, an encoded slash and a dot segment
                .encodedPath("/2015-02-01/file-systems/fs%20one/caf%C3%A9/%E2%9C%93/a%3Ab%40c%21%24%26%27%28%29"
                        + "%2A%2B%2C%3B%3D/x%2Fy/./z")
                .putRawQueryParameter("Tag", List.of("zeta", "alpha", "alpha"))
                .putRawQueryParameter("Empty", "")
                .putRawQueryParameter("Reserved", "a/b?c=d&e f+g*h~i")
                .putRawQueryParameter("Unicode", "ü✓")
                .putHeader("X-Spaced", "  leading   and   inner   spaces  ")
                .putHeader("X-Repeated", List.of("first", " second ", "third"));
    }

    // ---- requests that verify -------------------------------------------------------------------------------

    @Test
    void verifiesJsonPostFromLongTermKey() throws Exception {
        SignedRequest request = SdkSigning.sign(ecsListTasks().build(), ECS_BODY, LONG_TERM, "ecs", "us-east-1");

        VerifiedIdentity identity = verifier().verify(request);

        assertThat(identity.accessKeyId()).isEqualTo(LONG_TERM_KEY);
        assertThat(identity.scopeDate()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(identity.region()).isEqualTo("us-east-1");
        assertThat(identity.service()).isEqualTo("ecs");
        assertThat(identity.signedHeaders()).contains("host", "x-amz-date", "x-amz-target", "content-type");
        assertThat(identity.principal()).isEqualTo(USER);
        assertThat(identity.presigned()).isFalse();
        assertThat(identity.temporaryCredentials()).isFalse();
        assertThat(identity.requestTime()).isEqualTo(SIGNING_TIME);
    }

    @Test
    void verifiesJsonPostFromSessionCredentials() throws Exception {
        SignedRequest request = SdkSigning.sign(ecsListTasks().build(), ECS_BODY, SESSION, "ecs", "us-east-1");

        VerifiedIdentity identity = verifier().verify(request, "us-east-1", "ecs");

        assertThat(identity.accessKeyId()).isEqualTo(SESSION_KEY);
        assertThat(identity.principal()).isEqualTo(ROLE_SESSION);
        assertThat(identity.temporaryCredentials()).isTrue();
        assertThat(identity.signedHeaders()).contains("x-amz-security-token");
    }

    @Test
    void verifiesQueryProtocolFormPost() throws Exception {
        SignedRequest request = SdkSigning.sign(stsFormPost().build(), STS_FORM, SESSION, "sts", "us-east-1");

        assertThat(verifier().verify(request).service()).isEqualTo("sts");
    }

    @Test
    void verifiesGetWithEncodedAndEmptyQueryValues() throws Exception {
        SignedRequest request = SdkSigning.sign(iamGet().build(), new byte[0], LONG_TERM, "iam", "us-east-1");
        assertThat(request.rawQuery()).contains("PathPrefix=%2Fdivision%20abc%2F", "Marker=");

        assertThat(verifier().verify(request).service()).isEqualTo("iam");
    }

    @Test
    void verifiesAwkwardPathQueryAndHeaders() throws Exception {
        SignedRequest request =
                SdkSigning.sign(efsAwkward().build(), new byte[0], SESSION, "elasticfilesystem", "eu-west-1");
        assertThat(request.headerValues("X-Repeated")).hasSize(3);

        VerifiedIdentity identity = verifier().verify(request, "eu-west-1", "elasticfilesystem");

        assertThat(identity.signedHeaders()).contains("x-spaced", "x-repeated");
    }

    @Test
    void verifiesWhenHeaderNamesArriveInAnotherCase() throws Exception {
        SignedRequest signed = SdkSigning.sign(ecsListTasks().build(), ECS_BODY, LONG_TERM, "ecs", "us-east-1");
        SignedRequest.Builder lowerCased = SignedRequest.builder()
                .method(signed.method())
                .rawPath(signed.rawPath())
                .body(ECS_BODY);
        signed.headers().forEach((name, values) -> values.forEach(v -> lowerCased.header(name.toLowerCase(), v)));

        assertThat(verifier().verify(lowerCased.build()).accessKeyId()).isEqualTo(LONG_TERM_KEY);
    }

    @Test
    void verifiesWithPrecomputedPayloadHash() throws Exception {
        SignedRequest signed = SdkSigning.sign(ecsListTasks().build(), ECS_BODY, LONG_TERM, "ecs", "us-east-1");
        SignedRequest hashed = SignedRequest.builder()
                .method(signed.method())
                .rawPath(signed.rawPath())
                .headers(signed.headers())
                .payloadSha256Hex(SigV4Crypto.sha256Hex(ECS_BODY))
                .build();

        assertThat(verifier().verify(hashed).accessKeyId()).isEqualTo(LONG_TERM_KEY);
    }

    @Test
    void unsignedHeadersMayChangeOrBeAdded() throws Exception {
        SignedRequest signed = SdkSigning.sign(ecsListTasks().build(), ECS_BODY, LONG_TERM, "ecs", "us-east-1");
        SignedRequest changed = RequestEditor.edit(
                signed, e -> e.setHeader("User-Agent", "curl/8").setHeader("X-Forwarded-For", "10.0.0.1"));

        assertThatCode(() -> verifier().verify(changed)).doesNotThrowAnyException();
    }

    @Test
    void verifiesPresignedGetWithSessionToken() throws Exception {
        SignedRequest request =
                SdkSigning.presign(iamGet().build(), new byte[0], SESSION, "iam", "us-east-1", Duration.ofMinutes(15));
        assertThat(request.rawQuery()).contains("X-Amz-Security-Token=", "X-Amz-Expires=900");
        assertThat(request.firstHeader("Authorization")).isEmpty();

        VerifiedIdentity identity = verifier().verify(request);

        assertThat(identity.presigned()).isTrue();
        assertThat(identity.temporaryCredentials()).isTrue();
        assertThat(identity.signedHeaders()).containsExactly("host");
    }

    @Test
    void verifiesPresignedAwkwardRequestFromLongTermKey() throws Exception {
        SignedRequest request = SdkSigning.presign(
                efsAwkward().build(), new byte[0], LONG_TERM, "elasticfilesystem", "eu-west-1", Duration.ofHours(1));

        assertThat(verifier().verify(request).presigned()).isTrue();
    }

    @Test
    void verifiesPresignedPostWithBody() throws Exception {
        SignedRequest request = SdkSigning.presign(
                stsFormPost().build(), STS_FORM, LONG_TERM, "sts", "us-east-1", Duration.ofMinutes(5));

        assertThat(verifier().verify(request).service()).isEqualTo("sts");
    }

    // ---- tampering ------------------------------------------------------------------------------------------

    static SignedRequest tamperTarget() {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .protocol("https")
                .host("elasticfilesystem.us-east-1.amazonaws.com")
                .encodedPath("/2015-02-01/access-points")
                .putRawQueryParameter("MaxResults", "10")
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Amz-Target", "signed-value")
                .build();
        return SdkSigning.sign(
                request,
                "{\"FileSystemId\":\"fs-1\"}".getBytes(StandardCharsets.UTF_8),
                SESSION,
                "elasticfilesystem",
                "us-east-1");
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                Arguments.of(
                        "method", (Consumer<RequestEditor>) e -> e.method = "PUT", SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "path",
                        (Consumer<RequestEditor>) e -> e.rawPath = "/2015-02-01/access-points/x",
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "path encoding",
                        (Consumer<RequestEditor>) e -> e.rawPath = "/2015-02-01/access%2Dpoints",
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "query value",
                        (Consumer<RequestEditor>) e -> e.mapQuery(q -> q.replace("10", "11")),
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "query parameter added",
                        (Consumer<RequestEditor>) e -> e.mapQuery(q -> q + "&a=b"),
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "query removed",
                        (Consumer<RequestEditor>) e -> e.rawQuery = null,
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "signed header value",
                        (Consumer<RequestEditor>) e -> e.setHeader("X-Amz-Target", "x"),
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "signed header removed",
                        (Consumer<RequestEditor>) e -> e.removeHeader("Content-Type"),
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "signed header repeated",
                        (Consumer<RequestEditor>)
                                e -> e.headers.get("X-Amz-Target").add("again"),
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "host",
                        (Consumer<RequestEditor>) e -> e.setHeader("Host", "evil.example.com"),
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "body",
                        (Consumer<RequestEditor>) e -> e.body("{\"FileSystemId\":\"fs-2\"}"),
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "body and x-amz-content-sha256",
                        (Consumer<RequestEditor>)
                                e -> e.body("{}").setHeader("x-amz-content-sha256", SigV4Crypto.sha256Hex("{}")),
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "date within the skew",
                        (Consumer<RequestEditor>) e -> e.setHeader("X-Amz-Date", "20240301T100001Z"),
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "signature",
                        (Consumer<RequestEditor>) e -> e.mapHeader(
                                "Authorization", a -> a.substring(0, a.length() - 1) + (a.endsWith("0") ? "1" : "0")),
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "signed headers list",
                        (Consumer<RequestEditor>)
                                e -> e.mapHeader("Authorization", a -> a.replace(";x-amz-target", "")),
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "session token",
                        (Consumer<RequestEditor>) e -> e.setHeader("X-Amz-Security-Token", SESSION_TOKEN + "x"),
                        SigV4Failure.INVALID_SESSION_TOKEN),
                Arguments.of(
                        "session token removed",
                        (Consumer<RequestEditor>) e -> e.removeHeader("X-Amz-Security-Token"),
                        SigV4Failure.MISSING_SESSION_TOKEN),
                Arguments.of(
                        "access key",
                        (Consumer<RequestEditor>)
                                e -> e.mapHeader("Authorization", a -> a.replace(SESSION_KEY, "ASIAUNKNOWN")),
                        SigV4Failure.UNKNOWN_ACCESS_KEY),
                Arguments.of(
                        "scope region",
                        (Consumer<RequestEditor>)
                                e -> e.mapHeader("Authorization", a -> a.replace("/us-east-1/", "/eu-west-1/")),
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "scope date",
                        (Consumer<RequestEditor>)
                                e -> e.mapHeader("Authorization", a -> a.replace("/20240301/", "/20240302/")),
                        SigV4Failure.INVALID_CREDENTIAL_SCOPE));
    }

    @ParameterizedTest(name = "tampered {0}")
    @MethodSource("tamperings")
    void rejectsTamperedRequest(String part, Consumer<RequestEditor> tamper, SigV4Failure expected) throws Exception {
        SignedRequest original = tamperTarget();
        assertThatCode(() -> verifier().verify(original)).doesNotThrowAnyException();

        failure(verifier(), RequestEditor.edit(original, tamper), expected);
    }

    @Test
    void rejectsWrongSecret() {
        credentials.put(SESSION_KEY, new SigningCredential(SESSION_KEY, "another-secret", SESSION_TOKEN, null, null));

        SigV4Exception e = failure(verifier(), tamperTarget(), SigV4Failure.SIGNATURE_MISMATCH);

        assertThat(e.getMessage()).doesNotContain("another-secret", SESSION_SECRET);
        assertThat(e.awsMessage(ProtocolFamily.QUERY)).doesNotContain("another-secret", SESSION_SECRET);
        assertThat(e.canonicalRequest())
                .get()
                .asString()
                .startsWith("POST\n/2015-02-01/access-points\n" + "MaxResults=10\n");
        assertThat(e.stringToSign())
                .get()
                .asString()
                .startsWith("AWS4-HMAC-SHA256\n20240301T100000Z\n20240301/us-east-1/elasticfilesystem/aws4_request\n");
    }

    @Test
    void bodyTamperingExplainsPayloadHash() {
        SignedRequest tampered = RequestEditor.edit(tamperTarget(), e -> e.body("{}"));

        SigV4Exception e = failure(verifier(), tampered, SigV4Failure.SIGNATURE_MISMATCH);

        assertThat(e.detail()).get().asString().contains("x-amz-content-sha256", SigV4Crypto.sha256Hex("{}"));
    }

    static Stream<Arguments> presignedTamperings() {
        return Stream.of(
                Arguments.of(
                        "query operation parameter",
                        (Consumer<RequestEditor>) e -> e.mapQuery(q -> q.replace("ListUsers", "ListRoles")),
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "X-Amz-Expires",
                        (Consumer<RequestEditor>)
                                e -> e.mapQuery(q -> q.replace("X-Amz-Expires=900", "X-Amz-Expires=3600")),
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "X-Amz-Date",
                        (Consumer<RequestEditor>) e -> e.mapQuery(
                                q -> q.replace("X-Amz-Date=20240301T100000Z", "X-Amz-Date=20240301T100010Z")),
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "X-Amz-Security-Token",
                        (Consumer<RequestEditor>)
                                e -> e.mapQuery(q -> q.replace("X-Amz-Security-Token=", "X-Amz-Security-Token=x")),
                        SigV4Failure.INVALID_SESSION_TOKEN),
                Arguments.of(
                        "X-Amz-Signature",
                        (Consumer<RequestEditor>)
                                e -> e.mapQuery(q -> q.replace("X-Amz-Signature=", "X-Amz-Signature=0")),
                        SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "method", (Consumer<RequestEditor>) e -> e.method = "DELETE", SigV4Failure.SIGNATURE_MISMATCH),
                Arguments.of(
                        "host",
                        (Consumer<RequestEditor>) e -> e.setHeader("Host", "iam.example.com"),
                        SigV4Failure.SIGNATURE_MISMATCH));
    }

    @ParameterizedTest(name = "tampered presigned {0}")
    @MethodSource("presignedTamperings")
    void rejectsTamperedPresignedUrl(String part, Consumer<RequestEditor> tamper, SigV4Failure expected)
            throws Exception {
        SignedRequest original =
                SdkSigning.presign(iamGet().build(), new byte[0], SESSION, "iam", "us-east-1", Duration.ofMinutes(15));
        assertThatCode(() -> verifier().verify(original)).doesNotThrowAnyException();

        failure(verifier(), RequestEditor.edit(original, tamper), expected);
    }

    // ---- credentials ----------------------------------------------------------------------------------------

    @Test
    void rejectsUnknownAccessKey() {
        credentials.clear();

        SigV4Exception e = failure(
                verifier(),
                SdkSigning.sign(ecsListTasks().build(), ECS_BODY, LONG_TERM, "ecs", "us-east-1"),
                SigV4Failure.UNKNOWN_ACCESS_KEY);

        assertThat(e.errorCode(ProtocolFamily.JSON)).isEqualTo("UnrecognizedClientException");
        assertThat(e.httpStatus(ProtocolFamily.JSON)).isEqualTo(400);
        assertThat(e.errorCode(ProtocolFamily.QUERY)).isEqualTo("InvalidClientTokenId");
        assertThat(e.httpStatus(ProtocolFamily.QUERY)).isEqualTo(403);
        assertThat(e.awsMessage(ProtocolFamily.JSON))
                .isEqualTo("The security token included in the request is invalid.");
        assertThat(e.awsMessage(ProtocolFamily.QUERY))
                .isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void rejectsExpiredSessionCredentials() {
        credentials.put(
                SESSION_KEY,
                new SigningCredential(
                        SESSION_KEY, SESSION_SECRET, SESSION_TOKEN, SIGNING_TIME.plusSeconds(10), ROLE_SESSION));

        SigV4Exception e = failure(
                verifier(),
                SdkSigning.sign(ecsListTasks().build(), ECS_BODY, SESSION, "ecs", "us-east-1"),
                SigV4Failure.EXPIRED_TOKEN);

        assertThat(e.awsMessage()).isEqualTo("The security token included in the request is expired");
        assertThat(e.errorCode(ProtocolFamily.JSON)).isEqualTo("ExpiredTokenException");
        assertThat(e.errorCode(ProtocolFamily.QUERY)).isEqualTo("ExpiredToken");
        assertThat(e.httpStatus(ProtocolFamily.QUERY)).isEqualTo(403);
    }

    @Test
    void credentialsExpireAtTheirExpirationInstant() {
        credentials.put(
                SESSION_KEY,
                new SigningCredential(
                        SESSION_KEY, SESSION_SECRET, SESSION_TOKEN, SIGNING_TIME.plusSeconds(30), ROLE_SESSION));
        SignedRequest request = SdkSigning.sign(ecsListTasks().build(), ECS_BODY, SESSION, "ecs", "us-east-1");

        assertThatCode(() -> verifierAt(SIGNING_TIME.plusSeconds(29)).verify(request))
                .doesNotThrowAnyException();
        failure(verifierAt(SIGNING_TIME.plusSeconds(30)), request, SigV4Failure.EXPIRED_TOKEN);
    }

    @Test
    void rejectsSessionTokenSentWithLongTermKey() {
        SignedRequest request = RequestEditor.edit(
                SdkSigning.sign(ecsListTasks().build(), ECS_BODY, LONG_TERM, "ecs", "us-east-1"),
                e -> e.setHeader("X-Amz-Security-Token", "forged"));

        SigV4Exception e = failure(verifier(), request, SigV4Failure.INVALID_SESSION_TOKEN);

        assertThat(e.awsMessage(ProtocolFamily.JSON))
                .isEqualTo("The security token included in the request is invalid.");
        assertThat(e.awsMessage(ProtocolFamily.QUERY))
                .isEqualTo("The security token included in the request is invalid");
    }

    @Test
    void rejectsSessionKeySignedWithoutToken() {
        // The SDK only sends a token for session identities; sign with the session key pair as if it were long-term.
        SignedRequest request = SdkSigning.sign(
                ecsListTasks().build(),
                ECS_BODY,
                AwsCredentialsIdentity.create(SESSION_KEY, SESSION_SECRET),
                "ecs",
                "us-east-1");

        failure(verifier(), request, SigV4Failure.MISSING_SESSION_TOKEN);
    }

    // ---- time -----------------------------------------------------------------------------------------------

    @Test
    void acceptsRequestsUpToTheSkewInBothDirections() {
        SignedRequest request = SdkSigning.sign(ecsListTasks().build(), ECS_BODY, LONG_TERM, "ecs", "us-east-1");

        assertThatCode(() ->
                        verifierAt(SIGNING_TIME.plus(Duration.ofMinutes(5))).verify(request))
                .doesNotThrowAnyException();
        assertThatCode(() ->
                        verifierAt(SIGNING_TIME.minus(Duration.ofMinutes(5))).verify(request))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsRequestsOlderThanTheSkew() {
        SignedRequest request = SdkSigning.sign(ecsListTasks().build(), ECS_BODY, LONG_TERM, "ecs", "us-east-1");

        SigV4Exception e = failure(
                verifierAt(SIGNING_TIME.plus(Duration.ofMinutes(5)).plusSeconds(1)),
                request,
                SigV4Failure.SIGNATURE_EXPIRED);

        assertThat(e.awsMessage())
                .isEqualTo("Signature expired: 20240301T100000Z is now earlier than "
                        + "20240301T100001Z (20240301T100501Z - 5 min.)");
        assertThat(e.errorCode(ProtocolFamily.JSON)).isEqualTo("InvalidSignatureException");
        assertThat(e.httpStatus(ProtocolFamily.JSON)).isEqualTo(400);
        assertThat(e.errorCode(ProtocolFamily.QUERY)).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.httpStatus(ProtocolFamily.QUERY)).isEqualTo(403);
    }

    @Test
    void rejectsRequestsFromTheFutureBeyondTheSkew() {
        SignedRequest request = SdkSigning.sign(ecsListTasks().build(), ECS_BODY, LONG_TERM, "ecs", "us-east-1");

        SigV4Exception e = failure(
                verifierAt(SIGNING_TIME.minus(Duration.ofMinutes(5)).minusSeconds(1)),
                request,
                SigV4Failure.SIGNATURE_EXPIRED);

        assertThat(e.awsMessage())
                .isEqualTo("Signature not yet current: 20240301T100000Z is still later than "
                        + "20240301T095959Z (20240301T095459Z + 5 min.)");
    }

    @Test
    void skewIsConfigurable() {
        SignedRequest request = SdkSigning.sign(stsFormPost().build(), STS_FORM, LONG_TERM, "sts", "us-east-1");
        SigV4Verifier fifteenMinutes = new SigV4Verifier(
                key -> Optional.ofNullable(credentials.get(key)),
                Clock.fixed(SIGNING_TIME.plus(Duration.ofMinutes(16)), ZoneOffset.UTC),
                Duration.ofMinutes(15));

        SigV4Exception e = failure(fifteenMinutes, request, SigV4Failure.SIGNATURE_EXPIRED);

        assertThat(e.awsMessage())
                .isEqualTo("Signature expired: 20240301T100000Z is now earlier than "
                        + "20240301T100100Z (20240301T101600Z - 15 min.)");
        assertThatCode(() -> new SigV4Verifier(
                                key -> Optional.ofNullable(credentials.get(key)),
                                Clock.fixed(SIGNING_TIME.plus(Duration.ofMinutes(14)), ZoneOffset.UTC),
                                Duration.ofMinutes(15))
                        .verify(request))
                .doesNotThrowAnyException();
    }

    @Test
    void presignedUrlIsValidUntilDatePlusExpires() {
        SignedRequest request = SdkSigning.presign(
                iamGet().build(), new byte[0], LONG_TERM, "iam", "us-east-1", Duration.ofMinutes(30));

        // Valid long after the clock skew, because X-Amz-Expires says so.
        assertThatCode(() ->
                        verifierAt(SIGNING_TIME.plus(Duration.ofMinutes(30))).verify(request))
                .doesNotThrowAnyException();
        SigV4Exception e = failure(
                verifierAt(SIGNING_TIME.plus(Duration.ofMinutes(30)).plusSeconds(1)),
                request,
                SigV4Failure.PRESIGNED_URL_EXPIRED);

        assertThat(e.awsMessage()).isEqualTo("Request has expired");
        assertThat(e.errorCode(ProtocolFamily.QUERY)).isEqualTo("RequestExpired");
        assertThat(e.httpStatus(ProtocolFamily.QUERY)).isEqualTo(400);
        assertThat(e.errorCode(ProtocolFamily.JSON)).isEqualTo("InvalidSignatureException");
    }

    @Test
    void presignedUrlFromTheFutureIsRejected() {
        SignedRequest request = SdkSigning.presign(
                iamGet().build(), new byte[0], LONG_TERM, "iam", "us-east-1", Duration.ofMinutes(30));

        failure(verifierAt(SIGNING_TIME.minus(Duration.ofMinutes(6))), request, SigV4Failure.SIGNATURE_EXPIRED);
    }

    @Test
    void presignedUrlWithoutExpiresFollowsTheSkew() {
        SignedRequest presigned = SdkSigning.presign(
                iamGet().build(), new byte[0], LONG_TERM, "iam", "us-east-1", Duration.ofMinutes(30));
        SignedRequest withoutExpires =
                RequestEditor.edit(presigned, e -> e.mapQuery(q -> q.replace("&X-Amz-Expires=1800", "")));

        // Removing X-Amz-Expires changes the canonical query, so within the skew it is a signature mismatch...
        failure(verifier(), withoutExpires, SigV4Failure.SIGNATURE_MISMATCH);
        // ...and past the skew the date check comes first.
        failure(verifierAt(SIGNING_TIME.plus(Duration.ofMinutes(6))), withoutExpires, SigV4Failure.SIGNATURE_EXPIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"604801", "-1", "soon"})
    void rejectsInvalidExpires(String expires) {
        SignedRequest presigned = SdkSigning.presign(
                iamGet().build(), new byte[0], LONG_TERM, "iam", "us-east-1", Duration.ofMinutes(30));
        SignedRequest invalid = RequestEditor.edit(
                presigned, e -> e.mapQuery(q -> q.replace("X-Amz-Expires=1800", "X-Amz-Expires=" + expires)));

        SigV4Exception e = failure(verifier(), invalid, SigV4Failure.INCOMPLETE_SIGNATURE);

        assertThat(e.awsMessage())
                .isIn(
                        "X-Amz-Expires must be less than a week (in seconds) that is 604800",
                        "X-Amz-Expires must be non-negative",
                        "X-Amz-Expires should be a number");
    }

    @Test
    void presignedUrlMayLastSevenDays() {
        SignedRequest request =
                SdkSigning.presign(iamGet().build(), new byte[0], LONG_TERM, "iam", "us-east-1", Duration.ofDays(7));

        assertThatCode(() -> verifierAt(SIGNING_TIME.plus(Duration.ofDays(7))).verify(request))
                .doesNotThrowAnyException();
    }

    // ---- payload --------------------------------------------------------------------------------------------

    @Test
    void unsignedPayloadIsRejectedByDefault() {
        SignedRequest request = SdkSigning.sign(
                ecsListTasks().protocol("http").build(), ECS_BODY, LONG_TERM, "ecs", "us-east-1", false);
        // Over http the SDK signs the payload anyway; force the UNSIGNED-PAYLOAD form over https.
        SignedRequest unsigned =
                SdkSigning.sign(ecsListTasks().build(), ECS_BODY, LONG_TERM, "ecs", "us-east-1", false);
        assertThat(request.firstHeader("x-amz-content-sha256")).get().isNotEqualTo("UNSIGNED-PAYLOAD");
        assertThat(unsigned.firstHeader("x-amz-content-sha256")).contains("UNSIGNED-PAYLOAD");

        SigV4Exception e = failure(verifier(), unsigned, SigV4Failure.SIGNATURE_MISMATCH);

        assertThat(e.detail()).get().asString().contains("UNSIGNED-PAYLOAD is not accepted");
    }

    @Test
    void unsignedPayloadIsAcceptedWhenAllowed() throws Exception {
        SignedRequest unsigned =
                SdkSigning.sign(ecsListTasks().build(), ECS_BODY, LONG_TERM, "ecs", "us-east-1", false);
        SigV4Verifier lenient = SigV4Verifier.builder(key -> Optional.ofNullable(credentials.get(key)))
                .clock(Clock.fixed(SIGNING_TIME, ZoneOffset.UTC))
                .unsignedPayloadAllowed(true)
                .build();

        assertThat(lenient.verify(unsigned).accessKeyId()).isEqualTo(LONG_TERM_KEY);
        // The body is not covered by the signature then.
        assertThat(lenient.verify(RequestEditor.edit(unsigned, e -> e.body("{}")))
                        .accessKeyId())
                .isEqualTo(LONG_TERM_KEY);
    }

    // ---- malformed and missing authentication -----------------------------------------------------------------

    @Nested
    class Malformed {
        final SignedRequest signed = SdkSigning.sign(ecsListTasks().build(), ECS_BODY, LONG_TERM, "ecs", "us-east-1");
        final String authorization = signed.firstHeader("Authorization").orElseThrow();

        SignedRequest withAuthorization(String value) {
            return RequestEditor.edit(signed, e -> e.setHeader("Authorization", value));
        }

        String component(String name) {
            for (String part :
                    authorization.substring("AWS4-HMAC-SHA256 ".length()).split(", ")) {
                if (part.startsWith(name + "=")) {
                    return part;
                }
            }
            throw new AssertionError(name);
        }

        @Test
        void missingAuthorization() {
            SigV4Exception e = failure(
                    verifier(),
                    RequestEditor.edit(signed, r -> r.removeHeader("Authorization")),
                    SigV4Failure.MISSING_AUTHENTICATION);

            assertThat(e.awsMessage(ProtocolFamily.JSON)).isEqualTo("Missing Authentication Token");
            assertThat(e.awsMessage(ProtocolFamily.REST_JSON)).isEqualTo("Missing Authentication Token");
            assertThat(e.awsMessage(ProtocolFamily.QUERY)).isEqualTo("Request is missing Authentication Token");
            assertThat(e.errorCode(ProtocolFamily.JSON)).isEqualTo("MissingAuthenticationTokenException");
            assertThat(e.errorCode(ProtocolFamily.QUERY)).isEqualTo("MissingAuthenticationToken");
            assertThat(e.httpStatus(ProtocolFamily.QUERY)).isEqualTo(403);
        }

        @Test
        void blankAuthorizationCountsAsMissing() {
            failure(verifier(), withAuthorization("   "), SigV4Failure.MISSING_AUTHENTICATION);
        }

        @Test
        void missingCredential() {
            SigV4Exception e = failure(
                    verifier(),
                    withAuthorization("AWS4-HMAC-SHA256 " + component("SignedHeaders") + ", " + component("Signature")),
                    SigV4Failure.INCOMPLETE_SIGNATURE);

            assertThat(e.awsMessage())
                    .isEqualTo(
                            "Authorization header requires 'Credential' parameter. " + "Authorization=AWS4-HMAC-SHA256 "
                                    + component("SignedHeaders") + ", " + component("Signature"));
            assertThat(e.errorCode(ProtocolFamily.JSON)).isEqualTo("IncompleteSignatureException");
            assertThat(e.errorCode(ProtocolFamily.QUERY)).isEqualTo("IncompleteSignature");
            assertThat(e.httpStatus(ProtocolFamily.QUERY)).isEqualTo(400);
            assertThat(e.httpStatus(ProtocolFamily.REST_JSON)).isEqualTo(403);
        }

        @Test
        void missingSignedHeaders() {
            SigV4Exception e = failure(
                    verifier(),
                    withAuthorization("AWS4-HMAC-SHA256 " + component("Credential") + ", " + component("Signature")),
                    SigV4Failure.INCOMPLETE_SIGNATURE);

            assertThat(e.awsMessage())
                    .startsWith("Authorization header requires 'SignedHeaders' parameter. "
                            + "Authorization=AWS4-HMAC-SHA256 Credential=");
        }

        @Test
        void missingSignature() {
            SigV4Exception e = failure(
                    verifier(),
                    withAuthorization(
                            "AWS4-HMAC-SHA256 " + component("Credential") + ", " + component("SignedHeaders")),
                    SigV4Failure.INCOMPLETE_SIGNATURE);

            assertThat(e.awsMessage())
                    .startsWith("Authorization header requires 'Signature' parameter. " + "Authorization=");
        }

        @Test
        void missingEverythingIncludingTheDate() {
            SignedRequest request = RequestEditor.edit(
                    signed,
                    r -> r.setHeader("Authorization", "AWS4-HMAC-SHA256").removeHeader("X-Amz-Date"));

            SigV4Exception e = failure(verifier(), request, SigV4Failure.INCOMPLETE_SIGNATURE);

            assertThat(e.awsMessage())
                    .isEqualTo("Authorization header requires 'Credential' parameter. "
                            + "Authorization header requires 'Signature' parameter. "
                            + "Authorization header requires 'SignedHeaders' parameter. "
                            + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                            + "Authorization=AWS4-HMAC-SHA256");
        }

        @Test
        void componentWithoutEqualsSign() {
            String broken = authorization.replace("Credential=", "Credential= ");

            SigV4Exception e = failure(verifier(), withAuthorization(broken), SigV4Failure.INCOMPLETE_SIGNATURE);

            assertThat(e.awsMessage())
                    .isEqualTo("'" + LONG_TERM_KEY + "/20240301/us-east-1/ecs/aws4_request' not a "
                            + "valid key=value pair (missing equal-sign) in Authorization header: '" + broken + "'.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"AWS4-HMAC-SHA512", "AWS4-ECDSA-P256-SHA256", "AWS", "Bearer"})
        void wrongAlgorithm(String algorithm) {
            SigV4Exception e = failure(
                    verifier(),
                    withAuthorization(authorization.replace("AWS4-HMAC-SHA256", algorithm)),
                    SigV4Failure.UNSUPPORTED_ALGORITHM);

            assertThat(e.awsMessage()).isEqualTo("Unsupported AWS 'algorithm': '" + algorithm + "'.");
            assertThat(e.errorCode(ProtocolFamily.JSON)).isEqualTo("IncompleteSignatureException");
        }

        @Test
        void hostNotSigned() {
            SigV4Exception e = failure(
                    verifier(), withAuthorization(authorization.replace(";host;", ";")), SigV4Failure.HOST_NOT_SIGNED);

            assertThat(e.awsMessage())
                    .isEqualTo("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
            assertThat(e.errorCode(ProtocolFamily.QUERY)).isEqualTo("SignatureDoesNotMatch");
        }

        @Test
        void credentialWithFourElements() {
            SigV4Exception e = failure(
                    verifier(),
                    withAuthorization(authorization.replace("/aws4_request", "")),
                    SigV4Failure.INCOMPLETE_SIGNATURE);

            assertThat(e.awsMessage())
                    .isEqualTo("Credential must have exactly 5 slash-delimited elements, "
                            + "e.g. keyid/date/region/service/term, got '" + LONG_TERM_KEY
                            + "/20240301/us-east-1/ecs'");
        }

        @Test
        void wrongTerminatorAndDate() {
            SigV4Exception e = failure(
                    verifier(),
                    withAuthorization(authorization
                            .replace("/20240301/", "/20240229/")
                            .replace("/aws4_request", "/aws5_request")),
                    SigV4Failure.INVALID_CREDENTIAL_SCOPE);

            assertThat(e.awsMessage())
                    .isEqualTo("Credential should be scoped with a valid terminator: "
                            + "'aws4_request', not 'aws5_request'. Date in Credential scope does not match YYYYMMDD from "
                            + "ISO-8601 version of date from HTTP: '20240229' != '20240301', from '20240301T100000Z'.");
            assertThat(e.errorCode(ProtocolFamily.JSON)).isEqualTo("InvalidSignatureException");
        }

        @Test
        void wrongRegionAndServiceWhenExpected() {
            SigV4Exception e =
                    catchThrowableOfType(SigV4Exception.class, () -> verifier().verify(signed, "eu-west-1", "ecr"));

            assertThat(e.failure()).isEqualTo(SigV4Failure.INVALID_CREDENTIAL_SCOPE);
            assertThat(e.awsMessage())
                    .isEqualTo("Credential should be scoped to a valid region, not 'us-east-1'. "
                            + "Credential should be scoped to correct service: 'ecr'.");
        }

        @Test
        void malformedDate() {
            SigV4Exception e = failure(
                    verifier(),
                    RequestEditor.edit(signed, r -> r.setHeader("X-Amz-Date", "2024-03-01 10:00")),
                    SigV4Failure.INCOMPLETE_SIGNATURE);

            assertThat(e.awsMessage())
                    .isEqualTo("Date must be in ISO-8601 'basic format'. Got '2024-03-01 10:00'. "
                            + "See http://en.wikipedia.org/wiki/ISO_8601");
        }

        @Test
        void headerAndQueryAuthenticationTogether() {
            SignedRequest presigned = SdkSigning.presign(
                    iamGet().build(), new byte[0], LONG_TERM, "iam", "us-east-1", Duration.ofMinutes(15));
            SignedRequest both = RequestEditor.edit(presigned, r -> r.setHeader("Authorization", authorization));

            SigV4Exception e = failure(verifier(), both, SigV4Failure.CONFLICTING_AUTHENTICATION);

            assertThat(e.awsMessage()).isEmpty();
            assertThat(e.errorCode(ProtocolFamily.QUERY)).isEqualTo("SignatureDoesNotMatch");
        }

        @Test
        void queryParametersMissing() {
            SignedRequest request = SignedRequest.builder()
                    .method("GET")
                    .rawPath("/")
                    .rawQuery("Action=ListUsers&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240301T100000Z")
                    .header("Host", "iam.amazonaws.com")
                    .build();

            SigV4Exception e = failure(verifier(), request, SigV4Failure.INCOMPLETE_SIGNATURE);

            assertThat(e.awsMessage())
                    .isEqualTo("AWS query-string parameters must include 'X-Amz-Credential'. "
                            + "AWS query-string parameters must include 'X-Amz-Signature'. "
                            + "AWS query-string parameters must include 'X-Amz-SignedHeaders'. "
                            + "Re-examine the query-string parameters.");
        }

        @Test
        void queryAlgorithmUnsupported() {
            SignedRequest request = SignedRequest.builder()
                    .method("GET")
                    .rawPath("/")
                    .rawQuery("X-Amz-Algorithm=AWS4-HMAC-SHA1")
                    .header("Host", "iam.amazonaws.com")
                    .build();

            SigV4Exception e = failure(verifier(), request, SigV4Failure.UNSUPPORTED_ALGORITHM);

            assertThat(e.awsMessage()).isEqualTo("Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA1'.");
        }

        @Test
        void presignedHostNotSigned() {
            SignedRequest presigned = SdkSigning.presign(
                    iamGet().build(), new byte[0], LONG_TERM, "iam", "us-east-1", Duration.ofMinutes(15));

            failure(
                    verifier(),
                    RequestEditor.edit(
                            presigned,
                            r -> r.mapQuery(
                                    q -> q.replace("X-Amz-SignedHeaders=host", "X-Amz-SignedHeaders=x-amz-date"))),
                    SigV4Failure.HOST_NOT_SIGNED);
        }
    }
}
