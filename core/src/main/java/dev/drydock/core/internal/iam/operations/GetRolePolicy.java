package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;

/**
 * GetRolePolicy: https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRolePolicy.html. The PolicyDocument is
 * URL-encoded (RFC 3986), as IAM returns it.
 */
public final class GetRolePolicy extends IamOperation
        implements Operation<GetRolePolicyRequest, GetRolePolicyResponse> {
    public GetRolePolicy(IamBackend iam) {
        super(iam);
    }

    @Override
    public GetRolePolicyResponse call(GetRolePolicyRequest request, CallContext context) {
        authorize(context, "iam:GetRolePolicy", iam.roleArnFor(request.roleName()), "role " + request.roleName());
        String json = iam.getRolePolicy(request.roleName(), request.policyName());
        return GetRolePolicyResponse.builder()
                .roleName(iam.roleName(request.roleName()))
                .policyName(request.policyName())
                .policyDocument(IamBackend.encoded(json))
                .build();
    }
}
