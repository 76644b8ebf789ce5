package dev.drydock.scaling.internal.backend;

import static dev.drydock.scaling.internal.ScalingErrors.validation;

import java.util.List;
import software.amazon.awssdk.services.applicationautoscaling.model.CustomizedMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;

/**
 * The metric a target tracking policy tracks, as a CloudWatch alarm on it is written: {@code AWS/ECS}
 * {@code CPUUtilization} or {@code MemoryUtilization} (Average, per ClusterName and ServiceName),
 * {@code AWS/ApplicationELB} {@code RequestCountPerTarget} (Sum, per LoadBalancer and TargetGroup, from the
 * ResourceLabel), or a customized metric.
 */
record TrackedMetric(String namespace, String metricName, List<Dimension> dimensions, String statistic, String unit) {
    /** An alarm on the metric that calls the policy: one-minute periods, {@code periods} of {@code periods}. */
    PutMetricAlarmRequest alarm(
            String name, String description, String policyArn, int periods, double threshold, ComparisonOperator op) {
        return PutMetricAlarmRequest.builder()
                .alarmName(name)
                .alarmDescription(description)
                .namespace(namespace)
                .metricName(metricName)
                .dimensions(dimensions)
                .statistic(statistic)
                .unit(unit)
                .period(60)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .threshold(threshold)
                .comparisonOperator(op)
                .alarmActions(policyArn)
                .build();
    }

    /**
     * The metric of a target tracking configuration for an ECS service.
     *
     * @throws dev.drydock.core.spi.AwsException ValidationException for a metric Drydock does not track
     */
    static TrackedMetric of(TargetTrackingScalingPolicyConfiguration c, TargetKey k) {
        if (c.targetValue() == null || c.targetValue() <= 0) {
            throw validation("TargetValue must be greater than 0.");
        }
        if (c.predefinedMetricSpecification() != null) {
            String type = c.predefinedMetricSpecification().predefinedMetricTypeAsString();
            List<Dimension> dims = List.of(
                    Dimension.builder().name("ClusterName").value(k.cluster()).build(),
                    Dimension.builder().name("ServiceName").value(k.service()).build());
            return switch (type) {
                case "ECSServiceAverageCPUUtilization" ->
                    new TrackedMetric("AWS/ECS", "CPUUtilization", dims, "Average", null);
                case "ECSServiceAverageMemoryUtilization" ->
                    new TrackedMetric("AWS/ECS", "MemoryUtilization", dims, "Average", null);
                case "ALBRequestCountPerTarget" ->
                    new TrackedMetric(
                            "AWS/ApplicationELB",
                            "RequestCountPerTarget",
                            albDimensions(c.predefinedMetricSpecification().resourceLabel()),
                            "Sum",
                            null);
                default ->
                    throw validation("Predefined metric type " + type + " is not served by Drydock for ECS "
                            + "services: use ECSServiceAverageCPUUtilization, ECSServiceAverageMemoryUtilization, "
                            + "ALBRequestCountPerTarget or a CustomizedMetricSpecification.");
            };
        }
        CustomizedMetricSpecification m = c.customizedMetricSpecification();
        if (m == null) {
            throw validation(
                    "Exactly one of PredefinedMetricSpecification or CustomizedMetricSpecification is " + "required.");
        }
        if (m.hasMetrics() && !m.metrics().isEmpty()) {
            throw validation("CustomizedMetricSpecification.Metrics (metric math) is not served by Drydock: give "
                    + "MetricName, Namespace, Dimensions and Statistic.");
        }
        if (m.metricName() == null || m.namespace() == null || m.statisticAsString() == null) {
            throw validation("CustomizedMetricSpecification needs MetricName, Namespace and Statistic.");
        }
        return new TrackedMetric(
                m.namespace(),
                m.metricName(),
                m.dimensions().stream()
                        .map(d -> Dimension.builder()
                                .name(d.name())
                                .value(d.value())
                                .build())
                        .toList(),
                m.statisticAsString(),
                m.unit());
    }

    /**
     * The dimensions of {@code AWS/ApplicationELB} {@code RequestCountPerTarget} that an {@code ALBRequestCountPerTarget}
     * policy's alarms watch, from its ResourceLabel
     * {@code app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>} (the ends of
     * the load balancer's and the target group's ARNs, "PredefinedMetricSpecification",
     * https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html).
     *
     * @throws dev.drydock.core.spi.AwsException ValidationException when the label is missing or not of that form
     */
    static List<Dimension> albDimensions(String label) {
        if (label == null || label.isBlank()) {
            throw validation("Resource label should be specified for predefined metric type ALBRequestCountPerTarget. "
                    + "Give ResourceLabel app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/"
                    + "<target-group-id>.");
        }
        if (!label.matches("app/[^/]+/[^/]+/targetgroup/[^/]+/[^/]+")) {
            throw validation("Invalid resource label '" + label + "' for predefined metric type "
                    + "ALBRequestCountPerTarget: it must be app/<load-balancer-name>/<load-balancer-id>/targetgroup/"
                    + "<target-group-name>/<target-group-id>, the final portions of the load balancer's and the target "
                    + "group's ARNs joined by '/'.");
        }
        int tg = label.indexOf("/targetgroup/");
        return List.of(
                Dimension.builder()
                        .name("LoadBalancer")
                        .value(label.substring(0, tg))
                        .build(),
                Dimension.builder()
                        .name("TargetGroup")
                        .value(label.substring(tg + 1))
                        .build());
    }
}
