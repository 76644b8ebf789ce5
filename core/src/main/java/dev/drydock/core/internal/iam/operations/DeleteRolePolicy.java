package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;

/** DeleteRolePolicy: https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRolePolicy.html. */
public final class DeleteRolePolicy extends IamOperation
        implements Operation<DeleteRolePolicyRequest, DeleteRolePolicyResponse> {
    public DeleteRolePolicy(IamBackend iam) {
        super(iam);
    }

    @Override
    public DeleteRolePolicyResponse call(DeleteRolePolicyRequest request, CallContext context) {
        authorize(
                context,
                "iam:DeleteRolePolicy",
                iam.roleArnFor(request.roleName()),
                "role " + request.roleName(),
                boundaryKey(request.roleName()));
        iam.deleteRolePolicy(request.roleName(), request.policyName());
        return DeleteRolePolicyResponse.builder().build();
    }
}
