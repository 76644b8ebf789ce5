package dev.drydock.ecs.internal.backend;

import dev.drydock.ecs.internal.EcsArns;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.StartTaskRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * RunTask and StartTask in the model: checks the launch type, network and overrides ({@link LaunchRules}), places each
 * task ({@link TaskPlacement}: Fargate, or the {@link PlacementEngine} on the cluster's container instances) and creates
 * the placed ones in PROVISIONING. Expects {@link EcsBackend}'s lock held; the backend hands the created tasks to the
 * lifecycle after releasing it.
 */
final class TaskLaunches {
    private final EcsArns arns;
    private final Clusters clusters;
    private final ContainerInstances containerInstances;
    private final TaskDefinitionRegistry taskDefinitions;
    private final Tasks tasks;
    private final TaskPlacement placement;

    TaskLaunches(
            EcsArns arns,
            Clusters clusters,
            ContainerInstances containerInstances,
            TaskDefinitionRegistry taskDefinitions,
            Tasks tasks,
            TaskPlacement placement) {
        this.arns = arns;
        this.clusters = clusters;
        this.containerInstances = containerInstances;
        this.taskDefinitions = taskDefinitions;
        this.tasks = tasks;
        this.placement = placement;
    }

    /**
     * What a launch produced: the tasks created (to hand to the lifecycle), their models as created, and a failure for
     * each task that could not be placed.
     */
    record Launched(List<TaskRecord> created, List<Task> tasks, List<Failure> failures) {}

    /** StartTask as the RunTask it is: the same members, launch type EC2 (the instances are named apart). */
    static RunTaskRequest asRunTask(StartTaskRequest request) {
        return RunTaskRequest.builder()
                .cluster(request.cluster())
                .taskDefinition(request.taskDefinition())
                .overrides(request.overrides())
                .group(request.group())
                .startedBy(request.startedBy())
                .networkConfiguration(request.networkConfiguration())
                .tags(request.tags())
                .propagateTags(request.propagateTags())
                .enableECSManagedTags(request.enableECSManagedTags())
                .enableExecuteCommand(request.enableExecuteCommand())
                .launchType(LaunchType.EC2)
                .build();
    }

    /**
     * Places and creates the tasks of a RunTask ({@code instanceRefs == null}: {@code count} tasks where placement
     * puts them) or a StartTask (one task on each named container instance).
     *
     * @throws dev.drydock.core.spi.AwsException ClusterNotFoundException, InvalidParameterException (launch type,
     *     network, overrides), as RunTask answers them; nothing is created then
     */
    Launched create(RunTaskRequest request, TaskDefinition td, List<String> instanceRefs) {
        List<TaskRecord> created = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<Task> result = new ArrayList<>();
        ClusterRecord cluster = clusters.active(request.cluster());
        List<ContainerInstanceRecord> targets = new ArrayList<>();
        if (instanceRefs != null) {
            for (String ref : instanceRefs) {
                ContainerInstanceRecord ci = containerInstances.lookup(cluster, ref);
                String arn = ref.startsWith("arn:") ? ref : arns.containerInstance(cluster.name, ref);
                if (ci == null) {
                    failures.add(EcsBackend.missing(arn));
                } else if (ci.status == ContainerInstanceRecord.Status.INACTIVE) {
                    failures.add(
                            Failure.builder().arn(ci.arn).reason("INACTIVE").build());
                } else {
                    targets.add(ci);
                }
            }
        }
        LaunchType launchType = LaunchRules.launchType(
                request.launchTypeAsString(),
                request.capacityProviderStrategy(),
                cluster,
                instanceRefs != null || containerInstances.hasActive(cluster.name));
        LaunchRules.checkRunnable(td, launchType, request.networkConfiguration());
        LaunchRules.checkOverrides(td, request.overrides(), launchType);
        PlacementEngine.Rules rules = launchType != LaunchType.EC2
                ? null
                : instanceRefs != null
                        ? PlacementEngine.Rules.of(List.of(), td.placementConstraints(), List.of())
                        : PlacementEngine.Rules.of(
                                request.placementConstraints(), td.placementConstraints(), request.placementStrategy());
        List<Tag> tags = TaskTags.forRunTask(request, taskDefinitions.tags(td.taskDefinitionArn()), cluster.name);
        List<CapacityProviderStrategyItem> strategy =
                LaunchRules.strategy(request.launchTypeAsString(), request.capacityProviderStrategy(), cluster);
        int count = instanceRefs != null ? targets.size() : request.count() == null ? 1 : request.count();
        String group = request.group() != null ? request.group() : "family:" + td.family();
        // base first on its provider, the rest by weight (CapacityProviderStrategies)
        List<String> providers = CapacityProviderStrategies.distribute(strategy, count);
        for (int i = 0; i < count; i++) {
            TaskPlacement.Placement placed = placement.place(new TaskPlacement.Request(
                    arns.region(),
                    cluster.name,
                    td,
                    request.overrides(),
                    launchType,
                    group,
                    rules,
                    instanceRefs != null ? targets.get(i) : null,
                    providers.get(i)));
            if (!placed.created()) {
                failures.add(placed.failure());
                continue;
            }
            TaskRecord.Builder b = TaskRecord.builder();
            b.taskDefinition = td;
            b.overrides = request.overrides();
            b.group = group;
            b.startedBy = request.startedBy();
            b.launchType = launchType; // FARGATE also when a capacity provider placed it, as ECS answers
            b.capacityProviderName = providers.get(i);
            b.awsvpc = request.networkConfiguration() == null
                    ? null
                    : request.networkConfiguration().awsvpcConfiguration();
            b.tags = tags;
            b.enableExecuteCommand = Boolean.TRUE.equals(request.enableExecuteCommand());
            TaskRecord t = tasks.create(cluster, b, placed);
            t.placementRules = rules;
            created.add(t);
        }
        for (TaskRecord t : created) {
            result.add(t.toModel(true));
        }
        return new Launched(created, result, failures);
    }
}
