package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;

/** GetRole: https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html (the trust policy URL-encoded). */
public final class GetRole extends IamOperation implements Operation<GetRoleRequest, GetRoleResponse> {
    public GetRole(IamBackend iam) {
        super(iam);
    }

    @Override
    public GetRoleResponse call(GetRoleRequest request, CallContext context) {
        authorize(context, "iam:GetRole", iam.roleArnFor(request.roleName()), "role " + request.roleName());
        return GetRoleResponse.builder().role(iam.getRole(request.roleName())).build();
    }
}
