package dev.drydock.core.internal.iam;

import dev.drydock.core.internal.auth.CredentialScope;
import dev.drydock.core.internal.auth.ProtocolFamily;
import dev.drydock.core.internal.auth.SigV4Exception;
import dev.drydock.core.internal.auth.SigV4Verifier;
import dev.drydock.core.internal.auth.VerifiedIdentity;
import dev.drydock.core.internal.service.Authenticator;
import dev.drydock.core.internal.service.AwsService;
import dev.drydock.core.internal.service.SigningScope;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Authenticates every request with AWS Signature Version 4 (Authorization header or presigned query) against the
 * account's access keys and sessions, and answers failures with the AWS error of the service's protocol family
 * (UnrecognizedClientException, InvalidSignatureException, ExpiredTokenException ... for JSON services;
 * InvalidClientTokenId, SignatureDoesNotMatch, ExpiredToken ... for IAM and STS). The allowed clock skew is AWS's:
 * 5 minutes for JSON services, 15 minutes for IAM and STS.
 *
 * <p>The credential scope must name the service and Drydock's region, as AWS's regional endpoints require: a request
 * signed for another region is refused as AWS refuses it ({@code InvalidSignatureException} "Credential should be
 * scoped to a valid region, not 'eu-west-3'." in JSON protocols, {@code SignatureDoesNotMatch} in IAM's and STS's).
 * IAM and STS also accept {@code us-east-1}, the region their global endpoints ({@code iam.amazonaws.com},
 * {@code sts.amazonaws.com}) are signed for, and {@code aws-global}, the name the AWS SDK for Java signs with when a
 * client built with {@code Region.AWS_GLOBAL} is given an endpoint override. Drydock models one region; a client
 * configured for another one is a mistake this answer points out rather than a second region's state.
 */
public final class SigV4Authenticator implements Authenticator {
    /** The signing names whose global endpoint is signed for us-east-1 whatever Drydock's region. */
    private static final Set<String> GLOBAL_ENDPOINTS = Set.of("iam", "sts");

    /**
     * The regions a global endpoint's requests are signed for: us-east-1, and {@code aws-global}, the region the AWS
     * SDK for Java signs with when a client configured with {@code Region.AWS_GLOBAL} is given an endpoint override.
     */
    private static final Set<String> GLOBAL_REGIONS = Set.of("us-east-1", "aws-global");

    private final SigV4Verifier jsonVerifier;
    private final SigV4Verifier queryVerifier;
    private final String region;

    /**
     * @param iam the account's credentials
     * @param clock the clock requests' dates are checked against
     * @param region Drydock's region, which credential scopes must name
     */
    public SigV4Authenticator(IamAccess iam, Clock clock, String region) {
        this.jsonVerifier = new SigV4Verifier(iam::credential, clock, Duration.ofMinutes(5));
        this.queryVerifier = new SigV4Verifier(iam::credential, clock, Duration.ofMinutes(15));
        this.region = region;
    }

    @Override
    public Caller authenticate(HttpRequest request, AwsService service) {
        ProtocolFamily family = service.protocolFamily();
        SigV4Verifier verifier = family == ProtocolFamily.QUERY ? queryVerifier : jsonVerifier;
        try {
            var signed = SigningScope.signedRequest(request);
            String expectedRegion = region;
            if (GLOBAL_ENDPOINTS.contains(service.signingName())) {
                String scoped = CredentialScope.parse(signed)
                        .map(CredentialScope::region)
                        .orElse(region);
                if (GLOBAL_REGIONS.contains(scoped)) {
                    expectedRegion = scoped;
                }
            }
            VerifiedIdentity identity = verifier.verify(signed, expectedRegion, service.signingName());
            return new AuthenticatedCaller((Principal) identity.principal(), identity.accessKeyId());
        } catch (SigV4Exception e) {
            throw new AwsException(e.errorCode(family), e.httpStatus(family), e.awsMessage(family));
        }
    }
}
