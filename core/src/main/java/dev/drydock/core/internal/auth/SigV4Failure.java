package dev.drydock.core.internal.auth;

import java.util.Objects;

/**
 * Why {@link SigV4Verifier} rejected a request, with the error code and HTTP status AWS uses for it in each
 * {@link ProtocolFamily}.
 *
 * <p>Mapping (code / HTTP status for {@code JSON} | {@code QUERY} | {@code REST_JSON}):
 * <ul>
 *   <li>{@link #MISSING_AUTHENTICATION}: {@code MissingAuthenticationTokenException} 400 |
 *       {@code MissingAuthenticationToken} 403 | {@code MissingAuthenticationTokenException} 403</li>
 *   <li>{@link #INCOMPLETE_SIGNATURE}, {@link #UNSUPPORTED_ALGORITHM}: {@code IncompleteSignatureException} 400 |
 *       {@code IncompleteSignature} 400 | {@code IncompleteSignatureException} 403</li>
 *   <li>{@link #SIGNATURE_MISMATCH}, {@link #SIGNATURE_EXPIRED}, {@link #HOST_NOT_SIGNED},
 *       {@link #INVALID_CREDENTIAL_SCOPE}, {@link #CONFLICTING_AUTHENTICATION}: {@code InvalidSignatureException} 400 |
 *       {@code SignatureDoesNotMatch} 403 | {@code InvalidSignatureException} 403</li>
 *   <li>{@link #PRESIGNED_URL_EXPIRED}: {@code InvalidSignatureException} 400 | {@code RequestExpired} 400 |
 *       {@code InvalidSignatureException} 403</li>
 *   <li>{@link #UNKNOWN_ACCESS_KEY}, {@link #INVALID_SESSION_TOKEN}, {@link #MISSING_SESSION_TOKEN}:
 *       {@code UnrecognizedClientException} 400 | {@code InvalidClientTokenId} 403 |
 *       {@code UnrecognizedClientException} 403</li>
 *   <li>{@link #EXPIRED_TOKEN}: {@code ExpiredTokenException} 400 | {@code ExpiredToken} 403 |
 *       {@code ExpiredTokenException} 403</li>
 * </ul>
 * Sources: the AWS "Common Errors" API reference pages (IncompleteSignature 400, InvalidClientTokenId 403,
 * MissingAuthenticationToken 403, RequestExpired 400 "... or more than 15 minutes after the request expiration
 * date (such as for pre-signed URLs)"); error responses quoted in public bug reports for ECS, ECR, DynamoDB,
 * Lambda, STS and IAM; and the scratchstack-aws-signature project's charting of IAM's error ordering.
 */
public enum SigV4Failure {
    /** Neither an {@code Authorization} header nor an {@code X-Amz-Algorithm} query parameter was sent. */
    MISSING_AUTHENTICATION,
    /** Both an {@code Authorization} header and an {@code X-Amz-Algorithm} query parameter were sent. */
    CONFLICTING_AUTHENTICATION,
    /**
     * The signature is malformed: a missing {@code Credential}, {@code SignedHeaders} or {@code Signature}
     * (or {@code X-Amz-*} query parameter), no date, a date not in ISO 8601 basic format, a credential that is not
     * five slash-separated elements, a component that is not {@code key=value}, or a bad {@code X-Amz-Expires}.
     */
    INCOMPLETE_SIGNATURE,
    /** The algorithm is not {@code AWS4-HMAC-SHA256}. */
    UNSUPPORTED_ALGORITHM,
    /** {@code host} (or {@code :authority}) is not among the signed headers. */
    HOST_NOT_SIGNED,
    /**
     * The credential scope does not fit the request: wrong terminator, a scope date that is not the request's
     * date, or (when the caller asked for them) the wrong region or service.
     */
    INVALID_CREDENTIAL_SCOPE,
    /** The access key id is not known to the {@link CredentialResolver}. */
    UNKNOWN_ACCESS_KEY,
    /** A session token was sent that does not belong to the access key (or the key is a long-term key). */
    INVALID_SESSION_TOKEN,
    /** The access key belongs to temporary credentials but no {@code X-Amz-Security-Token} was sent. */
    MISSING_SESSION_TOKEN,
    /** The signature does not match the one computed from the request and the secret key. */
    SIGNATURE_MISMATCH,
    /** The request time is further from the verifier's clock than the allowed skew, in either direction. */
    SIGNATURE_EXPIRED,
    /** A presigned URL is used after {@code X-Amz-Date + X-Amz-Expires}. */
    PRESIGNED_URL_EXPIRED,
    /** The credentials (a session) have expired. */
    EXPIRED_TOKEN;

    /**
     * The error code AWS returns for this failure in the given protocol family: the JSON {@code __type} /
     * {@code x-amzn-ErrorType} for {@link ProtocolFamily#JSON} and {@link ProtocolFamily#REST_JSON}, the XML
     * {@code <Code>} for {@link ProtocolFamily#QUERY}.
     *
     * @param family the protocol family of the target service, not null
     * @return the error code, for example {@code UnrecognizedClientException} or {@code InvalidClientTokenId}
     */
    public String errorCode(ProtocolFamily family) {
        boolean query = Objects.requireNonNull(family, "family") == ProtocolFamily.QUERY;
        switch (this) {
            case MISSING_AUTHENTICATION:
                return query ? "MissingAuthenticationToken" : "MissingAuthenticationTokenException";
            case INCOMPLETE_SIGNATURE:
            case UNSUPPORTED_ALGORITHM:
                return query ? "IncompleteSignature" : "IncompleteSignatureException";
            case UNKNOWN_ACCESS_KEY:
            case INVALID_SESSION_TOKEN:
            case MISSING_SESSION_TOKEN:
                return query ? "InvalidClientTokenId" : "UnrecognizedClientException";
            case EXPIRED_TOKEN:
                return query ? "ExpiredToken" : "ExpiredTokenException";
            case PRESIGNED_URL_EXPIRED:
                return query ? "RequestExpired" : "InvalidSignatureException";
            case CONFLICTING_AUTHENTICATION:
            case HOST_NOT_SIGNED:
            case INVALID_CREDENTIAL_SCOPE:
            case SIGNATURE_MISMATCH:
            case SIGNATURE_EXPIRED:
            default:
                return query ? "SignatureDoesNotMatch" : "InvalidSignatureException";
        }
    }

    /**
     * The HTTP status AWS answers this failure with in the given protocol family: 400 for every failure in
     * {@link ProtocolFamily#JSON}; 403 for every failure in {@link ProtocolFamily#REST_JSON}; in
     * {@link ProtocolFamily#QUERY} 400 for {@code IncompleteSignature} and {@code RequestExpired}, 403 otherwise.
     *
     * @param family the protocol family of the target service, not null
     * @return 400 or 403
     */
    public int httpStatus(ProtocolFamily family) {
        switch (Objects.requireNonNull(family, "family")) {
            case JSON:
                return 400;
            case REST_JSON:
                return 403;
            case QUERY:
            default:
                switch (this) {
                    case INCOMPLETE_SIGNATURE:
                    case UNSUPPORTED_ALGORITHM:
                    case PRESIGNED_URL_EXPIRED:
                        return 400;
                    default:
                        return 403;
                }
        }
    }
}
