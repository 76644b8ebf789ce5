package dev.drydock.ecr.internal.operations;

import dev.drydock.core.iam.policy.MalformedPolicyDocumentException;
import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.iam.policy.PolicyKind;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.lifecycle.LifecyclePolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.ecr.model.DeleteLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.DeleteLifecyclePolicyResponse;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyPreviewRequest;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyPreviewResponse;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyResponse;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyPreviewResult;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyPreviewSummary;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyRuleAction;
import software.amazon.awssdk.services.ecr.model.PutLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.PutLifecyclePolicyResponse;
import software.amazon.awssdk.services.ecr.model.SetRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.SetRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.StartLifecyclePolicyPreviewRequest;
import software.amazon.awssdk.services.ecr.model.StartLifecyclePolicyPreviewResponse;

/**
 * Repository policies (Set, Get, DeleteRepositoryPolicy), evaluated as the repository's resource-based policy for
 * every ECR call and registry request on it; lifecycle policies (Put, Get, DeleteLifecyclePolicy) applied at once;
 * StartLifecyclePolicyPreview and GetLifecyclePolicyPreview, whose preview is COMPLETE immediately
 * (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_Operations.html).
 */
public final class PolicyOperations extends EcrOperations {
    private final LifecyclePolicies lifecycle;
    private final Map<String, String> previews = new ConcurrentHashMap<>();

    public PolicyOperations(EcrBackend backend, LifecyclePolicies lifecycle) {
        super(backend);
        this.lifecycle = lifecycle;
    }

    /** SetRepositoryPolicy: a resource-based policy (Principal required). */
    public SetRepositoryPolicyResponse setRepositoryPolicy(SetRepositoryPolicyRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
        String text = required(request.policyText(), "policyText");
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

    /** GetRepositoryPolicy. */
    public GetRepositoryPolicyResponse getRepositoryPolicy(GetRepositoryPolicyRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
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

    /** DeleteRepositoryPolicy. */
    public DeleteRepositoryPolicyResponse deleteRepositoryPolicy(
            DeleteRepositoryPolicyRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
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

    /** PutLifecyclePolicy: validated, stored and applied. */
    public PutLifecyclePolicyResponse putLifecyclePolicy(PutLifecyclePolicyRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
        String text = required(request.lifecyclePolicyText(), "lifecyclePolicyText");
        existing(context, "ecr:PutLifecyclePolicy", name);
        LifecyclePolicies.parse(text);
        backend.update(name, r -> {
            r.lifecyclePolicyText = text;
            r.lifecyclePolicyUpdatedAt = backend.clock().instant();
            return null;
        });
        lifecycle.apply(name);
        return PutLifecyclePolicyResponse.builder()
                .registryId(backend.accountId())
                .repositoryName(name)
                .lifecyclePolicyText(text)
                .build();
    }

    /** GetLifecyclePolicy. */
    public GetLifecyclePolicyResponse getLifecyclePolicy(GetLifecyclePolicyRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
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

    /** DeleteLifecyclePolicy. */
    public DeleteLifecyclePolicyResponse deleteLifecyclePolicy(
            DeleteLifecyclePolicyRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
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

    /** StartLifecyclePolicyPreview: of the policy given, or of the repository's. */
    public StartLifecyclePolicyPreviewResponse startLifecyclePolicyPreview(
            StartLifecyclePolicyPreviewRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
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
                .status("IN_PROGRESS")
                .build();
    }

    /** GetLifecyclePolicyPreview: what the previewed policy would expire now. */
    public GetLifecyclePolicyPreviewResponse getLifecyclePolicyPreview(
            GetLifecyclePolicyPreviewRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
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
                    .action(LifecyclePolicyRuleAction.builder().type("EXPIRE").build())
                    .appliedRulePriority(e.rulePriority())
                    .build());
        }
        return GetLifecyclePolicyPreviewResponse.builder()
                .registryId(backend.accountId())
                .repositoryName(name)
                .lifecyclePolicyText(text)
                .status("COMPLETE")
                .previewResults(results)
                .summary(LifecyclePolicyPreviewSummary.builder()
                        .expiringImageTotalCount(results.size())
                        .build())
                .build();
    }
}
