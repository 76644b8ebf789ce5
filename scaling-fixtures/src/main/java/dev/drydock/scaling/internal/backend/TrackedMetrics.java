package dev.drydock.scaling.internal.backend;

import static dev.drydock.scaling.internal.ScalingErrors.validation;

import dev.drydock.core.spi.ScalingRules;
import dev.drydock.core.spi.ScalingRules.TrackedMetric;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.applicationautoscaling.model.CustomizedMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;

/**
 * The metric a target tracking policy of an ECS service tracks: {@code AWS/ECS} {@code CPUUtilization} or
 * {@code MemoryUtilization} (Average, per ClusterName and ServiceName), {@code AWS/ApplicationELB}
 * {@code RequestCountPerTarget} (Sum, per LoadBalancer and TargetGroup, from the ResourceLabel), or a customized metric.
 */
final class TrackedMetrics {
    private TrackedMetrics() {}

    /**
     * The metric of a target tracking configuration for an ECS service.
     *
     * @throws dev.drydock.core.spi.AwsException ValidationException for a target value not above 0, a predefined metric
     *     Drydock does not serve, a bad ALBRequestCountPerTarget ResourceLabel, or an incomplete customized metric
     */
    static TrackedMetric of(TargetTrackingScalingPolicyConfiguration c, TargetKey k) {
        if (c.targetValue() == null || c.targetValue() <= 0) {
            throw validation("TargetValue must be greater than 0.");
        }
        if (c.predefinedMetricSpecification() != null) {
            String type = c.predefinedMetricSpecification().predefinedMetricTypeAsString();
            Map<String, String> dims = new LinkedHashMap<>();
            dims.put("ClusterName", k.cluster());
            dims.put("ServiceName", k.service());
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
        Map<String, String> dims = new LinkedHashMap<>();
        m.dimensions().forEach(d -> dims.put(d.name(), d.value()));
        try {
            return ScalingRules.customizedMetric(
                    m.hasMetrics() && !m.metrics().isEmpty(),
                    m.namespace(),
                    m.metricName(),
                    dims,
                    m.statisticAsString(),
                    m.unit());
        } catch (IllegalArgumentException e) {
            throw validation(e.getMessage());
        }
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
    static Map<String, String> albDimensions(String label) {
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
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("LoadBalancer", label.substring(0, tg));
        dims.put("TargetGroup", label.substring(tg + 1));
        return dims;
    }
}
