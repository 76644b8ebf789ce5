package dev.drydock.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Verifies requests signed by botocore's {@code SigV4Auth} and {@code SigV4QueryAuth}. The fixtures were generated
 * by {@code src/test/resources/sigv4/botocore/generate_botocore_fixtures.py}; Python is not needed to run this.
 */
class BotocoreInteropTest {
    private static final String RESOURCE = "/sigv4/botocore/botocore-fixtures.json";

    @SuppressWarnings("unchecked")
    static Stream<Arguments> fixtures() {
        List<Object> fixtures = (List<Object>) MiniJson.resource(RESOURCE).get("fixtures");
        return fixtures.stream().map(f -> (Map<String, Object>) f).map(f -> Arguments.of(f.get("name"), f));
    }

    @Test
    void fixturesCoverBothFormsAndTheDateHeader() {
        assertThat(fixtures().map(a -> (Map<?, ?>) a.get()[1]))
                .anyMatch(f -> Boolean.TRUE.equals(f.get("presigned")))
                .anyMatch(f -> ((Map<?, ?>) f.get("headers")).containsKey("Date"))
                .anyMatch(f -> f.get("sessionToken") != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void verifiesBotocoreSignedRequest(String name, Map<String, Object> fixture) throws Exception {
        VerifiedIdentity identity = verifier(fixture, (String) fixture.get("secretAccessKey"))
                .verify(request(fixture), (String) fixture.get("region"), (String) fixture.get("service"));

        assertThat(identity.accessKeyId()).isEqualTo(fixture.get("accessKeyId"));
        assertThat(identity.presigned()).isEqualTo(fixture.get("presigned"));
        assertThat(identity.temporaryCredentials()).isEqualTo(fixture.get("sessionToken") != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void rejectsBotocoreRequestWithChangedPath(String name, Map<String, Object> fixture) {
        SignedRequest tampered = RequestEditor.edit(request(fixture), e -> e.rawPath = e.rawPath + "x");

        SigV4Exception e = catchThrowableOfType(
                SigV4Exception.class,
                () -> verifier(fixture, (String) fixture.get("secretAccessKey")).verify(tampered));

        assertThat(e.failure()).isEqualTo(SigV4Failure.SIGNATURE_MISMATCH);
    }

    @SuppressWarnings("unchecked")
    static SignedRequest request(Map<String, Object> fixture) {
        SignedRequest.Builder builder = SignedRequest.builder()
                .method((String) fixture.get("method"))
                .rawPath((String) fixture.get("rawPath"))
                .rawQuery((String) fixture.get("rawQuery"))
                .body(Base64.getDecoder().decode((String) fixture.get("bodyBase64")));
        ((Map<String, Object>) fixture.get("headers"))
                .forEach((header, values) -> ((List<Object>) values).forEach(v -> builder.header(header, (String) v)));
        return builder.build();
    }

    static SigV4Verifier verifier(Map<String, Object> fixture, String secret) {
        SigningCredential credential = new SigningCredential(
                (String) fixture.get("accessKeyId"), secret, (String) fixture.get("sessionToken"), null, "botocore");
        return new SigV4Verifier(
                key -> key.equals(credential.accessKeyId()) ? Optional.of(credential) : Optional.empty(),
                Clock.fixed(Instant.parse((String) fixture.get("verifyTime")), ZoneOffset.UTC));
    }
}
