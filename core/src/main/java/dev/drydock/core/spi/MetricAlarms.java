package dev.drydock.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service module that keeps metric alarms (Amazon CloudWatch), so that the scaling modules create and delete the
 * alarms their target tracking policies own without depending on it (Application Auto Scaling's and EC2 Auto
 * Scaling's {@code TargetTracking-...-AlarmHigh/AlarmLow} alarms). Found with {@code context.module(MetricAlarms.class)};
 * implemented by {@code drydock-cloudwatch-fixtures}, which answers as its {@code PutMetricAlarm} and
 * {@code DeleteAlarms} do for the test principal (the same request checks).
 */
public interface MetricAlarms extends ServiceModule {

    /**
     * An alarm on one metric, as {@code PutMetricAlarm} takes it.
     *
     * @param name the alarm's name
     * @param description its description, or null
     * @param namespace the metric's namespace, e.g. {@code AWS/ECS}
     * @param metricName e.g. {@code CPUUtilization}
     * @param dimensions name to value, in order
     * @param statistic {@code Average}, {@code Sum}, {@code Minimum}, {@code Maximum} or {@code SampleCount}
     * @param unit a CloudWatch unit, or null
     * @param periodSeconds the period, in seconds (60 for target tracking)
     * @param evaluationPeriods how many periods are evaluated
     * @param datapointsToAlarm how many of them must breach
     * @param threshold the threshold, in the metric's unit
     * @param comparisonOperator e.g. {@code GreaterThanThreshold}
     * @param alarmActions the ARNs invoked in ALARM (a scaling policy's)
     */
    record Definition(
            String name,
            String description,
            String namespace,
            String metricName,
            Map<String, String> dimensions,
            String statistic,
            String unit,
            int periodSeconds,
            int evaluationPeriods,
            int datapointsToAlarm,
            double threshold,
            String comparisonOperator,
            List<String> alarmActions) {
        public Definition {
            dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
            alarmActions = List.copyOf(alarmActions);
        }
    }

    /**
     * Creates or replaces an alarm, as {@code PutMetricAlarm} does for the test principal.
     *
     * @return the alarm's ARN
     * @throws AwsException CloudWatch's refusal (e.g. {@code ValidationError} for a statistic it does not know)
     */
    String putAlarm(Definition alarm);

    /** Deletes alarms by name; names that name none are ignored. */
    void deleteAlarms(List<String> names);
}
