package dev.drydock.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Sends real STS calls through the SDK's client pipeline into a capturing HTTP client, then verifies what went on
 * the wire: the awsQuery form bodies, headers and signatures a real IAM/STS-bound client produces.
 */
class StsClientRequestTest {
    private static final String CALLER_IDENTITY = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/"
            + "2011-06-15/\"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/alice</Arn>"
            + "<UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult>"
            + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>";
    private static final String ASSUME_ROLE = "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/"
            + "2011-06-15/\"><AssumeRoleResult></AssumeRoleResult><ResponseMetadata><RequestId>2</RequestId>"
            + "</ResponseMetadata></AssumeRoleResponse>";

    /** Records each request and answers with a canned body. */
    static final class CapturingHttpClient implements SdkHttpClient {
        final List<SignedRequest> requests = new ArrayList<>();
        private final String responseBody;

        CapturingHttpClient(String responseBody) {
            this.responseBody = responseBody;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    byte[] body = request.contentStreamProvider()
                            .map(p -> {
                                try (InputStream in = p.newStream()) {
                                    return in.readAllBytes();
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            })
                            .orElse(new byte[0]);
                    requests.add(SdkSigning.toSignedRequest(request.httpRequest(), body));
                    byte[] response = responseBody.getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder()
                                    .statusCode(200)
                                    .putHeader("Content-Type", "text/xml")
                                    .putHeader("Content-Length", String.valueOf(response.length))
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(response)))
                            .build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public void close() {}
    }

    private static SignedRequest send(AwsCredentials credentials, String response, Consumer<StsClient> call) {
        CapturingHttpClient http = new CapturingHttpClient(response);
        try (StsClient sts = StsClient.builder()
                .httpClient(http)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .build()) {
            call.accept(sts);
        }
        assertThat(http.requests).hasSize(1);
        return http.requests.get(0);
    }

    private static SigV4Verifier verifierFor(SignedRequest request, SigningCredential credential) {
        Instant sent = ZonedDateTime.parse(
                        request.firstHeader("X-Amz-Date").orElseThrow(),
                        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX"))
                .toInstant();
        return new SigV4Verifier(
                key -> key.equals(credential.accessKeyId()) ? Optional.of(credential) : Optional.empty(),
                Clock.fixed(sent.plusSeconds(1), ZoneOffset.UTC));
    }

    @Test
    void verifiesGetCallerIdentityWithSessionCredentials() throws Exception {
        SignedRequest request = send(
                AwsSessionCredentials.create(
                        SdkSigning.SESSION_KEY, SdkSigning.SESSION_SECRET, SdkSigning.SESSION_TOKEN),
                CALLER_IDENTITY,
                StsClient::getCallerIdentity);
        assertThat(new String(request.body().orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("Action=GetCallerIdentity&Version=2011-06-15");

        VerifiedIdentity identity = verifierFor(
                        request,
                        new SigningCredential(
                                SdkSigning.SESSION_KEY,
                                SdkSigning.SESSION_SECRET,
                                SdkSigning.SESSION_TOKEN,
                                null,
                                "role-session"))
                .verify(request, "us-east-1", "sts");

        assertThat(identity.principal()).isEqualTo("role-session");
        assertThat(identity.temporaryCredentials()).isTrue();
    }

    @Test
    void verifiesAssumeRoleFormBodyWithEncodedValues() throws Exception {
        SignedRequest request = send(
                AwsBasicCredentials.create(SdkSigning.LONG_TERM_KEY, SdkSigning.LONG_TERM_SECRET),
                ASSUME_ROLE,
                sts -> sts.assumeRole(r ->
                        r.roleArn("arn:aws:iam::123456789012:role/deployer").roleSessionName("ci+run=1")));
        assertThat(new String(request.body().orElseThrow(), StandardCharsets.UTF_8))
                .contains(
                        "RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdeployer", "RoleSessionName=ci%2Brun%3D1");

        SigningCredential credential =
                SigningCredential.longTerm(SdkSigning.LONG_TERM_KEY, SdkSigning.LONG_TERM_SECRET, "alice");
        assertThat(verifierFor(request, credential).verify(request).principal()).isEqualTo("alice");

        SigV4Exception e = catchThrowableOfType(
                SigV4Exception.class,
                () -> verifierFor(request, credential)
                        .verify(RequestEditor.edit(
                                request,
                                r -> r.body(new String(r.body, StandardCharsets.UTF_8).replace("deployer", "admin")))));
        assertThat(e.failure()).isEqualTo(SigV4Failure.SIGNATURE_MISMATCH);
        assertThat(e.errorCode(ProtocolFamily.QUERY)).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.httpStatus(ProtocolFamily.QUERY)).isEqualTo(403);
    }
}
