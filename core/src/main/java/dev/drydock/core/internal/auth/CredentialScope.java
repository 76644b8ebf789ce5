package dev.drydock.core.internal.auth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The credential scope a request claims, read without verifying anything: access key id, scope date, region and
 * service. Drydock's endpoint uses it to route a request to the service it was signed for (the {@code service}
 * element is the signing name: {@code ecs}, {@code ecr}, {@code elasticfilesystem}, {@code iam}, {@code sts}) before
 * {@link SigV4Verifier} authenticates it.
 *
 * <p>The scope is the {@code Credential} component of an {@code AWS4-HMAC-SHA256} {@code Authorization} header
 * ({@code Credential=AKID/20240101/us-east-1/ecs/aws4_request}) or the {@code X-Amz-Credential} query parameter of a
 * presigned URL; see "Elements of an AWS API request signature" in the IAM User Guide.
 *
 * @param accessKeyId the access key id (first element)
 * @param date the scope date as sent, normally {@code YYYYMMDD}
 * @param region the region, for example {@code us-east-1}
 * @param service the signing name of the service
 */
public record CredentialScope(String accessKeyId, String date, String region, String service) {

    /**
     * Validates the parts.
     *
     * @param accessKeyId the access key id
     * @param date the scope date
     * @param region the region
     * @param service the signing name
     * @throws NullPointerException if a part is null
     */
    public CredentialScope {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
    }

    /**
     * Extracts the credential scope of a request without checking its signature, date or anything else. When both
     * an {@code Authorization} header and an {@code X-Amz-Credential} parameter are present, the header wins (the
     * verifier rejects such a request anyway).
     *
     * @param request the received request, not null
     * @return the scope, or empty if the request carries no SigV4 credential or it is not five slash-separated
     *     elements with a non-empty access key, region and service
     */
    public static Optional<CredentialScope> parse(SignedRequest request) {
        Objects.requireNonNull(request, "request");
        String credential = null;
        Optional<String> authorization = request.firstHeader("Authorization");
        if (authorization.isPresent()
                && SigV4Verifier.ALGORITHM.equals(SigV4AuthParameters.headerAlgorithm(authorization.get()))) {
            for (String token : authorization.get().strip().split("[\\s,]+")) {
                if (token.startsWith("Credential=")) {
                    credential = token.substring("Credential=".length());
                }
            }
        } else {
            List<SigV4Canonical.QueryParam> params = SigV4Canonical.parseQuery(request.rawQuery());
            credential = SigV4AuthParameters.first(params, SigV4AuthParameters.X_AMZ_CREDENTIAL);
        }
        if (credential == null) {
            return Optional.empty();
        }
        String[] parts = credential.split("/", -1);
        if (parts.length != 5 || parts[0].isEmpty() || parts[2].isEmpty() || parts[3].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CredentialScope(parts[0], parts[1], parts[2], parts[3]));
    }
}
