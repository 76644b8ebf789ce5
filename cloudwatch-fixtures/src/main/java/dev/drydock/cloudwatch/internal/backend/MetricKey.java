package dev.drydock.cloudwatch.internal.backend;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;

/**
 * A metric's identity, as CloudWatch defines it: namespace, name and the exact set of dimensions ("a metric is uniquely
 * defined by a name, a namespace, and zero or more dimensions",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html#Metric).
 *
 * @param dimensions dimension name to value, sorted by name
 */
public record MetricKey(String namespace, String metricName, SortedMap<String, String> dimensions) {

    public MetricKey {
        dimensions = new TreeMap<>(dimensions);
    }

    /** The key of an SDK metric (its dimensions may be {@code null}). */
    public static MetricKey of(String namespace, String metricName, Iterable<Dimension> dimensions) {
        TreeMap<String, String> d = new TreeMap<>();
        if (dimensions != null) {
            for (Dimension dim : dimensions) {
                d.put(dim.name(), dim.value());
            }
        }
        return new MetricKey(namespace, metricName, d);
    }

    /** The key of dimensions given as a map. */
    public static MetricKey of(String namespace, String metricName, Map<String, String> dimensions) {
        return new MetricKey(namespace, metricName, new TreeMap<>(dimensions));
    }

    /** The SDK's {@code Metric} shape. */
    public Metric toMetric() {
        return Metric.builder()
                .namespace(namespace)
                .metricName(metricName)
                .dimensions(dimensions.entrySet().stream()
                        .map(e -> Dimension.builder()
                                .name(e.getKey())
                                .value(e.getValue())
                                .build())
                        .toList())
                .build();
    }
}
