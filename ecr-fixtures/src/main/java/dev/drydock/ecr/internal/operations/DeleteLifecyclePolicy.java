package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.support.EcrOperation;
import software.amazon.awssdk.services.ecr.model.DeleteLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.DeleteLifecyclePolicyResponse;

/**
 * DeleteLifecyclePolicy (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DeleteLifecyclePolicy.html).
 */
public final class DeleteLifecyclePolicy extends EcrOperation
        implements Operation<DeleteLifecyclePolicyRequest, DeleteLifecyclePolicyResponse> {
    public DeleteLifecyclePolicy(EcrBackend backend) {
        super(backend);
    }

    @Override
    public DeleteLifecyclePolicyResponse call(DeleteLifecyclePolicyRequest request, CallContext context) {
        String name = request.repositoryName();
        EcrBackend.RepositoryRecord r = existing(context, "ecr:DeleteLifecyclePolicy", name);
        String text = backend.update(name, rec -> {
            String old = rec.lifecyclePolicyText;
            rec.lifecyclePolicyText = null;
            return old;
        });
        if (text == null) {
            throw EcrErrors.lifecyclePolicyNotFound(name, backend.accountId());
        }
        return DeleteLifecyclePolicyResponse.builder()
                .registryId(backend.accountId())
                .repositoryName(name)
                .lifecyclePolicyText(text)
                .lastEvaluatedAt(r.lifecyclePolicyUpdatedAt)
                .build();
    }
}
