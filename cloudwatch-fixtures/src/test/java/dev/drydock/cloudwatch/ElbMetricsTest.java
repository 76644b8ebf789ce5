package dev.drydock.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import dev.drydock.elb.ElbModule;
import dev.drydock.elb.internal.ElbServiceModule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * The load balancers' proxies publish AWS/ApplicationELB metrics through core's MetricSink on the scaling clock (a
 * minute a second here): requests sent through an ALB to two targets (HTTP servers in the test JVM) show as RequestCount
 * and as RequestCountPerTarget, the group's requests over its healthy targets, with AWS's dimension values.
 */
class ElbMetricsTest {
    Drydock drydock;
    ElasticLoadBalancingV2Client elb;
    CloudWatchClient cw;
    Clock clock;
    final Map<String, InetSocketAddress> servers = new ConcurrentHashMap<>();
    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        drydock = Drydock.builder()
                .runtime(SimulatedRuntime::new)
                .setting("scaling.time-scale", "1/60")
                .setting("elb.time-scale", "0.05")
                .start();
        elb = drydock.client(ElasticLoadBalancingV2Client.builder());
        cw = drydock.client(CloudWatchClient.builder());
        clock = drydock.service(CloudWatchModule.class).clock();
        ElbServiceModule.of(drydock)
                .targetAddresses((ip, port) -> servers.getOrDefault(ip, new InetSocketAddress(ip, port)));
    }

    @AfterEach
    void stop() {
        elb.close();
        cw.close();
        drydock.close();
    }

    @Test
    void requestsThroughAnAlbArePublishedPerLoadBalancerAndPerTarget() throws Exception {
        assertThat(ElbServiceModule.of(drydock).backend().metrics().started())
                .as("no publishing thread before a load balancer exists")
                .isFalse();
        var lb = elb.createLoadBalancer(
                        r -> r.name("shop").subnets("subnet-0a1b2c3d4e5f60000", "subnet-0a1b2c3d4e5f60001"))
                .loadBalancers()
                .get(0);
        assertThat(ElbServiceModule.of(drydock).backend().metrics().started()).isTrue();
        String tg = elb.createTargetGroup(r -> r.name("web")
                        .protocol("HTTP")
                        .port(80)
                        .vpcId(lb.vpcId())
                        .targetType("ip")
                        .healthCheckIntervalSeconds(5)
                        .healthCheckTimeoutSeconds(4)
                        .healthyThresholdCount(2))
                .targetGroups()
                .get(0)
                .targetGroupArn();
        elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn())
                .protocol("HTTP")
                .port(80)
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg)));
        for (String ip : List.of("10.0.9.1", "10.0.9.2")) {
            serve(ip);
            elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id(ip).port(80)));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions().stream()
                        .allMatch(d -> d.targetHealth().state() == TargetHealthStateEnum.HEALTHY));
        String lbDim = lb.loadBalancerArn().substring(lb.loadBalancerArn().indexOf("loadbalancer/") + 13);
        String tgDim = tg.substring(tg.lastIndexOf(':') + 1);
        assertThat(lbDim).matches("app/shop/[0-9a-f]{16}");
        assertThat(tgDim).matches("targetgroup/web/[0-9a-f]{16}");

        URI url = drydock.service(ElbModule.class).url("shop");
        Instant since = clock.instant();
        int sent = 0;
        // requests during three whole minutes of the scaling clock (three seconds)
        while (clock.instant().isBefore(since.plusSeconds(240))) {
            HttpResponse<String> response =
                    http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            sent++;
        }
        int total = sent;

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Datapoint> perLb = sum("RequestCount", dim("LoadBalancer", lbDim));
            assertThat(perLb.stream().mapToDouble(Datapoint::sum).sum()).isEqualTo(total);
            List<Datapoint> perTarget = sum("RequestCountPerTarget", dim("TargetGroup", tgDim));
            assertThat(perTarget.stream().mapToDouble(Datapoint::sum).sum()).isEqualTo(total / 2.0);
            List<Datapoint> both = sum("RequestCountPerTarget", dim("TargetGroup", tgDim), dim("LoadBalancer", lbDim));
            assertThat(both.stream().mapToDouble(Datapoint::sum).sum()).isEqualTo(total / 2.0);
            assertThat(sum("HTTPCode_Target_2XX_Count", dim("LoadBalancer", lbDim)).stream()
                            .mapToDouble(Datapoint::sum)
                            .sum())
                    .isEqualTo(total);
        });
        assertThat(cw.listMetrics(r -> r.namespace("AWS/ApplicationELB")).metrics())
                .extracting(Metric::metricName)
                .contains(
                        "RequestCount",
                        "RequestCountPerTarget",
                        "HealthyHostCount",
                        "UnHealthyHostCount",
                        "TargetResponseTime",
                        "HTTPCode_Target_2XX_Count");
        List<Datapoint> healthy = cw.getMetricStatistics(r -> r.namespace("AWS/ApplicationELB")
                        .metricName("HealthyHostCount")
                        .dimensions(dim("TargetGroup", tgDim), dim("LoadBalancer", lbDim))
                        .startTime(since.plusSeconds(60))
                        .endTime(clock.instant().minusSeconds(60))
                        .period(60)
                        .statistics(Statistic.MINIMUM))
                .datapoints();
        assertThat(healthy).isNotEmpty().allSatisfy(d -> assertThat(d.minimum()).isEqualTo(2.0));
    }

    @Test
    void connectionsThroughAnNlbArePublishedAsNewFlows() throws Exception {
        var lb = elb.createLoadBalancer(r ->
                        r.name("tcp").type("network").subnets("subnet-0a1b2c3d4e5f60000", "subnet-0a1b2c3d4e5f60001"))
                .loadBalancers()
                .get(0);
        String tg = elb.createTargetGroup(r -> r.name("tcp-web")
                        .protocol("TCP")
                        .port(80)
                        .vpcId(lb.vpcId())
                        .targetType("ip"))
                .targetGroups()
                .get(0)
                .targetGroupArn();
        elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn())
                .protocol("TCP")
                .port(80)
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg)));
        serve("10.0.9.3");
        elb.registerTargets(
                r -> r.targetGroupArn(tg).targets(t -> t.id("10.0.9.3").port(80)));
        String lbDim = lb.loadBalancerArn().substring(lb.loadBalancerArn().indexOf("loadbalancer/") + 13);
        assertThat(lbDim).matches("net/tcp/[0-9a-f]{16}");

        InetSocketAddress nlb = drydock.service(ElbModule.class).address("tcp", 80);
        for (int i = 0; i < 5; i++) {
            try (Socket s = new Socket(nlb.getAddress(), nlb.getPort())) {
                s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                        .contains("10.0.9.3");
            }
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(cw
                                .getMetricStatistics(r -> r.namespace("AWS/NetworkELB")
                                        .metricName("NewFlowCount")
                                        .dimensions(dim("LoadBalancer", lbDim))
                                        .startTime(clock.instant().minusSeconds(3600))
                                        .endTime(clock.instant().plusSeconds(60))
                                        .period(60)
                                        .statistics(Statistic.SUM))
                                .datapoints()
                                .stream()
                                .mapToDouble(Datapoint::sum)
                                .sum())
                        .isEqualTo(5.0));
    }

    private List<Datapoint> sum(String metric, Dimension... dimensions) {
        return cw.getMetricStatistics(r -> r.namespace("AWS/ApplicationELB")
                        .metricName(metric)
                        .dimensions(dimensions)
                        .startTime(clock.instant().minusSeconds(3600))
                        .endTime(clock.instant().plusSeconds(60))
                        .period(60)
                        .statistics(Statistic.SUM))
                .datapoints();
    }

    private void serve(String ip) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ip.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.put(ip, server.getAddress());
    }

    private static Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }
}
