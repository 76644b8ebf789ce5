package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsErrors;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * How RunTask's and a service's tasks launch, decided before any task exists (pure: no model state): the launch type
 * and capacity provider a request resolves to, and the checks the task definition, the network configuration and
 * RunTask's overrides must pass. EC2 tasks need an ACTIVE container instance in the cluster.
 */
final class LaunchRules {
    private static final Pattern SUBNET = Pattern.compile("subnet-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-([0-9a-f]{8}|[0-9a-f]{17})");

    private LaunchRules() {}

    /**
     * The launch type tasks get: the one given, FARGATE for a FARGATE/FARGATE_SPOT capacity provider strategy (given,
     * else the cluster's default), EC2 for an Auto Scaling group providers' strategy (whose tasks may wait for
     * instances), else EC2, which needs container instances.
     *
     * @param ec2Capacity whether the cluster has an ACTIVE container instance
     *
     * @throws AwsException InvalidParameterException for both a launch type and a strategy, a strategy
     *     {@link CapacityProviderStrategies#check} refuses (a provider not associated with the cluster ...), a launch
     *     type Drydock cannot run, or an unknown one
     */
    static LaunchType launchType(
            String launchType,
            List<CapacityProviderStrategyItem> strategy,
            ClusterRecord cluster,
            boolean ec2Capacity) {
        if (launchType != null && strategy != null && !strategy.isEmpty()) {
            throw EcsErrors.invalidParameter("Specifying both a launch type and capacity provider strategy is not "
                    + "supported. Remove one and try again.");
        }
        if (launchType == null) {
            List<CapacityProviderStrategyItem> effective =
                    strategy != null && !strategy.isEmpty() ? strategy : cluster.defaultCapacityProviderStrategy;
            if (!effective.isEmpty()) {
                CapacityProviderStrategies.check(
                        strategy != null && !strategy.isEmpty()
                                ? "capacityProviderStrategy"
                                : "defaultCapacityProviderStrategy",
                        effective,
                        cluster.capacityProviders);
                // an Auto Scaling group provider's tasks run on its instances, when they come (no mix: check above)
                return CapacityProviderStrategies.FARGATE_PROVIDERS.contains(
                                effective.get(0).capacityProvider())
                        ? LaunchType.FARGATE
                        : LaunchType.EC2;
            }
            launchType = LaunchType.EC2.toString();
        }
        switch (LaunchType.fromValue(launchType)) {
            case FARGATE -> {
                return LaunchType.FARGATE;
            }
            case EC2 -> {
                if (!ec2Capacity) {
                    throw EcsErrors.invalidParameter(PlacementEngine.NO_INSTANCES);
                }
                return LaunchType.EC2;
            }
            case EXTERNAL, MANAGED_INSTANCES -> throw EcsErrors.invalidParameter(PlacementEngine.NO_INSTANCES);
            default ->
                throw EcsErrors.invalidParameter("Invalid launchType '" + launchType + "'. Valid values: EC2, "
                        + "FARGATE, EXTERNAL, MANAGED_INSTANCES.");
        }
    }

    /**
     * The capacity provider strategy tasks are placed with: the one given, else (without a launch type) the cluster's
     * default strategy; empty for a launch type.
     */
    static List<CapacityProviderStrategyItem> strategy(
            String launchType, List<CapacityProviderStrategyItem> strategy, ClusterRecord cluster) {
        if (launchType != null) {
            return List.of();
        }
        return strategy != null && !strategy.isEmpty() ? strategy : cluster.defaultCapacityProviderStrategy;
    }

    /**
     * Checks that {@code td} can run with this launch type and network configuration: its compatibilities, and an
     * awsvpc configuration with 1 to 16 well-formed subnets, well-formed security groups and assignPublicIp ENABLED or
     * DISABLED.
     *
     * @throws AwsException InvalidParameterException with ECS's message
     */
    static void checkRunnable(TaskDefinition td, LaunchType launchType, NetworkConfiguration network) {
        if (!td.compatibilitiesAsStrings().contains(launchType.toString())) {
            throw EcsErrors.invalidParameter("Task definition does not support launch_type " + launchType + ".");
        }
        if (launchType == LaunchType.EC2 && td.networkMode() != NetworkMode.AWSVPC) {
            // bridge (the default on EC2), host and none take no network configuration
            if (network != null && network.awsvpcConfiguration() != null) {
                throw EcsErrors.invalidParameter(
                        "Network Configuration is not valid for the given networkMode of this task definition.");
            }
            return;
        }
        if (network == null || network.awsvpcConfiguration() == null) {
            throw EcsErrors.invalidParameter(
                    "Network Configuration must be provided when networkMode 'awsvpc' is " + "specified.");
        }
        AwsVpcConfiguration vpc = network.awsvpcConfiguration();
        if (vpc.subnets().isEmpty()) {
            throw EcsErrors.invalidParameter("subnets can not be empty.");
        }
        if (vpc.subnets().size() > 16) {
            throw EcsErrors.invalidParameter("subnets can have at most 16 items.");
        }
        for (String subnet : vpc.subnets()) {
            if (!SUBNET.matcher(subnet).matches()) {
                throw EcsErrors.invalidParameter("Error retrieving subnet information for [" + subnet + "]: The subnet"
                        + " ID '" + subnet + "' does not exist (ErrorCode: InvalidSubnetID.NotFound)");
            }
        }
        for (String group : vpc.securityGroups()) {
            if (!SECURITY_GROUP.matcher(group).matches()) {
                throw EcsErrors.invalidParameter("Error retrieving security group information for [" + group + "]: "
                        + "Invalid id: \"" + group + "\" (expecting \"sg-...\")");
            }
        }
        if (vpc.assignPublicIpAsString() != null && vpc.assignPublicIp() == AssignPublicIp.UNKNOWN_TO_SDK_VERSION) {
            throw EcsErrors.invalidParameter("assignPublicIp must be ENABLED or DISABLED.");
        }
    }

    /**
     * Checks RunTask's overrides against the task definition: containers it has, a Fargate task size, and container
     * memory and cpu within the task's.
     *
     * @throws AwsException InvalidParameterException with ECS's message
     */
    static void checkOverrides(TaskDefinition td, TaskOverride overrides, LaunchType launchType) {
        if (overrides == null) {
            return;
        }
        for (ContainerOverride o : overrides.containerOverrides()) {
            boolean known =
                    td.containerDefinitions().stream().anyMatch(c -> c.name().equals(o.name()));
            if (!known) {
                throw EcsErrors.invalidParameter(
                        "Override for container named " + o.name() + " is not a container in the TaskDefinition.");
            }
        }
        String cpu = overrides.cpu() != null ? TaskDefinitions.normalizeCpu(overrides.cpu()) : td.cpu();
        String memory = overrides.memory() != null ? TaskDefinitions.normalizeMemory(overrides.memory()) : td.memory();
        if ((overrides.cpu() != null || overrides.memory() != null)
                && cpu != null
                && memory != null
                && launchType == LaunchType.FARGATE) {
            TaskDefinitionValidation.checkFargateSize(cpu, memory);
        }
        for (ContainerOverride o : overrides.containerOverrides()) {
            ContainerDefinition c = td.containerDefinitions().stream()
                    .filter(d -> d.name().equals(o.name()))
                    .findFirst()
                    .orElseThrow();
            Integer hard = o.memory() != null ? o.memory() : c.memory();
            Integer soft = o.memoryReservation() != null ? o.memoryReservation() : c.memoryReservation();
            if (hard != null && soft != null && soft > hard) {
                throw EcsErrors.invalidParameter("Invalid setting for container '" + o.name() + "'. "
                        + "'memoryReservation' must be less than or equal to 'memory'.");
            }
            if (memory != null && hard != null && hard > Integer.parseInt(memory)) {
                // RunTask words it unlike RegisterTaskDefinition (github.com/artilleryio/artillery/issues/591)
                throw EcsErrors.invalidParameter(
                        "'memory' setting for container '" + o.name() + "' is greater than for task.");
            }
            if (cpu != null && o.cpu() != null && o.cpu() > Integer.parseInt(cpu)) {
                throw EcsErrors.invalidParameter(
                        "'cpu' setting for container '" + o.name() + "' is greater than for task.");
            }
        }
    }
}
