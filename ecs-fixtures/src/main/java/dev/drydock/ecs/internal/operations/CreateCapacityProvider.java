package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.backend.EcsCapacityProviders.Group;
import dev.drydock.ecs.internal.capacity.AutoScalingCalls;
import dev.drydock.ecs.internal.capacity.ManagedScalingPolicies;
import dev.drydock.ecs.internal.support.EcsOperation;
import dev.drydock.ecs.internal.support.Tags;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderResponse;

/**
 * CreateCapacityProvider: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html.
 * An Auto Scaling group capacity provider: the group is read from EC2 Auto Scaling (DescribeAutoScalingGroups, as ECS
 * reads it with its service-linked role) and checked as ECS checks it; managed scaling, managed termination protection
 * and managed draining get AWS's defaults ({@code AsgProviderRules}); with managed scaling ENABLED, ECS puts its
 * target tracking policy on the group ({@link ManagedScalingPolicies}). Amazon ECS Managed Instances providers
 * ({@code managedInstancesProvider}) are not modelled: refused with a message saying so. {@code cluster} (for Managed
 * Instances) is ignored.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:CreateCapacityProvider} on the provider's ARN ({@code capacity-provider/<name>}) with
 * {@code aws:RequestTag/*} and {@code aws:TagKeys}; with tags, also {@code ecs:TagResource} on it
 * ({@code ecs:CreateAction} = {@code CreateCapacityProvider}).
 */
public final class CreateCapacityProvider extends EcsOperation
        implements Operation<CreateCapacityProviderRequest, CreateCapacityProviderResponse> {
    private final AutoScalingCalls autoScaling;
    private final ManagedScalingPolicies policies;

    public CreateCapacityProvider(EcsBackend backend, AutoScalingCalls autoScaling, ManagedScalingPolicies policies) {
        super(backend);
        this.autoScaling = autoScaling;
        this.policies = policies;
    }

    @Override
    public CreateCapacityProviderResponse call(CreateCapacityProviderRequest request, CallContext context) {
        String arn = backend.arns().capacityProvider(request.name());
        context.authorize(
                "ecs:CreateCapacityProvider",
                arn,
                keys().requestTags(request.tags()).build());
        Tags.authorizeOnCreate(context, "CreateCapacityProvider", arn, request.tags());
        if (request.managedInstancesProvider() != null) {
            throw AwsException.client(
                    "ClientException",
                    "Drydock does not model Amazon ECS Managed Instances capacity providers (managedInstancesProvider):"
                            + " use an Auto Scaling group capacity provider (autoScalingGroupProvider).");
        }
        if (request.autoScalingGroupProvider() == null) {
            throw AwsException.client(
                    "ClientException",
                    "autoScalingGroupProvider can not be null: specify the Auto Scaling group of the capacity "
                            + "provider.");
        }
        backend.capacityProviders().checkCreate(request);
        Group group = autoScaling.group(request.autoScalingGroupProvider().autoScalingGroupArn());
        CapacityProvider created = backend.capacityProviders().createCapacityProvider(request, group);
        policies.apply(created.name());
        return CreateCapacityProviderResponse.builder()
                .capacityProvider(created)
                .build();
    }
}
