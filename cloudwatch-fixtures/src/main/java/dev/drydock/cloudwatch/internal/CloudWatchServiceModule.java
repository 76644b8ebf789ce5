package dev.drydock.cloudwatch.internal;

import dev.drydock.cloudwatch.CloudWatchModule;
import dev.drydock.cloudwatch.internal.backend.CloudWatchBackend;
import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.AlarmActionTarget;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.MetricAlarms;
import dev.drydock.core.spi.MetricSink;
import dev.drydock.core.spi.ScalingTime;
import dev.drydock.core.spi.ServiceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;

/**
 * The CloudWatch module: the model ({@link CloudWatchBackend}), its routing table ({@link CloudWatchApi}), the
 * {@link MetricSink} other modules publish to, and the alarm evaluator: a daemon thread that evaluates every alarm each
 * ten seconds of the scaling clock ({@code scaling.time-scale}) and hands the actions of state changes (and, once a
 * minute, Auto Scaling actions while the state lasts) to the {@link AlarmActionTarget}s that accept them (every one
 * present: Application Auto Scaling's and EC2 Auto Scaling's policies); and {@link MetricAlarms}, through which the
 * scaling modules keep their target tracking alarms (as PutMetricAlarm and DeleteAlarms as the test principal). Found by
 * {@link java.util.ServiceLoader}; its public face is {@link CloudWatchModule}.
 */
public final class CloudWatchServiceModule implements CloudWatchModule, MetricSink, MetricAlarms {
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
            List<AlarmActionTarget> targets = context.modules(AlarmActionTarget.class);
            run(backend.evaluate(arn -> targets.stream().anyMatch(t -> t.accepts(arn))));
        } catch (RuntimeException e) {
            LOG.warn("CloudWatch alarm evaluation failed", e);
        }
    }

    /** Runs alarm actions: those an {@link AlarmActionTarget} accepts; other ARNs (SNS topics, ...) go nowhere. */
    private void run(List<CloudWatchBackend.Invocation> invocations) {
        if (invocations.isEmpty()) {
            return;
        }
        List<AlarmActionTarget> targets = context.modules(AlarmActionTarget.class);
        for (CloudWatchBackend.Invocation i : invocations) {
            for (AlarmActionTarget target : targets) {
                if (!target.accepts(i.actionArn())) {
                    continue;
                }
                try {
                    target.invoke(i.actionArn(), i.notice());
                } catch (RuntimeException e) {
                    LOG.warn(
                            "Alarm action {} of {} failed",
                            i.actionArn(),
                            i.notice().alarmName(),
                            e);
                }
                break;
            }
        }
    }

    @Override
    public String putAlarm(Definition d) {
        PutMetricAlarmRequest request = PutMetricAlarmRequest.builder()
                .alarmName(d.name())
                .alarmDescription(d.description())
                .namespace(d.namespace())
                .metricName(d.metricName())
                .dimensions(d.dimensions().entrySet().stream()
                        .map(e -> Dimension.builder()
                                .name(e.getKey())
                                .value(e.getValue())
                                .build())
                        .toList())
                .statistic(d.statistic())
                .unit(d.unit())
                .period(d.periodSeconds())
                .evaluationPeriods(d.evaluationPeriods())
                .datapointsToAlarm(d.datapointsToAlarm())
                .threshold(d.threshold())
                .comparisonOperator(d.comparisonOperator())
                .alarmActions(d.alarmActions())
                .build();
        context.adminCalls().call("monitoring", request, PutMetricAlarmResponse.class);
        return context.adminCalls()
                .call(
                        "monitoring",
                        DescribeAlarmsRequest.builder().alarmNames(d.name()).build(),
                        DescribeAlarmsResponse.class)
                .metricAlarms()
                .get(0)
                .alarmArn();
    }

    @Override
    public void deleteAlarms(List<String> names) {
        // one at a time: DeleteAlarms deletes none of a list when one of them is gone
        for (String name : names) {
            try {
                context.adminCalls()
                        .call(
                                "monitoring",
                                DeleteAlarmsRequest.builder().alarmNames(name).build(),
                                DeleteAlarmsResponse.class);
            } catch (AwsException e) {
                LOG.debug("Alarm {} not deleted: {}", name, e.getMessage());
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
