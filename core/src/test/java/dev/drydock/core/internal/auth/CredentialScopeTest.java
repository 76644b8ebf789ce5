package dev.drydock.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/** {@link CredentialScope#parse(SignedRequest)} reads the scope for routing without verifying anything. */
class CredentialScopeTest {

    private static SignedRequest.Builder get() {
        return SignedRequest.builder().method("GET").rawPath("/").header("Host", "localhost");
    }

    @Test
    void readsTheAuthorizationHeader() {
        SignedRequest request = SdkSigning.sign(
                SigV4VerifierSdkTest.ecsListTasks().build(),
                SigV4VerifierSdkTest.ECS_BODY,
                SdkSigning.SESSION,
                "ecs",
                "eu-central-1");

        assertThat(CredentialScope.parse(request))
                .contains(new CredentialScope(SdkSigning.SESSION_KEY, "20240301", "eu-central-1", "ecs"));
    }

    @Test
    void readsThePresignedQuery() {
        SignedRequest request = SdkSigning.presign(
                SdkHttpFullRequest.builder()
                        .method(SdkHttpMethod.GET)
                        .protocol("https")
                        .host("sts.amazonaws.com")
                        .encodedPath("/")
                        .putRawQueryParameter("Action", "GetCallerIdentity")
                        .build(),
                new byte[0],
                SdkSigning.LONG_TERM,
                "sts",
                "us-east-1",
                Duration.ofMinutes(15));

        assertThat(CredentialScope.parse(request))
                .contains(new CredentialScope(SdkSigning.LONG_TERM_KEY, "20240301", "us-east-1", "sts"));
    }

    @Test
    void ignoresEverythingElseAboutTheRequest() {
        SignedRequest request = get().header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=AKID/20000101/"
                                + "us-west-2/elasticfilesystem/aws4_request,SignedHeaders=x,Signature=bad")
                .build();

        assertThat(CredentialScope.parse(request))
                .contains(new CredentialScope("AKID", "20000101", "us-west-2", "elasticfilesystem"));
    }

    @Test
    void emptyWithoutAUsableCredential() {
        assertThat(CredentialScope.parse(get().build())).isEmpty();
        assertThat(CredentialScope.parse(
                        get().header("Authorization", "Bearer abc").build()))
                .isEmpty();
        assertThat(CredentialScope.parse(get().header("Authorization", "AWS4-HMAC-SHA256 SignedHeaders=host")
                        .build()))
                .isEmpty();
        assertThat(CredentialScope.parse(get().header(
                                "Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20240301/us-east-1/aws4_request")
                        .build()))
                .isEmpty();
        assertThat(CredentialScope.parse(get().rawQuery("X-Amz-Credential=AKID%2F20240301%2F%2Fsts%2Faws4_request")
                        .build()))
                .isEmpty();
    }
}
