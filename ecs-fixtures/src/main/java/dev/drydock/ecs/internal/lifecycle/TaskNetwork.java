package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.util.Map;

/**
 * A task's network: set up before its first container is created, joined by each of its containers, released after
 * the last one is gone. {@link AwsvpcNetwork} gives each task its own network namespace, as Fargate does;
 * {@link InstanceNetworks} runs the EC2 launch type's bridge, host and none modes on the task's container instance;
 * {@link NetworkModes} picks one by the task's network mode. Where published ports are reachable from the test (the
 * JVM's host or the engine's) is each implementation's concern.
 */
interface TaskNetwork extends AutoCloseable {

    /**
     * A task's network, once set up.
     *
     * @param namespaceContainerId the runtime id of the container whose network namespace the task's containers join
     * @param privateIp the task's private IP address
     * @param hostPorts the task's container ports ({@code 80/tcp}) to the host ports they are published on
     */
    record Attachment(String namespaceContainerId, String privateIp, Map<String, Integer> hostPorts) {}

    /**
     * Checks what every task's network needs, before any task starts (e.g. a helper image, pulled when missing).
     *
     * @throws RuntimeFailure saying what is missing and how to fix it
     */
    void preflight(ContainerRuntime runtime);

    /** The runtime connected (called once): a chance to prepare for the first tasks. */
    void connected(RuntimeSession session);

    /**
     * Sets up the task's network.
     *
     * @throws RuntimeFailure when it cannot (the task then fails to start)
     */
    Attachment attach(RuntimeSession session, TaskRecord task);

    /** Every container of the task started: a chance to prepare for the next task, off the task's own start. */
    void containersStarted(RuntimeSession session, TaskRecord task);

    /** Releases the task's network once its containers are gone. */
    void release(RuntimeSession session, TaskRecord task, Attachment attachment);

    /** Releases what the network keeps for tasks to come. */
    @Override
    void close();
}
