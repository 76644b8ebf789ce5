package dev.drydock.scaling;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/**
 * One Drydock per test class on the simulated runtime with the scaling clock a minute a second
 * ({@code scaling.time-scale=1/60}) and ELB's periods twentyfold shorter ({@code elb.time-scale=0.05}), an ECS cluster and the real SDK clients of Application Auto Scaling, CloudWatch
 * and ECS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScalingTestBase {
    static final String CLUSTER = "shop";
    private static final AtomicInteger NAMES = new AtomicInteger();

    Drydock drydock;
    ApplicationAutoScalingClient aas;
    CloudWatchClient cw;
    EcsClient ecs;

    @BeforeAll
    void startDrydock() {
        drydock = Drydock.builder()
                .runtime(SimulatedRuntime::new)
                .setting("scaling.time-scale", "1/60")
                .setting("elb.time-scale", "0.05")
                .start();
        aas = drydock.client(ApplicationAutoScalingClient.builder());
        cw = drydock.client(CloudWatchClient.builder());
        ecs = drydock.client(EcsClient.builder());
        ecs.createCluster(r -> r.clusterName(CLUSTER));
        ecs.registerTaskDefinition(r -> r.family("web")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(
                        ContainerDefinition.builder().name("app").image("nginx").build()));
    }

    @AfterAll
    void stopDrydock() {
        aas.close();
        cw.close();
        ecs.close();
        drydock.close();
    }

    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    /** Creates a Fargate service of {@code desired} tasks in {@link #CLUSTER}; returns its resource id. */
    String service(String name, int desired) {
        ecs.createService(r -> r.cluster(CLUSTER)
                .serviceName(name)
                .taskDefinition("web")
                .desiredCount(desired)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0"))));
        return "service/" + CLUSTER + "/" + name;
    }

    int desiredCount(String service) {
        return ecs.describeServices(r -> r.cluster(CLUSTER).services(service))
                .services()
                .get(0)
                .desiredCount();
    }

    int runningCount(String service) {
        return ecs.describeServices(r -> r.cluster(CLUSTER).services(service))
                .services()
                .get(0)
                .runningCount();
    }
}
