package dev.drydock.ecs.internal.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;

/**
 * The model's {@link TaskPlacement}: Fargate tasks as {@link TaskPlacement#FARGATE} places them; EC2 tasks on the
 * cluster's container instances with the {@link PlacementEngine} (or on StartTask's instance only). A task that fits
 * nowhere fails with the closest instance's ARN and reason, or, without any ACTIVE instance, with the cluster's ARN and
 * "No Container Instances were found in your cluster.". A task of an Auto Scaling group capacity provider goes only on
 * that provider's instances, and one that fits none waits for capacity instead of failing. Called with the backend's
 * lock held.
 */
final class ClusterPlacement implements TaskPlacement {
    private final ContainerInstances instances;
    private final Random random;

    ClusterPlacement(ContainerInstances instances, Random random) {
        this.instances = instances;
        this.random = random;
    }

    @Override
    public Placement place(Request request) {
        if (request.launchType() != LaunchType.EC2) {
            return FARGATE.place(request);
        }
        PlacementEngine.Demand demand =
                PlacementEngine.demand(request.taskDefinition(), request.overrides(), request.group());
        PlacementEngine.Rules rules = request.rules() != null ? request.rules() : PlacementEngine.Rules.NONE;
        ContainerInstanceRecord target = request.containerInstance();
        if (target != null) {
            PlacementEngine.Rejection r = PlacementEngine.check(target, demand, rules);
            return r == null
                    ? Placement.on(target, demand)
                    : Placement.failed(
                            Failure.builder().arn(target.arn).reason(r.reason()).build());
        }
        List<ContainerInstanceRecord> candidates = new ArrayList<>(instances.registered(request.cluster()));
        String provider = request.capacityProvider();
        boolean autoScaling = provider != null && !CapacityProviderStrategies.FARGATE_PROVIDERS.contains(provider);
        if (autoScaling) {
            candidates.removeIf(ci -> !provider.equals(ci.capacityProviderName));
        }
        PlacementEngine.Decision d = PlacementEngine.place(candidates, demand, rules, random);
        if (d.placed()) {
            return Placement.on(d.chosen(), demand);
        }
        Failure failure = d.closest() == null
                ? Failure.builder()
                        .arn(instances.clusterArn(request.cluster()))
                        .reason(PlacementEngine.NO_INSTANCES)
                        .build()
                : Failure.builder().arn(d.closest().arn).reason(d.reason()).build();
        return autoScaling ? Placement.awaiting(failure) : Placement.failed(failure);
    }
}
