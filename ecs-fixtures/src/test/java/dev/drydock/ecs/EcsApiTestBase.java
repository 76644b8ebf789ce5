package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * One Drydock per test class, on the simulated runtime (no Docker), with the real SDK v2 {@link EcsClient} talking to
 * its endpoint. Test classes share the instance between their tests, so every test names its own clusters, families
 * and services ({@link #unique(String)}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EcsApiTestBase {
    static final String SUBNET = "subnet-0123456789abcdef0";
    static final String SECURITY_GROUP = "sg-0123456789abcdef0";
    static final String IMAGE = "drydock/busybox:1.35-local";
    static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";

    private static final AtomicInteger NAMES = new AtomicInteger();

    SimulatedRuntime sim;
    Drydock drydock;
    EcsClient ecs;

    @BeforeAll
    void startDrydock() {
        sim = new SimulatedRuntime();
        drydock = Drydock.builder().runtime(runtime(sim)).start();
        ecs = drydock.client(EcsClient.builder());
        // EXECUTION_ROLE, which RunTask and CreateService check as ECS does
        drydock.apply(IamFixtures.role("ecsTaskExecutionRole")
                .managedPolicy("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));
    }

    /** The runtime Drydock uses; a test class may wrap the simulated one. */
    Supplier<ContainerRuntime> runtime(SimulatedRuntime simulated) {
        return () -> simulated;
    }

    @AfterAll
    void stopDrydock() {
        if (ecs != null) {
            ecs.close();
        }
        if (drydock != null) {
            drydock.close();
        }
    }

    /** A name no other test of this JVM uses, e.g. {@code shop-7}. */
    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    static NetworkConfiguration network() {
        return NetworkConfiguration.builder()
                .awsvpcConfiguration(v -> v.subnets(SUBNET).securityGroups(SECURITY_GROUP))
                .build();
    }

    static ContainerDefinition container(String name) {
        return ContainerDefinition.builder().name(name).image(IMAGE).build();
    }

    /** A valid Fargate task definition (256 CPU, 512 MiB) with one essential container {@code app}. */
    static RegisterTaskDefinitionRequest.Builder fargate(String family) {
        return RegisterTaskDefinitionRequest.builder()
                .family(family)
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(container("app"));
    }

    TaskDefinition register(RegisterTaskDefinitionRequest.Builder request) {
        return ecs.registerTaskDefinition(request.build()).taskDefinition();
    }

    TaskDefinition registerFargate(String family) {
        return register(fargate(family));
    }

    String createCluster() {
        String name = unique("cluster");
        ecs.createCluster(r -> r.clusterName(name));
        return name;
    }

    static RunTaskRequest.Builder runFargate(String cluster, String taskDefinition) {
        return RunTaskRequest.builder()
                .cluster(cluster)
                .taskDefinition(taskDefinition)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(network());
    }

    Task runOne(String cluster, String taskDefinition) {
        List<Task> tasks =
                ecs.runTask(runFargate(cluster, taskDefinition).build()).tasks();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    Task describeTask(String cluster, String taskArn) {
        List<Task> tasks =
                ecs.describeTasks(r -> r.cluster(cluster).tasks(taskArn)).tasks();
        assertThat(tasks).as("task %s", taskArn).hasSize(1);
        return tasks.get(0);
    }

    Service describeService(String cluster, String service) {
        List<Service> services =
                ecs.describeServices(r -> r.cluster(cluster).services(service)).services();
        assertThat(services).as("service %s", service).hasSize(1);
        return services.get(0);
    }

    /** Waits until the task satisfies {@code condition}; returns it as described then. */
    Task awaitTask(String cluster, String taskArn, Predicate<Task> condition) {
        List<Task> last = new ArrayList<>(1);
        waiting().until(() -> {
            Task t = describeTask(cluster, taskArn);
            last.clear();
            last.add(t);
            return condition.test(t);
        });
        return last.get(0);
    }

    Task awaitStatus(String cluster, String taskArn, String lastStatus) {
        return awaitTask(cluster, taskArn, t -> lastStatus.equals(t.lastStatus()));
    }

    Task awaitRunning(String cluster, String taskArn) {
        return awaitStatus(cluster, taskArn, "RUNNING");
    }

    Task awaitStopped(String cluster, String taskArn) {
        return awaitStatus(cluster, taskArn, "STOPPED");
    }

    /** Waits until the service satisfies {@code condition}; returns it as described then. */
    Service awaitService(String cluster, String service, Predicate<Service> condition) {
        List<Service> last = new ArrayList<>(1);
        waiting().until(() -> {
            Service s = describeService(cluster, service);
            last.clear();
            last.add(s);
            return condition.test(s);
        });
        return last.get(0);
    }

    /**
     * Waits for ECS's steady state: the SDK's waiter (one deployment, runningCount == desiredCount), then the PRIMARY
     * deployment COMPLETED and the steady-state event, which need the tasks healthy (without health checks: RUNNING
     * for {@code ecs.task-healthy-after-running}, 0.5 s in these tests).
     */
    Service awaitSteadyState(String cluster, String service) {
        ecs.waiter().waitUntilServicesStable(r -> r.cluster(cluster).services(service), fastWaiter());
        return awaitService(
                cluster,
                service,
                s -> s.deployments().size() == 1
                        && s.deployments().get(0).rolloutState() == DeploymentRolloutState.COMPLETED
                        && s.runningCount().equals(s.desiredCount())
                        && !s.events().isEmpty()
                        && s.events().get(0).message().endsWith("has reached a steady state."));
    }

    static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20));
    }

    /** SDK waiters poll every 50 ms (a fixed delay, the V2 form of FixedDelayBackoffStrategy), for at most 10 s. */
    static Consumer<WaiterOverrideConfiguration.Builder> fastWaiter() {
        return w -> w.backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(50)))
                .maxAttempts(200);
    }

    /**
     * Asserts that {@code call} fails with the SDK's typed exception for {@code errorCode}, HTTP 400, and exactly
     * {@code message}.
     */
    static <E extends EcsException> E assertEcsError(ThrowingCallable call, Class<E> type, String message) {
        E e = assertEcsErrorCode(call, type);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        return e;
    }

    /**
     * Asserts that {@code call} fails with the SDK's typed exception for {@code errorCode} and HTTP 400, for errors
     * whose exact AWS message is unknown.
     */
    static <E extends EcsException> E assertEcsErrorCode(ThrowingCallable call, Class<E> type) {
        E e = catchThrowableOfType(type, call);
        assertThat(e).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type.getSimpleName());
        assertThat(e.statusCode()).isEqualTo(400);
        return e;
    }

    /** The id part of a task ARN. */
    static String taskId(String taskArn) {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }
}
