package dev.drydock.scaling.internal;

import dev.drydock.core.Drydock;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.AlarmActionTarget;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.MetricAlarms;
import dev.drydock.core.spi.ServiceCapacity;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.scaling.ApplicationAutoScalingModule;
import dev.drydock.scaling.internal.backend.PolicyAlarms;
import dev.drydock.scaling.internal.backend.ScalingBackend;
import java.util.List;

/**
 * The Application Auto Scaling module: the model ({@link ScalingBackend}), its routing table ({@link ScalingApi}),
 * and the {@link AlarmActionTarget} through which CloudWatch alarms call its scaling policies. It reaches ECS through
 * core's {@link ServiceCapacity} port and creates target tracking's alarms with CloudWatch's PutMetricAlarm (as the
 * test principal, through core's MetricAlarms port). Found by {@link java.util.ServiceLoader}; its public face is
 * {@link ApplicationAutoScalingModule}.
 */
public final class ScalingServiceModule implements ApplicationAutoScalingModule, AlarmActionTarget {
    private ServiceContext context;
    private ScalingBackend backend;

    @Override
    public String name() {
        return "application-autoscaling";
    }

    @Override
    public List<String> sdkEndpointSuffixes() {
        return List.of("ApplicationAutoScaling");
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        backend = new ScalingBackend(
                context.region(),
                context.accountId(),
                context.scalingTime(),
                () -> context.module(ServiceCapacity.class),
                new CloudWatchAlarms());
        // built on first use (or by the warm-up right after start), as the other JSON services' tables are
        context.registerOnFirstUse(
                "application-autoscaling",
                "AnyScaleFrontendService",
                () -> ScalingApi.routingTable(backend, context.scalingTime().clock()));
    }

    /** Target tracking's alarms in CloudWatch (core's {@link MetricAlarms} port), kept as the test principal. */
    private final class CloudWatchAlarms implements PolicyAlarms {
        @Override
        public String put(MetricAlarms.Definition alarm) {
            MetricAlarms cloudWatch = context.module(MetricAlarms.class)
                    .orElseThrow(() -> ScalingErrors.failedResourceAccess("Target tracking needs CloudWatch alarms: "
                            + "add dev.drydock:drydock-cloudwatch-fixtures to the test classpath."));
            try {
                return cloudWatch.putAlarm(alarm);
            } catch (AwsException e) {
                throw ScalingErrors.failedResourceAccess(
                        "CloudWatch refused the alarm " + alarm.name() + ": " + e.getMessage());
            }
        }

        @Override
        public void delete(List<String> alarmNames) {
            context.module(MetricAlarms.class).ifPresent(cloudWatch -> cloudWatch.deleteAlarms(alarmNames));
        }
    }

    /** Calls this module's (and other modules') handlers as the test principal, for the fixtures. */
    public AdminCalls adminCalls() {
        return context.adminCalls();
    }

    /**
     * The module of a Drydock instance, for Drydock's own tests. Not a stable API.
     *
     * @throws dev.drydock.core.DrydockException when drydock-scaling-fixtures is not on the classpath
     */
    public static ScalingServiceModule of(Drydock drydock) {
        return (ScalingServiceModule) drydock.service(ApplicationAutoScalingModule.class);
    }

    @Override
    public boolean accepts(String actionArn) {
        return actionArn.startsWith("arn:aws:autoscaling:") && backend.isPolicy(actionArn);
    }

    @Override
    public void invoke(String actionArn, AlarmNotice notice) {
        backend.invoked(actionArn, notice);
    }

    @Override
    public void close() {
        if (backend != null) {
            backend.close();
        }
    }
}
