package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.capacity.AutoScalingCalls;
import dev.drydock.ecs.internal.support.EcsOperation;
import dev.drydock.ecs.internal.support.Tags;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceResponse;

/**
 * RegisterContainerInstance: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterContainerInstance.html.
 * What the ECS agent calls when an EC2 host joins a cluster, and what Drydock's container instance fixtures call: the
 * instance identity document gives the EC2 instance id, type, availability zone, AMI and architecture (the built-in
 * attributes {@code ecs.instance-type}, {@code ecs.availability-zone}, {@code ecs.ami-id},
 * {@code ecs.cpu-architecture}, {@code ecs.os-type}); {@code totalResources} the CPU units, MiB and reserved ports,
 * else the instance type's size. Re-registering a {@code containerInstanceArn} updates its attributes.
 * {@code platformDevices} are ignored.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:RegisterContainerInstance} on the cluster's ARN, with {@code aws:RequestTag/*} and {@code aws:TagKeys};
 * with tags, also {@code ecs:TagResource} ({@code ecs:CreateAction} = {@code RegisterContainerInstance}) on
 * {@code container-instance/<cluster>/*}, standing for the new instance's ARN.
 */
public final class RegisterContainerInstance extends EcsOperation
        implements Operation<RegisterContainerInstanceRequest, RegisterContainerInstanceResponse> {
    private final AutoScalingCalls autoScaling;

    public RegisterContainerInstance(EcsBackend backend, AutoScalingCalls autoScaling) {
        super(backend);
        this.autoScaling = autoScaling;
    }

    @Override
    public RegisterContainerInstanceResponse call(RegisterContainerInstanceRequest request, CallContext context) {
        String clusterArn = backend.clusterArn(request.cluster());
        context.authorize(
                "ecs:RegisterContainerInstance",
                clusterArn,
                keys().requestTags(request.tags()).build());
        Tags.authorizeOnCreate(
                context,
                "RegisterContainerInstance",
                backend.arns().containerInstance(clusterName(clusterArn), "*"),
                request.tags());
        ContainerInstance registered = backend.capacity().registerContainerInstance(request);
        if (request.containerInstanceArn() == null
                && backend.capacityProviders().hasAutoScalingProviders()) {
            Optional<String> provider = autoScaling
                    .groupOfInstanceIfKnown(registered.ec2InstanceId())
                    .flatMap(group -> backend.capacityProviders().providerOfGroup(group));
            if (provider.isPresent()) {
                registered = backend.capacity()
                        .capacityProvider(clusterArn, registered.containerInstanceArn(), provider.get());
            }
        }
        return RegisterContainerInstanceResponse.builder()
                .containerInstance(registered)
                .build();
    }
}
