package dev.drydock.core.internal.auth;

/**
 * The AWS wire-protocol family of the service a request was addressed to. AWS services report the same
 * authentication failure with different error codes and HTTP statuses depending on the family, so
 * {@link SigV4Failure#errorCode(ProtocolFamily)} and {@link SigV4Failure#httpStatus(ProtocolFamily)} take one.
 *
 * <p>Smithy protocol names: {@code awsJson1_0}/{@code awsJson1_1} are {@link #JSON}, {@code awsQuery}
 * (and {@code ec2Query}) is {@link #QUERY}, {@code restJson1} is {@link #REST_JSON}.
 */
public enum ProtocolFamily {
    /**
     * {@code awsJson1_1}: Amazon ECS and Amazon ECR. Errors are JSON bodies {@code {"__type": code, "message": text}}
     * with codes ending in {@code Exception} (for example {@code UnrecognizedClientException}) and HTTP 400.
     */
    JSON,
    /**
     * {@code awsQuery}: IAM and STS. Errors are XML {@code <ErrorResponse><Error><Type>Sender</Type><Code>..}
     * with short codes (for example {@code InvalidClientTokenId}) and mostly HTTP 403.
     */
    QUERY,
    /**
     * {@code restJson1}: Amazon EFS. The same codes as {@link #JSON}, carried in the {@code x-amzn-ErrorType}
     * header and a JSON body, but with HTTP 403 for authentication failures.
     */
    REST_JSON
}
