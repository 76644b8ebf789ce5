package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.junit.DrydockSetting;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.FargateService;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Service auto scaling on real containers: a Fargate service with a scalable target and a target tracking policy on
 * {@code ECSServiceAverageCPUUtilization} (50%). The test switches a busy loop on inside one task
 * ({@code ecs/cpu-burner.json}: {@code GET /cgi-bin/load?on}); the AWS/ECS CPUUtilization that Drydock measures from
 * the containers' stats rises, the policy's {@code AlarmHigh} alarm goes to ALARM, Application Auto Scaling raises the
 * desired count and ECS starts the new task. Then the load stops, {@code AlarmLow} goes to ALARM after its 15 periods
 * and the service shrinks back to its minimum.
 *
 * <p>The scaling clock runs a minute in three seconds ({@code scaling.time-scale=1/20}): every CloudWatch period,
 * alarm evaluation and cooldown keeps AWS's length in AWS time (and in the timestamps the APIs answer), so the policy
 * is written as for AWS. With {@code ecs.task-cpu-limit=true} a 256-unit task gets a quarter of a CPU, as on Fargate,
 * so the busy loop is 100% of the task's CPU (and costs the machine a quarter core).
 */
@DrydockSetting(key = "scaling.time-scale", value = "1/20")
@DrydockSetting(key = "ecs.task-cpu-limit", value = "true")
@EcsCluster(name = "load")
@FargateService(cluster = "load", name = "web", taskDefinition = "ecs/cpu-burner.json")
class ServiceAutoScalingSampleTest {
    private static final String RESOURCE = "service/load/web";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void scalesOutUnderCpuLoadInsideTheTasksAndBackInWhenItStops(
            Drydock drydock, EcsClient ecs, ApplicationAutoScalingClient autoScaling, CloudWatchClient cloudWatch) {
        autoScaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(1)
                .maxCapacity(3));
        autoScaling.putScalingPolicy(r -> r.policyName("cpu50")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(50.0)
                        .scaleOutCooldown(60)
                        .scaleInCooldown(60)
                        .predefinedMetricSpecification(
                                m -> m.predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION))));
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("load").services("web"));
        Task first = ServiceTasks.running(ecs, "load", "web").get(0);
        InetSocketAddress loadSwitch = TaskPages.address(drydock, first, 8080);

        assertThat(load(loadSwitch, "on")).isEqualTo("burning");

        // 3 one-minute periods above 50% (9 s here), then ceil(1 x ~100 / 50) = 2 tasks
        await().atMost(Duration.ofMinutes(2)).until(() -> service(ecs).desiredCount() >= 2);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> ServiceTasks.running(ecs, "load", "web").size()
                        == service(ecs).desiredCount());
        // AlarmHigh went to ALARM (it may be OK again by now: two tasks average 50%, not above the target)
        assertThat(cloudWatch
                        .describeAlarmHistory(
                                r -> r.alarmName(alarm(cloudWatch, "AlarmHigh").alarmName())
                                        .historyItemType(HistoryItemType.STATE_UPDATE))
                        .alarmHistoryItems())
                .extracting(AlarmHistoryItem::historySummary)
                .anySatisfy(summary -> assertThat(summary).endsWith(" to ALARM"));
        ScalingActivity out = activities(autoScaling).get(0);
        assertThat(out.description()).matches("Setting desired count to [23]\\.");
        assertThat(out.cause())
                .matches("monitor alarm TargetTracking-service/load/web-AlarmHigh-[0-9a-f-]{36} in state ALARM "
                        + "triggered policy cpu50");
        assertThat(out.statusCodeAsString()).isEqualTo("Successful");

        assertThat(load(loadSwitch, "off")).isEqualTo("idle");

        // 15 periods below 45% (90% of the target; 45 s here), then back to the minimum
        await().atMost(Duration.ofMinutes(3)).until(() -> service(ecs).desiredCount() == 1);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> ServiceTasks.running(ecs, "load", "web").size() == 1);
        assertThat(alarm(cloudWatch, "AlarmLow").stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(alarm(cloudWatch, "AlarmHigh").stateValue()).isEqualTo(StateValue.OK);
        ScalingActivity in = activities(autoScaling).get(0);
        assertThat(in.description()).isEqualTo("Setting desired count to 1.");
        assertThat(in.cause()).contains("-AlarmLow-").endsWith("in state ALARM triggered policy cpu50");
        assertThat(service(ecs).events())
                .anySatisfy(e -> assertThat(e.message()).matches(".*has stopped [12] running tasks: .*"));
    }

    /** GET /cgi-bin/load?{on,off} on a task: its answer, {@code burning} or {@code idle}. */
    private static String load(InetSocketAddress task, String onOrOff) {
        URI uri = URI.create("http://" + task.getHostString() + ":" + task.getPort() + "/cgi-bin/load?" + onOrOff);
        return await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(
                        () -> HTTP.send(
                                        HttpRequest.newBuilder(uri)
                                                .timeout(Duration.ofSeconds(5))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body()
                                .trim(),
                        body -> !body.isEmpty());
    }

    /** The target tracking policy's alarm whose name has {@code AlarmHigh} or {@code AlarmLow}. */
    private static MetricAlarm alarm(CloudWatchClient cloudWatch, String kind) {
        return cloudWatch
                .describeAlarms(r -> r.alarmNamePrefix("TargetTracking-" + RESOURCE + "-" + kind + "-"))
                .metricAlarms()
                .get(0);
    }

    /** The service's scaling activities, newest first. */
    private static List<ScalingActivity> activities(ApplicationAutoScalingClient autoScaling) {
        return autoScaling
                .describeScalingActivities(
                        r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(RESOURCE))
                .scalingActivities();
    }

    private static Service service(EcsClient ecs) {
        return ecs.describeServices(r -> r.cluster("load").services("web"))
                .services()
                .get(0);
    }
}
