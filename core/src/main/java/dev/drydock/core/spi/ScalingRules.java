package dev.drydock.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * What Application Auto Scaling and EC2 Auto Scaling compute alike, so that both modules follow one rule: the alarms
 * a target tracking policy owns, the capacity target tracking asks for, the step adjustment a breach falls in, and how
 * an adjustment type changes a capacity. Pure functions; no state.
 *
 * <p>Target tracking's alarms, as "Target tracking scaling policies" describes them for both services
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking.html,
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html): {@code TargetTracking-<resource>-AlarmHigh-<uuid>},
 * the metric above the target for 3 of 3 one-minute periods, and {@code TargetTracking-<resource>-AlarmLow-<uuid>}, below
 * 90% of the target for 15 of 15 (none when scale-in is disabled); both invoke the policy, and their description is
 * {@code DO NOT EDIT OR DELETE. For TargetTrackingScaling policy <policy ARN>.}
 */
public final class ScalingRules {
    /** The high alarm's evaluation periods (and datapoints to alarm), one minute each. */
    public static final int HIGH_PERIODS = 3;
    /** The low alarm's evaluation periods (and datapoints to alarm), one minute each. */
    public static final int LOW_PERIODS = 15;
    /** The low alarm's threshold as a fraction of the target. */
    public static final double LOW_FRACTION = 0.9;

    private ScalingRules() {}

    /**
     * The metric a target tracking policy tracks.
     *
     * @param namespace e.g. {@code AWS/ECS}
     * @param metricName e.g. {@code CPUUtilization}
     * @param dimensions name to value, in order
     * @param statistic e.g. {@code Average}
     * @param unit a CloudWatch unit, or null
     */
    public record TrackedMetric(
            String namespace, String metricName, Map<String, String> dimensions, String statistic, String unit) {}

    /**
     * A customized metric specification, checked as both services check it: metric math ({@code Metrics}) is not
     * served, and {@code MetricName}, {@code Namespace} and {@code Statistic} are required.
     *
     * @param metricMath whether the specification gives {@code Metrics}
     * @param dimensions name to value, in order
     * @return the metric
     * @throws IllegalArgumentException saying what is wrong: the message of the service's validation error
     */
    public static TrackedMetric customizedMetric(
            boolean metricMath,
            String namespace,
            String metricName,
            Map<String, String> dimensions,
            String statistic,
            String unit) {
        if (metricMath) {
            throw new IllegalArgumentException("CustomizedMetricSpecification.Metrics (metric math) is not served by "
                    + "Drydock: give MetricName, Namespace, Dimensions and Statistic.");
        }
        if (metricName == null || namespace == null || statistic == null) {
            throw new IllegalArgumentException(
                    "CustomizedMetricSpecification needs MetricName, Namespace and Statistic.");
        }
        return new TrackedMetric(namespace, metricName, dimensions, statistic, unit);
    }

    /**
     * The alarms a target tracking policy owns: the high one, then the low one unless {@code disableScaleIn}.
     *
     * @param resource what the names carry after {@code TargetTracking-}: {@code service/<cluster>/<service>} for an ECS
     *     service, the group's name for an Auto Scaling group
     * @param policyArn the policy the alarms invoke
     * @param target the target value, in the metric's unit
     */
    public static List<MetricAlarms.Definition> targetTrackingAlarms(
            String resource, String policyArn, TrackedMetric metric, double target, boolean disableScaleIn) {
        String prefix = "TargetTracking-" + resource;
        String description = "DO NOT EDIT OR DELETE. For TargetTrackingScaling policy " + policyArn + ".";
        List<MetricAlarms.Definition> alarms = new ArrayList<>();
        alarms.add(alarm(
                prefix + "-AlarmHigh-" + UUID.randomUUID(),
                description,
                metric,
                policyArn,
                HIGH_PERIODS,
                target,
                "GreaterThanThreshold"));
        if (!disableScaleIn) {
            alarms.add(alarm(
                    prefix + "-AlarmLow-" + UUID.randomUUID(),
                    description,
                    metric,
                    policyArn,
                    LOW_PERIODS,
                    target * LOW_FRACTION,
                    "LessThanThreshold"));
        }
        return alarms;
    }

    private static MetricAlarms.Definition alarm(
            String name,
            String description,
            TrackedMetric m,
            String policyArn,
            int periods,
            double threshold,
            String comparison) {
        return new MetricAlarms.Definition(
                name,
                description,
                m.namespace(),
                m.metricName(),
                m.dimensions(),
                m.statistic(),
                m.unit(),
                60,
                periods,
                periods,
                threshold,
                comparison,
                List.of(policyArn));
    }

    /** Whether an alarm is a target tracking policy's high alarm (by its name). */
    public static boolean isHighAlarm(String alarmName) {
        return alarmName.contains("-AlarmHigh-");
    }

    /**
     * The capacity target tracking asks for when one of its alarms fires: proportional to the metric
     * ({@code ceil(current x metric / target)}), and at least one more (high alarm) or one fewer (low alarm) than
     * {@code current}. Bounds are the caller's.
     *
     * @param current the capacity the metric was measured on
     */
    public static int targetTrackingCapacity(int current, double metric, double target, boolean high) {
        int proportional = (int) Math.ceil(current * metric / target);
        return high ? Math.max(current + 1, proportional) : Math.min(current - 1, proportional);
    }

    /**
     * A step adjustment: bounds relative to the alarm's threshold (lower inclusive, upper exclusive, null unbounded).
     */
    public record Step(Double lowerBound, Double upperBound, int adjustment) {}

    /** The adjustment of the step whose interval holds {@code breach} (the metric minus the threshold), if any. */
    public static OptionalInt step(List<Step> steps, double breach) {
        for (Step s : steps) {
            boolean aboveLower = s.lowerBound() == null || breach >= s.lowerBound();
            boolean belowUpper = s.upperBound() == null || breach < s.upperBound();
            if (aboveLower && belowUpper) {
                return OptionalInt.of(s.adjustment());
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The capacity an adjustment asks for ("Scaling adjustment types",
     * https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html#as-scaling-adjustment):
     * {@code ExactCapacity} sets it, {@code ChangeInCapacity} adds it, {@code PercentChangeInCapacity} adds that
     * percentage of {@code current} (truncated towards zero), at least {@code minAdjustmentMagnitude} (default 1) in
     * the adjustment's direction. Bounds are the caller's.
     */
    public static int adjust(String adjustmentType, int current, int adjustment, Integer minAdjustmentMagnitude) {
        return switch (adjustmentType) {
            case "ExactCapacity" -> adjustment;
            case "PercentChangeInCapacity" -> {
                int change = (int) (current * adjustment / 100.0);
                int magnitude = minAdjustmentMagnitude == null ? 1 : minAdjustmentMagnitude;
                if (Math.abs(change) < magnitude && adjustment != 0) {
                    change = adjustment > 0 ? magnitude : -magnitude;
                }
                yield current + change;
            }
            default -> current + adjustment;
        };
    }
}
