package dev.drydock.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/**
 * On a real Docker engine: a service whose tasks burn CPU for their first 45 seconds (busybox {@code while :; do :;
 * done}) scales out on the AWS/ECS CPUUtilization measured from their containers' stats, and back in once they idle.
 * The scaling clock runs a minute in three seconds ({@code scaling.time-scale=1/20}): the engine's stats take about a
 * second each, so every compressed minute still has samples.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceScalingDockerTest {
    private static final String IMAGE = "drydock/busybox:1.35-local";

    Drydock drydock;
    EcsClient ecs;
    ApplicationAutoScalingClient aas;

    @BeforeAll
    void start() {
        drydock = Drydock.builder().setting("scaling.time-scale", "1/20").start();
        ecs = drydock.client(EcsClient.builder());
        aas = drydock.client(ApplicationAutoScalingClient.builder());
    }

    @AfterAll
    void stop() {
        if (ecs != null) {
            ecs.close();
            aas.close();
        }
        if (drydock != null) {
            drydock.close();
        }
    }

    @Test
    void cpuLoadInsideTheTasksScalesTheServiceOutAndIdleTasksBackIn() {
        ecs.createCluster(r -> r.clusterName("load"));
        ecs.registerTaskDefinition(r -> r.family("burn")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(ContainerDefinition.builder()
                        .name("app")
                        .image(IMAGE)
                        .entryPoint("sh", "-c")
                        .command("timeout 45 sh -c 'while :; do :; done'; exec sleep 3600")
                        .build()));
        ecs.createService(r -> r.cluster("load")
                .serviceName("burn")
                .taskDefinition("burn")
                .desiredCount(1)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0"))));
        aas.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId("service/load/burn")
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(1)
                .maxCapacity(3));
        aas.putScalingPolicy(r -> r.policyName("cpu50")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId("service/load/burn")
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(50.0)
                        .scaleOutCooldown(60)
                        .scaleInCooldown(60)
                        .predefinedMetricSpecification(
                                m -> m.predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION))));

        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> desired() >= 2);
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> running() >= 2);
        // every task idles 45 s after it started; 15 compressed minutes below 45% later the service is back at 1
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> desired() == 1);
        List<String> causes = aas
                .describeScalingActivities(
                        r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId("service/load/burn"))
                .scalingActivities()
                .stream()
                .map(a -> a.cause())
                .toList();
        assertThat(causes.get(0)).contains("-AlarmLow-");
        assertThat(causes).anySatisfy(c -> assertThat(c).contains("-AlarmHigh-"));
    }

    private int desired() {
        return ecs.describeServices(r -> r.cluster("load").services("burn"))
                .services()
                .get(0)
                .desiredCount();
    }

    private int running() {
        return ecs.describeServices(r -> r.cluster("load").services("burn"))
                .services()
                .get(0)
                .runningCount();
    }
}
