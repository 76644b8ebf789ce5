package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyResponse;

/**
 * DeletePolicy: https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeletePolicy.html. DeleteConflict while the
 * policy is attached or is a permissions boundary ("Cannot delete a policy attached to entities.") or has versions
 * besides the default one.
 */
public final class DeletePolicy extends IamOperation implements Operation<DeletePolicyRequest, DeletePolicyResponse> {
    public DeletePolicy(IamBackend iam) {
        super(iam);
    }

    @Override
    public DeletePolicyResponse call(DeletePolicyRequest request, CallContext context) {
        authorize(context, "iam:DeletePolicy", request.policyArn(), "policy " + request.policyArn());
        iam.deletePolicy(request.policyArn());
        return DeletePolicyResponse.builder().build();
    }
}
