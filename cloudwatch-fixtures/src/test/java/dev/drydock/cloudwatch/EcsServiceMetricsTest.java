package dev.drydock.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import dev.drydock.ecs.EcsModule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/**
 * ECS publishes AWS/ECS CPUUtilization and MemoryUtilization per ClusterName and ServiceName through core's MetricSink,
 * one data point per RUNNING task every 20 s of the scaling clock; on the simulated runtime the utilization is the one
 * the test sets. Time runs a minute a second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EcsServiceMetricsTest {
    Drydock drydock;
    EcsClient ecs;
    CloudWatchClient cw;
    Clock clock;

    @BeforeAll
    void start() {
        drydock = Drydock.builder()
                .runtime(SimulatedRuntime::new)
                .setting("scaling.time-scale", "1/60")
                .start();
        ecs = drydock.client(EcsClient.builder());
        cw = drydock.client(CloudWatchClient.builder());
        clock = drydock.service(CloudWatchModule.class).clock();
    }

    @AfterAll
    void stop() {
        ecs.close();
        cw.close();
        drydock.close();
    }

    @Test
    void aServicesTasksReportTheUtilizationTheTestSetsPerClusterAndService() {
        ecs.createCluster(r -> r.clusterName("metrics"));
        ecs.registerTaskDefinition(r -> r.family("web")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(
                        ContainerDefinition.builder().name("app").image("nginx").build()));
        ecs.createService(r -> r.cluster("metrics")
                .serviceName("web")
                .taskDefinition("web")
                .desiredCount(2)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0"))));
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("metrics").services("web"));
        drydock.service(EcsModule.class).simulateUtilization("metrics", "web", 75, 30);
        Instant since = clock.instant();

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            List<Datapoint> cpu = stats("CPUUtilization", since);
            // a complete minute: two tasks, three samples each
            assertThat(cpu).anySatisfy(d -> {
                assertThat(d.average()).isEqualTo(75.0);
                assertThat(d.maximum()).isEqualTo(75.0);
                assertThat(d.sampleCount()).isEqualTo(6.0);
                assertThat(d.unit()).isEqualTo(StandardUnit.PERCENT);
            });
            assertThat(stats("MemoryUtilization", since))
                    .anySatisfy(d -> assertThat(d.average()).isEqualTo(30.0));
        });
        assertThat(cw.listMetrics(r -> r.namespace("AWS/ECS")).metrics())
                .allSatisfy(m -> assertThat(m.dimensions())
                        .containsExactly(dim("ClusterName", "metrics"), dim("ServiceName", "web")))
                .extracting(m -> m.metricName())
                .containsExactlyInAnyOrder("CPUUtilization", "MemoryUtilization");
    }

    @Test
    void utilizationMustBeAPercentage() {
        assertThatThrownBy(() -> drydock.service(EcsModule.class).simulateUtilization("metrics", "web", -1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1.0");
    }

    private List<Datapoint> stats(String metric, Instant since) {
        return cw.getMetricStatistics(r -> r.namespace("AWS/ECS")
                        .metricName(metric)
                        .dimensions(dim("ClusterName", "metrics"), dim("ServiceName", "web"))
                        .startTime(since.plusSeconds(60))
                        .endTime(clock.instant().minusSeconds(60))
                        .period(60)
                        .statistics(Statistic.AVERAGE, Statistic.MAXIMUM, Statistic.SAMPLE_COUNT))
                .datapoints();
    }

    private static Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }
}
