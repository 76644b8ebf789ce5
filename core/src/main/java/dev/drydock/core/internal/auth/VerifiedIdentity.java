package dev.drydock.core.internal.auth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a successful {@link SigV4Verifier#verify(SignedRequest)} established about the caller.
 *
 * @param accessKeyId the access key id that signed the request
 * @param scopeDate the date of the credential scope (UTC day of the signature)
 * @param region the region of the credential scope, for example {@code us-east-1}
 * @param service the signing name of the credential scope, for example {@code ecs}, {@code ecr},
 *     {@code elasticfilesystem}, {@code iam}, {@code sts}
 * @param signedHeaders the signed header names, as listed in the request (lowercase, in order)
 * @param principal the principal object the {@link CredentialResolver} attached to the credential, may be null
 * @param presigned whether the request authenticated with query parameters (a presigned URL) rather than an
 *     {@code Authorization} header
 * @param temporaryCredentials whether the credential has a session token
 * @param requestTime the request timestamp ({@code X-Amz-Date} or {@code Date}), to the second
 */
public record VerifiedIdentity(
        String accessKeyId,
        LocalDate scopeDate,
        String region,
        String service,
        List<String> signedHeaders,
        Object principal,
        boolean presigned,
        boolean temporaryCredentials,
        Instant requestTime) {

    /**
     * Validates and copies the parts.
     *
     * @param accessKeyId the access key id
     * @param scopeDate the scope date
     * @param region the region
     * @param service the signing name
     * @param signedHeaders the signed header names
     * @param principal the principal, or null
     * @param presigned whether query authentication was used
     * @param temporaryCredentials whether a session token was used
     * @param requestTime the request time
     * @throws NullPointerException if a part other than the principal is null
     */
    public VerifiedIdentity {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(scopeDate, "scopeDate");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        signedHeaders = List.copyOf(signedHeaders);
        Objects.requireNonNull(requestTime, "requestTime");
    }
}
