package dev.drydock.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.drydock.elb.ElbModule;
import dev.drydock.elb.internal.ElbServiceModule;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;

/**
 * ALBRequestCountPerTarget end to end on the simulated runtime, a minute a second: a Fargate service behind an
 * Application Load Balancer (its tasks' targets answered by an HTTP server in the test JVM, through the load balancer's
 * target address seam) scales out while the test sends requests through the load balancer, as RequestCountPerTarget
 * rises above the target, and back in to its minimum when the requests stop.
 */
class AlbRequestScalingTest extends ScalingTestBase {
    HttpServer server;
    ElasticLoadBalancingV2Client elb;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
        if (elb != null) {
            elb.close();
        }
    }

    @Test
    void aServiceScalesOutWhenRequestsPerTargetRiseAndBackInWhenTheyStop() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        ElbServiceModule.of(drydock).targetAddresses((ip, port) -> server.getAddress());
        elb = drydock.client(ElasticLoadBalancingV2Client.builder());
        var lb = elb.createLoadBalancer(
                        r -> r.name("front").subnets("subnet-0a1b2c3d4e5f60000", "subnet-0a1b2c3d4e5f60001"))
                .loadBalancers()
                .get(0);
        var tg = elb.createTargetGroup(r -> r.name("front-web")
                        .protocol("HTTP")
                        .port(80)
                        .vpcId(lb.vpcId())
                        .targetType("ip")
                        .healthCheckIntervalSeconds(5)
                        .healthCheckTimeoutSeconds(4)
                        .healthyThresholdCount(2))
                .targetGroups()
                .get(0);
        elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(tg.targetGroupArn())
                .attributes(a -> a.key("deregistration_delay.timeout_seconds").value("5")));
        elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn())
                .protocol("HTTP")
                .port(80)
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg.targetGroupArn())));
        ecs.registerTaskDefinition(r -> r.family("site")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(ContainerDefinition.builder()
                        .name("app")
                        .image("nginx")
                        .portMappings(p -> p.containerPort(80))
                        .build()));
        String name = unique("site");
        ecs.createService(r -> r.cluster(CLUSTER)
                .serviceName(name)
                .taskDefinition("site")
                .desiredCount(1)
                .launchType(LaunchType.FARGATE)
                .loadBalancers(l -> l.targetGroupArn(tg.targetGroupArn())
                        .containerName("app")
                        .containerPort(80))
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60000"))));
        String id = "service/" + CLUSTER + "/" + name;
        aas.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(1)
                .maxCapacity(3));
        String label = lb.loadBalancerArn().substring(lb.loadBalancerArn().indexOf("loadbalancer/") + 13) + "/"
                + tg.targetGroupArn().substring(tg.targetGroupArn().lastIndexOf(':') + 1);
        aas.putScalingPolicy(r -> r.policyName("requests")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(5.0)
                        .scaleOutCooldown(60)
                        .scaleInCooldown(60)
                        .predefinedMetricSpecification(
                                m -> m.predefinedMetricType(MetricType.ALB_REQUEST_COUNT_PER_TARGET)
                                        .resourceLabel(label))));
        ecs.waiter().waitUntilServicesStable(r -> r.cluster(CLUSTER).services(name));

        // up to 100 requests a second, 100 a minute of the scaling clock: even a sixth of that keeps 3 tasks above the
        // target of 5 requests each on a loaded machine
        URI url = drydock.service(ElbModule.class).url("front");
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger failed = new AtomicInteger();
        Thread load = new Thread(() -> {
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            while (loading.get()) {
                try {
                    HttpResponse<String> response =
                            http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        failed.incrementAndGet();
                    }
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }
        });
        load.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> desiredCount(name) == 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> runningCount(name) == 3);
        } finally {
            loading.set(false);
            load.join();
        }
        assertThat(failed).hasValue(0);
        assertThat(aas.describeScalingActivities(
                                r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(id))
                        .scalingActivities())
                .first()
                .satisfies(a -> assertThat(a.cause())
                        .matches("monitor alarm TargetTracking-" + id
                                + "-AlarmHigh-[0-9a-f-]{36} in state ALARM triggered policy requests"));

        // no requests: RequestCountPerTarget is 0, 15 minutes below 4.5 (15 s), then down to the minimum
        await().atMost(Duration.ofSeconds(90)).until(() -> desiredCount(name) == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> runningCount(name) == 1);
        assertThat(aas.describeScalingActivities(
                                r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(id))
                        .scalingActivities())
                .first()
                .extracting(ScalingActivity::cause)
                .asString()
                .contains("-AlarmLow-")
                .endsWith("triggered policy requests");
    }
}
