package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.lifecycle.LifecyclePolicies;
import dev.drydock.ecr.internal.support.EcrOperation;
import software.amazon.awssdk.services.ecr.model.PutLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.PutLifecyclePolicyResponse;

/**
 * PutLifecyclePolicy (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutLifecyclePolicy.html).
 *
 * <p>The policy is validated, stored and applied at once.
 */
public final class PutLifecyclePolicy extends EcrOperation
        implements Operation<PutLifecyclePolicyRequest, PutLifecyclePolicyResponse> {
    private final LifecyclePolicies lifecycle;

    public PutLifecyclePolicy(EcrBackend backend, LifecyclePolicies lifecycle) {
        super(backend);
        this.lifecycle = lifecycle;
    }

    @Override
    public PutLifecyclePolicyResponse call(PutLifecyclePolicyRequest request, CallContext context) {
        String name = request.repositoryName();
        String text = request.lifecyclePolicyText();
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
}
