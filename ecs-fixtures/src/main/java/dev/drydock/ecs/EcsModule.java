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
}
