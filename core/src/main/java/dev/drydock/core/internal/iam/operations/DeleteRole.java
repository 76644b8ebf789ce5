package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;

/**
 * DeleteRole: https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRole.html. DeleteConflict while managed
 * policies are attached ("Cannot delete entity, must detach all policies first.") or inline policies remain
 * ("Cannot delete entity, must delete policies first."), as IAM answers.
 */
public final class DeleteRole extends IamOperation implements Operation<DeleteRoleRequest, DeleteRoleResponse> {
    public DeleteRole(IamBackend iam) {
        super(iam);
    }

    @Override
    public DeleteRoleResponse call(DeleteRoleRequest request, CallContext context) {
        authorize(
                context,
                "iam:DeleteRole",
                iam.roleArnFor(request.roleName()),
                "role " + request.roleName(),
                boundaryKey(request.roleName()));
        iam.deleteRole(request.roleName());
        return DeleteRoleResponse.builder().build();
    }
}
