package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyResponse;

/**
 * UpdateAssumeRolePolicy: https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAssumeRolePolicy.html
 * (validated as a trust policy).
 */
public final class UpdateAssumeRolePolicy extends IamOperation
        implements Operation<UpdateAssumeRolePolicyRequest, UpdateAssumeRolePolicyResponse> {
    public UpdateAssumeRolePolicy(IamBackend iam) {
        super(iam);
    }

    @Override
    public UpdateAssumeRolePolicyResponse call(UpdateAssumeRolePolicyRequest request, CallContext context) {
        authorize(
                context,
                "iam:UpdateAssumeRolePolicy",
                iam.roleArnFor(request.roleName()),
                "role " + request.roleName());
        iam.updateAssumeRolePolicy(request.roleName(), request.policyDocument());
        return UpdateAssumeRolePolicyResponse.builder().build();
    }
}
