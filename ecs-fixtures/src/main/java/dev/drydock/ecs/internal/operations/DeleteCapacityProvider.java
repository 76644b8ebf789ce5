package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.backend.EcsCapacityProviders;
import dev.drydock.ecs.internal.capacity.ManagedScalingPolicies;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.DeleteCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.DeleteCapacityProviderResponse;

/**
 * DeleteCapacityProvider: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteCapacityProvider.html.
 * A provider no cluster is associated with is removed (answered INACTIVE, DELETE_IN_PROGRESS) and ECS's target
 * tracking policy on its group deleted; one still associated with a cluster is refused (ResourceInUseException, in
 * Drydock's words). FARGATE and FARGATE_SPOT are AWS's and cannot be deleted.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:DeleteCapacityProvider} on the provider's ARN with {@code ecs:ResourceTag/*}.
 */
public final class DeleteCapacityProvider extends EcsOperation
        implements Operation<DeleteCapacityProviderRequest, DeleteCapacityProviderResponse> {
    private final ManagedScalingPolicies policies;

    public DeleteCapacityProvider(EcsBackend backend, ManagedScalingPolicies policies) {
        super(backend);
        this.policies = policies;
    }

    @Override
    public DeleteCapacityProviderResponse call(DeleteCapacityProviderRequest request, CallContext context) {
        String ref = request.capacityProvider();
        String arn = ref.startsWith("arn:") ? ref : backend.arns().capacityProvider(ref);
        context.authorize(
                "ecs:DeleteCapacityProvider", arn, keys().resourceTags(arn).build());
        EcsCapacityProviders.Provider before = backend.capacityProviders().provider(ref);
        CapacityProvider deleted = backend.capacityProviders().deleteCapacityProvider(ref);
        policies.removed(before);
        return DeleteCapacityProviderResponse.builder()
                .capacityProvider(deleted)
                .build();
    }
}
