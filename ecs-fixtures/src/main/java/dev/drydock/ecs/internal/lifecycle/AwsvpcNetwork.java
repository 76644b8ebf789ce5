package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The awsvpc network mode, as on Fargate: each task gets its own network namespace, held by a sandbox container on
 * Drydock's network (the task's IP, its port mappings published on 127.0.0.1), which the task's containers join, so
 * they reach each other on localhost. Sandboxes come from a {@link SandboxPool}.
 */
final class AwsvpcNetwork implements TaskNetwork {
    private static final Logger LOG = LoggerFactory.getLogger(AwsvpcNetwork.class);

    private final SandboxPool sandboxes;

    AwsvpcNetwork(SandboxPool sandboxes) {
        this.sandboxes = sandboxes;
    }

    @Override
    public void preflight(ContainerRuntime runtime) {
        sandboxes.ensureImage(runtime);
    }

    @Override
    public void connected(RuntimeSession session) {
        sandboxes.prewarm(session);
    }

    @Override
    public Attachment attach(RuntimeSession session, TaskRecord task) {
        SandboxPool.Sandbox sandbox = sandboxes.acquire(session, ports(task));
        return new Attachment(sandbox.id(), sandbox.ipAddress(), sandbox.hostPorts());
    }

    @Override
    public void containersStarted(RuntimeSession session, TaskRecord task) {
        sandboxes.refill(session, ports(task));
    }

    @Override
    public void release(RuntimeSession session, TaskRecord task, Attachment attachment) {
        session.engine().releasePorts(attachment.namespaceContainerId());
        try {
            session.runtime().removeContainer(attachment.namespaceContainerId());
        } catch (RuntimeFailure e) {
            LOG.debug("Removing container {} failed: {}", attachment.namespaceContainerId(), e.getMessage());
        }
    }

    @Override
    public void close() {
        sandboxes.close();
    }

    /** The task's port mappings: each container port with its protocol ({@code tcp} by default). */
    static List<ContainerSpec.PortBinding> ports(TaskRecord task) {
        List<ContainerSpec.PortBinding> ports = new ArrayList<>();
        for (ContainerRecord c : task.containers()) {
            c.definition().portMappings().forEach(p -> {
                if (p.containerPort() != null) {
                    ports.add(new ContainerSpec.PortBinding(
                            p.containerPort(), p.protocolAsString() == null ? "tcp" : p.protocolAsString()));
                }
            });
        }
        return ports;
    }
}
