package dev.drydock.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The error code and status table, per protocol family, and the exception's family-specific messages. */
class SigV4FailureTest {

    static Stream<Arguments> table() {
        return Stream.of(
                row(
                        SigV4Failure.MISSING_AUTHENTICATION,
                        "MissingAuthenticationTokenException",
                        400,
                        "MissingAuthenticationToken",
                        403,
                        "MissingAuthenticationTokenException",
                        403),
                row(
                        SigV4Failure.CONFLICTING_AUTHENTICATION,
                        "InvalidSignatureException",
                        400,
                        "SignatureDoesNotMatch",
                        403,
                        "InvalidSignatureException",
                        403),
                row(
                        SigV4Failure.INCOMPLETE_SIGNATURE,
                        "IncompleteSignatureException",
                        400,
                        "IncompleteSignature",
                        400,
                        "IncompleteSignatureException",
                        403),
                row(
                        SigV4Failure.UNSUPPORTED_ALGORITHM,
                        "IncompleteSignatureException",
                        400,
                        "IncompleteSignature",
                        400,
                        "IncompleteSignatureException",
                        403),
                row(
                        SigV4Failure.HOST_NOT_SIGNED,
                        "InvalidSignatureException",
                        400,
                        "SignatureDoesNotMatch",
                        403,
                        "InvalidSignatureException",
                        403),
                row(
                        SigV4Failure.INVALID_CREDENTIAL_SCOPE,
                        "InvalidSignatureException",
                        400,
                        "SignatureDoesNotMatch",
                        403,
                        "InvalidSignatureException",
                        403),
                row(
                        SigV4Failure.UNKNOWN_ACCESS_KEY,
                        "UnrecognizedClientException",
                        400,
                        "InvalidClientTokenId",
                        403,
                        "UnrecognizedClientException",
                        403),
                row(
                        SigV4Failure.INVALID_SESSION_TOKEN,
                        "UnrecognizedClientException",
                        400,
                        "InvalidClientTokenId",
                        403,
                        "UnrecognizedClientException",
                        403),
                row(
                        SigV4Failure.MISSING_SESSION_TOKEN,
                        "UnrecognizedClientException",
                        400,
                        "InvalidClientTokenId",
                        403,
                        "UnrecognizedClientException",
                        403),
                row(
                        SigV4Failure.SIGNATURE_MISMATCH,
                        "InvalidSignatureException",
                        400,
                        "SignatureDoesNotMatch",
                        403,
                        "InvalidSignatureException",
                        403),
                row(
                        SigV4Failure.SIGNATURE_EXPIRED,
                        "InvalidSignatureException",
                        400,
                        "SignatureDoesNotMatch",
                        403,
                        "InvalidSignatureException",
                        403),
                row(
                        SigV4Failure.PRESIGNED_URL_EXPIRED,
                        "InvalidSignatureException",
                        400,
                        "RequestExpired",
                        400,
                        "InvalidSignatureException",
                        403),
                row(
                        SigV4Failure.EXPIRED_TOKEN,
                        "ExpiredTokenException",
                        400,
                        "ExpiredToken",
                        403,
                        "ExpiredTokenException",
                        403));
    }

    private static Arguments row(
            SigV4Failure failure,
            String jsonCode,
            int jsonStatus,
            String queryCode,
            int queryStatus,
            String restJsonCode,
            int restJsonStatus) {
        return Arguments.of(failure, jsonCode, jsonStatus, queryCode, queryStatus, restJsonCode, restJsonStatus);
    }

    @Test
    void tableCoversEveryFailure() {
        assertThat(table().map(a -> a.get()[0])).containsExactlyInAnyOrder((Object[]) SigV4Failure.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void mapsToAwsCodesAndStatuses(
            SigV4Failure failure,
            String jsonCode,
            int jsonStatus,
            String queryCode,
            int queryStatus,
            String restJsonCode,
            int restJsonStatus) {
        assertThat(failure.errorCode(ProtocolFamily.JSON)).isEqualTo(jsonCode);
        assertThat(failure.httpStatus(ProtocolFamily.JSON)).isEqualTo(jsonStatus);
        assertThat(failure.errorCode(ProtocolFamily.QUERY)).isEqualTo(queryCode);
        assertThat(failure.httpStatus(ProtocolFamily.QUERY)).isEqualTo(queryStatus);
        assertThat(failure.errorCode(ProtocolFamily.REST_JSON)).isEqualTo(restJsonCode);
        assertThat(failure.httpStatus(ProtocolFamily.REST_JSON)).isEqualTo(restJsonStatus);
    }

    @Test
    void familyIsRequired() {
        assertThatThrownBy(() -> SigV4Failure.SIGNATURE_MISMATCH.errorCode(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void signatureMismatchMessageCarriesCanonicalStringLikeAws() {
        SigV4Exception e = new SigV4Exception(
                SigV4Failure.SIGNATURE_MISMATCH,
                "The request signature we " + "calculated does not match the signature you provided.",
                null,
                "GET\n/\n\nhost:h\n\nhost\nabc",
                "AWS4-HMAC-SHA256\n20240301T100000Z\n20240301/us-east-1/sts/aws4_request\ndef",
                null);

        assertThat(e.awsMessage(ProtocolFamily.QUERY))
                .isEqualTo("The request signature we calculated does not "
                        + "match the signature you provided.\n\nThe Canonical String for this request should have been\n"
                        + "'GET\n/\n\nhost:h\n\nhost\nabc'\n\nThe String-to-Sign should have been\n"
                        + "'AWS4-HMAC-SHA256\n20240301T100000Z\n20240301/us-east-1/sts/aws4_request\ndef'\n");
        assertThat(e.awsMessage(ProtocolFamily.JSON)).isEqualTo(e.awsMessage(ProtocolFamily.QUERY));
        assertThat(e.getMessage()).startsWith("SIGNATURE_MISMATCH: ");
    }

    @Test
    void signingCredentialToStringRedactsSecrets() {
        SigningCredential credential = new SigningCredential(
                "ASIAEXAMPLE", "top-secret", "session-token", Instant.parse("2024-03-01T11:00:00Z"), "role");

        assertThat(credential.toString()).contains("ASIAEXAMPLE", "role").doesNotContain("top-secret", "session-token");
        assertThat(SigningCredential.longTerm("AKIA", "s", null).isTemporary()).isFalse();
        assertThat(credential.isTemporary()).isTrue();
    }
}
