package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyResponse;

/**
 * AttachRolePolicy: https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachRolePolicy.html. Authorized with
 * {@code iam:PolicyARN}; at most 10 managed policies per role ("Cannot exceed quota for PoliciesPerRole: 10").
 */
public final class AttachRolePolicy extends IamOperation
        implements Operation<AttachRolePolicyRequest, AttachRolePolicyResponse> {
    public AttachRolePolicy(IamBackend iam) {
        super(iam);
    }

    @Override
    public AttachRolePolicyResponse call(AttachRolePolicyRequest request, CallContext context) {
        authorize(
                context,
                "iam:AttachRolePolicy",
                iam.roleArnFor(request.roleName()),
                "role " + request.roleName(),
                with(boundaryKey(request.roleName()), "iam:PolicyARN", request.policyArn()));
        iam.attachRolePolicy(request.roleName(), request.policyArn());
        return AttachRolePolicyResponse.builder().build();
    }
}
