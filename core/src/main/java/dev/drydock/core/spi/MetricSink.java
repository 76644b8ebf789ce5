package dev.drydock.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A service module that stores metrics (Amazon CloudWatch), so that other services publish theirs without depending on
 * it: ECS publishes {@code AWS/ECS} {@code CPUUtilization} and {@code MemoryUtilization} per {@code ClusterName} and
 * {@code ServiceName}, found with {@code context.module(MetricSink.class)}. Without one on the classpath nothing is
 * published and nothing else changes. Implemented by {@code drydock-cloudwatch-fixtures}.
 */
public interface MetricSink extends ServiceModule {

    /**
     * Stores data points as {@code PutMetricData} would for an AWS service (no IAM decision: AWS services publish their
     * own namespaces). Never blocks on I/O.
     *
     * @param namespace e.g. {@code AWS/ECS}
     * @param data the data points
     */
    void put(String namespace, List<Datum> data);

    /**
     * One data point.
     *
     * @param metricName e.g. {@code CPUUtilization}
     * @param dimensions name to value, e.g. {@code ClusterName} and {@code ServiceName}
     * @param timestamp when it was measured, on the {@link ScalingTime#clock() scaling clock}
     * @param value the value, in {@code unit}
     * @param unit a CloudWatch unit, e.g. {@code Percent}, {@code Count}
     */
    record Datum(String metricName, Map<String, String> dimensions, Instant timestamp, double value, String unit) {
        public Datum {
            dimensions = Map.copyOf(dimensions);
        }
    }
}
