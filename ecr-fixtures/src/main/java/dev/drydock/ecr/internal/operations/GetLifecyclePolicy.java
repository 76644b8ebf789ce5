package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.support.EcrOperation;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyResponse;

/**
 * GetLifecyclePolicy (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetLifecyclePolicy.html).
 */
public final class GetLifecyclePolicy extends EcrOperation
        implements Operation<GetLifecyclePolicyRequest, GetLifecyclePolicyResponse> {
    public GetLifecyclePolicy(EcrBackend backend) {
        super(backend);
    }

    @Override
    public GetLifecyclePolicyResponse call(GetLifecyclePolicyRequest request, CallContext context) {
        String name = request.repositoryName();
        EcrBackend.RepositoryRecord r = existing(context, "ecr:GetLifecyclePolicy", name);
        if (r.lifecyclePolicyText == null) {
            throw EcrErrors.lifecyclePolicyNotFound(name, backend.accountId());
        }
        return GetLifecyclePolicyResponse.builder()
                .registryId(backend.accountId())
                .repositoryName(name)
                .lifecyclePolicyText(r.lifecyclePolicyText)
                .lastEvaluatedAt(r.lifecyclePolicyUpdatedAt)
                .build();
    }
}
