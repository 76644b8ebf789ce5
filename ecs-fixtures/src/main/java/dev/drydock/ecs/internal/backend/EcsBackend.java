package dev.drydock.ecs.internal.backend;

import dev.drydock.core.internal.events.EventLog;
import dev.drydock.core.internal.protocol.AwsException;
import dev.drydock.ecs.internal.EcsArns;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.EcsRequestChecks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * The ECS model for one account and region: clusters, task definitions, tasks and services, and the state
 * machines that move them. Plain Java: no HTTP, no Docker. Every method is atomic under one lock, validates before it
 * changes anything, and never blocks on a container runtime (container work goes to the {@link TaskLifecycle}).
 */
public final class EcsBackend {
    /** The stoppedReason of a service task the scheduler stops because its health checks failed. */
    static final String UNHEALTHY_REASON = "Task failed container health checks";

    private final EcsArns arns;
    private final Clock clock;
    private final Object lock = new Object();
    private final Clusters clusters;
    private final TaskDefinitionRegistry taskDefinitions;
    private final EcsEvents events = new EcsEvents();
    private final Tasks tasks;
    private final TaskTransitions transitions;
    private final TaskPlacement placement;
    private final Services services;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    /** The model for one account and region, placing every task on Fargate. */
    public EcsBackend(EcsArns arns, Clock clock) {
        this(arns, clock, TaskPlacement.FARGATE);
    }

    /** The model, placing tasks where {@code placement} says. */
    EcsBackend(EcsArns arns, Clock clock, TaskPlacement placement) {
        this.arns = arns;
        this.placement = placement;
        this.clock = clock;
        this.clusters = new Clusters(arns, new ClusterUsage());
        this.taskDefinitions = new TaskDefinitionRegistry(arns, clock);
        this.tasks = new Tasks(arns, clock, events);
        this.transitions = new TaskTransitions(clock, events);
        this.services = new Services(arns, clock, events, tasks);
    }

    public EcsArns arns() {
        return arns;
    }

    public Clock clock() {
        return clock;
    }

    /** Where container work for tasks goes. */
    public void lifecycle(TaskLifecycle lifecycle) {
        transitions.lifecycle(lifecycle);
    }

    /** Where the backend emits ECS's EventBridge events. */
    public void events(EventLog log) {
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

    /** What tasks and services a cluster holds, for its counts and DeleteCluster. Caller holds the lock. */
    private final class ClusterUsage implements Clusters.Usage {
        @Override
        public Clusters.TaskCounts tasks(String cluster) {
            return tasks.counts(cluster);
        }

        @Override
        public int activeServices(String cluster) {
            return services.activeIn(cluster);
        }

        @Override
        public boolean hasServices(String cluster) {
            return services.anyIn(cluster);
        }

        @Override
        public boolean hasActiveTasks(String cluster) {
            return tasks.anyActive(cluster);
        }
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
        List<TaskRecord> created = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<Task> result = new ArrayList<>();
        synchronized (lock) {
            ClusterRecord cluster = clusters.active(request.cluster());
            String launchType =
                    LaunchRules.launchType(request.launchTypeAsString(), request.capacityProviderStrategy(), cluster);
            LaunchRules.checkRunnable(td, launchType, request.networkConfiguration());
            LaunchRules.checkOverrides(td, request.overrides());
            List<Tag> tags = TaskTags.forRunTask(request, taskDefinitions.tags(td.taskDefinitionArn()), cluster.name);
            List<CapacityProviderStrategyItem> strategy =
                    LaunchRules.strategy(request.launchTypeAsString(), request.capacityProviderStrategy(), cluster);
            int count = request.count() == null ? 1 : request.count();
            String group = request.group() != null ? request.group() : "family:" + td.family();
            for (int i = 0; i < count; i++) {
                TaskPlacement.Placement placed = placement.place(new TaskPlacement.Request(
                        arns.region(), cluster.name, td, request.overrides(), launchType, group));
                if (!placed.placed()) {
                    failures.add(placed.failure());
                    continue;
                }
                TaskRecord.Builder b = TaskRecord.builder();
                b.taskDefinition = td;
                b.overrides = request.overrides();
                b.group = group;
                b.startedBy = request.startedBy();
                b.launchType = launchType; // FARGATE also when a capacity provider placed it, as ECS answers
                b.capacityProviderName = LaunchRules.capacityProviderName(strategy);
                b.awsvpc = request.networkConfiguration().awsvpcConfiguration();
                b.tags = tags;
                b.enableExecuteCommand = Boolean.TRUE.equals(request.enableExecuteCommand());
                created.add(tasks.create(cluster, b, placed));
            }
            for (TaskRecord t : created) {
                result.add(t.toModel(true));
            }
        }
        for (TaskRecord t : created) {
            transitions.launch(t);
        }
        changed();
        return new Described<>(result, failures);
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
                    t, "UserInitiated", reason == null || reason.isEmpty() ? "Task stopped by user" : reason);
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
     * the task is told to stop (EssentialContainerExited).
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
        return report(() -> transitions.containerHealth(t, containerName, status));
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

    /** The lifecycle begins stopping the task's containers: DEACTIVATING (from RUNNING), then STOPPING. */
    public void stopping(TaskRecord t) {
        synchronized (lock) {
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
            ServiceRecord s = services.create(clusters.active(request.cluster()), request, td, createdBy);
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

    /** Every task a service of this cluster and name ever started (an index: no scan over all tasks). */
    private List<TaskRecord> serviceTasks(ServiceRecord s) {
        return tasks.ofService(s.clusterName, s.name);
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
        Instant retryAt = null;
        synchronized (lock) {
            Instant now = clock.instant();
            for (ServiceRecord s : new ArrayList<>(services.all())) {
                Instant r = reconcile(s, now, toLaunch);
                if (r != null && (retryAt == null || r.isBefore(retryAt))) {
                    retryAt = r;
                }
            }
        }
        for (TaskRecord t : toLaunch) {
            transitions.launch(t);
        }
        return retryAt;
    }

    private Instant reconcile(ServiceRecord s, Instant now, List<TaskRecord> toLaunch) {
        ClusterRecord cluster = clusters.named(s.clusterName);
        List<TaskRecord> mine = serviceTasks(s);
        stopUnhealthy(mine);
        countFailures(s, mine, now);
        int desired = s.desiredCount;
        s.primary().desiredCount = desired;
        circuitBreaker(s, now);
        DeploymentRecord primary = s.primary();
        boolean failed = "FAILED".equals(primary.rolloutState);
        int maxTasks = (int) Math.floor(desired * s.deploymentConfiguration.maximumPercent() / 100.0);
        int minHealthy = (int) Math.ceil(desired * s.deploymentConfiguration.minimumHealthyPercent() / 100.0);
        if ("DRAINING".equals(s.status)) {
            maxTasks = 0;
            minHealthy = 0;
        }

        List<TaskRecord> active = filter(mine, t -> "RUNNING".equals(t.desiredStatus));
        List<TaskRecord> primaryTasks = filter(active, t -> primary.id.equals(t.startedBy));
        List<TaskRecord> oldTasks = filter(active, t -> !primary.id.equals(t.startedBy));
        int primaryHealthy = count(primaryTasks, EcsBackend::healthy);
        int oldHealthy = count(oldTasks, EcsBackend::healthy);

        // 1. scale the primary deployment down
        if (primaryTasks.size() > desired) {
            List<TaskRecord> victims = new ArrayList<>(primaryTasks);
            victims.sort(Comparator.comparing((TaskRecord t) -> t.lastStatus == TaskStatus.RUNNING)
                    .thenComparing(t -> t.createdAt, Comparator.reverseOrder()));
            List<TaskRecord> stop = victims.subList(0, primaryTasks.size() - desired);
            stopForService(s, primary, stop, now);
            primaryTasks.removeAll(stop);
            primaryHealthy = count(primaryTasks, EcsBackend::healthy);
        }
        // 2. stop old deployments' tasks as far as minimumHealthyPercent allows (a FAILED deployment keeps them):
        // tasks not RUNNING yet at once; RUNNING ones whose first health check has not reported (UNKNOWN) count for
        // nothing but are no unhealthy tasks either, so they stop only once the healthy tasks meet the minimum
        boolean stoppedOld = false;
        if (!oldTasks.isEmpty() && (!failed || "DRAINING".equals(s.status))) {
            int surplus = primaryHealthy + oldHealthy - minHealthy;
            List<TaskRecord> stop =
                    filter(oldTasks, t -> t.lastStatus != TaskStatus.RUNNING || (!healthy(t) && surplus >= 0));
            int stoppable = Math.max(0, surplus);
            for (TaskRecord t : oldTasks) {
                if (healthy(t) && stoppable > 0) {
                    stop.add(t);
                    stoppable--;
                }
            }
            if (!stop.isEmpty()) {
                stopForService(s, primary, stop, now);
                oldTasks.removeAll(stop);
                stoppedOld = true;
            }
        }
        // 3. launch primary tasks up to desired, within maximumPercent; a FAILED deployment launches none
        int launchable = Math.min(desired - primaryTasks.size(), maxTasks - primaryTasks.size() - oldTasks.size());
        Instant retryAt = null;
        if (launchable > 0 && !failed && cluster != null && cluster.active()) {
            if (now.isBefore(s.nextLaunchAllowedAt)) {
                retryAt = s.nextLaunchAllowedAt;
            } else {
                List<String> started = new ArrayList<>();
                Failure unplaced = null;
                String launchType = primary.launchType != null ? primary.launchType : "FARGATE";
                String group = "service:" + s.name;
                for (int i = 0; i < launchable; i++) {
                    TaskPlacement.Placement placed = placement.place(new TaskPlacement.Request(
                            arns.region(), cluster.name, primary.taskDefinition, null, launchType, group));
                    if (!placed.placed()) {
                        unplaced = placed.failure();
                        break;
                    }
                    TaskRecord.Builder b = TaskRecord.builder();
                    b.taskDefinition = primary.taskDefinition;
                    b.group = group;
                    b.startedBy = primary.id;
                    b.launchType = launchType;
                    b.capacityProviderName = LaunchRules.capacityProviderName(primary.capacityProviderStrategy);
                    b.awsvpc = primary.networkConfiguration.awsvpcConfiguration();
                    b.tags = TaskTags.forService(s, taskDefinitions.tags(primary.taskDefinition.taskDefinitionArn()));
                    b.serviceName = s.name;
                    b.enableExecuteCommand = s.enableExecuteCommand;
                    TaskRecord t = tasks.create(cluster, b, placed);
                    toLaunch.add(t);
                    started.add("(task " + t.id + ")");
                }
                if (!started.isEmpty()) {
                    String replaced = s.unhealthyReplaced > 0
                            ? " Amazon ECS replaced " + s.unhealthyReplaced + " tasks due to an unhealthy status."
                            : "";
                    s.unhealthyReplaced = 0;
                    s.event(
                            now,
                            "has started " + started.size() + " tasks: " + String.join(" ", started) + "." + replaced);
                    s.steadyStateReported = false;
                    s.stuckReported = false;
                    s.unplacedReported = false;
                }
                if (unplaced != null && !s.unplacedReported) {
                    s.unplacedReported = true;
                    s.event(now, "was unable to place a task. Reason: " + unplaced.reason() + ".");
                }
            }
        } else if (launchable <= 0
                && !stoppedOld
                && !oldTasks.isEmpty()
                && !failed
                && !s.stuckReported
                && primaryTasks.size() < desired
                && count(primaryTasks, t -> t.lastStatus.pending()) == 0
                && count(primaryTasks, EcsBackend::awaitingHealth) + count(oldTasks, EcsBackend::awaitingHealth) == 0) {
            // neither a start nor a stop fits the deployment configuration (and no health check result will change
            // that): ECS says so once
            s.stuckReported = true;
            s.event(
                    now,
                    "was unable to stop or start tasks during a deployment because of the service deployment "
                            + "configuration. Update the minimumHealthyPercent or maximumPercent value and try again.");
        }
        // 4. retire drained deployments, complete the rollout, report steady state
        for (int i = s.deployments.size() - 1; i >= 1; i--) {
            DeploymentRecord d = s.deployments.get(i);
            if (services.tasksOf(s, d).stream().allMatch(t -> t.lastStatus == TaskStatus.STOPPED)) {
                d.status = "INACTIVE";
                d.updatedAt = now;
                s.deployments.remove(i);
            }
        }
        if ("DRAINING".equals(s.status)) {
            if (mine.stream().allMatch(t -> t.lastStatus == TaskStatus.STOPPED)) {
                services.retire(s);
            }
            return retryAt;
        }
        int primaryReady = count(primaryTasks, t -> healthy(t) && "RUNNING".equals(t.desiredStatus));
        boolean settled = s.deployments.size() == 1
                && !failed
                && primaryReady == desired
                && primaryTasks.stream().noneMatch(t -> "RUNNING".equals(t.desiredStatus) && t.lastStatus.pending());
        if (settled) {
            if ("IN_PROGRESS".equals(primary.rolloutState)) {
                primary.rolloutState = "COMPLETED";
                primary.rolloutStateReason = "ECS deployment " + primary.id + " completed.";
                primary.updatedAt = now;
                s.lastCompleted = primary;
                s.event(now, "(deployment " + primary.id + ") deployment completed.");
                events.deployment(s, primary, "INFO", "SERVICE_DEPLOYMENT_COMPLETED", primary.rolloutStateReason, now);
            }
            if (!s.steadyStateReported) {
                s.steadyStateReported = true;
                s.event(now, "has reached a steady state.");
                events.serviceAction(s, "INFO", "SERVICE_STEADY_STATE", now);
            }
        }
        return retryAt;
    }

    /**
     * Counts the service's tasks that failed since the last pass against their deployment (a task that could not
     * start, whose essential container exited, or that failed its health checks), and throttles launches after
     * tasks that could not start, as ECS's service throttle logic does.
     */
    private void countFailures(ServiceRecord s, List<TaskRecord> mine, Instant now) {
        for (TaskRecord t : mine) {
            if ("STOPPED".equals(t.desiredStatus) && !t.failureCounted && failure(t)) {
                t.failureCounted = true;
                if (UNHEALTHY_REASON.equals(t.stoppedReason)) {
                    s.event(now, "(task " + t.id + ") failed container health checks.");
                    s.event(now, "has stopped 1 running tasks: (task " + t.id + ").");
                    events.serviceAction(s, "INFO", "TASKS_STOPPED", now);
                    s.unhealthyReplaced++;
                    s.steadyStateReported = false;
                }
                DeploymentRecord d = s.deployment(t.startedBy);
                if (d != null && "IN_PROGRESS".equals(d.rolloutState)) {
                    d.failedTasks++;
                    d.updatedAt = now;
                }
                if ("TaskFailedToStart".equals(t.stopCode)) {
                    s.consecutiveLaunchFailures++;
                    s.nextLaunchAllowedAt = now.plusMillis(
                            Math.min(30_000L, 500L * (1L << Math.min(6, s.consecutiveLaunchFailures - 1))));
                    s.event(now, "failed to launch a task with (error " + t.stoppedReason + ").");
                    if (s.consecutiveLaunchFailures == 3) {
                        s.event(
                                now,
                                "is unable to consistently start tasks successfully. For more information, see "
                                        + "the Troubleshooting section of the Amazon ECS Developer Guide.");
                        events.serviceAction(s, "WARN", "SERVICE_TASK_START_IMPAIRED", now);
                    }
                }
            } else if (t.reachedRunning && !t.successCounted && !"TaskFailedToStart".equals(t.stopCode)) {
                t.successCounted = true;
                s.consecutiveLaunchFailures = 0;
            }
        }
    }

    private static boolean failure(TaskRecord t) {
        return "TaskFailedToStart".equals(t.stopCode)
                || "EssentialContainerExited".equals(t.stopCode)
                || (t.stoppedReason != null && t.stoppedReason.startsWith(UNHEALTHY_REASON));
    }

    /**
     * Stops the service's running tasks whose health checks failed (ServiceSchedulerInitiated, "Task failed container
     * health checks"); {@link #countFailures} reports them, whoever stopped them, and the launch step replaces them.
     */
    private void stopUnhealthy(List<TaskRecord> mine) {
        for (TaskRecord t :
                filter(mine, x -> "RUNNING".equals(x.desiredStatus) && "UNHEALTHY".equals(x.healthStatus()))) {
            transitions.requestStop(t, "ServiceSchedulerInitiated", UNHEALTHY_REASON);
        }
    }

    /**
     * The deployment circuit breaker: a PRIMARY deployment still IN_PROGRESS whose failed tasks reach the threshold
     * (0.5 x its desired count, at least 3, at most 200) becomes FAILED; with rollback, the last COMPLETED deployment
     * becomes PRIMARY again.
     */
    private void circuitBreaker(ServiceRecord s, Instant now) {
        DeploymentCircuitBreaker breaker = s.deploymentConfiguration.deploymentCircuitBreaker();
        DeploymentRecord primary = s.primary();
        if (breaker == null
                || !Boolean.TRUE.equals(breaker.enable())
                || !"ACTIVE".equals(s.status)
                || !"IN_PROGRESS".equals(primary.rolloutState)
                || primary.failedTasks < circuitBreakerThreshold(primary.desiredCount)) {
            return;
        }
        primary.rolloutState = "FAILED";
        primary.rolloutStateReason = "ECS deployment circuit breaker: tasks failed to start.";
        primary.updatedAt = now;
        s.event(now, "(deployment " + primary.id + ") deployment failed: tasks failed to start.");
        events.deployment(s, primary, "ERROR", "SERVICE_DEPLOYMENT_FAILED", primary.rolloutStateReason, now);
        DeploymentRecord target = s.lastCompleted;
        if (!Boolean.TRUE.equals(breaker.rollback()) || target == null || target == primary) {
            return;
        }
        primary.status = "ACTIVE";
        s.deployments.remove(target);
        s.deployments.add(0, target);
        target.status = "PRIMARY";
        target.rolloutState = "IN_PROGRESS";
        target.rolloutStateReason = "ECS deployment circuit breaker: rolling back to deploymentId " + target.id + ".";
        target.desiredCount = s.desiredCount;
        target.updatedAt = now;
        s.taskDefinition = target.taskDefinition;
        s.networkConfiguration = target.networkConfiguration;
        s.steadyStateReported = false;
        s.event(now, "rolling back to deployment " + target.id + ".");
        events.deployment(s, target, "INFO", "SERVICE_DEPLOYMENT_IN_PROGRESS", target.rolloutStateReason, now);
    }

    /** ECS's circuit breaker threshold: 0.5 x the desired count, rounded up, between 3 and 200. */
    static int circuitBreakerThreshold(int desiredCount) {
        return Math.min(200, Math.max(3, (desiredCount + 1) / 2));
    }

    /**
     * Whether a task counts as healthy for minimumHealthyPercent and steady state: RUNNING, and HEALTHY when one of
     * its containers has a health check (UNKNOWN otherwise).
     */
    private static boolean healthy(TaskRecord t) {
        if (t.lastStatus != TaskStatus.RUNNING) {
            return false;
        }
        String health = t.healthStatus();
        if ("HEALTHY".equals(health)) {
            return true;
        }
        return "UNKNOWN".equals(health)
                && t.containers.stream().noneMatch(c -> c.definition().healthCheck() != null);
    }

    /** Whether a task is RUNNING and waits for the first result of its health checks (health UNKNOWN). */
    private static boolean awaitingHealth(TaskRecord t) {
        return t.lastStatus == TaskStatus.RUNNING
                && "UNKNOWN".equals(t.healthStatus())
                && t.containers.stream().anyMatch(c -> c.definition().healthCheck() != null);
    }

    private void stopForService(ServiceRecord s, DeploymentRecord primary, Collection<TaskRecord> stop, Instant now) {
        stopForService(
                s,
                stop,
                now,
                "ServiceSchedulerInitiated",
                "Scaling activity initiated by (deployment " + primary.id + ")");
    }

    private void stopForService(
            ServiceRecord s, Collection<TaskRecord> stop, Instant now, String stopCode, String reason) {
        if (stop.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        for (TaskRecord t : stop) {
            boolean running = t.lastStatus == TaskStatus.RUNNING;
            transitions.requestStop(t, stopCode, reason);
            if (running) {
                ids.add("(task " + t.id + ")");
            }
        }
        if (!ids.isEmpty()) {
            s.event(now, "has stopped " + ids.size() + " running tasks: " + String.join(" ", ids) + ".");
            events.serviceAction(s, "INFO", "TASKS_STOPPED", now);
        }
        s.steadyStateReported = false;
    }

    private static List<TaskRecord> filter(List<TaskRecord> tasks, Predicate<TaskRecord> p) {
        List<TaskRecord> result = new ArrayList<>();
        for (TaskRecord t : tasks) {
            if (p.test(t)) {
                result.add(t);
            }
        }
        return result;
    }

    private static int count(List<TaskRecord> tasks, Predicate<TaskRecord> p) {
        int n = 0;
        for (TaskRecord t : tasks) {
            if (p.test(t)) {
                n++;
            }
        }
        return n;
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
                    transitions.requestStop(t, "UserInitiated", reason);
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
            return List.copyOf(mutableTags(resourceArn));
        }
    }

    /** The tags of an ECS resource as a map, for {@code aws:ResourceTag/*}; empty for ARNs that are not ECS's. */
    public Map<String, String> tagMap(String resourceArn) {
        synchronized (lock) {
            Map<String, String> result = new LinkedHashMap<>();
            try {
                for (Tag t : mutableTags(resourceArn)) {
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
            List<Tag> tags = mutableTags(resourceArn);
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
            mutableTags(resourceArn).removeIf(t -> keys.contains(t.key()));
        }
    }

    private List<Tag> mutableTags(String arn) {
        checkTaggableArn(arn);
        if (arns.resource(arn, "cluster").isPresent()) {
            ClusterRecord c = clusters.lookup(arn);
            if (c != null) {
                return c.tags;
            }
        }
        List<Tag> taskDefinitionTags = taskDefinitions.mutableTags(arn);
        if (taskDefinitionTags != null) {
            return taskDefinitionTags;
        }
        TaskRecord t = tasks.get(arn);
        if (t != null) {
            return t.mutableTags;
        }
        ServiceRecord s = services.withArn(arn);
        if (s != null) {
            return s.mutableTags;
        }
        throw AwsException.client("InvalidParameterException", "The specified resource is not found: " + arn);
    }

    /**
     * The ARN forms ECS tags: an ECS ARN (else {@code The ARN provided is invalid},
     * https://github.com/boto/boto3/issues/2774), in the long format for tasks and services, with the cluster name
     * (else {@code Long arn format must be used for tagging operations}).
     */
    private void checkTaggableArn(String arn) {
        if (!arn.startsWith("arn:aws:ecs:")) {
            throw EcsErrors.invalidParameter("The ARN provided is invalid");
        }
        for (String type : List.of("task", "service")) {
            Optional<String> resource = arns.resource(arn, type);
            if (resource.isPresent() && !resource.get().contains("/")) {
                throw EcsErrors.invalidParameter("Long arn format must be used for tagging operations");
            }
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
