package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.ContainerState;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.Labels;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

/**
 * The EC2 launch type's bridge, host and none network modes, on the task's container instance (its sandbox from
 * {@link ContainerInstanceSandboxes}, whose address is the instance's private IP):
 *
 * <ul>
 *   <li><b>host</b>: the task's containers join the instance's network namespace; their container ports are ports of
 *       the instance's address (placement already refused a second task with the same host port on one instance).
 *   <li><b>bridge</b>: the task's containers share a namespace of their own (a task sandbox from the {@link SandboxPool}
 *       on Drydock's network, as the ECS agent's bridge puts them behind the instance), and each port mapping's host port
 *       (fixed, or the dynamic one placement took from 32768-61000) is served on the instance's address by a forwarder in
 *       the instance sandbox, so another container reaches {@code instanceIp:hostPort}, as on EC2.
 *   <li><b>none</b>: the containers share a namespace with a loopback interface only.
 * </ul>
 *
 * <p>The mechanism is the same on every engine (a local Linux engine, a remote one, Podman): user-space forwarders
 * inside containers, no iptables and no engine feature beyond {@code exec}. For this JVM, the instance's ports are
 * registered with {@link dev.drydock.core.spi.EngineAccess#registerPorts} on the instance's address: on a local Linux
 * engine the JVM connects to the instance's address itself; elsewhere to the port the engine publishes for the
 * bridge task's sandbox, or for a host mode task to a publisher container on Drydock's network that forwards to the
 * instance. So {@code Drydock.taskAddress(instanceIp, hostPort)} answers on every engine.
 */
final class InstanceNetworks implements TaskNetwork {
    private final ServiceContext context;
    private final SandboxPool pool;
    private final ContainerInstanceSandboxes instances;
    private final AtomicInteger serial = new AtomicInteger();
    /** What each task's network holds on its instance, by task ARN, to release. */
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    /**
     * What a task's network holds.
     *
     * @param instance the instance sandbox
     * @param forwarded the host ports forwarded on the instance's address
     * @param owner the owner of the ports registered on the instance's address
     * @param publisherId the publisher container of a host mode task on a remote engine, or {@code null}
     */
    private record Held(
            ContainerInstanceSandboxes.InstanceSandbox instance,
            List<Integer> forwarded,
            String owner,
            String publisherId) {}

    InstanceNetworks(ServiceContext context, SandboxPool pool, ContainerInstanceSandboxes instances) {
        this.context = context;
        this.pool = pool;
        this.instances = instances;
    }

    @Override
    public void preflight(ContainerRuntime runtime) {
        pool.ensureImage(runtime);
    }

    @Override
    public void connected(RuntimeSession session) {}

    @Override
    public Attachment attach(RuntimeSession session, TaskRecord task) {
        NetworkMode mode = task.networkMode();
        if (mode == NetworkMode.NONE) {
            return none(session, task);
        }
        ContainerInstanceSandboxes.InstanceSandbox instance = instances.of(session, task);
        return mode == NetworkMode.HOST ? host(session, task, instance) : bridge(session, task, instance);
    }

    private Attachment host(
            RuntimeSession session, TaskRecord task, ContainerInstanceSandboxes.InstanceSandbox instance) {
        List<Integer> ports = tcpHostPorts(task);
        String owner = "host-task:" + task.arn();
        String publisher = null;
        Map<String, Integer> published = new LinkedHashMap<>();
        if (session.engine().direct() || ports.isEmpty()) {
            ports.forEach(p -> published.put(p + "/tcp", p));
        } else {
            publisher = publisher(session, task, instance, ports);
            published.putAll(session.runtime().inspectContainer(publisher).publishedPorts());
        }
        session.engine().registerPorts(owner, instance.ipAddress(), published);
        held.put(task.arn(), new Held(instance, List.of(), owner, publisher));
        return new Attachment(instance.id(), instance.ipAddress(), Map.of());
    }

    private Attachment bridge(
            RuntimeSession session, TaskRecord task, ContainerInstanceSandboxes.InstanceSandbox instance) {
        SandboxPool.Sandbox sandbox = pool.acquire(session, AwsvpcNetwork.ports(task));
        List<Integer> forwarded = new ArrayList<>();
        Map<String, Integer> published = new LinkedHashMap<>();
        String owner = "bridge-task:" + task.arn();
        held.put(task.arn(), new Held(instance, forwarded, owner, null));
        Attachment attachment = new Attachment(sandbox.id(), sandbox.ipAddress(), sandbox.hostPorts());
        try {
            for (ContainerRecord c : task.containers()) {
                for (NetworkBinding b : c.networkBindings()) {
                    if (b.protocol() == TransportProtocol.UDP || b.hostPort() == null || b.hostPort() <= 0) {
                        continue;
                    }
                    instances.forward(session, instance, b.hostPort(), sandbox.ipAddress(), b.containerPort());
                    forwarded.add(b.hostPort());
                    Integer engineHostPort = sandbox.hostPorts().get(b.containerPort() + "/tcp");
                    published.put(b.hostPort() + "/tcp", engineHostPort == null ? b.hostPort() : engineHostPort);
                }
            }
            links(session, task, sandbox.id());
        } catch (RuntimeFailure e) {
            release(session, task, attachment);
            throw e;
        }
        session.engine().registerPorts(owner, instance.ipAddress(), published);
        return attachment;
    }

    /**
     * The containers' {@code links} ({@code name} or {@code name:alias}): the linked container's name and alias resolve
     * to the task's shared namespace, 127.0.0.1, in the hosts file the task's containers share.
     */
    private static void links(RuntimeSession session, TaskRecord task, String sandboxId) {
        Set<String> names = new LinkedHashSet<>();
        for (ContainerRecord c : task.containers()) {
            for (String link : c.definition().links()) {
                for (String name : link.split(":")) {
                    if (name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                        names.add(name);
                    }
                }
            }
        }
        if (names.isEmpty() || !session.runtime().realContainers()) {
            return;
        }
        ContainerRuntime.ExecResult r = session.runtime()
                .exec(sandboxId, List.of("sh", "-c", "echo '127.0.0.1 " + String.join(" ", names) + "' >> /etc/hosts"));
        if (r.exitCode() != 0) {
            throw new RuntimeFailure(
                    RuntimeFailure.Kind.OTHER,
                    "the task's links " + names + " could not be set up: " + r.stderr(),
                    null);
        }
    }

    private Attachment none(RuntimeSession session, TaskRecord task) {
        ContainerRuntime runtime = session.runtime();
        ContainerSpec spec = ContainerSpec.builder(
                        "drydock-" + context.sessionId() + "-none-" + serial.incrementAndGet(),
                        pool.ensureImage(runtime))
                .entryPoint(List.of("sh", "-c"))
                .command(List.of("trap 'exit 0' TERM INT; while :; do sleep 3600 & wait $!; done"))
                .labels(context.labels(Map.of(Labels.CLUSTER, task.clusterName(), Labels.CONTAINER, "~sandbox")))
                .network("none", List.of())
                .init(true)
                .build();
        String id = start(runtime, spec);
        return new Attachment(id, null, Map.of());
    }

    /**
     * A container on Drydock's network that publishes a host mode task's ports on the engine's host and forwards them
     * to the instance's address, for an engine whose container addresses this JVM cannot reach.
     */
    private String publisher(
            RuntimeSession session,
            TaskRecord task,
            ContainerInstanceSandboxes.InstanceSandbox instance,
            List<Integer> ports) {
        ContainerRuntime runtime = session.runtime();
        StringBuilder script = new StringBuilder();
        for (int p : ports) {
            script.append("nc -ll -p ")
                    .append(p)
                    .append(" -e nc ")
                    .append(instance.ipAddress())
                    .append(' ')
                    .append(p)
                    .append(" & ");
        }
        script.append("trap 'exit 0' TERM INT; while :; do sleep 3600 & wait $!; done");
        ContainerSpec.Builder spec = ContainerSpec.builder(
                        "drydock-" + context.sessionId() + "-publisher-" + serial.incrementAndGet(),
                        pool.ensureImage(runtime))
                .entryPoint(List.of("sh", "-c"))
                .command(List.of(script.toString()))
                .labels(context.labels(Map.of(Labels.CLUSTER, task.clusterName(), Labels.CONTAINER, "~publisher")))
                .network(session.network().name(), List.of())
                .publishAddress(session.engine().publishAddress())
                .init(true);
        ports.forEach(p -> spec.publish(p, "tcp"));
        return start(runtime, spec.build());
    }

    private static String start(ContainerRuntime runtime, ContainerSpec spec) {
        String id = runtime.createContainer(spec);
        try {
            runtime.startContainer(id);
            ContainerState state = runtime.inspectContainer(id);
            if (!state.running()) {
                throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, spec.name() + " exited at once", null);
            }
            return id;
        } catch (RuntimeFailure e) {
            SandboxPool.removeQuietly(runtime, id);
            throw e;
        }
    }

    /** The TCP host ports of a host mode task: its container ports. */
    private static List<Integer> tcpHostPorts(TaskRecord task) {
        List<Integer> ports = new ArrayList<>();
        for (ContainerRecord c : task.containers()) {
            for (NetworkBinding b : c.networkBindings()) {
                if (b.protocol() != TransportProtocol.UDP && b.hostPort() != null && b.hostPort() > 0) {
                    ports.add(b.hostPort());
                }
            }
        }
        return ports;
    }

    @Override
    public void containersStarted(RuntimeSession session, TaskRecord task) {
        if (task.networkMode() == NetworkMode.BRIDGE) {
            pool.refill(session, AwsvpcNetwork.ports(task));
        }
    }

    @Override
    public void release(RuntimeSession session, TaskRecord task, Attachment attachment) {
        Held h = held.remove(task.arn());
        if (h != null) {
            session.engine().releasePorts(h.owner());
            h.forwarded().forEach(p -> instances.unforward(session, h.instance(), p));
            if (h.publisherId() != null) {
                SandboxPool.removeQuietly(session.runtime(), h.publisherId());
            }
        }
        // the namespace container is the task's own (bridge, none), never the instance's (host)
        if (h == null || !attachment.namespaceContainerId().equals(h.instance().id())) {
            session.engine().releasePorts(attachment.namespaceContainerId());
            SandboxPool.removeQuietly(session.runtime(), attachment.namespaceContainerId());
        }
    }

    @Override
    public void close() {
        instances.close();
    }
}
