package dev.drydock.core.internal.sts.operations;

import dev.drydock.core.internal.iam.AuthenticatedCaller;
import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.Principal;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.backend.SessionCredentials;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import java.time.Duration;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;

/**
 * STS GetSessionToken: https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html. Temporary
 * credentials of the calling IAM user (900-129,600 seconds, default 43,200), acting with the user's policies. Needs
 * no permission. Called with temporary credentials it answers AccessDenied "Cannot call GetSessionToken with session
 * credentials" (aws/aws-sdk-php#1876). As in AWS, its credentials cannot call IAM (MFA is not modelled), see
 * {@link dev.drydock.core.internal.iam.IamApi}. SerialNumber and TokenCode are accepted and not checked.
 */
public final class GetSessionToken implements Operation<GetSessionTokenRequest, GetSessionTokenResponse> {
    private final IamBackend iam;

    public GetSessionToken(IamBackend iam) {
        this.iam = iam;
    }

    @Override
    public GetSessionTokenResponse call(GetSessionTokenRequest request, CallContext context) {
        int seconds = request.durationSeconds() == null ? 43200 : request.durationSeconds();
        if (seconds < 900) {
            throw IamErrors.constraint(seconds, "durationSeconds", "have value greater than or equal to 900");
        }
        if (seconds > 129600) {
            throw IamErrors.constraint(seconds, "durationSeconds", "have value less than or equal to 129600");
        }
        Principal p = AuthenticatedCaller.principalOf(context.caller());
        if (context.caller().accessKeyId().startsWith("ASIA") || p.type() != Principal.Type.USER) {
            throw new AwsException("AccessDenied", 403, "Cannot call GetSessionToken with session credentials");
        }
        SessionCredentials s = iam.issueUserSession(p, Duration.ofSeconds(seconds));
        return GetSessionTokenResponse.builder()
                .credentials(Credentials.builder()
                        .accessKeyId(s.accessKeyId())
                        .secretAccessKey(s.secretAccessKey())
                        .sessionToken(s.sessionToken())
                        .expiration(s.expiration())
                        .build())
                .build();
    }
}
