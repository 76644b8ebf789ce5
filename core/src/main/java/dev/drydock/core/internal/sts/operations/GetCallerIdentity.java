package dev.drydock.core.internal.sts.operations;

import dev.drydock.core.internal.iam.AuthenticatedCaller;
import dev.drydock.core.internal.iam.Principal;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * STS GetCallerIdentity: https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html. Who signed
 * the request; needs no permission (a policy denying {@code sts:GetCallerIdentity} does not stop it, as in AWS).
 */
public final class GetCallerIdentity implements Operation<GetCallerIdentityRequest, GetCallerIdentityResponse> {
    @Override
    public GetCallerIdentityResponse call(GetCallerIdentityRequest request, CallContext context) {
        Principal p = AuthenticatedCaller.principalOf(context.caller());
        return GetCallerIdentityResponse.builder()
                .userId(p.userId())
                .account(p.accountId())
                .arn(p.arn())
                .build();
    }
}
