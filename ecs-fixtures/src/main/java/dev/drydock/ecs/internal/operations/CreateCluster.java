package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.capacity.ManagedScalingPolicies;
import dev.drydock.ecs.internal.support.EcsOperation;
import dev.drydock.ecs.internal.support.Tags;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;

/**
 * CreateCluster: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:CreateCluster} on the cluster's ARN, with {@code aws:RequestTag/*}, {@code aws:TagKeys},
 * {@code ecs:capacity-provider} (the capacity providers the request names),
 * {@code ecs:fargate-ephemeral-storage-kms-key} and {@code ecs:ResourceTag/*}; with tags, also {@code ecs:TagResource}
 * on it ({@code ecs:CreateAction} = {@code CreateCluster}). An Auto Scaling group capacity provider with managed
 * scaling gets ECS's target tracking policy on its group ({@link ManagedScalingPolicies}).
 */
public final class CreateCluster extends EcsOperation
        implements Operation<CreateClusterRequest, CreateClusterResponse> {
    private final ManagedScalingPolicies policies;

    public CreateCluster(EcsBackend backend, ManagedScalingPolicies policies) {
        super(backend);
        this.policies = policies;
    }

    @Override
    public CreateClusterResponse call(CreateClusterRequest request, CallContext context) {
        String name = request.clusterName() == null ? "default" : request.clusterName();
        String arn = backend.arns().cluster(name);
        context.authorize(
                "ecs:CreateCluster",
                arn,
                keys().requestTags(request.tags())
                        .capacityProviders(request.defaultCapacityProviderStrategy(), request.capacityProviders())
                        .storageKmsKey(request.configuration())
                        .resourceTags(arn)
                        .build());
        Tags.authorizeOnCreate(context, "CreateCluster", arn, request.tags());
        CreateClusterResponse response = CreateClusterResponse.builder()
                .cluster(backend.createCluster(request))
                .build();
        request.capacityProviders().forEach(policies::apply);
        return response;
    }
}
