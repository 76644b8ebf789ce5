package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.ContainerState;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.Labels;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.core.spi.ServiceContext;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task sandboxes: the container that holds a task's network namespace (its "ENI": the task's IP on Drydock's
 * network, its port mappings published on the engine's host (127.0.0.1, or every address when this JVM reaches a remote
 * engine's host on another address) and registered with {@link dev.drydock.core.spi.EngineAccess} so that
 * {@code taskAddress} finds them, {@code host.drydock.internal} in its hosts file, and a loopback forwarder to
 * Drydock's credentials endpoint), which the task's containers join.
 *
 * <p>Creating and attaching a sandbox to the network costs more than starting the task's own container, so sandboxes
 * are made ahead of time: once a task that took one has started, another with the same published ports is started
 * in the background, up to {@code ecs.sandbox-pool-size} idle ones per port set (default 1; 0 turns the pool off). Idle
 * sandboxes carry Drydock's session labels and go away with the session.
 */
final class SandboxPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxPool.class);

    /**
     * A running sandbox.
     *
     * @param id its container id
     * @param ipAddress the task's private IP
     * @param hostPorts published container ports ({@code 80/tcp}) to their loopback host ports
     */
    record Sandbox(String id, String ipAddress, Map<String, Integer> hostPorts) {}

    private final ServiceContext context;
    private final ExecutorService executor;
    private final int idlePerShape;
    private final Map<String, Deque<Sandbox>> idle = new HashMap<>();
    private final Map<String, Integer> creating = new HashMap<>();
    private final AtomicInteger serial = new AtomicInteger();
    private volatile boolean imageReady;
    private volatile RuntimeFailure imageFailure;
    private volatile long imageFailureAt;
    private volatile boolean closed;

    SandboxPool(ServiceContext context, ExecutorService executor) {
        this.context = context;
        this.executor = executor;
        this.idlePerShape = Integer.parseInt(context.settings().get("ecs.sandbox-pool-size", "1"));
    }

    /**
     * A running sandbox publishing {@code ports} on 127.0.0.1: an idle one when there is one, else a new one.
     *
     * @throws RuntimeFailure when the sandbox image is missing or the sandbox cannot start
     */
    Sandbox acquire(RuntimeSession session, List<ContainerSpec.PortBinding> ports) {
        String shape = shape(ports);
        while (true) {
            Sandbox s;
            synchronized (this) {
                Deque<Sandbox> q = idle.get(shape);
                s = q == null ? null : q.poll();
            }
            if (s == null) {
                break;
            }
            try {
                ContainerState state = session.runtime().inspectContainer(s.id());
                if (state.running()) {
                    return s;
                }
            } catch (RuntimeFailure e) {
                LOG.debug("Idle sandbox {} is gone: {}", s.id(), e.getMessage());
            }
            removeQuietly(session, s.id());
        }
        return create(session, ports);
    }

    /** Starts idle sandboxes without published ports, for the first tasks. */
    void prewarm(RuntimeSession session) {
        refill(session, List.of());
    }

    /**
     * Starts idle sandboxes with these ports in the background, up to the pool size. Called once a task's own
     * containers have started, so the refill does not compete with them.
     */
    void refill(RuntimeSession session, List<ContainerSpec.PortBinding> ports) {
        String shape = shape(ports);
        int missing;
        synchronized (this) {
            int have = idle.getOrDefault(shape, new ArrayDeque<>()).size() + creating.getOrDefault(shape, 0);
            missing = closed ? 0 : idlePerShape - have;
            if (missing > 0) {
                creating.merge(shape, missing, Integer::sum);
            }
        }
        for (int i = 0; i < missing; i++) {
            executor.execute(() -> {
                Sandbox s = null;
                try {
                    s = create(session, ports);
                } catch (RuntimeFailure e) {
                    LOG.debug("Could not start an idle sandbox: {}", e.getMessage());
                }
                boolean keep;
                synchronized (this) {
                    creating.merge(shape, -1, Integer::sum);
                    keep = s != null && !closed;
                    if (keep) {
                        idle.computeIfAbsent(shape, k -> new ArrayDeque<>()).add(s);
                    }
                }
                if (s != null && !keep) {
                    removeQuietly(session, s.id());
                }
            });
        }
    }

    private Sandbox create(RuntimeSession session, List<ContainerSpec.PortBinding> ports) {
        ContainerRuntime runtime = session.runtime();
        String image = ensureImage(runtime);
        ContainerSpec.Builder spec = ContainerSpec.builder(
                        "drydock-" + context.sessionId() + "-sandbox-" + serial.incrementAndGet(), image)
                .entryPoint(List.of("sh", "-c"))
                .command(List.of(script(session.endpointForContainers())))
                .labels(context.labels(Map.of(Labels.CONTAINER, "~sandbox")))
                .network(session.network().name(), List.of())
                .publishAddress(session.engine().publishAddress())
                // to route 169.254.169.254 (instance metadata); the task's own containers do not get it
                .capability("NET_ADMIN")
                .init(true);
        // host.drydock.internal (this JVM) and host.docker.internal
        session.engine().extraHosts().forEach((name, ip) -> spec.extraHost(name + ":" + ip));
        for (ContainerSpec.PortBinding p : ports) {
            spec.publish(p.containerPort(), p.protocol());
        }
        String id = runtime.createContainer(spec.build());
        try {
            runtime.startContainer(id);
            ContainerState state = runtime.inspectContainer(id);
            session.engine().registerPorts(id, state.ipAddress(), state.publishedPorts());
            return new Sandbox(id, state.ipAddress(), state.publishedPorts());
        } catch (RuntimeFailure e) {
            removeQuietly(runtime, id);
            throw e;
        }
    }

    /**
     * Makes sure the sandbox image is present (pulling it once). A failure is remembered for 30 seconds, so a
     * service retrying its tasks does not pull again on every attempt.
     *
     * @return the image reference
     * @throws RuntimeFailure {@link RuntimeFailure.Kind#IMAGE_PULL} saying how to configure another image
     */
    String ensureImage(ContainerRuntime runtime) {
        String image = context.settings().get("sandbox.image", TaskLauncher.DEFAULT_SANDBOX_IMAGE);
        if (imageReady) {
            return image;
        }
        RuntimeFailure remembered = imageFailure;
        if (remembered != null && System.nanoTime() - imageFailureAt < 30_000_000_000L) {
            throw remembered;
        }
        try {
            runtime.ensureImage(image);
            imageReady = true;
            imageFailure = null;
            return image;
        } catch (RuntimeFailure e) {
            RuntimeFailure failure = new RuntimeFailure(
                    RuntimeFailure.Kind.IMAGE_PULL,
                    "Drydock could not get its "
                            + "task sandbox image " + image + " (" + e.getMessage() + "). Build or pull it, or set "
                            + "drydock.sandbox.image (a system property, or sandbox.image in src/test/resources/"
                            + "drydock.properties) to a local image with a busybox-style sh, sleep and nc",
                    e);
            imageFailure = failure;
            imageFailureAt = System.nanoTime();
            throw failure;
        }
    }

    /**
     * The sandbox's script: hold the task's network namespace, make 169.254.169.254 unreachable in it (instance
     * metadata, until {@link dev.drydock.ecs.internal.imds.InstanceMetadataAccess} routes it for an EC2 task), and forward the task's loopback port
     * {@value TaskCredentials#SANDBOX_PORT} to Drydock's endpoint (credentials). It uses busybox's {@code tcpsvd}
     * (bound to 127.0.0.1) where the image has it, else {@code nc -ll -e} (Debian's busybox).
     */
    static String script(URI endpoint) {
        String forward = "nc " + endpoint.getHost() + " " + endpoint.getPort();
        int port = TaskCredentials.SANDBOX_PORT;
        // 169.254.169.254 answers nowhere until an EC2 task's namespace is routed to its instance's metadata service
        return "ip route add unreachable 169.254.169.254/32 2>/dev/null; "
                + "if command -v tcpsvd >/dev/null 2>&1; then tcpsvd -E 127.0.0.1 " + port + " " + forward + " & "
                + "else nc -ll -p " + port + " -e " + forward + " & fi; "
                + "trap 'exit 0' TERM INT; while :; do sleep 3600 & wait $!; done";
    }

    private static String shape(List<ContainerSpec.PortBinding> ports) {
        List<String> parts = new ArrayList<>();
        ports.forEach(p -> parts.add(p.containerPort() + "/" + p.protocol()));
        parts.sort(null);
        return String.join(",", parts);
    }

    private static void removeQuietly(RuntimeSession session, String id) {
        session.engine().releasePorts(id);
        removeQuietly(session.runtime(), id);
    }

    /** Removes a container, logging (at debug) when that fails. */
    static void removeQuietly(ContainerRuntime runtime, String id) {
        try {
            runtime.removeContainer(id);
        } catch (RuntimeFailure e) {
            LOG.debug("Removing sandbox {} failed: {}", id, e.getMessage());
        }
    }

    /** Removes the idle sandboxes. */
    @Override
    public void close() {
        List<Sandbox> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(all::addAll);
            idle.clear();
        }
        context.runtimeIfReady().ifPresent(session -> all.forEach(s -> removeQuietly(session, s.id())));
    }
}
