package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyResponse;

/** DetachRolePolicy: https://docs.aws.amazon.com/IAM/latest/APIReference/API_DetachRolePolicy.html. */
public final class DetachRolePolicy extends IamOperation
        implements Operation<DetachRolePolicyRequest, DetachRolePolicyResponse> {
    public DetachRolePolicy(IamBackend iam) {
        super(iam);
    }

    @Override
    public DetachRolePolicyResponse call(DetachRolePolicyRequest request, CallContext context) {
        authorize(
                context,
                "iam:DetachRolePolicy",
                iam.roleArnFor(request.roleName()),
                "role " + request.roleName(),
                with(boundaryKey(request.roleName()), "iam:PolicyARN", request.policyArn()));
        iam.detachRolePolicy(request.roleName(), request.policyArn());
        return DetachRolePolicyResponse.builder().build();
    }
}
