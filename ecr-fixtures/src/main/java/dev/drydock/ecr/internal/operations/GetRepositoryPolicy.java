package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.support.EcrOperation;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyResponse;

/**
 * GetRepositoryPolicy (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetRepositoryPolicy.html).
 */
public final class GetRepositoryPolicy extends EcrOperation
        implements Operation<GetRepositoryPolicyRequest, GetRepositoryPolicyResponse> {
    public GetRepositoryPolicy(EcrBackend backend) {
        super(backend);
    }

    @Override
    public GetRepositoryPolicyResponse call(GetRepositoryPolicyRequest request, CallContext context) {
        String name = request.repositoryName();
        String text = existing(context, "ecr:GetRepositoryPolicy", name).policyText;
        if (text == null) {
            throw EcrErrors.repositoryPolicyNotFound(name, backend.accountId());
        }
        return GetRepositoryPolicyResponse.builder()
                .registryId(backend.accountId())
                .repositoryName(name)
                .policyText(text)
                .build();
    }
}
