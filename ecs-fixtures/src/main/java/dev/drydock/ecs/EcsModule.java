package dev.drydock.ecs;

import dev.drydock.core.spi.ServiceModule;
import java.util.List;

/**
 * Amazon ECS in a Drydock instance: the ECS API (JSON 1.1, {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.*})
 * on Drydock's endpoint, the model behind it, and tasks run as Docker containers. Found on the classpath by
 * {@link java.util.ServiceLoader}; reach it with {@code drydock.service(EcsModule.class)}.
 *
 * <p>Implemented operations: clusters (Create, Describe, List, Delete), task definitions (Register, Describe, List,
 * ListFamilies, Deregister), tasks (Run, Start, Stop, Describe, List), services (Create, Describe, Update, Delete,
 * List), tags, and container instances (Register, Deregister, Describe, List, UpdateState; Put/List/DeleteAttributes:
 * the EC2 capacity of a cluster, on which RunTask, StartTask and services with launch type EC2 place tasks), and the
 * agent's SubmitTaskStateChange, SubmitContainerStateChange and SubmitAttachmentStateChanges. Others
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

    /**
     * Test hook: the ECS agent of a container instance loses its connection to ECS, as when the agent stops or the
     * instance's network fails. Until {@link #reconnectAgent}: DescribeContainerInstances reports
     * {@code agentConnected: false}; no new task is placed on the instance (RunTask and StartTask answer a failure
     * with reason {@code AGENT}, a service's event says the closest instance {@code encountered error "AGENT"}); the
     * cluster query {@code agentConnected == false} selects it (ListContainerInstances' filter, memberOf); the tasks
     * already on it keep their state, as ECS keeps what the agent last reported (their containers keep running). Does
     * nothing when the agent is already disconnected.
     *
     * <pre>{@code
     * drydock.service(EcsModule.class).disconnectAgent("shop", instanceArn);
     * }</pre>
     *
     * @param cluster the cluster's name or ARN
     * @param containerInstance the container instance's id or ARN
     * @throws IllegalArgumentException when the cluster does not exist or has no registered (ACTIVE or DRAINING)
     *     container instance of that id or ARN
     */
    void disconnectAgent(String cluster, String containerInstance);

    /**
     * Test hook: the ECS agent of a container instance {@link #disconnectAgent disconnected} before connects again;
     * the instance takes new tasks again and services waiting for capacity try again. Does nothing when the agent is
     * connected.
     *
     * @param cluster the cluster's name or ARN
     * @param containerInstance the container instance's id or ARN
     * @throws IllegalArgumentException when the cluster does not exist or has no registered (ACTIVE or DRAINING)
     *     container instance of that id or ARN
     */
    void reconnectAgent(String cluster, String containerInstance);

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
}
