package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.capacity.AutoScalingCalls;
import dev.drydock.ecs.internal.capacity.ManagedScalingPolicies;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.UpdateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.UpdateCapacityProviderResponse;

/**
 * UpdateCapacityProvider: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateCapacityProvider.html.
 * The managed scaling members given replace the provider's (the others keep their values), as do
 * managedTerminationProtection and managedDraining when given; checked against the group as EC2 Auto Scaling describes
 * it now. ECS's target tracking policy on the group follows: put (or updated to the new target capacity) when managed
 * scaling is ENABLED, deleted when it is DISABLED ({@link ManagedScalingPolicies}). Managed Instances providers are
 * not modelled.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:UpdateCapacityProvider} on the provider's ARN with {@code ecs:ResourceTag/*}.
 */
public final class UpdateCapacityProvider extends EcsOperation
        implements Operation<UpdateCapacityProviderRequest, UpdateCapacityProviderResponse> {
    private final AutoScalingCalls autoScaling;
    private final ManagedScalingPolicies policies;

    public UpdateCapacityProvider(EcsBackend backend, AutoScalingCalls autoScaling, ManagedScalingPolicies policies) {
        super(backend);
        this.autoScaling = autoScaling;
        this.policies = policies;
    }

    @Override
    public UpdateCapacityProviderResponse call(UpdateCapacityProviderRequest request, CallContext context) {
        String arn = request.name().startsWith("arn:")
                ? request.name()
                : backend.arns().capacityProvider(request.name());
        context.authorize(
                "ecs:UpdateCapacityProvider", arn, keys().resourceTags(arn).build());
        if (request.managedInstancesProvider() != null) {
            throw AwsException.client(
                    "ClientException",
                    "Drydock does not model Amazon ECS Managed Instances capacity providers (managedInstancesProvider).");
        }
        if (request.autoScalingGroupProvider() == null) {
            throw AwsException.client(
                    "ClientException", "autoScalingGroupProvider can not be null: specify the settings to update.");
        }
        CapacityProvider updated = backend.capacityProviders()
                .updateCapacityProvider(
                        request.name(), request.autoScalingGroupProvider(), group -> autoScaling.group(group));
        policies.apply(updated.name());
        return UpdateCapacityProviderResponse.builder()
                .capacityProvider(updated)
                .build();
    }
}
