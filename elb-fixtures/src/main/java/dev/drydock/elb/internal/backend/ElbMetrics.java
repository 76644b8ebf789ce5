package dev.drydock.elb.internal.backend;

import dev.drydock.core.spi.MetricSink;
import dev.drydock.core.spi.ScalingTime;
import dev.drydock.elb.internal.proxy.TargetPool;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the load balancers' CloudWatch metrics (through core's {@link MetricSink}, when a module provides one), as
 * "CloudWatch metrics for your Application Load Balancer"
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html) and
 * "CloudWatch metrics for your Network Load Balancer" define them, measured by the proxies (health checks excluded):
 *
 * <ul>
 *   <li>{@code AWS/ApplicationELB} {@code RequestCount} (Count; requests for which the load balancer chose a target)
 *       per {@code LoadBalancer} and per {@code TargetGroup, LoadBalancer}, when nonzero;
 *   <li>{@code RequestCountPerTarget} (None; the only valid statistic is Sum) per {@code TargetGroup} and per
 *       {@code TargetGroup, LoadBalancer}, always reported: the requests the group received divided by its healthy
 *       targets, or by its registered targets when none is healthy;
 *   <li>{@code HTTPCode_Target_2XX_Count} .. {@code 5XX} (Count) and {@code TargetResponseTime} (Seconds, from the
 *       request leaving the load balancer until the target's response headers; the mean of the interval) per
 *       {@code LoadBalancer} and per {@code TargetGroup, LoadBalancer}, when there are responses;
 *   <li>{@code HealthyHostCount} and {@code UnHealthyHostCount} (Count) per {@code TargetGroup, LoadBalancer}, in
 *       {@code AWS/NetworkELB} too for Network Load Balancers;
 *   <li>{@code AWS/NetworkELB} {@code NewFlowCount} (Count; connections opened to a target) per {@code LoadBalancer},
 *       when nonzero.
 * </ul>
 *
 * <p>Dimension values are AWS's: {@code app/<name>/<id>} (or {@code net/...}) and {@code targetgroup/<name>/<id>}. The
 * counts of each {@value #INTERVAL_SECONDS}-second interval of the scaling clock are one data point each, so a
 * one-minute period's Sum is the minute's requests (per target). The publishing thread starts with the first load
 * balancer, and only when a metric sink is present.
 */
public final class ElbMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ElbMetrics.class);
    /** How often the proxies' counts are published, in seconds of the scaling clock. */
    static final int INTERVAL_SECONDS = 10;

    private static final String[] CODE_METRICS = {
        "HTTPCode_Target_2XX_Count",
        "HTTPCode_Target_3XX_Count",
        "HTTPCode_Target_4XX_Count",
        "HTTPCode_Target_5XX_Count"
    };

    private final Supplier<Optional<MetricSink>> sink;
    private final ScalingTime time;
    private final Supplier<List<Group>> groups;
    private ScheduledExecutorService timer;
    private boolean closed;

    /**
     * One target group a load balancer forwards to, as the publisher reads it.
     *
     * @param loadBalancer the {@code LoadBalancer} dimension value, e.g. {@code app/shop/50dc6c495c0c9188}
     * @param targetGroup the {@code TargetGroup} dimension value, e.g. {@code targetgroup/web/73e2d6bc24d8a067}
     * @param application whether the load balancer is an Application Load Balancer
     * @param pool the proxies' view of the group (its traffic counters)
     * @param healthy targets in state healthy
     * @param unhealthy targets in state unhealthy
     */
    public record Group(
            String loadBalancer,
            String targetGroup,
            boolean application,
            TargetPool pool,
            int healthy,
            int unhealthy) {}

    /**
     * @param sink the metric sink, when a module provides one (asked on every interval)
     * @param time the scaling clock
     * @param groups the target groups in use now
     */
    public ElbMetrics(Supplier<Optional<MetricSink>> sink, ScalingTime time, Supplier<List<Group>> groups) {
        this.sink = sink;
        this.time = time;
        this.groups = groups;
    }

    /** Starts publishing, once (a load balancer exists): does nothing without a metric sink or when closed. */
    public synchronized void start() {
        if (timer != null || closed || sink.get().isEmpty()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drydock-elb-metrics");
            t.setDaemon(true);
            return t;
        });
        long every =
                Math.max(10, time.real(Duration.ofSeconds(INTERVAL_SECONDS)).toMillis());
        timer.scheduleAtFixedRate(this::publish, every, every, TimeUnit.MILLISECONDS);
    }

    /** Whether the publishing thread runs. */
    public synchronized boolean started() {
        return timer != null;
    }

    /** Publishes one interval's data points now (the timer's job; tests call it too). */
    public void publish() {
        try {
            Optional<MetricSink> s = sink.get();
            if (s.isEmpty()) {
                return;
            }
            List<MetricSink.Datum> app = new ArrayList<>();
            List<MetricSink.Datum> net = new ArrayList<>();
            data(groups.get(), time.clock().instant(), app, net);
            if (!app.isEmpty()) {
                s.get().put("AWS/ApplicationELB", app);
            }
            if (!net.isEmpty()) {
                s.get().put("AWS/NetworkELB", net);
            }
        } catch (RuntimeException e) {
            LOG.warn("Publishing Elastic Load Balancing metrics failed", e);
        }
    }

    /** The data points of one interval (takes the groups' traffic counts). */
    static void data(List<Group> groups, Instant at, List<MetricSink.Datum> app, List<MetricSink.Datum> net) {
        Map<String, long[]> perLoadBalancer = new LinkedHashMap<>(); // requests, 2XX..5XX, responses, nanos
        Map<String, Long> newFlows = new LinkedHashMap<>();
        for (Group g : groups) {
            Map<String, String> both = Map.of("TargetGroup", g.targetGroup(), "LoadBalancer", g.loadBalancer());
            List<MetricSink.Datum> out = g.application() ? app : net;
            out.add(new MetricSink.Datum("HealthyHostCount", both, at, g.healthy(), "Count"));
            out.add(new MetricSink.Datum("UnHealthyHostCount", both, at, g.unhealthy(), "Count"));
            if (!g.application()) {
                newFlows.merge(g.loadBalancer(), g.pool().takeTraffic().requests(), Long::sum);
                continue;
            }
            TargetPool.Traffic t = g.pool().takeTraffic();
            int targets = g.pool().healthyCount() > 0
                    ? g.pool().healthyCount()
                    : g.pool().registeredCount();
            double perTarget = t.requests() == 0 ? 0 : (double) t.requests() / Math.max(1, targets);
            app.add(new MetricSink.Datum(
                    "RequestCountPerTarget", Map.of("TargetGroup", g.targetGroup()), at, perTarget, "None"));
            app.add(new MetricSink.Datum("RequestCountPerTarget", both, at, perTarget, "None"));
            long[] lb = perLoadBalancer.computeIfAbsent(g.loadBalancer(), k -> new long[7]);
            lb[0] += t.requests();
            for (int i = 0; i < 4; i++) {
                lb[1 + i] += t.targetCodes()[i];
            }
            lb[5] += t.responses();
            lb[6] += t.responseNanos();
            traffic(app, both, at, t.requests(), t.targetCodes(), t.responses(), t.responseNanos());
        }
        newFlows.forEach((lb, flows) -> {
            if (flows > 0) {
                net.add(new MetricSink.Datum("NewFlowCount", Map.of("LoadBalancer", lb), at, flows, "Count"));
            }
        });
        for (Map.Entry<String, long[]> e : perLoadBalancer.entrySet()) {
            long[] lb = e.getValue();
            long[] codes = {lb[1], lb[2], lb[3], lb[4]};
            traffic(app, Map.of("LoadBalancer", e.getKey()), at, lb[0], codes, lb[5], lb[6]);
        }
    }

    private static void traffic(
            List<MetricSink.Datum> out,
            Map<String, String> dims,
            Instant at,
            long requests,
            long[] codes,
            long responses,
            long nanos) {
        if (requests > 0) {
            out.add(new MetricSink.Datum("RequestCount", dims, at, requests, "Count"));
        }
        for (int i = 0; i < 4; i++) {
            if (codes[i] > 0) {
                out.add(new MetricSink.Datum(CODE_METRICS[i], dims, at, codes[i], "Count"));
            }
        }
        if (responses > 0) {
            out.add(new MetricSink.Datum("TargetResponseTime", dims, at, nanos / 1e9 / responses, "Seconds"));
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
