package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.elb.ElbModule;
import dev.drydock.junit.ApplicationLoadBalancer;
import dev.drydock.junit.DrydockSetting;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.ElbListener;
import dev.drydock.junit.ElbTargetGroup;
import dev.drydock.junit.FargateService;
import dev.drydock.junit.ServiceLoadBalancer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * A web service (busybox httpd tasks, src/test/resources/ecs/request-scaled-web.json) behind an Application Load
 * Balancer scales on requests per target, as "Use a target metric to scale" suggests for web services
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-autoscaling-targettracking.html): a target
 * tracking policy on ALBRequestCountPerTarget (5 requests per task per minute of the scaling clock) scales it out while the test sends
 * requests through the load balancer, the new tasks share the requests without one failing, and it scales back in
 * when the requests stop. The load balancer's proxies publish AWS/ApplicationELB RequestCountPerTarget to CloudWatch.
 *
 * <p>The scaling clock runs a minute in two seconds ({@code scaling.time-scale=1/30}): three minutes above the target
 * take six seconds, fifteen below it thirty; ELB's periods run ten times faster ({@code elb.time-scale=0.1}).
 */
@DrydockSetting(key = "scaling.time-scale", value = "1/30")
@DrydockSetting(key = "elb.time-scale", value = "0.1")
@EcsCluster(name = "shop")
@ElbTargetGroup(
        name = "storefront",
        healthCheckIntervalSeconds = 5,
        healthCheckTimeoutSeconds = 2,
        healthyThresholdCount = 2,
        deregistrationDelaySeconds = 30)
@ApplicationLoadBalancer(name = "shop", listeners = @ElbListener(port = 80, forward = "storefront"))
@FargateService(
        cluster = "shop",
        name = "storefront",
        taskDefinition = "ecs/request-scaled-web.json",
        desiredCount = 1,
        loadBalancers = @ServiceLoadBalancer(targetGroup = "storefront", containerName = "web", containerPort = 80))
class RequestScalingSampleTest {
    private static final String SERVICE = "service/shop/storefront";

    @Test
    void scalesOutOnRequestsPerTargetAndBackInWhenTheyStop(
            EcsClient ecs,
            ElasticLoadBalancingV2Client elb,
            ApplicationAutoScalingClient autoScaling,
            CloudWatchClient cloudWatch,
            ElbModule loadBalancers)
            throws Exception {
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("shop").services("storefront"));
        String loadBalancerArn = elb.describeLoadBalancers(r -> r.names("shop"))
                .loadBalancers()
                .get(0)
                .loadBalancerArn();
        String targetGroupArn = elb.describeTargetGroups(r -> r.names("storefront"))
                .targetGroups()
                .get(0)
                .targetGroupArn();
        // app/shop/<id>/targetgroup/storefront/<id>: the ends of the two ARNs
        String loadBalancerLabel = loadBalancerArn.substring(loadBalancerArn.indexOf(":loadbalancer/") + 14);
        String targetGroupLabel = targetGroupArn.substring(targetGroupArn.lastIndexOf(':') + 1);

        autoScaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(SERVICE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(1)
                .maxCapacity(3));
        autoScaling.putScalingPolicy(r -> r.policyName("requests-per-task")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(SERVICE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(5.0)
                        .scaleOutCooldown(60)
                        .scaleInCooldown(60)
                        .predefinedMetricSpecification(
                                m -> m.predefinedMetricType(MetricType.ALB_REQUEST_COUNT_PER_TARGET)
                                        .resourceLabel(loadBalancerLabel + "/" + targetGroupLabel))));

        // up to 25 requests a second through the load balancer, some 50 per (two-second) minute: even a tenth of that
        // keeps 3 tasks above 5 requests each, however slowly a loaded machine answers
        URI url = loadBalancers.url("shop");
        Set<String> answeredBy = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            while (loading.get()) {
                try {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(url)
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    sent.incrementAndGet();
                    if (response.statusCode() == 200) {
                        answeredBy.add(response.body().trim());
                    } else {
                        failed.incrementAndGet();
                    }
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }
        });
        load.start();
        Instant loadStarted = Instant.now();
        try {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> desiredCount(ecs) == 3);
            Duration toDecision = Duration.between(loadStarted, Instant.now());
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> ecs.describeServices(r -> r.cluster("shop").services("storefront"))
                                    .services()
                                    .get(0)
                                    .runningCount()
                            == 3);
            System.out.printf(
                    "RequestScalingSampleTest: desired count 3 %d ms after the load began, 3 tasks RUNNING after %d ms%n",
                    toDecision.toMillis(),
                    Duration.between(loadStarted, Instant.now()).toMillis());
            // the new tasks turn healthy and take their share of the requests
            await().atMost(Duration.ofMinutes(1)).until(() -> answeredBy.size() == 3);
        } finally {
            loading.set(false);
            load.join();
        }
        assertThat(failed).as("requests that failed of %s", sent).hasValue(0);
        assertThat(activities(autoScaling).get(0).cause())
                .matches("monitor alarm TargetTracking-service/shop/storefront-AlarmHigh-[0-9a-f-]{36} in state "
                        + "ALARM triggered policy requests-per-task");

        // the metric the policy tracks: the group's requests per task and minute, as CloudWatch has it
        var perTarget = cloudWatch.getMetricStatistics(r -> r.namespace("AWS/ApplicationELB")
                .metricName("RequestCountPerTarget")
                .dimensions(
                        d -> d.name("LoadBalancer").value(loadBalancerLabel),
                        d -> d.name("TargetGroup").value(targetGroupLabel))
                // CloudWatch's timestamps are on the scaling clock, thirty times faster than the wall clock
                .startTime(Instant.now().minus(Duration.ofHours(1)))
                .endTime(Instant.now().plus(Duration.ofHours(20)))
                .period(60)
                .statistics(Statistic.SUM));
        assertThat(perTarget.datapoints())
                .extracting(Datapoint::sum)
                .anySatisfy(sum -> assertThat(sum).isGreaterThan(5.0));

        // no requests: RequestCountPerTarget is 0, and fifteen minutes later the service is back at its minimum
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> desiredCount(ecs) == 1);
        assertThat(activities(autoScaling).get(0).cause()).contains("-AlarmLow-");
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("shop").services("storefront"));
    }

    private static int desiredCount(EcsClient ecs) {
        return ecs.describeServices(r -> r.cluster("shop").services("storefront"))
                .services()
                .get(0)
                .desiredCount();
    }

    private static List<ScalingActivity> activities(ApplicationAutoScalingClient autoScaling) {
        return autoScaling
                .describeScalingActivities(
                        r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(SERVICE))
                .scalingActivities();
    }
}
