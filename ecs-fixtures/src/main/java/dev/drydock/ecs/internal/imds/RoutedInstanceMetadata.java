package dev.drydock.ecs.internal.imds;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.ContainerState;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.Labels;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.ecs.internal.backend.Ec2Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link InstanceMetadataAccess} by routing: each container instance gets, on first use, its
 * {@link InstanceMetadataService} on a loopback port of this JVM (made reachable from Drydock's network with
 * {@link dev.drydock.core.spi.EngineAccess#exposeHostPorts}, so it works on every engine, as the container credentials
 * endpoint does) and an "IMDS container" on Drydock's network that holds {@value #ADDRESS} on its loopback interface and
 * forwards port 80 to that port. Attaching a namespace adds the route {@code 169.254.169.254/32 via <IMDS container>}
 * inside it. The IMDS container uses the task sandbox image (busybox: {@code ip}, {@code nc}) and carries Drydock's
 * labels.
 */
public final class RoutedInstanceMetadata implements InstanceMetadataAccess {
    private static final Logger LOG = LoggerFactory.getLogger(RoutedInstanceMetadata.class);
    /** How long an IMDS container may take to listen. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    /** How often the container runtime is asked while waiting for a container. */
    private static final Duration POLL = Duration.ofMillis(20);

    private static final AtomicInteger ROUTES = new AtomicInteger();

    /**
     * The setting that makes the instances require IMDSv2 ({@code HttpTokens required}); default {@code false}
     * (optional, EC2's default for instances launched without the setting).
     */
    public static final String TOKENS_REQUIRED = "ecs.imds-tokens-required";
    /** The setting for how long instance profile credentials live (ISO-8601 or seconds); default 6 hours. */
    public static final String CREDENTIALS_LIFETIME = "ecs.instance-credentials-lifetime";

    private final ServiceContext context;
    private final Function<String, Ec2Instance> current;
    private final String image;
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private record Instance(InstanceMetadataServer server, String containerId, String ipAddress) {}

    /**
     * @param context the ECS module's context (IAM, clock, settings, labels)
     * @param current the container instance as it is now, by its ARN (its instance profile may change)
     * @param image the image to run the IMDS containers from: the task sandbox image
     */
    public RoutedInstanceMetadata(ServiceContext context, Function<String, Ec2Instance> current, String image) {
        this.context = context;
        this.current = current;
        this.image = image;
    }

    /** The service of one instance, as {@link #attach} serves it (for tests). */
    public InstanceMetadataService service(Ec2Instance instance) {
        return new InstanceMetadataService(
                () -> {
                    Ec2Instance now = current.apply(instance.containerInstanceArn());
                    return now == null ? instance : now;
                },
                context.iam(),
                context.clock(),
                context.settings().duration(CREDENTIALS_LIFETIME, Duration.ofHours(6)),
                Boolean.parseBoolean(context.settings().get(TOKENS_REQUIRED, "false")));
    }

    /**
     * {@inheritDoc}
     *
     * <p>The route is set by {@code ip} run in the namespace container itself (Drydock's sandboxes have
     * {@code NET_ADMIN}); when that fails (a container without {@code NET_ADMIN} or {@code ip}, e.g. a bridge-mode
     * task container holding its own namespace), by a short-lived container that joins the namespace with
     * {@code NET_ADMIN}.
     */
    @Override
    public void attach(RuntimeSession session, String namespaceContainerId, Ec2Instance instance) {
        Instance i = instance(session, instance);
        List<String> route = List.of("ip", "route", "replace", ADDRESS + "/32", "via", i.ipAddress());
        ContainerRuntime runtime = session.runtime();
        ContainerRuntime.ExecResult r;
        try {
            r = runtime.exec(namespaceContainerId, route);
        } catch (RuntimeFailure e) {
            r = new ContainerRuntime.ExecResult(-1, new byte[0], e.getMessage());
        }
        if (r.exitCode() == 0) {
            return;
        }
        LOG.debug("ip route in {} failed ({}); routing from a helper container", namespaceContainerId, r.stderr());
        ContainerSpec spec = ContainerSpec.builder(
                        "drydock-" + context.sessionId() + "-imds-route-" + ROUTES.incrementAndGet(), image)
                .entryPoint(route.subList(0, 1))
                .command(route.subList(1, route.size()))
                .labels(context.labels(Map.of(Labels.CONTAINER, "~imds-route")))
                .joinNetworkOf(namespaceContainerId)
                .capability("NET_ADMIN")
                .build();
        String id = runtime.createContainer(spec);
        try {
            runtime.startContainer(id);
            ContainerState state = awaitExit(runtime, id);
            if (state.exitCode() == null || state.exitCode() != 0) {
                throw new RuntimeFailure(
                        RuntimeFailure.Kind.OTHER,
                        "cannot route " + ADDRESS + " to the instance metadata service of " + instance.instanceId()
                                + " in the network namespace of " + namespaceContainerId + " (ip route exited with "
                                + state.exitCode() + ": " + runtime.logTail(id, 5) + ")",
                        null);
            }
        } finally {
            removeQuietly(runtime, id);
        }
    }

    private static ContainerState awaitExit(ContainerRuntime runtime, String id) {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            ContainerState state = runtime.inspectContainer(id);
            if (!state.running() && state.finishedAt() != null && state.exitCode() != null) {
                return state;
            }
            if (System.nanoTime() > deadline) {
                throw new RuntimeFailure(
                        RuntimeFailure.Kind.OTHER, "the container routing " + ADDRESS + " did not finish", null);
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private Instance instance(RuntimeSession session, Ec2Instance instance) {
        Instance known = instances.get(instance.containerInstanceArn());
        if (known != null) {
            return known;
        }
        synchronized (this) {
            known = instances.get(instance.containerInstanceArn());
            if (known != null) {
                return known;
            }
            if (closed) {
                throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, "Drydock is shutting down", null);
            }
            Instance started = start(session, instance);
            instances.put(instance.containerInstanceArn(), started);
            return started;
        }
    }

    private Instance start(RuntimeSession session, Ec2Instance instance) {
        InstanceMetadataServer server = new InstanceMetadataServer(service(instance), null);
        String id = null;
        try {
            session.engine().exposeHostPorts(server.port());
            ContainerRuntime runtime = session.runtime();
            runtime.ensureImage(image);
            String forward = "nc " + session.engine().jvmAddress() + " " + server.port();
            ContainerSpec.Builder spec = ContainerSpec.builder(
                            "drydock-" + context.sessionId() + "-imds-" + instance.instanceId(), image)
                    .entryPoint(List.of("sh", "-c"))
                    .command(List.of("ip addr add " + ADDRESS + "/32 dev lo && "
                            + "if command -v tcpsvd >/dev/null 2>&1; then exec tcpsvd -E 0.0.0.0 80 " + forward
                            + "; else exec nc -ll -p 80 -e " + forward + "; fi"))
                    .labels(context.labels(Map.of(Labels.CONTAINER, "~imds")))
                    .network(session.network().name(), List.of())
                    .capability("NET_ADMIN")
                    .init(true);
            id = runtime.createContainer(spec.build());
            runtime.startContainer(id);
            awaitListening(runtime, id, instance);
            ContainerState state = runtime.inspectContainer(id);
            LOG.debug(
                    "Instance metadata of {} at {} (JVM port {})",
                    instance.instanceId(),
                    state.ipAddress(),
                    server.port());
            return new Instance(server, id, state.ipAddress());
        } catch (RuntimeException e) {
            server.close();
            if (id != null) {
                removeQuietly(session.runtime(), id);
            }
            throw e;
        }
    }

    /** Waits until the IMDS container listens on port 80 (it fails at once without NET_ADMIN). */
    private static void awaitListening(ContainerRuntime runtime, String id, Ec2Instance instance) {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            ContainerState state = runtime.inspectContainer(id);
            if (!state.running()) {
                List<String> log = runtime.logTail(id, 5);
                throw new RuntimeFailure(
                        RuntimeFailure.Kind.OTHER,
                        "the instance metadata service container of " + instance.instanceId() + " stopped: " + log,
                        null);
            }
            ContainerRuntime.ExecResult r = runtime.exec(id, List.of("sh", "-c", "netstat -ltn | grep -q ':80 '"));
            if (r.exitCode() == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new RuntimeFailure(
                        RuntimeFailure.Kind.OTHER,
                        "the instance metadata service container of " + instance.instanceId() + " does not listen",
                        null);
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    @Override
    public void close() {
        List<Instance> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(instances.values());
            instances.clear();
        }
        for (Instance i : all) {
            i.server().close();
            context.runtimeIfReady().ifPresent(s -> removeQuietly(s.runtime(), i.containerId()));
        }
    }

    private static void removeQuietly(ContainerRuntime runtime, String id) {
        try {
            runtime.removeContainer(id);
        } catch (RuntimeFailure e) {
            LOG.debug("Removing IMDS container {} failed: {}", id, e.getMessage());
        }
    }
}
