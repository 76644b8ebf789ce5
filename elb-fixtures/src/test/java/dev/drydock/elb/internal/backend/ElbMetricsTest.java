package dev.drydock.elb.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.spi.MetricSink;
import dev.drydock.elb.internal.proxy.TargetEndpoint;
import dev.drydock.elb.internal.proxy.TargetPool;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What one interval of the proxies' counts becomes in CloudWatch, as AWS defines the metrics. */
class ElbMetricsTest {
    static final String LB = "app/shop/50dc6c495c0c9188";
    static final String TG = "targetgroup/web/73e2d6bc24d8a067";
    static final Instant AT = Instant.parse("2026-12-07T10:00:10Z");

    final List<MetricSink.Datum> app = new ArrayList<>();
    final List<MetricSink.Datum> net = new ArrayList<>();

    @Test
    void requestCountPerTargetIsTheGroupsRequestsOverItsHealthyTargets() {
        TargetPool pool = pool(2, 3);
        for (int i = 0; i < 10; i++) {
            pool.countRequest();
        }
        for (int i = 0; i < 7; i++) {
            pool.countResponse(200, 20_000_000);
        }
        pool.countResponse(302, 20_000_000);
        pool.countResponse(503, 20_000_000);

        ElbMetrics.data(List.of(new ElbMetrics.Group(LB, TG, true, pool, 2, 1)), AT, app, net);

        assertThat(value("RequestCountPerTarget", Map.of("TargetGroup", TG))).isEqualTo(5.0);
        assertThat(value("RequestCountPerTarget", Map.of("TargetGroup", TG, "LoadBalancer", LB)))
                .isEqualTo(5.0);
        assertThat(value("RequestCount", Map.of("LoadBalancer", LB))).isEqualTo(10.0);
        assertThat(value("RequestCount", Map.of("TargetGroup", TG, "LoadBalancer", LB)))
                .isEqualTo(10.0);
        assertThat(value("HTTPCode_Target_2XX_Count", Map.of("LoadBalancer", LB)))
                .isEqualTo(7.0);
        assertThat(value("HTTPCode_Target_3XX_Count", Map.of("TargetGroup", TG, "LoadBalancer", LB)))
                .isEqualTo(1.0);
        assertThat(value("HTTPCode_Target_5XX_Count", Map.of("LoadBalancer", LB)))
                .isEqualTo(1.0);
        assertThat(app).noneMatch(d -> d.metricName().equals("HTTPCode_Target_4XX_Count"));
        assertThat(value("TargetResponseTime", Map.of("LoadBalancer", LB))).isEqualTo(0.02);
        assertThat(value("HealthyHostCount", Map.of("TargetGroup", TG, "LoadBalancer", LB)))
                .isEqualTo(2.0);
        assertThat(value("UnHealthyHostCount", Map.of("TargetGroup", TG, "LoadBalancer", LB)))
                .isEqualTo(1.0);
        assertThat(app)
                .filteredOn(d -> d.metricName().equals("RequestCountPerTarget"))
                .allSatisfy(d -> assertThat(d.unit()).isEqualTo("None"));
        assertThat(app).allSatisfy(d -> assertThat(d.timestamp()).isEqualTo(AT));
        assertThat(net).isEmpty();
    }

    @Test
    void theCountsAreTakenOnceAndRequestCountPerTargetIsAlwaysReported() {
        TargetPool pool = pool(1, 1);
        pool.countRequest();
        ElbMetrics.data(List.of(new ElbMetrics.Group(LB, TG, true, pool, 1, 0)), AT, app, net);
        app.clear();

        ElbMetrics.data(List.of(new ElbMetrics.Group(LB, TG, true, pool, 1, 0)), AT, app, net);

        assertThat(value("RequestCountPerTarget", Map.of("TargetGroup", TG))).isEqualTo(0.0);
        assertThat(app)
                .extracting(MetricSink.Datum::metricName)
                .containsOnly("RequestCountPerTarget", "HealthyHostCount", "UnHealthyHostCount");
    }

    @Test
    void withoutHealthyTargetsTheRequestsAreSharedByEveryRegisteredTarget() {
        TargetPool pool = pool(0, 4);
        for (int i = 0; i < 8; i++) {
            pool.countRequest();
        }
        ElbMetrics.data(List.of(new ElbMetrics.Group(LB, TG, true, pool, 0, 4)), AT, app, net);
        assertThat(value("RequestCountPerTarget", Map.of("TargetGroup", TG))).isEqualTo(2.0);
    }

    @Test
    void networkLoadBalancersPublishTheirGroupsHealthAndNewFlowsInTheirNamespace() {
        TargetPool pool = pool(3, 3);
        pool.countRequest();
        pool.countRequest();
        ElbMetrics.data(List.of(new ElbMetrics.Group("net/tcp/1234567890abcdef", TG, false, pool, 3, 0)), AT, app, net);
        assertThat(app).isEmpty();
        assertThat(net)
                .extracting(MetricSink.Datum::metricName)
                .containsExactly("HealthyHostCount", "UnHealthyHostCount", "NewFlowCount");
        assertThat(net.get(2).value()).isEqualTo(2.0);
        assertThat(net.get(2).dimensions()).containsOnly(Map.entry("LoadBalancer", "net/tcp/1234567890abcdef"));
        assertThat(net.get(0).dimensions())
                .containsEntry("LoadBalancer", "net/tcp/1234567890abcdef")
                .containsEntry("TargetGroup", TG);
    }

    private double value(String metric, Map<String, String> dimensions) {
        List<MetricSink.Datum> found = app.stream()
                .filter(d -> d.metricName().equals(metric) && d.dimensions().equals(dimensions))
                .toList();
        assertThat(found).as(metric + " " + dimensions).hasSize(1);
        return found.get(0).value();
    }

    private static TargetPool pool(int healthy, int registered) {
        TargetPool pool = new TargetPool("arn:aws:elasticloadbalancing:us-east-1:123456789012:" + TG);
        List<TargetEndpoint> all = new ArrayList<>();
        for (int i = 0; i < registered; i++) {
            all.add(new TargetEndpoint(
                    "10.0.0." + i, 80, "10.0.0." + i, (ip, port) -> new InetSocketAddress(ip, port)));
        }
        pool.update(all.subList(0, healthy), all);
        return pool;
    }
}
