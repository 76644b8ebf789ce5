package dev.drydock.core.internal.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Thrown by {@link SigV4Verifier#verify(SignedRequest)} when a request does not authenticate. It carries the
 * {@link SigV4Failure} and the text AWS sends back for it, so the endpoint can render the service's own error
 * response: {@link #errorCode(ProtocolFamily)}, {@link #httpStatus(ProtocolFamily)} and
 * {@link #awsMessage(ProtocolFamily)}.
 *
 * <p>Neither the message nor any accessor contains a secret access key or a derived signing key. For
 * {@link SigV4Failure#SIGNATURE_MISMATCH} the AWS message ends with the canonical request and string to sign the
 * server computed, as AWS does; the canonical request shows the signed header values the client sent, which can
 * include its {@code x-amz-security-token}.
 */
public final class SigV4Exception extends Exception {
    private static final long serialVersionUID = 1L;

    /** The reason. */
    private final SigV4Failure failure;
    /** The AWS message as JSON-protocol services send it. */
    private final String awsMessage;
    /** The AWS message as query-protocol services send it, when it differs; else null. */
    private final String queryAwsMessage;
    /** The computed canonical request, or null. */
    private final String canonicalRequest;
    /** The computed string to sign, or null. */
    private final String stringToSign;
    /** A diagnostic note without secrets, or null. */
    private final String detail;

    SigV4Exception(SigV4Failure failure, String awsMessage) {
        this(failure, awsMessage, null, null, null, null);
    }

    SigV4Exception(
            SigV4Failure failure,
            String awsMessage,
            String queryAwsMessage,
            String canonicalRequest,
            String stringToSign,
            String detail) {
        super(describe(failure, awsMessage, detail));
        this.failure = Objects.requireNonNull(failure, "failure");
        this.awsMessage = Objects.requireNonNull(awsMessage, "awsMessage");
        this.queryAwsMessage = queryAwsMessage;
        this.canonicalRequest = canonicalRequest;
        this.stringToSign = stringToSign;
        this.detail = detail;
    }

    private static String describe(SigV4Failure failure, String awsMessage, String detail) {
        String text = failure + ": " + (awsMessage.isEmpty() ? "(AWS sends no message)" : awsMessage);
        return detail == null ? text : text + " [" + detail + "]";
    }

    /**
     * The reason the request was rejected.
     *
     * @return the failure, never null
     */
    public SigV4Failure failure() {
        return failure;
    }

    /**
     * The error code AWS returns for this failure in the given protocol family; shorthand for
     * {@code failure().errorCode(family)}.
     *
     * @param family the protocol family of the target service
     * @return the error code, for example {@code InvalidSignatureException}
     */
    public String errorCode(ProtocolFamily family) {
        return failure.errorCode(family);
    }

    /**
     * The HTTP status AWS returns for this failure in the given protocol family; shorthand for
     * {@code failure().httpStatus(family)}.
     *
     * @param family the protocol family of the target service
     * @return 400 or 403
     */
    public int httpStatus(ProtocolFamily family) {
        return failure.httpStatus(family);
    }

    /**
     * The message text AWS returns for this failure in the given protocol family (the JSON {@code message} or
     * XML {@code <Message>}). Most texts are the same in every family; they differ for
     * {@link SigV4Failure#MISSING_AUTHENTICATION} ({@code Missing Authentication Token} versus
     * {@code Request is missing Authentication Token}) and for session-token failures (IAM and STS omit the final
     * period). For {@link SigV4Failure#SIGNATURE_MISMATCH} the text is followed by the canonical request and the
     * string to sign, formatted as AWS does ({@code \n\nThe Canonical String for this request should have
     * been\n'...'\n\nThe String-to-Sign should have been\n'...'\n}). May be empty: AWS sends no message for
     * {@link SigV4Failure#CONFLICTING_AUTHENTICATION}.
     *
     * @param family the protocol family of the target service
     * @return the message, never null
     */
    public String awsMessage(ProtocolFamily family) {
        String base = family == ProtocolFamily.QUERY && queryAwsMessage != null ? queryAwsMessage : awsMessage;
        if (failure == SigV4Failure.SIGNATURE_MISMATCH && canonicalRequest != null && stringToSign != null) {
            return base + "\n\nThe Canonical String for this request should have been\n'" + canonicalRequest
                    + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n";
        }
        return base;
    }

    /**
     * The message text as JSON-protocol services (ECS, ECR) return it; the same as
     * {@code awsMessage(ProtocolFamily.JSON)}.
     *
     * @return the message, never null
     */
    public String awsMessage() {
        return awsMessage(ProtocolFamily.JSON);
    }

    /**
     * The canonical request the verifier computed, when the failure happened after it was built
     * ({@link SigV4Failure#SIGNATURE_MISMATCH}).
     *
     * @return the canonical request, or empty
     */
    public Optional<String> canonicalRequest() {
        return Optional.ofNullable(canonicalRequest);
    }

    /**
     * The string to sign the verifier computed, when the failure happened after it was built
     * ({@link SigV4Failure#SIGNATURE_MISMATCH}).
     *
     * @return the string to sign, or empty
     */
    public Optional<String> stringToSign() {
        return Optional.ofNullable(stringToSign);
    }

    /**
     * A diagnostic note for logs and test output that AWS would not send, for example which payload hash was
     * used. Never contains secrets.
     *
     * @return the note, or empty
     */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }
}
