package dev.drydock.core.internal.iam;

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

/**
 * Authenticates every request with AWS Signature Version 4 (Authorization header or presigned query) against the
 * account's access keys and sessions, and answers failures with the AWS error of the service's protocol family
 * (UnrecognizedClientException, InvalidSignatureException, ExpiredTokenException ... for JSON services;
 * InvalidClientTokenId, SignatureDoesNotMatch, ExpiredToken ... for IAM and STS). The allowed clock skew is AWS's:
 * 5 minutes for JSON services, 15 minutes for IAM and STS.
 */
public final class SigV4Authenticator implements Authenticator {
    private final SigV4Verifier jsonVerifier;
    private final SigV4Verifier queryVerifier;

    public SigV4Authenticator(IamAccess iam, Clock clock) {
        this.jsonVerifier = new SigV4Verifier(iam::credential, clock, Duration.ofMinutes(5));
        this.queryVerifier = new SigV4Verifier(iam::credential, clock, Duration.ofMinutes(15));
    }

    @Override
    public Caller authenticate(HttpRequest request, AwsService service) {
        ProtocolFamily family = service.protocolFamily();
        SigV4Verifier verifier = family == ProtocolFamily.QUERY ? queryVerifier : jsonVerifier;
        try {
            VerifiedIdentity identity = verifier.verify(SigningScope.signedRequest(request));
            return new AuthenticatedCaller((Principal) identity.principal(), identity.accessKeyId());
        } catch (SigV4Exception e) {
            throw new AwsException(e.errorCode(family), e.httpStatus(family), e.awsMessage(family));
        }
    }
}
