package dev.drydock.ecr.internal.operations;

import dev.drydock.core.iam.policy.MalformedPolicyDocumentException;
import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.iam.policy.PolicyKind;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.support.EcrOperation;
import software.amazon.awssdk.services.ecr.model.SetRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.SetRepositoryPolicyResponse;

/**
 * SetRepositoryPolicy (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_SetRepositoryPolicy.html).
 *
 * <p>A resource-based policy (Principal required), evaluated with every ECR call and registry request on the repository.
 */
public final class SetRepositoryPolicy extends EcrOperation
        implements Operation<SetRepositoryPolicyRequest, SetRepositoryPolicyResponse> {
    public SetRepositoryPolicy(EcrBackend backend) {
        super(backend);
    }

    @Override
    public SetRepositoryPolicyResponse call(SetRepositoryPolicyRequest request, CallContext context) {
        String name = request.repositoryName();
        String text = request.policyText();
        existing(context, "ecr:SetRepositoryPolicy", name);
        try {
            PolicyDocument.parse(text, PolicyKind.RESOURCE);
        } catch (MalformedPolicyDocumentException e) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'PolicyText' failed to satisfy constraint: "
                    + "'Invalid repository policy provided': " + e.getMessage());
        }
        backend.update(name, r -> r.policyText = text);
        return SetRepositoryPolicyResponse.builder()
                .registryId(backend.accountId())
                .repositoryName(name)
                .policyText(text)
                .build();
    }
}
