package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.EventPublisher;
import dev.drydock.core.spi.TargetRegistry;
import dev.drydock.core.spi.VpcModel;
import dev.drydock.ecs.internal.EcsArns;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.EcsRequestChecks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.StartTaskRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * The ECS model for one account and region, and the one lock that guards it: clusters, task definitions, tasks and
 * services, and the state machines that move them. Plain Java: no HTTP, no Docker. Every method is atomic under the
 * lock, validates before it changes anything, and never blocks on a container runtime (container work goes to the
 * {@link TaskLifecycle}).
 *
 * <p>The work is done by package-private parts with one job each, which expect the lock held:
 * <ul>
 *   <li>{@link Clusters}: clusters; {@link EcsCapacityProviders}: their Fargate capacity providers and settings, and
 *       Spot interruptions, with the pure {@link CapacityProviderStrategies};</li>
 *   <li>{@link ContainerInstances}: the EC2 container instances registered to clusters, their resources and
 *       attributes, served to the API by {@link EcsCapacity} (under this lock); {@link AgentStateChanges}: what the
 *       ECS agent reports about them;</li>
 *   <li>{@link TaskDefinitionRegistry}: task definition revisions and their tags;</li>
 *   <li>{@link Tasks}: tasks, and {@link TaskTransitions}: the task state machine; {@link TaskLaunches}: RunTask and
 *       StartTask's checks, placement and creation;</li>
 *   <li>{@link Services}: services and their deployments;</li>
 *   <li>{@link ServiceReconciler}: the service scheduler's pass, which decides with the pure {@link RolloutPlanner}
 *       and {@link CircuitBreaker};</li>
 *   <li>{@link AccountSettings}: account settings by principal;</li>
 *   <li>{@link ResourceTags}: the tags of every taggable resource, by ARN;</li>
 *   <li>pure rules: {@link LaunchRules} (launch type, network and override checks), {@link TaskTags}.</li>
 * </ul>
 * Where a new task runs is {@link TaskPlacement}'s answer; whether a service's task counts as healthy,
 * {@link ServiceTaskHealth}'s.
 */
public final class EcsBackend {
    private final EcsArns arns;
    private final Clock clock;
    private final Object lock = new Object();
    private final Clusters clusters;
    private final ContainerInstances containerInstances;
    private final EcsCapacity capacity;
    private final AgentStateChanges agentStateChanges;
    private final EcsCapacityProviders capacityProviders;
    private final ResourceTags resourceTags;
    private final TaskLaunches launches;
    private final TaskDefinitionRegistry taskDefinitions;
    private final EcsEvents events = new EcsEvents();
    private final Tasks tasks;
    private final TaskTransitions transitions;
    private final TaskPlacement placement;
    private final Services services;
    private final ServiceReconciler reconciler;
    private final AccountSettings accountSettings;
    private final EcsAccountSettings accountSettingsApi;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final ServiceLoadBalancing loadBalancing;
    private volatile Supplier<Optional<TargetRegistry>> targetRegistry = Optional::empty;
    private volatile Consumer<VpcModel.Instance> instanceSink = i -> {};

    /**
     * The model for one account and region, placing every task on Fargate, with ECS's 40 seconds before a service task
     * without health checks counts as healthy.
     */
    public EcsBackend(EcsArns arns, Clock clock) {
        this(arns, clock, ContainerHealthChecks.ECS_HEALTHY_AFTER_RUNNING);
    }

    /**
     * The model for one account and region, placing Fargate tasks in the region's first zone and EC2 tasks on the
     * cluster's container instances with the {@link PlacementEngine}.
     *
     * @param taskHealthyAfterRunning how long a service task without container health checks must have been RUNNING
     *     before it counts as healthy (toward minimumHealthyPercent and the steady state that completes a deployment);
     *     ECS waits 40 seconds
     */
    public EcsBackend(EcsArns arns, Clock clock, Duration taskHealthyAfterRunning) {
        this(arns, clock, null, taskHealthyAfterRunning);
    }

    /**
     * The model, placing tasks where {@code placement} says ({@code null}: Fargate tasks in the region's first zone, EC2
     * tasks on the cluster's container instances with the {@link PlacementEngine}).
     */
    EcsBackend(EcsArns arns, Clock clock, TaskPlacement placement, Duration taskHealthyAfterRunning) {
        this.arns = arns;
        this.clock = clock;
        this.containerInstances = new ContainerInstances(
                arns,
                clock,
                ci -> instanceSink.accept(new VpcModel.Instance(ci.ec2InstanceId, ci.privateIp, ci.availabilityZone)));
        this.placement = placement != null ? placement : new ClusterPlacement(containerInstances, new Random());
        this.taskDefinitions = new TaskDefinitionRegistry(arns, clock);
        this.tasks = new Tasks(arns, clock, events);
        this.transitions = new TaskTransitions(clock, events);
        this.loadBalancing = new ServiceLoadBalancing(
                clock, () -> targetRegistry.get(), new ContainerHealthChecks(taskHealthyAfterRunning), this::changed);
        this.services = new Services(arns, clock, events, tasks, loadBalancing);
        this.clusters = new Clusters(arns, new ClusterUsage(tasks, services, containerInstances));
        this.resourceTags = new ResourceTags(arns, clusters, taskDefinitions, tasks, services);
        this.capacity = new EcsCapacity(lock, clusters, containerInstances, this::changed);
        this.agentStateChanges = new AgentStateChanges(lock, arns, clusters, tasks, transitions, this::changed);
        this.launches = new TaskLaunches(arns, clusters, containerInstances, taskDefinitions, tasks, this.placement);
        this.reconciler = new ServiceReconciler(
                arns.region(),
                clusters,
                taskDefinitions,
                tasks,
                transitions,
                services,
                this.placement,
                loadBalancing,
                events);
        this.capacityProviders = new EcsCapacityProviders(
                lock, clusters, containerInstances, tasks, services, transitions, this::changed);
        this.accountSettings = new AccountSettings(arns.accountId());
        this.accountSettingsApi = new EcsAccountSettings(lock, accountSettings);
    }

    public EcsArns arns() {
        return arns;
    }

    public Clock clock() {
        return clock;
    }

    /** How long a task of an Auto Scaling group capacity provider may wait in PROVISIONING for an instance. */
    public void provisioningTimeout(Duration timeout) {
        reconciler.waits().timeout(timeout);
    }

    /** Where container work for tasks goes. */
    public void lifecycle(TaskLifecycle lifecycle) {
        transitions.lifecycle(lifecycle);
    }

    /**
     * Where services find Elastic Load Balancing's target groups (the {@link TargetRegistry} port), looked up each time
     * it is needed: empty when the ELB module is not on the classpath (a service naming load balancers is then
     * refused).
     */
    public void targetRegistry(Supplier<Optional<TargetRegistry>> registry) {
        this.targetRegistry = registry;
    }

    /** Where each container instance's EC2 instance is goes to {@code sink} (the VPC model, for ELB's targets). */
    public void instances(Consumer<VpcModel.Instance> sink) {
        this.instanceSink = sink;
    }

    /**
     * Where a Fargate task's Availability Zone comes from: the zone of its subnet (core's VPC model, as ELB sees it
     * too), or empty for a subnet the model does not know (the task is then in the region's first zone).
     */
    public void subnetZones(Function<String, Optional<String>> zones) {
        tasks.subnetZones(zones);
    }

    /** Where the backend emits ECS's EventBridge events. */
    public void events(EventPublisher log) {
        events.log(log);
    }

    /**
     * Called after any task or service changes, possibly with the model lock held: listeners must only signal
     * (the service scheduler wakes up on it), never block or call back into the backend.
     */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    private void changed() {
        for (Runnable r : changeListeners) {
            r.run();
        }
    }

    // =============================================================================================== clusters

    /** CreateCluster: idempotent on the name; the default name is {@code default}. */
    public Cluster createCluster(CreateClusterRequest request) {
        String name = Clusters.checkedName(request);
        synchronized (lock) {
            return clusters.create(name, request);
        }
    }

    /** DescribeClusters: unknown names come back as failures with reason MISSING. */
    public Described<Cluster> describeClusters(List<String> refs, boolean includeTags, boolean includeSettings) {
        synchronized (lock) {
            return clusters.describe(refs, includeTags, includeSettings);
        }
    }

    /** ListClusters: ARNs of the ACTIVE clusters, in creation order. */
    public List<String> listClusterArns() {
        synchronized (lock) {
            return clusters.activeArns();
        }
    }

    /** DeleteCluster: only a cluster without active services and tasks; it becomes INACTIVE. */
    public Cluster deleteCluster(String ref) {
        synchronized (lock) {
            return clusters.delete(ref);
        }
    }

    /** The ACTIVE cluster a name or ARN refers to ({@code default} when empty). */
    public String clusterArn(String ref) {
        synchronized (lock) {
            return clusters.active(ref).arn;
        }
    }

    // ==================================================================================== container instances

    /** Container instances and their attributes (RegisterContainerInstance ... ListAttributes), under this lock. */
    public EcsCapacity capacity() {
        return capacity;
    }

    /** What the ECS agent reports (SubmitTaskStateChange ...), applied under this lock. */
    public AgentStateChanges agentStateChanges() {
        return agentStateChanges;
    }

    /** Cluster capacity providers, settings and Fargate Spot interruptions, under this lock. */
    public EcsCapacityProviders capacityProviders() {
        return capacityProviders;
    }

    // ======================================================================================= account settings

    /** Account settings by principal (PutAccountSetting ... ListAccountSettings), under this lock. */
    public EcsAccountSettings accountSettings() {
        return accountSettingsApi;
    }

    // ======================================================================================= task definitions

    /** RegisterTaskDefinition: the family's next revision, ACTIVE. */
    public TaskDefinition registerTaskDefinition(RegisterTaskDefinitionRequest request, String registeredBy) {
        synchronized (lock) {
            return taskDefinitions.register(request, registeredBy);
        }
    }

    /**
     * The task definition a reference names: {@code family} (its latest ACTIVE revision), {@code family:revision}
     * or an ARN.
     */
    public Optional<TaskDefinition> findTaskDefinition(String ref) {
        synchronized (lock) {
            return Optional.ofNullable(taskDefinitions.find(ref));
        }
    }

    /** The tags of a task definition revision. */
    public List<Tag> taskDefinitionTags(String arn) {
        synchronized (lock) {
            return List.copyOf(taskDefinitions.tags(arn));
        }
    }

    /** ListTaskDefinitions: ARNs, filtered, sorted by family then revision. */
    public List<String> listTaskDefinitionArns(String familyPrefix, String status, boolean descending) {
        synchronized (lock) {
            return taskDefinitions.arns(familyPrefix, status, descending);
        }
    }

    /** ListTaskDefinitionFamilies: family names, filtered by prefix and status (ACTIVE: has an ACTIVE revision). */
    public List<String> listFamilies(String familyPrefix, String status) {
        synchronized (lock) {
            return taskDefinitions.families(familyPrefix, status);
        }
    }

    /** DeregisterTaskDefinition: the revision becomes INACTIVE; running tasks and services keep it. */
    public TaskDefinition deregisterTaskDefinition(String ref) {
        synchronized (lock) {
            return taskDefinitions.deregister(ref);
        }
    }

    // ================================================================================================== tasks

    /**
     * RunTask: validates everything, then places {@code count} tasks and creates each one placed in PROVISIONING,
     * handing it to the lifecycle. Returns the tasks as they are at that moment, and a failure for each task that
     * could not be placed.
     */
    public Described<Task> runTask(RunTaskRequest request, TaskDefinition td) {
        return runTask(request, td, null);
    }

    /**
     * StartTask: like RunTask with the EC2 launch type, one task on each container instance named (by id or ARN);
     * an unknown instance is a failure with reason MISSING, a deregistered one INACTIVE, one where the task does not
     * fit a failure with the placement reason.
     */
    public Described<Task> startTask(StartTaskRequest request, TaskDefinition td) {
        return runTask(TaskLaunches.asRunTask(request), td, request.containerInstances());
    }

    private Described<Task> runTask(RunTaskRequest request, TaskDefinition td, List<String> instanceRefs) {
        TaskLaunches.Launched launched;
        synchronized (lock) {
            launched = launches.create(request, td, instanceRefs);
        }
        for (TaskRecord t : launched.created()) {
            if (!t.awaitingCapacity) { // else CapacityWaits places and launches it
                transitions.launch(t);
            }
        }
        changed();
        return new Described<>(launched.tasks(), launched.failures());
    }

    /** StopTask: desired status STOPPED with stopCode UserInitiated; the lifecycle stops its containers. */
    public Task stopTask(String clusterRef, String taskRef, String reason) {
        TaskRecord t;
        synchronized (lock) {
            ClusterRecord cluster = clusters.active(clusterRef);
            t = tasks.lookup(cluster, taskRef);
            if (t == null) {
                throw EcsErrors.invalidParameter("The referenced task was not found.");
            }
            transitions.requestStop(
                    t,
                    TaskStopCode.USER_INITIATED,
                    reason == null || reason.isEmpty() ? "Task stopped by user" : reason);
        }
        Task model;
        synchronized (lock) {
            model = t.toModel(true);
        }
        changed();
        return model;
    }

    /** DescribeTasks: unknown ids come back as failures with reason MISSING. */
    public Described<Task> describeTasks(String clusterRef, List<String> refs, boolean includeTags) {
        synchronized (lock) {
            return tasks.describe(clusters.active(clusterRef), refs, includeTags);
        }
    }

    /**
     * ListTasks: ARNs of the cluster's tasks that match every filter given; {@code desiredStatus} defaults to
     * RUNNING.
     */
    public List<String> listTaskArns(
            String clusterRef,
            String family,
            String serviceName,
            String startedBy,
            String desiredStatus,
            String launchType) {
        synchronized (lock) {
            return tasks.arns(clusters.active(clusterRef), family, serviceName, startedBy, desiredStatus, launchType);
        }
    }

    /** A snapshot of every task (for reports and the scheduler). */
    public List<TaskRecord> allTasks() {
        synchronized (lock) {
            return new ArrayList<>(tasks.all());
        }
    }

    /** Runs {@code reader} under the model lock, so it sees one consistent state. */
    public <T> T read(Supplier<T> reader) {
        synchronized (lock) {
            return reader.get();
        }
    }

    // ================================================================================== lifecycle callbacks

    /** The task's network sandbox runs: its ENI is attached and the task moves to PENDING. */
    public void eniAttached(TaskRecord t, String sandboxRuntimeId, String privateIp, Map<String, Integer> hostPorts) {
        synchronized (lock) {
            transitions.eniAttached(t, sandboxRuntimeId, privateIp, hostPorts);
        }
        changed();
    }

    /** The task's image pulls begin. */
    public void pullStarted(TaskRecord t) {
        synchronized (lock) {
            transitions.pullStarted(t);
        }
    }

    /** The task's image pulls ended; {@code imageDigests} by container name (those pulled). */
    public void pullStopped(TaskRecord t, Map<String, String> imageDigests) {
        synchronized (lock) {
            transitions.pullStopped(t, imageDigests);
        }
    }

    /** A container of the task was created in the runtime with this id. */
    public void containerCreated(TaskRecord t, String containerName, String runtimeId) {
        synchronized (lock) {
            transitions.containerCreated(t, containerName, runtimeId);
        }
    }

    /** A container of the task started. */
    public void containerRunning(TaskRecord t, String containerName) {
        synchronized (lock) {
            transitions.containerRunning(t, containerName);
        }
    }

    /** Every essential container runs: ACTIVATING, then RUNNING. False when the task is already stopping. */
    public boolean taskRunning(TaskRecord t) {
        synchronized (lock) {
            if (!transitions.taskRunning(t)) {
                return false;
            }
        }
        changed();
        return true;
    }

    /**
     * A container exited. Records its exit code and reason; when it is essential and the task should be running,
     * the task is told to stop (EssentialContainerExited). Called again for a stopped container without a reason, it
     * adds the reason only (an out-of-memory report that came after the exit).
     *
     * @return whether the task must now stop
     */
    public boolean containerExited(
            TaskRecord t, String containerName, Integer exitCode, String reason, List<String> logTail) {
        return report(() -> transitions.containerExited(t, containerName, exitCode, reason, logTail));
    }

    /**
     * A container's health check result changed ({@code HEALTHY}, {@code UNHEALTHY} or {@code UNKNOWN}). A task of a
     * service whose health becomes UNHEALTHY is told to stop (ServiceSchedulerInitiated, "Task failed container health
     * checks"), so the service replaces it; a task started by RunTask keeps running, as on ECS
     * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html).
     *
     * @return whether the task must now stop
     */
    public boolean containerHealth(TaskRecord t, String containerName, String status) {
        return report(() -> transitions.containerHealth(t, containerName, HealthStatus.fromValue(status)));
    }

    /** Applies a container report under the lock; tells the listeners when it changed something. */
    private boolean report(Supplier<TaskTransitions.Outcome> transition) {
        TaskTransitions.Outcome outcome;
        synchronized (lock) {
            outcome = transition.get();
        }
        if (outcome != TaskTransitions.Outcome.UNCHANGED) {
            changed();
        }
        return outcome == TaskTransitions.Outcome.STOP;
    }

    /** The task failed before it ran (image pull, container start ...): it stops with stopCode TaskFailedToStart. */
    public void failedToStart(TaskRecord t, String stoppedReason, String containerName, String containerReason) {
        synchronized (lock) {
            transitions.failedToStart(t, stoppedReason, containerName, containerReason);
        }
        changed();
    }

    /** The lifecycle lost the task's containers (runtime gone): the task stops with this reason. */
    public void lost(TaskRecord t, String stoppedReason) {
        synchronized (lock) {
            if (!transitions.lost(t, stoppedReason)) {
                return;
            }
        }
        changed();
    }

    /**
     * The lifecycle begins stopping the task's containers: DEACTIVATING (from RUNNING), then STOPPING. A task still
     * registered as a load balancer target (its essential container exited) is deregistered now.
     */
    public void stopping(TaskRecord t) {
        synchronized (lock) {
            if (!t.registrations.isEmpty()) {
                loadBalancing.deregisterNow(
                        t,
                        t.serviceName == null ? null : services.named(t.clusterName, t.serviceName),
                        clock.instant());
            }
            transitions.stopping(t);
        }
        changed();
    }

    /** Every container of the task stopped: DEPROVISIONING. */
    public void executionStopped(TaskRecord t) {
        synchronized (lock) {
            transitions.executionStopped(t);
        }
    }

    /** The task's resources are released: STOPPED. */
    public void stopped(TaskRecord t) {
        synchronized (lock) {
            transitions.stopped(t);
        }
        changed();
    }

    // =============================================================================================== services

    /** CreateService: a REPLICA service with one PRIMARY deployment; the scheduler starts its tasks. */
    public Service createService(CreateServiceRequest request, TaskDefinition td, String createdBy) {
        synchronized (lock) {
            ClusterRecord cluster = clusters.active(request.cluster());
            ServiceRecord s =
                    services.create(cluster, request, td, createdBy, containerInstances.hasActive(cluster.name));
            Service model = services.model(s, true);
            changed();
            return model;
        }
    }

    /** UpdateService: desired count, a new task definition (a new deployment), network configuration. */
    public Service updateService(UpdateServiceRequest request, TaskDefinition newTd) {
        synchronized (lock) {
            ServiceRecord s = services.update(clusters.active(request.cluster()), request, newTd);
            Service model = services.model(s, true);
            changed();
            return model;
        }
    }

    /** DeleteService: desiredCount must be 0 unless forced; the service drains, then becomes INACTIVE. */
    public Service deleteService(String clusterRef, String serviceRef, boolean force) {
        synchronized (lock) {
            ServiceRecord s = services.delete(clusters.active(clusterRef), serviceRef, force);
            Service model = services.model(s, true);
            changed();
            return model;
        }
    }

    /** DescribeServices: unknown names come back as failures with reason MISSING. */
    public Described<Service> describeServices(String clusterRef, List<String> refs, boolean includeTags) {
        synchronized (lock) {
            return services.describe(clusters.active(clusterRef), refs, includeTags);
        }
    }

    /** Whether the cluster has an ACTIVE or DRAINING service of that name or ARN. */
    public boolean serviceExists(String clusterRef, String serviceRef) {
        synchronized (lock) {
            return services.lookup(clusters.active(clusterRef), serviceRef) != null;
        }
    }

    /** ListServices: ARNs of the cluster's services that are not INACTIVE. */
    public List<String> listServiceArns(String clusterRef, String launchType) {
        synchronized (lock) {
            return services.arns(clusters.active(clusterRef), launchType);
        }
    }

    // ====================================================================================== service scheduler

    /**
     * One pass of the service scheduler over every service: keep each PRIMARY deployment at its desired count,
     * replace stopped and unhealthy tasks, roll old deployments out within minimumHealthyPercent/maximumPercent, trip
     * the deployment circuit breaker (and roll back), drain deleted services, and record the events ECS records.
     * Launches and stops go to the lifecycle, which never blocks.
     *
     * @return the earliest time a throttled launch may retry, or {@code null} when nothing waits
     */
    public Instant reconcileServices() {
        List<TaskRecord> toLaunch = new ArrayList<>();
        Instant retryAt;
        synchronized (lock) {
            retryAt = reconciler.reconcileAll(clock.instant(), toLaunch);
        }
        for (TaskRecord t : toLaunch) {
            transitions.launch(t);
        }
        return retryAt;
    }

    /** Stops every task that is not stopped yet (used when Drydock closes). */
    public List<TaskRecord> stopAll(String reason) {
        List<TaskRecord> stopping = new ArrayList<>();
        synchronized (lock) {
            for (ServiceRecord s : services.all()) {
                s.desiredCount = 0;
            }
            for (TaskRecord t : tasks.all()) {
                if (t.lastStatus != TaskStatus.STOPPED) {
                    transitions.stopNow(t, TaskStopCode.USER_INITIATED, reason);
                    stopping.add(t);
                }
            }
        }
        return stopping;
    }

    // ================================================================================================== tags

    /** The tags of a cluster, task definition, task or service ARN. */
    public List<Tag> tags(String resourceArn) {
        synchronized (lock) {
            return List.copyOf(resourceTags.mutable(resourceArn));
        }
    }

    /** The tags of an ECS resource as a map, for {@code aws:ResourceTag/*}; empty for ARNs that are not ECS's. */
    public Map<String, String> tagMap(String resourceArn) {
        synchronized (lock) {
            Map<String, String> result = new LinkedHashMap<>();
            try {
                for (Tag t : resourceTags.mutable(resourceArn)) {
                    result.put(t.key(), t.value());
                }
            } catch (AwsException e) {
                return Map.of();
            }
            return result;
        }
    }

    /** TagResource: adds or replaces tags by key; the resource keeps at most 50 tags, or nothing changes. */
    public void tag(String resourceArn, List<Tag> add) {
        synchronized (lock) {
            List<Tag> tags = resourceTags.mutable(resourceArn);
            List<Tag> merged = new ArrayList<>(tags);
            for (Tag t : add) {
                merged.removeIf(x -> x.key().equals(t.key()));
                merged.add(t);
            }
            EcsRequestChecks.checkTags(merged);
            tags.clear();
            tags.addAll(merged);
        }
    }

    /** UntagResource: removes tags by key. */
    public void untag(String resourceArn, List<String> keys) {
        synchronized (lock) {
            resourceTags.mutable(resourceArn).removeIf(t -> keys.contains(t.key()));
        }
    }

    /**
     * A Describe* result: what was found, and a {@link Failure} (reason MISSING) for each reference that was not.
     *
     * @param found the described resources
     * @param failures the references not found
     */
    public record Described<T>(List<T> found, List<Failure> failures) {}

    /** The failure a Describe* operation answers for a reference it did not find. */
    static Failure missing(String arn) {
        return Failure.builder().arn(arn).reason("MISSING").build();
    }
}
