package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.LifecyclePreviews;
import dev.drydock.ecr.internal.lifecycle.LifecyclePolicies;
import dev.drydock.ecr.internal.support.EcrOperation;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyPreviewRequest;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyPreviewResponse;
import software.amazon.awssdk.services.ecr.model.ImageActionType;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyPreviewResult;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyPreviewStatus;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyPreviewSummary;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyRuleAction;

/**
 * GetLifecyclePolicyPreview (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetLifecyclePolicyPreview.html).
 *
 * <p>Answers what the previewed policy would expire now: the preview is COMPLETE at once.
 */
public final class GetLifecyclePolicyPreview extends EcrOperation
        implements Operation<GetLifecyclePolicyPreviewRequest, GetLifecyclePolicyPreviewResponse> {
    private final LifecyclePolicies lifecycle;
    private final LifecyclePreviews previews;

    public GetLifecyclePolicyPreview(EcrBackend backend, LifecyclePolicies lifecycle, LifecyclePreviews previews) {
        super(backend);
        this.lifecycle = lifecycle;
        this.previews = previews;
    }

    @Override
    public GetLifecyclePolicyPreviewResponse call(GetLifecyclePolicyPreviewRequest request, CallContext context) {
        String name = request.repositoryName();
        existing(context, "ecr:GetLifecyclePolicyPreview", name);
        String text = previews.get(name);
        if (text == null) {
            throw AwsException.client(
                    "LifecyclePolicyPreviewNotFoundException",
                    "There is no dry run for this " + "repository with name '" + name + "' in the registry with id '"
                            + backend.accountId() + "'");
        }
        List<LifecyclePolicyPreviewResult> results = new ArrayList<>();
        for (LifecyclePolicies.Expiry e : lifecycle.evaluate(name, LifecyclePolicies.parse(text))) {
            results.add(LifecyclePolicyPreviewResult.builder()
                    .imageDigest(e.digest())
                    .imageTags(e.tags().isEmpty() ? null : e.tags())
                    .imagePushedAt(e.pushedAt())
                    .action(LifecyclePolicyRuleAction.builder()
                            .type(ImageActionType.EXPIRE)
                            .build())
                    .appliedRulePriority(e.rulePriority())
                    .build());
        }
        return GetLifecyclePolicyPreviewResponse.builder()
                .registryId(backend.accountId())
                .repositoryName(name)
                .lifecyclePolicyText(text)
                .status(LifecyclePolicyPreviewStatus.COMPLETE)
                .previewResults(results)
                .summary(LifecyclePolicyPreviewSummary.builder()
                        .expiringImageTotalCount(results.size())
                        .build())
                .build();
    }
}
