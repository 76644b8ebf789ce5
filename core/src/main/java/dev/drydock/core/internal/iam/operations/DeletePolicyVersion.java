package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionResponse;

/** DeletePolicyVersion: https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeletePolicyVersion.html. */
public final class DeletePolicyVersion extends IamOperation
        implements Operation<DeletePolicyVersionRequest, DeletePolicyVersionResponse> {
    public DeletePolicyVersion(IamBackend iam) {
        super(iam);
    }

    @Override
    public DeletePolicyVersionResponse call(DeletePolicyVersionRequest request, CallContext context) {
        authorize(context, "iam:DeletePolicyVersion", request.policyArn(), "policy " + request.policyArn());
        iam.deletePolicyVersion(request.policyArn(), request.versionId());
        return DeletePolicyVersionResponse.builder().build();
    }
}
