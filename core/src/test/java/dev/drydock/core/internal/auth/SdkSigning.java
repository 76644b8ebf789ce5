package dev.drydock.core.internal.auth;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Signs requests with the AWS SDK for Java v2's own SigV4 signer and converts them to {@link SignedRequest}. */
final class SdkSigning {
    static final Instant SIGNING_TIME = Instant.parse("2024-03-01T10:00:00Z");
    static final Clock SIGNING_CLOCK = Clock.fixed(SIGNING_TIME, ZoneOffset.UTC);

    static final String LONG_TERM_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String LONG_TERM_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String SESSION_KEY = "ASIAIOSFODNN7EXAMPLE";
    static final String SESSION_SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";
    static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+token/==";

    static final AwsCredentialsIdentity LONG_TERM = AwsCredentialsIdentity.create(LONG_TERM_KEY, LONG_TERM_SECRET);
    static final AwsCredentialsIdentity SESSION =
            AwsSessionCredentialsIdentity.create(SESSION_KEY, SESSION_SECRET, SESSION_TOKEN);

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private SdkSigning() {}

    /** Signs with an Authorization header at {@link #SIGNING_TIME}. */
    static SignedRequest sign(
            SdkHttpFullRequest request, byte[] body, AwsCredentialsIdentity identity, String service, String region) {
        return sign(request, body, identity, service, region, true);
    }

    /** Signs with an Authorization header, optionally with payload signing disabled (UNSIGNED-PAYLOAD). */
    static SignedRequest sign(
            SdkHttpFullRequest request,
            byte[] body,
            AwsCredentialsIdentity identity,
            String service,
            String region,
            boolean payloadSigning) {
        SdkHttpRequest signed = SIGNER.sign(r -> r.identity(identity)
                        .request(request)
                        .payload(() -> new ByteArrayInputStream(body))
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning)
                        .putProperty(HttpSigner.SIGNING_CLOCK, SIGNING_CLOCK))
                .request();
        return toSignedRequest(signed, body);
    }

    /** Presigns (query-string auth) at {@link #SIGNING_TIME} for the given lifetime. */
    static SignedRequest presign(
            SdkHttpFullRequest request,
            byte[] body,
            AwsCredentialsIdentity identity,
            String service,
            String region,
            Duration expiration) {
        SdkHttpRequest signed = SIGNER.sign(r -> r.identity(identity)
                        .request(request)
                        .payload(() -> new ByteArrayInputStream(body))
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(
                                AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expiration)
                        .putProperty(HttpSigner.SIGNING_CLOCK, SIGNING_CLOCK))
                .request();
        return toSignedRequest(signed, body);
    }

    /** What an HTTP server would receive for the SDK request: encoded path and query as sent, all headers, body. */
    static SignedRequest toSignedRequest(SdkHttpRequest request, byte[] body) {
        return SignedRequest.builder()
                .method(request.method().name())
                .rawPath(request.encodedPath())
                .rawQuery(request.getUri().getRawQuery())
                .headers(request.headers())
                .body(body)
                .build();
    }
}
