package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.capacity.ManagedScalingPolicies;
import dev.drydock.ecs.internal.support.EcsOperation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersResponse;

/**
 * PutClusterCapacityProviders:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutClusterCapacityProviders.html. The cluster's
 * capacity providers (FARGATE, FARGATE_SPOT, the account's Auto Scaling group providers) and default strategy become
 * those given; a provider still used by tasks or services cannot be removed. ECS's target tracking policy follows an
 * Auto Scaling group provider with managed scaling: put on its group when associated, deleted when disassociated
 * ({@link ManagedScalingPolicies}).
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:PutClusterCapacityProviders} on the cluster's ARN, with {@code ecs:capacity-provider} (the capacity
 * providers the request names) and {@code ecs:ResourceTag/*}.
 */
public final class PutClusterCapacityProviders extends EcsOperation
        implements Operation<PutClusterCapacityProvidersRequest, PutClusterCapacityProvidersResponse> {
    private final ManagedScalingPolicies policies;

    public PutClusterCapacityProviders(EcsBackend backend, ManagedScalingPolicies policies) {
        super(backend);
        this.policies = policies;
    }

    @Override
    public PutClusterCapacityProvidersResponse call(PutClusterCapacityProvidersRequest request, CallContext context) {
        String arn = clusterArnOf(request.cluster());
        context.authorize(
                "ecs:PutClusterCapacityProviders",
                arn,
                keys().capacityProviders(request.defaultCapacityProviderStrategy(), request.capacityProviders())
                        .resourceTags(arn)
                        .build());
        Set<String> affected = new LinkedHashSet<>(request.capacityProviders());
        backend.describeClusters(List.of(request.cluster()), false, false).found().stream()
                .flatMap(c -> c.capacityProviders().stream())
                .forEach(affected::add);
        PutClusterCapacityProvidersResponse response = PutClusterCapacityProvidersResponse.builder()
                .cluster(backend.capacityProviders()
                        .putClusterCapacityProviders(
                                request.cluster(),
                                request.capacityProviders(),
                                request.defaultCapacityProviderStrategy()))
                .build();
        affected.forEach(policies::apply);
        return response;
    }
}
