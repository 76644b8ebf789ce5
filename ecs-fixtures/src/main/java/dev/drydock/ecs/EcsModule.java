package dev.drydock.ecs;

import dev.drydock.core.spi.ServiceModule;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Amazon ECS in a Drydock instance: the ECS API (JSON 1.1, {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.*})
 * on Drydock's endpoint, the model behind it, and tasks run as Docker containers. Found on the classpath by
 * {@link java.util.ServiceLoader}; reach it with {@code drydock.service(EcsModule.class)}.
 *
 * <p>Implemented operations: clusters (Create, Describe, List, Delete), task definitions (Register, Describe, List,
 * ListFamilies, Deregister), tasks (Run, Start, Stop, Describe, List), services (Create, Describe, Update, Delete,
 * List), tags, and container instances (Register, Deregister, Describe, List, UpdateState; Put/List/DeleteAttributes:
 * the EC2 capacity of a cluster, on which RunTask, StartTask and services with launch type EC2 place tasks). Others
 * answer {@code NotImplementedException} (HTTP 501) naming the operation; docs/ecs-operations.md has the table. Declare clusters and services with
 * {@link EcsFixtures} or the JUnit annotations; use the ECS API for everything else.
 */
public interface EcsModule extends ServiceModule {
    /** The {@code X-Amz-Target} prefix of the ECS API. */
    String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113";

    /**
     * Checks that tasks can run at all (a container runtime answers, the task sandbox image is there), so a
     * declaration fails at once with the fix rather than after its service retried for minutes. Waits for the
     * container runtime.
     *
     * @throws dev.drydock.core.DrydockException saying what is missing and how to fix it
     */
    void preflight();

    /** The most lines {@link #containerOutput} keeps of a stopped container (the last ones). */
    int OUTPUT_LINES = 10_000;

    /**
     * What a task's container wrote to its standard output and error, line by line, also after the task stopped: asked
     * of the container runtime while the container runs, and as captured when it stopped (Drydock removes stopped
     * containers at once, as Fargate does), kept until this Drydock instance closes, which with the JUnit extension is
     * after the test class. Of a stopped container, the last {@link #OUTPUT_LINES} lines. With the simulated runtime,
     * what its containers "wrote".
     *
     * <pre>{@code
     * List<String> lines = drydock.service(EcsModule.class).containerOutput("shop", task.taskArn(), "app");
     * }</pre>
     *
     * @param cluster the cluster's name or ARN
     * @param task the task's ARN or id (services' tasks too: list them with ListTasks, desiredStatus STOPPED for the
     *     stopped ones)
     * @param container the container's name in the task definition
     * @return the lines, oldest first; empty when the container has not started or wrote nothing
     * @throws IllegalArgumentException when the cluster has no such task or the task no such container, naming it
     */
    List<String> containerOutput(String cluster, String task, String container);

    /**
     * Where this JVM connects to a running task's container port, on every engine (a local Linux engine, a remote one,
     * Podman). An awsvpc task answers at its ENI address and the container port; a bridge or host mode task at its
     * container instance's private IP and the host port the container port is bound to (DescribeTasks'
     * {@code networkBindings}: for bridge mode the fixed {@code hostPort} or the dynamic one from 32768-61000, for host
     * mode the container port), as another container reaches it. On a local Linux engine the answer is that address
     * itself; elsewhere a port the engine publishes on its host.
     *
     * <pre>{@code
     * InetSocketAddress web = drydock.service(EcsModule.class).taskAddress("shop", task.taskArn(), 80);
     * URI uri = URI.create("http://" + web.getHostString() + ":" + web.getPort() + "/");
     * }</pre>
     *
     * @param cluster the cluster's name or ARN
     * @param task the task's ARN or id
     * @param containerPort a TCP port one of the task's containers maps ({@code portMappings[].containerPort})
     * @return the address to connect to
     * @throws IllegalArgumentException when the cluster has no such task, the task is not running, or it maps no such
     *     port, naming it
     */
    InetSocketAddress taskAddress(String cluster, String task, int containerPort);

    /**
     * The private IPv4 address of a container instance: where other containers reach its host and bridge mode tasks'
     * host ports ({@code <address>:<hostPort>}). Once one of its tasks ran on a real container runtime, the instance's
     * real address on Drydock's network.
     *
     * @param cluster the cluster's name or ARN
     * @param containerInstance the container instance's ARN or id
     * @throws IllegalArgumentException when the cluster has no such container instance
     */
    String containerInstanceAddress(String cluster, String containerInstance);
}
