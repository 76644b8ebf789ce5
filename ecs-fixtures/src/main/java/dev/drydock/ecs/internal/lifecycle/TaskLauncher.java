package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.DrydockException;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.ContainerState;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.ImageResolver;
import dev.drydock.core.spi.Labels;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.TaskVolumeProvider;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.backend.TaskLifecycle;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;

/**
 * Runs tasks as containers: for each task a network sandbox (one container holding the task's network namespace,
 * attached to Drydock's network, with the task's IP and its published ports), then one container per container
 * definition joined to that namespace, so the task's containers reach each other on localhost as on Fargate.
 *
 * <p>Each task's container work runs in order on its own serial queue (start, container exits and health changes,
 * stop), on a shared thread pool, never under the model lock. Containers start as their {@code dependsOn} conditions
 * are met (see {@code Runner.startReady}); a container's {@code healthCheck} runs as the runtime's health check and
 * its results become the container's and the task's {@code healthStatus}. Results go back to the {@link EcsBackend}
 * through its lifecycle callbacks. Container exits and health changes arrive from the runtime's event stream and from
 * a periodic check that also notices containers removed behind Drydock's back and an engine that stopped answering.
 */
public final class TaskLauncher implements TaskLifecycle, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskLauncher.class);
    /** Drydock's default task sandbox image, pulled from a public registry unless one is configured. */
    public static final String DEFAULT_SANDBOX_IMAGE = "public.ecr.aws/docker/library/busybox:1.36";

    private static final int LOG_LINES = 50;
    private static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** When Drydock closes, nobody observes a graceful shutdown any more: containers get this long after SIGTERM. */
    private static final Duration CLOSE_STOP_TIMEOUT = Duration.ofSeconds(2);
    /** Threads doing container work at once (each task's work is serial; jobs never wait for one another). */
    private static final int MAX_THREADS = 128;

    private final ServiceContext context;
    private final EcsBackend backend;
    private final TaskCredentials credentials;
    private final SandboxPool sandboxes;
    private final TaskMetadataEndpoint metadata;
    private final RegistryImages registryImages;
    private final ExecutorService pool;
    private final ScheduledExecutorService watchdog;
    private final Map<String, Runner> runners = new ConcurrentHashMap<>();
    private final Map<String, Runner> byContainerId = new ConcurrentHashMap<>();
    private final Object subscriptionLock = new Object();
    private AutoCloseable exitSubscription;
    /** Whether containers need polling: a simulated runtime reports every exit. Set when the runtime connects. */
    private volatile boolean pollContainers;

    private volatile boolean closing;

    public TaskLauncher(ServiceContext context, EcsBackend backend, TaskCredentials credentials) {
        this.context = context;
        this.backend = backend;
        this.credentials = credentials;
        AtomicInteger n = new AtomicInteger();
        // bounded: thousands of simulated tasks launched at once must not become thousands of threads
        ThreadPoolExecutor workers = new ThreadPoolExecutor(
                MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "drydock-ecs-task-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        workers.allowCoreThreadTimeOut(true);
        this.pool = workers;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drydock-ecs-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::checkContainers, 3, 3, TimeUnit.SECONDS);
        this.sandboxes = new SandboxPool(context, pool);
        this.registryImages = new RegistryImages(context);
        this.metadata = new TaskMetadataEndpoint(backend, pool);
    }

    /** The task metadata endpoint (version 4) of the tasks this launcher runs. */
    public TaskMetadataEndpoint metadata() {
        return metadata;
    }

    @Override
    public void launch(TaskRecord task) {
        Runner runner = new Runner(task);
        runners.put(task.arn(), runner);
        runner.submit(runner::start);
    }

    @Override
    public void stop(TaskRecord task) {
        Runner runner = runners.get(task.arn());
        if (runner != null) {
            runner.submit(runner::stop);
        } else {
            pool.execute(() -> {
                backend.stopping(task);
                backend.executionStopped(task);
                backend.stopped(task);
            });
        }
    }

    /**
     * Stops every task and waits (up to 60 s in all) until their containers are gone: every container, also of a task
     * that was already stopping, gets {@link #CLOSE_STOP_TIMEOUT} after SIGTERM.
     */
    @Override
    public void close() {
        closing = true;
        List<TaskRecord> stopping = backend.stopAll("Drydock is shutting down");
        shortenStops();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (TaskRecord t : stopping) {
            Runner r = runners.get(t.arn());
            if (r != null) {
                r.awaitIdle(Math.max(0, deadline - System.nanoTime()));
            }
        }
        watchdog.shutdownNow();
        sandboxes.close();
        synchronized (subscriptionLock) {
            if (exitSubscription != null) {
                try {
                    exitSubscription.close();
                } catch (Exception e) {
                    LOG.debug("Closing the exit subscription failed", e);
                }
            }
        }
        pool.shutdownNow();
    }

    /**
     * Gives every task container still there at most {@link #CLOSE_STOP_TIMEOUT}, also those whose stop began before
     * Drydock started closing with their own (longer) stopTimeout: a second stop makes the runtime send SIGTERM again
     * and SIGKILL after the short timeout, so the task's stop in progress returns as soon as the container exits. The
     * task's own stop still captures the exit and removes the containers.
     */
    private void shortenStops() {
        RuntimeSession session = context.runtimeIfReady().orElse(null);
        if (session == null) {
            return;
        }
        ContainerRuntime runtime = session.runtime();
        for (String id : List.copyOf(byContainerId.keySet())) {
            pool.execute(() -> {
                try {
                    runtime.stopContainer(id, CLOSE_STOP_TIMEOUT);
                } catch (RuntimeFailure e) {
                    LOG.debug("Stopping container {} while Drydock closes failed: {}", id, e.getMessage());
                }
            });
        }
    }

    /**
     * Checks, before any task starts, what every task needs: a container runtime and the task sandbox image (pulled
     * when missing). Blocks until the runtime is connected.
     *
     * @throws DrydockException saying what is missing and how to fix it
     */
    public void preflight() {
        RuntimeSession session = runtime();
        try {
            sandboxes.ensureImage(session.runtime());
        } catch (RuntimeFailure e) {
            throw new DrydockException(e.getMessage() + ".", e);
        }
    }

    private RuntimeSession runtime() {
        RuntimeSession session = context.runtime();
        synchronized (subscriptionLock) {
            if (exitSubscription == null) {
                exitSubscription =
                        session.runtime().onExit(Map.of(Labels.SESSION, context.sessionId()), this::containerExited);
                pollContainers = session.runtime().realContainers();
                sandboxes.prewarm(session);
            }
        }
        return session;
    }

    private void containerExited(String containerId) {
        Runner r = byContainerId.get(containerId);
        if (r != null) {
            r.submit(() -> r.changed(containerId));
        }
    }

    /**
     * Catches exits and health changes the event stream missed, containers removed by hand, and an engine that went
     * away.
     */
    private void checkContainers() {
        if (closing || !pollContainers) {
            return;
        }
        for (Runner r : runners.values()) {
            if (r.launching && "RUNNING".equals(r.task.desiredStatus())) {
                r.submit(r::check);
            }
        }
    }

    /** One task's container work, run in order. */
    private final class Runner {
        private final TaskRecord task;
        private final Deque<Runnable> queue = new ArrayDeque<>();
        private boolean running;
        private final Map<String, String> containerIds = new LinkedHashMap<>();
        /** Exit codes of the containers that exited (or will never start), by name; a value may be null. */
        private final Map<String, Integer> exits = new HashMap<>();

        private final Map<String, ContainerState.Health> health = new HashMap<>();
        private final Set<String> neverStarted = new HashSet<>();
        /** When each started container started ({@link System#nanoTime()}), for dependency start timeouts. */
        private final Map<String, Long> startedNanos = new HashMap<>();
        /** Set once the sandbox runs and the images are there: containers start as their dependencies allow. */
        private volatile boolean launching;

        private boolean runningReported;
        private RuntimeSession session;
        private Map<String, String> roleEnv = Map.of();
        private long t0;
        /** Container name to the local reference of an image pulled from a Drydock registry (ECR). */
        private final Map<String, String> registryImageRefs = new LinkedHashMap<>();

        private String sandboxId;
        private String taskRoleArn;
        private Map<String, List<ContainerSpec.Mount>> volumeMounts = Map.of();
        private List<ContainerSpec.PortBinding> ports = List.of();
        private ContainerRuntime runtime;
        private boolean stopped;
        private int engineFailures;

        Runner(TaskRecord task) {
            this.task = task;
        }

        void submit(Runnable job) {
            synchronized (this) {
                queue.add(job);
                if (running) {
                    return;
                }
                running = true;
            }
            pool.execute(this::drain);
        }

        private void drain() {
            while (true) {
                Runnable job;
                synchronized (this) {
                    job = queue.poll();
                    if (job == null) {
                        running = false;
                        notifyAll();
                        return;
                    }
                }
                try {
                    job.run();
                } catch (RuntimeException e) {
                    LOG.error("Drydock task {} failed unexpectedly", task.arn(), e);
                }
            }
        }

        synchronized void awaitIdle(long nanos) {
            long deadline = System.nanoTime() + nanos;
            while (running || !queue.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        // ----------------------------------------------------------------------------------------- start

        void start() {
            if (!"RUNNING".equals(task.desiredStatus())) {
                stop();
                return;
            }
            RuntimeSession session;
            try {
                session = runtime();
            } catch (DrydockException e) {
                fail("ResourceInitializationError: " + e.getMessage(), null, null);
                return;
            }
            runtime = session.runtime();
            this.session = session;
            t0 = System.nanoTime();
            if (!startSandbox(session)) {
                return;
            }
            if (!pullImages()) {
                return;
            }
            Map<String, String> env = taskRoleEnvironment();
            if (env == null) {
                return;
            }
            try {
                volumeMounts = TaskVolumes.mounts(context, task, taskRoleArn);
            } catch (TaskVolumeProvider.VolumeFailure e) {
                fail(e.getMessage(), null, null);
                return;
            }
            roleEnv = env;
            metadata.taskStarted(task, runtime, sandboxId, session.network());
            launching = true;
            startReady();
        }

        /**
         * Starts every container whose dependencies ({@code dependsOn}) are met, in definition order, as the ECS agent
         * does: START once the dependency started, COMPLETE once it exited, SUCCESS once it exited with 0, HEALTHY
         * once its health check passed. A container whose dependency can never be met (SUCCESS after a non-zero exit;
         * a dependency that will never start; COMPLETE, SUCCESS or HEALTHY not reached within the dependency's
         * {@code startTimeout}; HEALTHY on a container that exited or has no check) never starts and is STOPPED with
         * exit code 143 and the agent's reason; when it is essential, the task stops. Once every container started or
         * was given up, the task is RUNNING. Called again after every container exit and health change, and when a
         * dependency's start timeout ends.
         */
        private void startReady() {
            if (stopped || !launching) {
                return;
            }
            if (!"RUNNING".equals(task.desiredStatus())) {
                stop();
                return;
            }
            boolean progress = true;
            while (progress) {
                progress = false;
                for (ContainerRecord c : task.containers()) {
                    if (containerIds.containsKey(c.name()) || neverStarted.contains(c.name())) {
                        continue;
                    }
                    Dependencies verdict = dependencies(c);
                    if (verdict.never != null) {
                        neverStart(c, verdict.never);
                        if (stopped) {
                            return;
                        }
                        progress = true;
                    } else if (verdict.ready) {
                        if (!createAndStart(c)) {
                            return;
                        }
                        progress = true;
                    }
                }
            }
            if (runningReported
                    || !task.containers().stream()
                            .allMatch(c -> containerIds.containsKey(c.name()) || neverStarted.contains(c.name()))) {
                return;
            }
            runningReported = true;
            sandboxes.refill(session, ports);
            // a container may have exited already (before the event subscription saw it): then the task never ran
            for (String id : List.copyOf(containerIds.values())) {
                changed(id);
            }
            if (backend.taskRunning(task)) {
                LOG.info(
                        "Task {} ({}) RUNNING at {} in {} ms",
                        task.id(),
                        task.taskDefinition().family() + ":"
                                + task.taskDefinition().revision(),
                        task.privateIp(),
                        (System.nanoTime() - t0) / 1_000_000);
            }
        }

        /** Whether a container may start now, or why it never will. */
        private record Dependencies(boolean ready, String never) {}

        private Dependencies dependencies(ContainerRecord c) {
            boolean ready = true;
            for (ContainerDependency d : c.definition().dependsOn()) {
                ContainerRecord dep = task.containers().stream()
                        .filter(x -> x.name().equals(d.containerName()))
                        .findFirst()
                        .orElse(null);
                if (dep == null) {
                    continue; // RegisterTaskDefinition refuses unknown names
                }
                String name = dep.name();
                boolean started = containerIds.containsKey(name);
                boolean exited = exits.containsKey(name);
                Integer code = exits.get(name);
                String condition = d.conditionAsString() == null ? "START" : d.conditionAsString();
                if (neverStarted.contains(name)) {
                    return new Dependencies(false, unresolved(dep, c, "because dependency will never start"));
                }
                if (timedOut(dep, condition)) {
                    return new Dependencies(
                            false,
                            "CannotStartContainerError: dependency graph: container ordering " + "dependency ["
                                    + describe(dep) + "] for target [" + describe(c) + "] has timed out.");
                }
                switch (condition) {
                    case "COMPLETE" -> ready &= exited;
                    case "SUCCESS" -> {
                        if (exited && (code == null || code != 0)) {
                            return new Dependencies(
                                    false, unresolved(dep, c, "as dependency did not exit successfully."));
                        }
                        ready &= exited;
                    }
                    case "HEALTHY" -> {
                        ContainerState.Health h = health.get(name);
                        if (!dep.hasHealthCheck() || exited) { // an unhealthy one may still recover, as on ECS
                            return new Dependencies(false, unresolved(dep, c, "as dependency did not become healthy."));
                        }
                        ready &= h == ContainerState.Health.HEALTHY;
                    }
                    default -> ready &= started;
                }
            }
            return new Dependencies(ready, null);
        }

        /** The ECS agent's reason for a container whose dependency can never be met. */
        private String unresolved(ContainerRecord dep, ContainerRecord target, String why) {
            return "CannotStartContainerError: dependency graph: failed to resolve container ordering dependency ["
                    + describe(dep) + "] for target [" + describe(target) + "] " + why;
        }

        /** A container as the agent names it in these reasons: {@code name(image) (KNOWN->DESIRED) - Exit: n}. */
        private String describe(ContainerRecord c) {
            String known =
                    exits.containsKey(c.name()) ? "STOPPED" : containerIds.containsKey(c.name()) ? "RUNNING" : "NONE";
            Integer code = exits.get(c.name());
            return c.name() + "(" + c.definition().image() + ") (" + known + "->RUNNING)"
                    + (code == null ? "" : " - Exit: " + code);
        }

        /**
         * Whether a running dependency missed its {@code startTimeout} (seconds from its start) for a COMPLETE,
         * SUCCESS or HEALTHY condition, as the agent checks it.
         */
        private boolean timedOut(ContainerRecord dep, String condition) {
            Integer timeout = dep.definition().startTimeout();
            Long started = startedNanos.get(dep.name());
            if (timeout == null
                    || timeout <= 0
                    || started == null
                    || exits.containsKey(dep.name())
                    || "START".equals(condition)) {
                return false;
            }
            boolean met = "HEALTHY".equals(condition) && health.get(dep.name()) == ContainerState.Health.HEALTHY;
            return !met && System.nanoTime() - started > TimeUnit.SECONDS.toNanos(timeout);
        }

        private void neverStart(ContainerRecord c, String reason) {
            LOG.info("Container {} of task {} will not start: {}", c.name(), task.id(), reason);
            neverStarted.add(c.name());
            exits.put(c.name(), 143);
            if (backend.containerExited(task, c.name(), 143, reason, List.of())) {
                stop();
            }
        }

        private boolean startSandbox(RuntimeSession session) {
            ports = new ArrayList<>();
            for (ContainerRecord c : task.containers()) {
                c.definition().portMappings().forEach(p -> {
                    if (p.containerPort() != null) {
                        ports.add(new ContainerSpec.PortBinding(
                                p.containerPort(), p.protocolAsString() == null ? "tcp" : p.protocolAsString()));
                    }
                });
            }
            try {
                SandboxPool.Sandbox sandbox = sandboxes.acquire(session, ports);
                sandboxId = sandbox.id();
                backend.eniAttached(task, sandboxId, sandbox.ipAddress(), sandbox.hostPorts());
                return true;
            } catch (RuntimeFailure e) {
                fail(
                        "ResourceInitializationError: failed to set up the task's network namespace: " + e.getMessage(),
                        null,
                        null);
                return false;
            }
        }

        private boolean pullImages() {
            backend.pullStarted(task);
            Map<String, String> digests = new LinkedHashMap<>();
            for (ContainerRecord c : task.containers()) {
                String image = c.definition().image();
                if (registryImages.serves(image)) {
                    try {
                        var pulled = registryImages.pull(task, image, runtime);
                        digests.put(c.name(), pulled.digest());
                        registryImageRefs.put(c.name(), pulled.localReference());
                        continue;
                    } catch (ImageResolver.ImagePullFailure e) {
                        backend.pullStopped(task, digests);
                        fail(e.getMessage(), c.name(), e.getMessage());
                        return false;
                    }
                }
                try {
                    digests.put(c.name(), runtime.ensureImage(image));
                } catch (RuntimeFailure e) {
                    String reason = "CannotPullContainerError: pull image manifest has been retried 1 time(s): "
                            + "failed to resolve ref " + image + ": " + e.getMessage();
                    backend.pullStopped(task, digests);
                    fail(reason, c.name(), reason);
                    return false;
                }
            }
            backend.pullStopped(task, digests);
            return true;
        }

        /**
         * The credentials environment for a task with a task role (empty without one), or {@code null} when the
         * role cannot be assumed (the task then fails to start).
         */
        private Map<String, String> taskRoleEnvironment() {
            String role = task.overrides() != null && task.overrides().taskRoleArn() != null
                    ? task.overrides().taskRoleArn()
                    : task.taskDefinition().taskRoleArn();
            if (role == null || role.isEmpty()) {
                return Map.of();
            }
            Optional<String> roleArn = context.iam().roleArn(role);
            if (roleArn.isEmpty()) {
                fail(
                        "ResourceInitializationError: ECS was unable to assume the role '" + role + "' that was "
                                + "provided for this task: the role does not exist.",
                        null,
                        null);
                return null;
            }
            taskRoleArn = roleArn.get();
            return credentials.register(task.arn(), task.id(), roleArn.get());
        }

        private boolean createAndStart(ContainerRecord c) {
            Map<String, String> env = new LinkedHashMap<>(roleEnv);
            env.putAll(TaskMetadataEndpoint.environment(c));
            ContainerSpec spec = ContainerSpecs.forContainer(
                    task,
                    c,
                    containerName(c.name()),
                    sandboxId,
                    context.labels(containerLabels(c)),
                    session,
                    context.region(),
                    env,
                    volumeMounts.getOrDefault(c.name(), List.of()),
                    registryImageRefs.get(c.name()));
            String id;
            try {
                id = runtime.createContainer(spec);
            } catch (RuntimeFailure e) {
                String reason = "CannotCreateContainerError: " + e.getMessage();
                fail(reason, c.name(), reason);
                return false;
            }
            containerIds.put(c.name(), id);
            byContainerId.put(id, this);
            backend.containerCreated(task, c.name(), id);
            metadata.containerCreated(task, c, id);
            try {
                runtime.startContainer(id);
            } catch (RuntimeFailure e) {
                String reason = "CannotStartContainerError: ResourceInitializationError: failed to create new "
                        + "container runtime task: " + e.getMessage();
                fail(reason, c.name(), reason);
                return false;
            }
            backend.containerRunning(task, c.name());
            startedNanos.put(c.name(), System.nanoTime());
            Integer timeout = c.definition().startTimeout();
            if (timeout != null && timeout > 0 && !closing) {
                try { // look again when its dependents' wait ends
                    watchdog.schedule(() -> submit(this::startReady), timeout * 1000L + 100, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    LOG.debug("Drydock is closing; no start timeout for container {}", c.name());
                }
            }
            return true;
        }

        /** The Drydock labels of a task container; {@link Labels#RUNS_TO_COMPLETION} when another waits for its end. */
        private Map<String, String> containerLabels(ContainerRecord c) {
            Map<String, String> labels = new LinkedHashMap<>(
                    Map.of(Labels.CLUSTER, task.clusterName(), Labels.TASK, task.arn(), Labels.CONTAINER, c.name()));
            boolean awaited = task.containers().stream()
                    .flatMap(o -> o.definition().dependsOn().stream())
                    .anyMatch(d -> c.name().equals(d.containerName())
                            && ("SUCCESS".equals(d.conditionAsString()) || "COMPLETE".equals(d.conditionAsString())));
            if (awaited) {
                labels.put(Labels.RUNS_TO_COMPLETION, "true");
            }
            return labels;
        }

        private void fail(String reason, String containerName, String containerReason) {
            LOG.warn("Task {} failed to start: {}", task.id(), reason);
            backend.failedToStart(task, reason, containerName, containerReason);
            stop();
        }

        // ------------------------------------------------------------------------------------------ exits

        /** A container exited or its health changed: records it, then starts what may start now. */
        void changed(String containerId) {
            if (stopped || runtime == null) {
                return;
            }
            String name = nameOf(containerId);
            if (name == null || exits.containsKey(name)) {
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
                String reason = state.oomKilled() ? "OutOfMemoryError: Container killed due to memory usage" : null;
                recordExit(name, state.exitCode(), reason, logTail(containerId));
            }
            startReady();
        }

        /** Reports a container's health check result when it changed (containers without an ECS check: never). */
        private void health(String name, ContainerState state) {
            ContainerState.Health h = state.health();
            boolean checked = task.containers().stream().anyMatch(c -> c.name().equals(name) && c.hasHealthCheck());
            if (h == null || !checked || stopped || h == health.get(name)) {
                return;
            }
            health.put(name, h);
            String status = h == ContainerState.Health.HEALTHY
                    ? "HEALTHY"
                    : h == ContainerState.Health.UNHEALTHY ? "UNHEALTHY" : "UNKNOWN";
            if (h != ContainerState.Health.STARTING) {
                LOG.info("Container {} of task {} is {}", name, task.id(), status);
            }
            if (backend.containerHealth(task, name, status)) {
                stop();
            }
        }

        private void recordExit(String name, Integer exitCode, String reason, List<String> logTail) {
            exits.put(name, exitCode);
            boolean stopTask = backend.containerExited(task, name, exitCode, reason, logTail);
            LOG.info("Container {} of task {} exited with code {}", name, task.id(), exitCode);
            if (stopTask) {
                stop();
            }
        }

        void check() {
            if (stopped || runtime == null) {
                return;
            }
            try {
                for (Map.Entry<String, String> e : List.copyOf(containerIds.entrySet())) {
                    if (stopped || exits.containsKey(e.getKey())) {
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

        // ------------------------------------------------------------------------------------------- stop

        void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            credentials.revoke(task.arn());
            backend.stopping(task);
            if (runtime != null) {
                stopContainers();
            }
            backend.executionStopped(task);
            if (runtime != null) {
                for (String id : containerIds.values()) {
                    removeQuietly(id);
                    byContainerId.remove(id);
                }
                if (sandboxId != null) {
                    removeQuietly(sandboxId);
                }
            }
            backend.stopped(task);
            metadata.taskStopped(task);
            LOG.info("Task {} STOPPED: {}", task.id(), task.stoppedReason());
        }

        /**
         * Stops the containers as the ECS agent does: SIGTERM, then SIGKILL after each one's stopTimeout; a container
         * only after every container that depends on it stopped, the others at the same time.
         */
        private void stopContainers() {
            List<String> remaining = new ArrayList<>(containerIds.keySet());
            while (!remaining.isEmpty()) {
                List<String> wave = remaining.stream()
                        .filter(name -> task.containers().stream()
                                .filter(c -> remaining.contains(c.name())
                                        && !c.name().equals(name))
                                .noneMatch(c -> c.definition().dependsOn().stream()
                                        .anyMatch(d -> name.equals(d.containerName()))))
                        .toList();
                List<String> now = wave.isEmpty() ? List.copyOf(remaining) : wave;
                List<CompletableFuture<Void>> stops = new ArrayList<>();
                for (String name : now) {
                    String id = containerIds.get(name);
                    stops.add(CompletableFuture.runAsync(
                            () -> {
                                try {
                                    runtime.stopContainer(id, stopTimeout(name));
                                } catch (RuntimeFailure e) {
                                    LOG.debug(
                                            "Stopping container {} of task {} failed: {}",
                                            name,
                                            task.id(),
                                            e.getMessage());
                                }
                            },
                            pool));
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
            if (c == null || "STOPPED".equals(c.lastStatus())) {
                return;
            }
            Integer exitCode = null;
            String reason = null;
            try {
                ContainerState s = runtime.inspectContainer(id);
                exitCode = s.exitCode();
                if (s.oomKilled()) {
                    reason = "OutOfMemoryError: Container killed due to memory usage";
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

        private Duration stopTimeout(String name) {
            if (closing) {
                return CLOSE_STOP_TIMEOUT;
            }
            for (ContainerRecord c : task.containers()) {
                if (c.name().equals(name) && c.definition().stopTimeout() != null) {
                    return Duration.ofSeconds(c.definition().stopTimeout());
                }
            }
            return DEFAULT_STOP_TIMEOUT;
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
            return "drydock-" + context.sessionId() + "-" + task.id().substring(0, 12) + "-" + suffix;
        }
    }
}
