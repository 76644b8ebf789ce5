package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.support.EcrOperation;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryPolicyResponse;

/**
 * DeleteRepositoryPolicy (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DeleteRepositoryPolicy.html).
 */
public final class DeleteRepositoryPolicy extends EcrOperation
        implements Operation<DeleteRepositoryPolicyRequest, DeleteRepositoryPolicyResponse> {
    public DeleteRepositoryPolicy(EcrBackend backend) {
        super(backend);
    }

    @Override
    public DeleteRepositoryPolicyResponse call(DeleteRepositoryPolicyRequest request, CallContext context) {
        String name = request.repositoryName();
        authorize(context, "ecr:DeleteRepositoryPolicy", name);
        String text = backend.update(name, r -> {
            String old = r.policyText;
            r.policyText = null;
            return old;
        });
        if (text == null) {
            throw EcrErrors.repositoryPolicyNotFound(name, backend.accountId());
        }
        return DeleteRepositoryPolicyResponse.builder()
                .registryId(backend.accountId())
                .repositoryName(name)
                .policyText(text)
                .build();
    }
}
