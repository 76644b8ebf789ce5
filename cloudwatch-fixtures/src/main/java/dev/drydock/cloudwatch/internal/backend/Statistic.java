package dev.drydock.cloudwatch.internal.backend;

import java.util.List;
import java.util.Optional;

/**
 * The statistics CloudWatch computes over the samples of one period
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html#Statistic): {@code Average}
 * (sum over sample count), {@code Sum}, {@code Minimum}, {@code Maximum}, {@code SampleCount}. Percentiles and the other
 * extended statistics are not computed.
 */
public enum Statistic {
    SampleCount,
    Average,
    Sum,
    Minimum,
    Maximum;

    /** The statistic named as CloudWatch names it, if Drydock computes it. */
    public static Optional<Statistic> named(String name) {
        for (Statistic s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The statistic over some samples; {@code samples} is not empty. */
    public double of(List<Sample> samples) {
        double sum = 0;
        double count = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Sample s : samples) {
            sum += s.sum();
            count += s.count();
            min = Math.min(min, s.minimum());
            max = Math.max(max, s.maximum());
        }
        return switch (this) {
            case SampleCount -> count;
            case Average -> count == 0 ? 0 : sum / count;
            case Sum -> sum;
            case Minimum -> min;
            case Maximum -> max;
        };
    }
}
