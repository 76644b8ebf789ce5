package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.UpdateRoleRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleResponse;

/** UpdateRole: https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRole.html. */
public final class UpdateRole extends IamOperation implements Operation<UpdateRoleRequest, UpdateRoleResponse> {
    public UpdateRole(IamBackend iam) {
        super(iam);
    }

    @Override
    public UpdateRoleResponse call(UpdateRoleRequest request, CallContext context) {
        authorize(context, "iam:UpdateRole", iam.roleArnFor(request.roleName()), "role " + request.roleName());
        iam.updateRole(request.roleName(), request.description(), request.maxSessionDuration());
        return UpdateRoleResponse.builder().build();
    }
}
