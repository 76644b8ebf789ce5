package dev.drydock.cloudwatch.internal;

import dev.drydock.cloudwatch.CloudWatchModule;
import dev.drydock.cloudwatch.internal.backend.CloudWatchBackend;
import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.AlarmActionTarget;
import dev.drydock.core.spi.MetricSink;
import dev.drydock.core.spi.ScalingTime;
import dev.drydock.core.spi.ServiceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CloudWatch module: the model ({@link CloudWatchBackend}), its routing table ({@link CloudWatchApi}), the
 * {@link MetricSink} other modules publish to, and the alarm evaluator: a daemon thread that evaluates every alarm each
 * ten seconds of the scaling clock ({@code scaling.time-scale}) and hands the actions of state changes (and, once a
 * minute, Auto Scaling actions while the state lasts) to the {@link AlarmActionTarget} that accepts them. Found by
 * {@link java.util.ServiceLoader}; its public face is {@link CloudWatchModule}.
 */
public final class CloudWatchServiceModule implements CloudWatchModule, MetricSink {
    private static final Logger LOG = LoggerFactory.getLogger(CloudWatchServiceModule.class);
    /** How often alarms are evaluated, in AWS time. */
    private static final Duration EVALUATION_INTERVAL = Duration.ofSeconds(10);

    private ServiceContext context;
    private CloudWatchBackend backend;
    private ScheduledExecutorService evaluator;

    @Override
    public String name() {
        return "cloudwatch";
    }

    @Override
    public List<String> sdkEndpointSuffixes() {
        return List.of("CloudWatch");
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        ScalingTime time = context.scalingTime();
        backend = new CloudWatchBackend(context.region(), context.accountId(), time.clock());
        // built on first use (or in the background once the runtime is connected), so start() loads none of its classes
        context.registerQueryOnFirstUse(
                "monitoring",
                CloudWatchApi.VERSION,
                () -> CloudWatchApi.routingTable(backend, time.clock(), this::run));
        evaluator = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drydock-cloudwatch-alarms");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, time.real(EVALUATION_INTERVAL).toMillis());
        evaluator.scheduleWithFixedDelay(this::evaluate, every, every, TimeUnit.MILLISECONDS);
    }

    private void evaluate() {
        try {
            Optional<AlarmActionTarget> target = context.module(AlarmActionTarget.class);
            run(backend.evaluate(arn -> target.map(t -> t.accepts(arn)).orElse(false)));
        } catch (RuntimeException e) {
            LOG.warn("CloudWatch alarm evaluation failed", e);
        }
    }

    /** Runs alarm actions: those an {@link AlarmActionTarget} accepts; other ARNs (SNS topics, ...) go nowhere. */
    private void run(List<CloudWatchBackend.Invocation> invocations) {
        if (invocations.isEmpty()) {
            return;
        }
        Optional<AlarmActionTarget> target = context.module(AlarmActionTarget.class);
        for (CloudWatchBackend.Invocation i : invocations) {
            if (target.isPresent() && target.get().accepts(i.actionArn())) {
                try {
                    target.get().invoke(i.actionArn(), i.notice());
                } catch (RuntimeException e) {
                    LOG.warn(
                            "Alarm action {} of {} failed",
                            i.actionArn(),
                            i.notice().alarmName(),
                            e);
                }
            }
        }
    }

    /**
     * The CloudWatch module of a Drydock instance, for Drydock's own tests. Not a stable API.
     *
     * @throws DrydockException when drydock-cloudwatch-fixtures is not on the classpath
     */
    public static CloudWatchServiceModule of(Drydock drydock) {
        return (CloudWatchServiceModule) drydock.service(CloudWatchModule.class);
    }

    /** The CloudWatch API's operations, called as the test principal. */
    public AdminCalls adminCalls() {
        return context.adminCalls();
    }

    /** The model, for tests. Not a stable API. */
    public CloudWatchBackend backend() {
        return backend;
    }

    @Override
    public Clock clock() {
        return backend.clock();
    }

    @Override
    public void put(String namespace, List<Datum> data) {
        backend.put(namespace, data);
    }

    @Override
    public String diagnostics() {
        if (backend == null) {
            return "";
        }
        var alarms = backend.alarms(a -> true);
        if (alarms.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("Drydock CloudWatch alarms:\n");
        for (var a : alarms) {
            b.append("  ")
                    .append(a.alarmName())
                    .append(' ')
                    .append(a.stateValueAsString())
                    .append(": ")
                    .append(a.stateReason())
                    .append('\n');
        }
        return b.toString();
    }

    @Override
    public void close() {
        if (evaluator != null) {
            evaluator.shutdownNow();
        }
    }
}
