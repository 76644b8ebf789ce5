package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.DrydockException;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.ContainerState;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.Labels;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.TaskLogSink;
import dev.drydock.ecs.EcsModule;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.Ec2Instance;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.backend.TaskRecord;
import dev.drydock.ecs.internal.imds.ImdsReach;
import dev.drydock.ecs.internal.imds.InstanceMetadataAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * One task's container work, run in order on its {@link SerialQueue}, never under the model lock: set up the task's
 * network, prepare what its containers need ({@link TaskPreparation}), create and start each container as its
 * {@code dependsOn} conditions allow ({@link ContainerDependencies}), record exits and health changes, and stop the
 * containers as the ECS agent does. Results go back to the {@link EcsBackend} through its lifecycle callbacks.
 */
final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);
    private static final int LOG_LINES = EcsModule.OUTPUT_LINES;
    private static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
    /**
     * The setting for the Fargate Spot interruption warning: how long an interrupted Spot task's containers have between
     * SIGTERM and SIGKILL at most (AWS: two minutes), as an ISO-8601 duration or seconds.
     */
    public static final String SPOT_INTERRUPTION_WARNING = "ecs.spot-interruption-warning";

    /**
     * A container's {@code reason} when the kernel killed it for exceeding its memory limit (Docker's {@code
     * State.OOMKilled}), as ECS words it: "OutOfMemoryError: Container killed due to memory usage", see
     * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/out-of-memory.html. The task's stoppedReason stays
     * ECS's "Essential container in task exited".
     */
    static final String OOM_REASON = "OutOfMemoryError: Container killed due to memory usage";

    /**
     * What every task's runner works with.
     *
     * @param context the Drydock instance's services
     * @param backend the model, told of every step
     * @param credentials the task credentials endpoint (revoked when the task stops)
     * @param pool where containers stop in parallel
     * @param network the tasks' network mode
     * @param metadata the task metadata endpoint
     * @param preparation what a task needs before its containers start
     * @param watchdog when containers are looked at again
     * @param runtime the container runtime, connecting on first use
     * @param closing whether Drydock is closing (containers then get a short stop timeout)
     * @param spotInterruptionWarning the Fargate Spot warning period ({@link #SPOT_INTERRUPTION_WARNING})
     */
    record Shared(
            ServiceContext context,
            EcsBackend backend,
            TaskCredentials credentials,
            ExecutorService pool,
            TaskNetwork network,
            InstanceMetadataAccess imds,
            ImdsReach imdsReach,
            TaskMetadataEndpoint metadata,
            TaskPreparation preparation,
            ContainerWatchdog watchdog,
            Supplier<RuntimeSession> runtime,
            BooleanSupplier closing,
            Duration spotInterruptionWarning) {}

    private final Shared shared;
    private final EcsBackend backend;
    private final TaskRecord task;
    private final SerialQueue queue;
    private final ContainerDependencies dependencies;
    private final ContainerLogs logs;
    /** The runtime ids of the containers created, by container name. */
    private final Map<String, String> containerIds = new LinkedHashMap<>();
    /** Set once the network is up and the containers' needs are prepared: containers start as dependencies allow. */
    private volatile boolean launching;

    private RuntimeSession session;
    private ContainerRuntime runtime;
    private TaskNetwork.Attachment attachment;
    private TaskPreparation.Prepared prepared;
    private TaskLimits.Applied limits = TaskLimits.Applied.NONE;
    private long t0;
    private boolean runningReported;
    private boolean stopped;
    private int engineFailures;

    TaskRunner(Shared shared, TaskRecord task) {
        this.shared = shared;
        this.backend = shared.backend();
        this.task = task;
        this.queue = new SerialQueue(shared.pool(), "task " + task.arn());
        this.dependencies = new ContainerDependencies(definitions());
        this.logs = new ContainerLogs(shared.context(), task);
    }

    /** Starts the task's containers, after the jobs already queued. */
    void launch() {
        queue.submit(this::start);
    }

    /** Stops the task's containers, after the jobs already queued. */
    void requestStop() {
        queue.submit(this::stop);
    }

    /** The runtime reported something about this container (an exit): looks at it, after the jobs queued. */
    void containerChanged(String containerId) {
        queue.submit(() -> changed(containerId));
    }

    /** The watchdog's periodic look, while the task's containers are meant to run. */
    void poll() {
        if (launching && !task.stopRequested()) {
            queue.submit(this::check);
        }
    }

    /** Waits until the task's queued work is done, at most {@code nanos}. */
    void awaitIdle(long nanos) {
        queue.awaitIdle(nanos);
    }

    // --------------------------------------------------------------------------------------------- start

    private void start() {
        if (task.stopRequested()) {
            stop();
            return;
        }
        try {
            session = shared.runtime().get();
        } catch (DrydockException e) {
            fail("ResourceInitializationError: " + e.getMessage(), null, null);
            return;
        }
        runtime = session.runtime();
        t0 = System.nanoTime();
        try {
            attachment = shared.network().attach(session, task);
        } catch (RuntimeFailure e) {
            fail(
                    "ResourceInitializationError: failed to set up the task's network namespace: " + e.getMessage(),
                    null,
                    null);
            return;
        }
        backend.eniAttached(task, attachment.namespaceContainerId(), attachment.privateIp(), attachment.hostPorts());
        Optional<Ec2Instance> instance = shared.imdsReach().instanceFor(task);
        if (instance.isPresent() && runtime.realContainers()) {
            try {
                shared.imds().attach(session, attachment.namespaceContainerId(), instance.get());
            } catch (RuntimeFailure | DrydockException e) {
                fail(
                        "ResourceInitializationError: failed to make the instance metadata service reachable: "
                                + e.getMessage(),
                        null,
                        null);
                return;
            }
        }
        try {
            limits = TaskLimits.apply(shared.context().settings(), runtime, task, attachment.namespaceContainerId());
        } catch (RuntimeFailure e) {
            fail(
                    "ResourceInitializationError: failed to apply the task's cpu and memory: " + e.getMessage(),
                    null,
                    null);
            return;
        }
        try {
            prepared = shared.preparation().prepare(task, runtime);
        } catch (TaskPreparation.StartFailure e) {
            fail(e.getMessage(), e.containerName(), e.containerReason());
            return;
        }
        shared.metadata().taskStarted(task, runtime, attachment.namespaceContainerId(), session.network());
        launching = true;
        startReady();
    }

    /**
     * Starts every container whose dependencies are met, in definition order; gives up those whose dependencies can
     * never be met (STOPPED with exit code 143 and the agent's reason; the task stops when one is essential). Once
     * every container started or was given up, the task is RUNNING. Called again after every container exit and
     * health change, and when a dependency's start timeout ends.
     */
    private void startReady() {
        if (stopped || !launching) {
            return;
        }
        if (task.stopRequested()) {
            stop();
            return;
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (ContainerRecord c : task.containers()) {
                if (!dependencies.waiting(c.name())) {
                    continue;
                }
                ContainerDependencies.Verdict verdict = dependencies.verdict(c.definition(), System.nanoTime());
                if (verdict.never() != null) {
                    neverStart(c, verdict.never());
                    if (stopped) {
                        return;
                    }
                    progress = true;
                } else if (verdict.ready()) {
                    if (!createAndStart(c)) {
                        return;
                    }
                    progress = true;
                }
            }
        }
        if (runningReported || !dependencies.settled()) {
            return;
        }
        runningReported = true;
        shared.network().containersStarted(session, task);
        // a container may have exited already (before the event subscription saw it): then the task never ran
        for (String id : List.copyOf(containerIds.values())) {
            changed(id);
        }
        if (backend.taskRunning(task)) {
            LOG.info(
                    "Task {} ({}) RUNNING at {} in {} ms",
                    task.id(),
                    task.taskDefinition().family() + ":" + task.taskDefinition().revision(),
                    task.privateIp(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private void neverStart(ContainerRecord c, String reason) {
        LOG.info("Container {} of task {} will not start: {}", c.name(), task.id(), reason);
        dependencies.neverStarts(c.name());
        if (backend.containerExited(task, c.name(), ContainerDependencies.NEVER_STARTED_EXIT_CODE, reason, List.of())) {
            stop();
        }
    }

    private boolean createAndStart(ContainerRecord c) {
        Map<String, String> env = new LinkedHashMap<>(prepared.roleEnvironment());
        env.putAll(TaskMetadataEndpoint.environment(c));
        ContainerSpec spec = ContainerSpecs.forContainer(
                task,
                c,
                containerName(c.name()),
                attachment.namespaceContainerId(),
                shared.context().labels(containerLabels(c)),
                session,
                shared.context().region(),
                env,
                prepared.mounts().getOrDefault(c.name(), List.of()),
                prepared.pulledImages().get(c.name()),
                prepared.secrets().getOrDefault(c.name(), Map.of()),
                limits);
        TaskLogSink.LogStreamWriter logStream;
        try {
            logStream = logs.open(c);
        } catch (TaskPreparation.StartFailure e) {
            fail(e.getMessage(), e.containerName(), e.containerReason());
            return false;
        }
        String id;
        try {
            id = runtime.createContainer(spec);
        } catch (RuntimeFailure e) {
            String reason = "CannotCreateContainerError: " + e.getMessage();
            fail(reason, c.name(), reason);
            return false;
        }
        containerIds.put(c.name(), id);
        dependencies.created(c.name());
        shared.watchdog().watch(id, this);
        backend.containerCreated(task, c.name(), id);
        shared.metadata().containerCreated(task, c, id);
        try {
            runtime.startContainer(id);
        } catch (RuntimeFailure e) {
            String reason = "CannotStartContainerError: ResourceInitializationError: failed to create new "
                    + "container runtime task: " + e.getMessage();
            fail(reason, c.name(), reason);
            return false;
        }
        if (logStream != null) {
            logs.follow(runtime, c.name(), id, logStream);
        }
        backend.containerRunning(task, c.name());
        dependencies.started(c.name(), System.nanoTime());
        Integer timeout = c.definition().startTimeout();
        if (timeout != null && timeout > 0) { // look again when its dependents' wait ends
            shared.watchdog().afterStartTimeout(timeout, () -> queue.submit(this::startReady));
        }
        return true;
    }

    /** The Drydock labels of a task container; {@link Labels#RUNS_TO_COMPLETION} when another waits for its end. */
    private Map<String, String> containerLabels(ContainerRecord c) {
        Map<String, String> labels = new LinkedHashMap<>(
                Map.of(Labels.CLUSTER, task.clusterName(), Labels.TASK, task.arn(), Labels.CONTAINER, c.name()));
        if (ContainerDependencies.runsToCompletion(definitions(), c.name())) {
            labels.put(Labels.RUNS_TO_COMPLETION, "true");
        }
        return labels;
    }

    private void fail(String reason, String containerName, String containerReason) {
        LOG.warn("Task {} failed to start: {}", task.id(), reason);
        backend.failedToStart(task, reason, containerName, containerReason);
        stop();
    }

    // --------------------------------------------------------------------------------------------- exits

    /** A container exited or its health changed: records it, then starts what may start now. */
    private void changed(String containerId) {
        if (runtime == null) {
            return;
        }
        String name = nameOf(containerId);
        if (name != null && dependencies.hasExited(name)) {
            lateOutOfMemory(name, containerId);
            return;
        }
        if (stopped || name == null) {
            return;
        }
        ContainerState state;
        try {
            state = runtime.inspectContainer(containerId);
        } catch (RuntimeFailure e) {
            if (e.kind() == RuntimeFailure.Kind.NOT_FOUND) {
                recordExit(name, null, "Container removed outside Drydock", List.of());
                startReady();
            }
            return;
        }
        if (state.running()) {
            health(name, state);
        } else if (state.exitCode() != null || state.startedAt() != null) {
            String reason = state.oomKilled() ? OOM_REASON : null;
            recordExit(name, state.exitCode(), reason, logTail(containerId));
        }
        startReady();
    }

    /**
     * The runtime spoke of a container whose exit is recorded: when it now knows the kernel OOM-killed it (Docker 20.10
     * can report that after the exit), the container's reason becomes ECS's OOM reason, also once the task stopped.
     */
    private void lateOutOfMemory(String name, String containerId) {
        if (runtime.outOfMemoryKilled(containerId)) {
            backend.containerExited(task, name, null, OOM_REASON, List.of());
        }
    }

    /**
     * Killed (137) without a known reason: the engine may still report an OOM kill ({@link #lateOutOfMemory}), so the
     * watchdog keeps routing the container's events here (one entry per such container).
     */
    private boolean outOfMemoryReportMayFollow(String name) {
        return task.containers().stream()
                .anyMatch(
                        c -> c.name().equals(name) && Integer.valueOf(137).equals(c.exitCode()) && c.reason() == null);
    }

    /** Reports a container's health check result when it changed (containers without an ECS check: never). */
    private void health(String name, ContainerState state) {
        ContainerState.Health h = state.health();
        boolean checked = task.containers().stream().anyMatch(c -> c.name().equals(name) && c.hasHealthCheck());
        if (h == null || !checked || stopped || !dependencies.health(name, h)) {
            return;
        }
        HealthStatus status = h == ContainerState.Health.HEALTHY
                ? HealthStatus.HEALTHY
                : h == ContainerState.Health.UNHEALTHY ? HealthStatus.UNHEALTHY : HealthStatus.UNKNOWN;
        if (h != ContainerState.Health.STARTING) {
            LOG.info("Container {} of task {} is {}", name, task.id(), status);
        }
        if (backend.containerHealth(task, name, status.toString())) {
            stop();
        }
    }

    private void recordExit(String name, Integer exitCode, String reason, List<String> logTail) {
        dependencies.exited(name, exitCode);
        boolean stopTask = backend.containerExited(task, name, exitCode, reason, logTail);
        LOG.info("Container {} of task {} exited with code {}", name, task.id(), exitCode);
        if (stopTask) {
            stop();
        }
    }

    /**
     * Looks at every container still running: exits and health changes the event stream missed, containers removed
     * by hand, and an engine that stopped answering (twice in a row: the task is lost).
     */
    private void check() {
        if (stopped || runtime == null) {
            return;
        }
        try {
            for (Map.Entry<String, String> e : List.copyOf(containerIds.entrySet())) {
                if (stopped || dependencies.hasExited(e.getKey())) {
                    continue;
                }
                ContainerState s = runtime.inspectContainer(e.getValue());
                if (!s.running()) {
                    changed(e.getValue());
                } else {
                    health(e.getKey(), s);
                }
            }
            engineFailures = 0;
            startReady();
        } catch (RuntimeFailure e) {
            if (e.kind() == RuntimeFailure.Kind.NOT_FOUND) {
                for (String id : List.copyOf(containerIds.values())) {
                    changed(id);
                }
            } else if (e.kind() == RuntimeFailure.Kind.ENGINE_UNAVAILABLE && ++engineFailures >= 2) {
                LOG.warn(
                        "Task {}: the Docker engine stopped answering ({}); marking the task STOPPED",
                        task.id(),
                        e.getMessage());
                backend.lost(
                        task,
                        "Task stopped because Drydock lost its Docker engine: " + e.getMessage()
                                + ". Start Docker again and rerun the test.");
                stop();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- stop

    private void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        shared.credentials().revoke(task.arn());
        backend.stopping(task);
        if (runtime != null) {
            stopContainers();
        }
        logs.closeAll();
        backend.executionStopped(task);
        if (runtime != null) {
            for (Map.Entry<String, String> e : containerIds.entrySet()) {
                removeQuietly(e.getValue());
                if (!outOfMemoryReportMayFollow(e.getKey())) {
                    shared.watchdog().forget(e.getValue());
                }
            }
            if (attachment != null) {
                shared.network().release(session, task, attachment);
            }
        }
        backend.stopped(task);
        shared.metadata().taskStopped(task);
        LOG.info("Task {} STOPPED: {}", task.id(), task.stoppedReason());
    }

    /**
     * Stops the containers as the ECS agent does: SIGTERM, then SIGKILL after each one's stopTimeout; a container
     * only after every container that depends on it stopped, the others at the same time.
     */
    private void stopContainers() {
        List<String> remaining = new ArrayList<>(containerIds.keySet());
        while (!remaining.isEmpty()) {
            List<String> now = ContainerDependencies.nextToStop(definitions(), remaining);
            List<CompletableFuture<Void>> stops = new ArrayList<>();
            for (String name : now) {
                String id = containerIds.get(name);
                stops.add(CompletableFuture.runAsync(
                        () -> {
                            try {
                                runtime.stopContainer(id, stopTimeout(name));
                            } catch (RuntimeFailure e) {
                                LOG.debug(
                                        "Stopping container {} of task {} failed: {}", name, task.id(), e.getMessage());
                            }
                        },
                        shared.pool()));
            }
            stops.forEach(CompletableFuture::join);
            for (String name : now) {
                captureExit(name, containerIds.get(name));
            }
            remaining.removeAll(now);
        }
    }

    private void captureExit(String name, String id) {
        ContainerRecord c = task.containers().stream()
                .filter(x -> x.name().equals(name))
                .findFirst()
                .orElse(null);
        if (c == null || c.lastStatus() == ContainerRecord.Status.STOPPED) {
            return;
        }
        Integer exitCode = null;
        String reason = null;
        try {
            ContainerState s = runtime.inspectContainer(id);
            exitCode = s.exitCode();
            if (s.oomKilled()) {
                reason = OOM_REASON;
            }
        } catch (RuntimeFailure e) {
            reason = "CannotInspectContainerError: " + e.getMessage();
        }
        backend.containerExited(task, name, exitCode, reason, logTail(id));
    }

    private List<String> logTail(String id) {
        try {
            return runtime.logTail(id, LOG_LINES);
        } catch (RuntimeFailure e) {
            return List.of("(logs unavailable: " + e.getMessage() + ")");
        }
    }

    private void removeQuietly(String id) {
        try {
            runtime.removeContainer(id);
        } catch (RuntimeFailure e) {
            LOG.debug("Removing container {} failed: {}", id, e.getMessage());
        }
    }

    /**
     * How long a container has after SIGTERM: its stopTimeout (30 seconds by default); for a Fargate Spot interruption
     * at most the warning period ({@link #SPOT_INTERRUPTION_WARNING}, two minutes), after which Fargate has taken the
     * capacity back.
     */
    private Duration stopTimeout(String name) {
        if (shared.closing().getAsBoolean()) {
            return TaskLauncher.CLOSE_STOP_TIMEOUT;
        }
        Duration timeout = DEFAULT_STOP_TIMEOUT;
        for (ContainerRecord c : task.containers()) {
            if (c.name().equals(name) && c.definition().stopTimeout() != null) {
                timeout = Duration.ofSeconds(c.definition().stopTimeout());
            }
        }
        if (TaskStopCode.TERMINATION_NOTICE.toString().equals(task.stopCode())) {
            Duration warning = shared.spotInterruptionWarning();
            return timeout.compareTo(warning) < 0 ? timeout : warning;
        }
        return timeout;
    }

    private String nameOf(String containerId) {
        for (Map.Entry<String, String> e : containerIds.entrySet()) {
            if (e.getValue().equals(containerId)) {
                return e.getKey();
            }
        }
        return null;
    }

    private String containerName(String suffix) {
        return "drydock-" + shared.context().sessionId() + "-" + task.id().substring(0, 12) + "-" + suffix;
    }

    private List<ContainerDefinition> definitions() {
        return task.containers().stream().map(ContainerRecord::definition).toList();
    }
}
