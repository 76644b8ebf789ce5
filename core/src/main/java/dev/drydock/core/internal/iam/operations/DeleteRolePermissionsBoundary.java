package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryResponse;

/**
 * DeleteRolePermissionsBoundary:
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRolePermissionsBoundary.html.
 */
public final class DeleteRolePermissionsBoundary extends IamOperation
        implements Operation<DeleteRolePermissionsBoundaryRequest, DeleteRolePermissionsBoundaryResponse> {
    public DeleteRolePermissionsBoundary(IamBackend iam) {
        super(iam);
    }

    @Override
    public DeleteRolePermissionsBoundaryResponse call(
            DeleteRolePermissionsBoundaryRequest request, CallContext context) {
        authorize(
                context,
                "iam:DeleteRolePermissionsBoundary",
                iam.roleArnFor(request.roleName()),
                "role " + request.roleName(),
                boundaryKey(request.roleName()));
        iam.deleteRolePermissionsBoundary(request.roleName());
        return DeleteRolePermissionsBoundaryResponse.builder().build();
    }
}
