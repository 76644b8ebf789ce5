package dev.drydock.ecs.internal.imds;

import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.ecs.internal.backend.Ec2Instance;

/**
 * Makes a container instance's instance metadata service answer at {@code 169.254.169.254:80} inside a network
 * namespace: the namespace of an EC2 task (today each task's own; bridge and host mode: the instance's), as the
 * instance's IMDS answers its containers on AWS. Namespaces not attached cannot reach {@code 169.254.169.254} at all:
 * Drydock's namespace containers route it nowhere ({@code unreachable}), as on Fargate.
 *
 * <p>What a namespace needs to be attachable: it is held by a running container that has the {@code NET_ADMIN}
 * capability and busybox-style {@code ip} (Drydock's task sandboxes), on Drydock's network. Thread-safe.
 */
public interface InstanceMetadataAccess extends AutoCloseable {

    /** The address IMDS answers at, inside an instance's containers. */
    String ADDRESS = "169.254.169.254";

    /**
     * Routes {@value #ADDRESS} in the network namespace of {@code namespaceContainerId} to the instance metadata
     * service of {@code instance} (started for that instance on first use, and kept until {@link #close}). Attaching a
     * namespace again is harmless. The route goes away with the namespace.
     *
     * @param session the container runtime
     * @param namespaceContainerId the running container holding the namespace (a task sandbox)
     * @param instance the container instance whose metadata the namespace gets
     * @throws RuntimeFailure when the namespace cannot be attached (the task then fails to start)
     */
    void attach(RuntimeSession session, String namespaceContainerId, Ec2Instance instance);

    /** Stops every instance's metadata service and removes its containers. */
    @Override
    void close();
}
