package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.DrydockException;
import dev.drydock.core.internal.service.Labels;
import dev.drydock.core.internal.service.RuntimeSession;
import dev.drydock.core.internal.service.ServiceContext;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.ContainerState;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.backend.TaskLifecycle;
import dev.drydock.ecs.internal.backend.TaskRecord;
import dev.drydock.ecs.internal.backend.TaskStatus;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks as containers: for each task a network sandbox (one container holding the task's network namespace,
 * attached to Drydock's network, with the task's IP and its published ports), then one container per container
 * definition joined to that namespace, so the task's containers reach each other on localhost as on Fargate.
 *
 * <p>Each task's container work runs in order on its own serial queue (start, container exits, stop), on a shared
 * thread pool, never under the model lock. Results go back to the {@link EcsBackend} through its lifecycle
 * callbacks. Container exits arrive from the runtime's event stream and from a periodic check that also notices
 * containers removed behind Drydock's back and an engine that stopped answering.
 */
public final class TaskLauncher implements TaskLifecycle, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskLauncher.class);
    /** Drydock's default task sandbox image, pulled from a public registry unless one is configured. */
    public static final String DEFAULT_SANDBOX_IMAGE = "public.ecr.aws/docker/library/busybox:1.36";
    private static final int LOG_LINES = 50;
    private static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** When Drydock closes, nobody observes a graceful shutdown any more: containers get this long after SIGTERM. */
    private static final Duration CLOSE_STOP_TIMEOUT = Duration.ofSeconds(2);

    private final ServiceContext context;
    private final EcsBackend backend;
    private final TaskCredentials credentials;
    private final SandboxPool sandboxes;
    private final RegistryImages registryImages;
    private final ExecutorService pool;
    private final ScheduledExecutorService watchdog;
    private final Map<String, Runner> runners = new ConcurrentHashMap<>();
    private final Map<String, Runner> byContainerId = new ConcurrentHashMap<>();
    private final Object subscriptionLock = new Object();
    private AutoCloseable exitSubscription;
    private volatile boolean closing;

    public TaskLauncher(ServiceContext context, EcsBackend backend, TaskCredentials credentials) {
        this.context = context;
        this.backend = backend;
        this.credentials = credentials;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "drydock-ecs-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drydock-ecs-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::checkContainers, 3, 3, TimeUnit.SECONDS);
        this.sandboxes = new SandboxPool(context, pool);
        this.registryImages = new RegistryImages(context);
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

    /** Stops every task and waits (up to {@code timeout}) until their containers are gone. */
    @Override
    public void close() {
        closing = true;
        List<TaskRecord> stopping = backend.stopAll("Drydock is shutting down");
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
                exitSubscription = session.runtime().onExit(Map.of(Labels.SESSION, context.sessionId()),
                        this::containerExited);
                sandboxes.prewarm(session);
            }
        }
        return session;
    }

    private void containerExited(String containerId) {
        Runner r = byContainerId.get(containerId);
        if (r != null) {
            r.submit(() -> r.exited(containerId));
        }
    }

    /** Catches exits the event stream missed, containers removed by hand, and an engine that went away. */
    private void checkContainers() {
        if (closing) {
            return;
        }
        for (Runner r : runners.values()) {
            if (r.task.lastStatus() == TaskStatus.RUNNING && "RUNNING".equals(r.task.desiredStatus())) {
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
        /** Container name to the local reference of an image pulled from a Drydock registry (ECR). */
        private final Map<String, String> registryImageRefs = new LinkedHashMap<>();
        private String sandboxId;
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
            long t0 = System.nanoTime();
            if (!startSandbox(session)) {
                return;
            }
            if (!pullImages()) {
                return;
            }
            Map<String, String> roleEnv = taskRoleEnvironment();
            if (roleEnv == null) {
                return;
            }
            for (ContainerRecord c : order(task.containers())) {
                if (!"RUNNING".equals(task.desiredStatus())) {
                    stop();
                    return;
                }
                if (!createAndStart(c, session, roleEnv)) {
                    return;
                }
            }
            sandboxes.refill(session, ports);
            if (backend.taskRunning(task)) {
                LOG.info("Task {} ({}) RUNNING at {} in {} ms", task.id(), task.taskDefinition().family() + ":"
                        + task.taskDefinition().revision(), task.privateIp(), (System.nanoTime() - t0) / 1_000_000);
            }
            // a container may have exited before the event subscription saw it
            for (String id : List.copyOf(containerIds.values())) {
                exited(id);
            }
        }

        private boolean startSandbox(RuntimeSession session) {
            ports = new ArrayList<>();
            for (ContainerRecord c : task.containers()) {
                c.definition().portMappings().forEach(p -> {
                    if (p.containerPort() != null) {
                        ports.add(new ContainerSpec.PortBinding(p.containerPort(),
                                p.protocolAsString() == null ? "tcp" : p.protocolAsString()));
                    }
                });
            }
            try {
                SandboxPool.Sandbox sandbox = sandboxes.acquire(session, ports);
                sandboxId = sandbox.id();
                backend.eniAttached(task, sandboxId, sandbox.ipAddress(), sandbox.hostPorts());
                return true;
            } catch (RuntimeFailure e) {
                fail("ResourceInitializationError: failed to set up the task's network namespace: "
                        + e.getMessage(), null, null);
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
                    } catch (dev.drydock.core.internal.service.ImageResolver.ImagePullFailure e) {
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
                    ? task.overrides().taskRoleArn() : task.taskDefinition().taskRoleArn();
            if (role == null || role.isEmpty()) {
                return Map.of();
            }
            java.util.Optional<String> roleArn = context.iam().roleArn(role);
            if (roleArn.isEmpty()) {
                fail("ResourceInitializationError: ECS was unable to assume the role '" + role + "' that was "
                        + "provided for this task: the role does not exist.", null, null);
                return null;
            }
            return credentials.register(task.arn(), task.id(), roleArn.get());
        }

        private boolean createAndStart(ContainerRecord c, RuntimeSession session, Map<String, String> roleEnv) {
            ContainerSpec spec = ContainerSpecs.forContainer(task, c, containerName(c.name()), sandboxId,
                    context.labels(Map.of(Labels.CLUSTER, task.clusterName(), Labels.TASK, task.arn(),
                            Labels.CONTAINER, c.name())),
                    session, context.region(), roleEnv, registryImageRefs.get(c.name()));
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
            try {
                runtime.startContainer(id);
            } catch (RuntimeFailure e) {
                String reason = "CannotStartContainerError: ResourceInitializationError: failed to create new "
                        + "container runtime task: " + e.getMessage();
                fail(reason, c.name(), reason);
                return false;
            }
            backend.containerRunning(task, c.name());
            return true;
        }

        private void fail(String reason, String containerName, String containerReason) {
            LOG.warn("Task {} failed to start: {}", task.id(), reason);
            backend.failedToStart(task, reason, containerName, containerReason);
            stop();
        }

        // ------------------------------------------------------------------------------------------ exits

        void exited(String containerId) {
            if (stopped || runtime == null) {
                return;
            }
            String name = nameOf(containerId);
            if (name == null) {
                return;
            }
            ContainerState state;
            try {
                state = runtime.inspectContainer(containerId);
            } catch (RuntimeFailure e) {
                if (e.kind() == RuntimeFailure.Kind.NOT_FOUND) {
                    recordExit(name, null, "Container removed outside Drydock", List.of());
                }
                return;
            }
            if (state.running() || state.exitCode() == null && state.startedAt() == null) {
                return;
            }
            String reason = state.oomKilled() ? "OutOfMemoryError: Container killed due to memory usage" : null;
            recordExit(name, state.exitCode(), reason, logTail(containerId));
        }

        private void recordExit(String name, Integer exitCode, String reason, List<String> logTail) {
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
                for (Map.Entry<String, String> e : containerIds.entrySet()) {
                    ContainerState s = runtime.inspectContainer(e.getValue());
                    if (!s.running() && task.containers().stream()
                            .anyMatch(c -> c.name().equals(e.getKey()) && "RUNNING".equals(c.lastStatus()))) {
                        exited(e.getValue());
                    }
                }
                engineFailures = 0;
            } catch (RuntimeFailure e) {
                if (e.kind() == RuntimeFailure.Kind.NOT_FOUND) {
                    for (String id : List.copyOf(containerIds.values())) {
                        exited(id);
                    }
                } else if (e.kind() == RuntimeFailure.Kind.ENGINE_UNAVAILABLE && ++engineFailures >= 2) {
                    LOG.warn("Task {}: the Docker engine stopped answering ({}); marking the task STOPPED", task.id(),
                            e.getMessage());
                    backend.lost(task, "Task stopped because Drydock lost its Docker engine: " + e.getMessage()
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
                List<String> names = new ArrayList<>(containerIds.keySet());
                java.util.Collections.reverse(names);
                for (String name : names) {
                    String id = containerIds.get(name);
                    try {
                        runtime.stopContainer(id, stopTimeout(name));
                    } catch (RuntimeFailure e) {
                        LOG.debug("Stopping container {} of task {} failed: {}", name, task.id(), e.getMessage());
                    }
                    captureExit(name, id);
                }
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
            LOG.info("Task {} STOPPED: {}", task.id(), task.stoppedReason());
        }

        private void captureExit(String name, String id) {
            ContainerRecord c = task.containers().stream().filter(x -> x.name().equals(name)).findFirst()
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

    /** Container definitions in start order: each after the containers it depends on. */
    static List<ContainerRecord> order(List<ContainerRecord> containers) {
        Map<String, ContainerRecord> byName = new LinkedHashMap<>();
        containers.forEach(c -> byName.put(c.name(), c));
        List<ContainerRecord> ordered = new ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>();
        while (ordered.size() < containers.size()) {
            boolean progress = false;
            for (ContainerRecord c : containers) {
                if (placed.contains(c.name())) {
                    continue;
                }
                boolean ready = c.definition().dependsOn().stream().map(d -> d.containerName()).allMatch(d -> placed.contains(d) || !byName.containsKey(d));
                if (ready) {
                    ordered.add(c);
                    placed.add(c.name());
                    progress = true;
                }
            }
            if (!progress) {
                // a dependency cycle: ECS rejects it at registration; start the rest in declaration order
                containers.stream().filter(c -> !placed.contains(c.name())).forEach(ordered::add);
                break;
            }
        }
        return ordered;
    }
}
