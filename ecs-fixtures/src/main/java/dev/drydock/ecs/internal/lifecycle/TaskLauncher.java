package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.DrydockException;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.backend.TaskLifecycle;
import dev.drydock.ecs.internal.backend.TaskRecord;
import dev.drydock.ecs.internal.imds.ImdsReach;
import dev.drydock.ecs.internal.imds.RoutedInstanceMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks as containers: each task's {@link TaskRunner} sets up its network ({@link NetworkModes}: for awsvpc a
 * sandbox container holding the task's network namespace, with the task's IP and its published ports; for the EC2
 * bridge, host and none modes the same on the task's container instance, {@link InstanceNetworks}), prepares what its
 * containers need ({@link TaskPreparation}), then starts one container per container definition joined to that
 * namespace as their {@code dependsOn} conditions allow ({@link ContainerDependencies}), so the task's containers
 * reach each other on localhost as on Fargate.
 *
 * <p>Each task's container work runs in order on its own serial queue (start, container exits and health changes,
 * stop), on a shared thread pool, never under the model lock. A container's {@code healthCheck} runs as the runtime's
 * health check and its results become the container's and the task's {@code healthStatus}. Results go back to the
 * {@link EcsBackend} through its lifecycle callbacks. The {@link ContainerWatchdog} says when containers are looked at
 * again: on the runtime's exit events, periodically, and when a start timeout ends.
 */
public final class TaskLauncher implements TaskLifecycle, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskLauncher.class);
    /** Drydock's default task sandbox image, pulled from a public registry unless one is configured. */
    public static final String DEFAULT_SANDBOX_IMAGE = "public.ecr.aws/docker/library/busybox:1.36";

    /** When Drydock closes, nobody observes a graceful shutdown any more: containers get this long after SIGTERM. */
    static final Duration CLOSE_STOP_TIMEOUT = Duration.ofSeconds(2);
    /** Threads doing container work at once (each task's work is serial; jobs never wait for one another). */
    private static final int MAX_THREADS = 128;

    private final ServiceContext context;
    private final EcsBackend backend;
    private final ExecutorService pool;
    private final TaskNetwork network;
    private final RoutedInstanceMetadata imds;
    private final TaskMetadataEndpoint metadata;
    private final ContainerWatchdog watchdog;
    private final TaskRunner.Shared shared;
    private final Map<String, TaskRunner> runners = new ConcurrentHashMap<>();

    private volatile boolean closing;

    public TaskLauncher(ServiceContext context, EcsBackend backend, TaskCredentials credentials) {
        this.context = context;
        this.backend = backend;
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
        this.watchdog = new ContainerWatchdog(runners::values);
        this.network = new NetworkModes(context, backend, pool);
        this.imds = new RoutedInstanceMetadata(
                context,
                backend.capacity()::ec2Instance,
                context.settings().get("sandbox.image", DEFAULT_SANDBOX_IMAGE));
        this.metadata = new TaskMetadataEndpoint(backend, pool);
        this.shared = new TaskRunner.Shared(
                context,
                backend,
                credentials,
                pool,
                network,
                imds,
                ImdsReach.of(context.settings()),
                metadata,
                new TaskPreparation(context, backend, credentials),
                watchdog,
                this::runtime,
                () -> closing,
                // read at start, so a bad value fails Drydock's start rather than a task's stop
                context.settings().duration(TaskRunner.SPOT_INTERRUPTION_WARNING, Duration.ofMinutes(2)));
    }

    /** The instance metadata services of the container instances whose tasks this launcher runs. */
    public RoutedInstanceMetadata instanceMetadata() {
        return imds;
    }

    /** The task metadata endpoint (version 4) of the tasks this launcher runs. */
    public TaskMetadataEndpoint metadata() {
        return metadata;
    }

    @Override
    public void launch(TaskRecord task) {
        TaskRunner runner = new TaskRunner(shared, task);
        runners.put(task.arn(), runner);
        runner.launch();
    }

    @Override
    public void stop(TaskRecord task) {
        TaskRunner runner = runners.get(task.arn());
        if (runner != null) {
            runner.requestStop();
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
        watchdog.closing();
        List<TaskRecord> stopping = backend.stopAll("Drydock is shutting down");
        shortenStops();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (TaskRecord t : stopping) {
            TaskRunner r = runners.get(t.arn());
            if (r != null) {
                r.awaitIdle(Math.max(0, deadline - System.nanoTime()));
            }
        }
        watchdog.close();
        imds.close();
        network.close();
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
        for (String id : watchdog.containerIds()) {
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
     * Checks, before any task starts, what every task needs: a container runtime and what the task network needs
     * (the task sandbox image, pulled when missing). Blocks until the runtime is connected.
     *
     * @throws DrydockException saying what is missing and how to fix it
     */
    public void preflight() {
        RuntimeSession session = runtime();
        try {
            network.preflight(session.runtime());
        } catch (RuntimeFailure e) {
            throw new DrydockException(e.getMessage() + ".", e);
        }
    }

    /** The runtime, connected: the first time, the watchdog subscribes to its exits and the network prepares. */
    private RuntimeSession runtime() {
        RuntimeSession session = context.runtime();
        watchdog.connect(session, context.sessionId(), () -> network.connected(session));
        return session;
    }
}
