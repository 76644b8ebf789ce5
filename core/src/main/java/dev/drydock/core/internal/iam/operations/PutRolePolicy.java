package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;

/** PutRolePolicy: https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html. */
public final class PutRolePolicy extends IamOperation
        implements Operation<PutRolePolicyRequest, PutRolePolicyResponse> {
    public PutRolePolicy(IamBackend iam) {
        super(iam);
    }

    @Override
    public PutRolePolicyResponse call(PutRolePolicyRequest request, CallContext context) {
        authorize(
                context,
                "iam:PutRolePolicy",
                iam.roleArnFor(request.roleName()),
                "role " + request.roleName(),
                boundaryKey(request.roleName()));
        iam.putRolePolicy(request.roleName(), request.policyName(), request.policyDocument());
        return PutRolePolicyResponse.builder().build();
    }
}
