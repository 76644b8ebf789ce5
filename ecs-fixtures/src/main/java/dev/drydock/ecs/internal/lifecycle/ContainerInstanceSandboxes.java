package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.ContainerState;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.Labels;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EC2 container instances' footprint on the container runtime: one "instance" sandbox container per container
 * instance, created when the instance's first task needs it (a bridge or host mode task on a real runtime), which holds
 * the instance's network namespace on Drydock's network. Its address there is the instance's private IP from then on
 * ({@link dev.drydock.ecs.internal.backend.EcsCapacity#instanceAddress}), so what the model says and what answers agree.
 *
 * <ul>
 *   <li>Host mode tasks join its namespace: their container ports are ports of the instance's address, and they reach
 *       the credentials and task metadata endpoints on the instance's loopback port {@value TaskCredentials#SANDBOX_PORT}
 *       (the forwarder of {@link SandboxPool#script}, which also runs here).
 *   <li>Bridge mode tasks get their host ports on the instance's address through {@link #forward}: a forwarder process
 *       in this sandbox (busybox {@code nc -ll -p <hostPort> -e nc <task address> <containerPort>}) per port.
 * </ul>
 *
 * <p>This is the class to serve the instance metadata service (169.254.169.254) from: it runs in the instance's
 * namespace, which host mode tasks share. Instance sandboxes carry Drydock's labels (the cluster, container
 * {@code ~instance}) and are removed when Drydock closes (a crashed session's are swept by label). Thread-safe.
 */
final class ContainerInstanceSandboxes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerInstanceSandboxes.class);
    /** The {@code dev.drydock.ecs.container} label of instance sandboxes. */
    static final String CONTAINER_LABEL = "~instance";

    /**
     * A container instance's sandbox.
     *
     * @param containerInstanceArn the container instance
     * @param id the sandbox's container id
     * @param ipAddress its address on Drydock's network: the instance's private IP
     */
    record InstanceSandbox(String containerInstanceArn, String id, String ipAddress) {}

    private final ServiceContext context;
    private final EcsBackend backend;
    private final SandboxPool pool;
    private final Map<String, InstanceSandbox> byInstance = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param pool where the sandbox image comes from
     */
    ContainerInstanceSandboxes(ServiceContext context, EcsBackend backend, SandboxPool pool) {
        this.context = context;
        this.backend = backend;
        this.pool = pool;
    }

    /**
     * The sandbox of the task's container instance, started when it has none yet (or its container is gone).
     *
     * @throws RuntimeFailure when the sandbox cannot start
     * @throws IllegalStateException when the task has no container instance
     */
    InstanceSandbox of(RuntimeSession session, TaskRecord task) {
        String arn = task.containerInstanceArn();
        if (arn == null) {
            throw new IllegalStateException("Task " + task.arn() + " runs on no container instance");
        }
        synchronized (locks.computeIfAbsent(arn, k -> new Object())) {
            InstanceSandbox s = byInstance.get(arn);
            if (s != null && running(session.runtime(), s.id())) {
                backend.capacity().instanceAddress(task, s.ipAddress());
                return s;
            }
            if (closed) {
                throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, "Drydock is closing", null);
            }
            s = create(session, task);
            byInstance.put(arn, s);
            backend.capacity().instanceAddress(task, s.ipAddress());
            LOG.info("Container instance {} ({}) has its sandbox at {}", arn, task.ec2InstanceId(), s.ipAddress());
            return s;
        }
    }

    private InstanceSandbox create(RuntimeSession session, TaskRecord task) {
        ContainerRuntime runtime = session.runtime();
        String image = pool.ensureImage(runtime);
        ContainerSpec.Builder spec = ContainerSpec.builder(
                        "drydock-" + context.sessionId() + "-instance-" + task.ec2InstanceId(), image)
                .entryPoint(List.of("sh", "-c"))
                .command(List.of(SandboxPool.script(session.endpointForContainers())))
                .labels(context.labels(Map.of(Labels.CLUSTER, task.clusterName(), Labels.CONTAINER, CONTAINER_LABEL)))
                .network(session.network().name(), List.of())
                .init(true);
        session.engine().extraHosts().forEach((name, ip) -> spec.extraHost(name + ":" + ip));
        String id = runtime.createContainer(spec.build());
        try {
            runtime.startContainer(id);
            ContainerState state = runtime.inspectContainer(id);
            return new InstanceSandbox(task.containerInstanceArn(), id, state.ipAddress());
        } catch (RuntimeFailure e) {
            SandboxPool.removeQuietly(runtime, id);
            throw e;
        }
    }

    /**
     * Serves {@code hostPort} (TCP) on the instance's address, forwarding each connection to {@code target}:
     * {@code targetPort}; returns once the port listens. Does nothing on a runtime without real containers.
     *
     * @throws RuntimeFailure when the forwarder cannot start
     */
    void forward(RuntimeSession session, InstanceSandbox instance, int hostPort, String target, int targetPort) {
        ContainerRuntime runtime = session.runtime();
        if (!runtime.realContainers()) {
            return;
        }
        String listening = String.format(Locale.ROOT, ":%04X [0-9A-F]*:0000 0A", hostPort);
        String script = "nc -ll -p " + hostPort + " -e nc " + target + " " + targetPort
                + " </dev/null >/dev/null 2>&1 & echo $! > /tmp/forward-" + hostPort + "; "
                + "i=0; while ! grep -q '" + listening + "' /proc/net/tcp /proc/net/tcp6 2>/dev/null; do "
                + "i=$((i+1)); [ $i -gt 500 ] && exit 1; usleep 10000; done";
        ContainerRuntime.ExecResult r = runtime.exec(instance.id(), List.of("sh", "-c", script));
        if (r.exitCode() != 0) {
            throw new RuntimeFailure(
                    RuntimeFailure.Kind.OTHER,
                    "the forwarder of host port " + hostPort + " on container instance "
                            + instance.containerInstanceArn() + " did not start (exit " + r.exitCode() + ": "
                            + r.stderr().trim() + new String(r.stdout(), StandardCharsets.UTF_8).trim() + ")",
                    null);
        }
    }

    /** Stops serving {@code hostPort} on the instance's address (connections in progress continue). */
    void unforward(RuntimeSession session, InstanceSandbox instance, int hostPort) {
        ContainerRuntime runtime = session.runtime();
        if (!runtime.realContainers()) {
            return;
        }
        String pidFile = "/tmp/forward-" + hostPort;
        try {
            runtime.exec(
                    instance.id(),
                    List.of("sh", "-c", "[ -f " + pidFile + " ] && kill $(cat " + pidFile + ") ; rm -f " + pidFile));
        } catch (RuntimeFailure e) {
            LOG.debug("Stopping the forwarder of port {} on {} failed: {}", hostPort, instance.id(), e.getMessage());
        }
    }

    private static boolean running(ContainerRuntime runtime, String id) {
        try {
            return runtime.inspectContainer(id).running();
        } catch (RuntimeFailure e) {
            return false;
        }
    }

    /** Removes every instance sandbox. */
    @Override
    public void close() {
        closed = true;
        List<InstanceSandbox> all = new ArrayList<>(byInstance.values());
        byInstance.clear();
        context.runtimeIfReady()
                .ifPresent(session -> all.forEach(s -> SandboxPool.removeQuietly(session.runtime(), s.id())));
    }
}
