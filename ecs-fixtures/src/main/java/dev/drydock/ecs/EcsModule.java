package dev.drydock.ecs;

import dev.drydock.core.spi.ServiceModule;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Amazon ECS in a Drydock instance: the ECS API (JSON 1.1, {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.*})
 * on Drydock's endpoint, the model behind it, and tasks run as Docker containers. Found on the classpath by
 * {@link java.util.ServiceLoader}; reach it with {@code drydock.service(EcsModule.class)}.
 *
 * <p>Implemented operations: clusters (Create, Describe, List, Delete, Update, UpdateSettings,
 * PutClusterCapacityProviders with FARGATE and FARGATE_SPOT), task definitions (Register, Describe, List,
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

    /**
     * Fargate Spot takes capacity back (a test hook: AWS decides this on its own): up to {@code count} of the cluster's
     * tasks on the FARGATE_SPOT capacity provider that are not stopping yet, oldest first, get ECS's two-minute warning
     * as https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html describes it: an
     * {@code ECS Task State Change} event with desiredStatus STOPPED, stopCode {@code TerminationNotice} and
     * stoppedReason {@code "Your Spot Task was interrupted."}, and SIGTERM to the task's containers. Each container
     * gets SIGKILL after its stopTimeout (30 seconds unless the container definition says otherwise), at most after
     * the warning period: two minutes, the setting {@code ecs.spot-interruption-warning} shortens it (ISO-8601
     * duration or seconds). The task then stops with stopCode {@code SpotInterruption} and the same stoppedReason, and
     * its service starts a replacement where its capacity provider strategy says (FARGATE_SPOT again for a Spot-only
     * strategy). With the simulated runtime, containers stop at once.
     *
     * <pre>{@code
     * List<String> interrupted = drydock.service(EcsModule.class).interruptFargateSpotTasks("shop", "orders", 1);
     * }</pre>
     *
     * @param cluster the cluster's name or ARN
     * @param service only this service's tasks (name), or {@code null} for any FARGATE_SPOT task of the cluster
     * @param count the most tasks to interrupt; 0 (or less) interrupts all of them
     * @return the ARNs of the tasks interrupted, oldest first; empty when none runs on FARGATE_SPOT
     * @throws IllegalArgumentException when there is no ACTIVE cluster of that name or ARN
     */
    List<String> interruptFargateSpotTasks(String cluster, String service, int count);

    /**
     * Sets the CPU and memory utilization that a service's tasks report on the simulated runtime from now on (0% until
     * set): ECS publishes it as {@code AWS/ECS} {@code CPUUtilization} and {@code MemoryUtilization} every 20 seconds of
     * the scaling clock ({@code scaling.time-scale}) when drydock-cloudwatch-fixtures is on the classpath, so alarms and
     * Application Auto Scaling policies see load without real containers. On real containers the utilization is
     * measured from the containers' stats instead.
     *
     * <pre>{@code
     * drydock.service(EcsModule.class).simulateUtilization("shop", "orders", 90, 40);
     * }</pre>
     *
     * @param cluster the cluster's name or ARN
     * @param service the service's name or ARN
     * @param cpuPercent percent of the CPU units the task definition specifies, 0 or more
     * @param memoryPercent percent of the memory the task definition specifies, 0 or more
     * @throws IllegalArgumentException for a negative or non-finite percentage
     * @throws IllegalStateException when tasks run as real containers
     */
    void simulateUtilization(String cluster, String service, double cpuPercent, double memoryPercent);

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
