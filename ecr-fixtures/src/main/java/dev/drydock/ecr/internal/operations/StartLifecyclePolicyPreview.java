package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.LifecyclePreviews;
import dev.drydock.ecr.internal.lifecycle.LifecyclePolicies;
import dev.drydock.ecr.internal.support.EcrOperation;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyPreviewStatus;
import software.amazon.awssdk.services.ecr.model.StartLifecyclePolicyPreviewRequest;
import software.amazon.awssdk.services.ecr.model.StartLifecyclePolicyPreviewResponse;

/**
 * StartLifecyclePolicyPreview (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_StartLifecyclePolicyPreview.html).
 *
 * <p>Previews the policy given, or the repository's; GetLifecyclePolicyPreview answers the result.
 */
public final class StartLifecyclePolicyPreview extends EcrOperation
        implements Operation<StartLifecyclePolicyPreviewRequest, StartLifecyclePolicyPreviewResponse> {
    private final LifecyclePreviews previews;

    public StartLifecyclePolicyPreview(EcrBackend backend, LifecyclePreviews previews) {
        super(backend);
        this.previews = previews;
    }

    @Override
    public StartLifecyclePolicyPreviewResponse call(StartLifecyclePolicyPreviewRequest request, CallContext context) {
        String name = request.repositoryName();
        EcrBackend.RepositoryRecord r = existing(context, "ecr:StartLifecyclePolicyPreview", name);
        String text = request.lifecyclePolicyText() != null ? request.lifecyclePolicyText() : r.lifecyclePolicyText;
        if (text == null) {
            throw EcrErrors.lifecyclePolicyNotFound(name, backend.accountId());
        }
        LifecyclePolicies.parse(text);
        previews.put(name, text);
        return StartLifecyclePolicyPreviewResponse.builder()
                .registryId(backend.accountId())
                .repositoryName(name)
                .lifecyclePolicyText(text)
                .status(LifecyclePolicyPreviewStatus.IN_PROGRESS)
                .build();
    }
}
