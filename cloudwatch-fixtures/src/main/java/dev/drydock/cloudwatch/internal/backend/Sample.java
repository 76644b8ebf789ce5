package dev.drydock.cloudwatch.internal.backend;

import java.time.Instant;

/**
 * What one {@code PutMetricData} datum stored: a value (count 1), a value with a count, or a statistic set. Values are in
 * the datum's unit.
 *
 * @param unit the unit as given ({@code None} when none was)
 */
public record Sample(Instant timestamp, double sum, double count, double minimum, double maximum, String unit) {

    /** One value observed {@code count} times. */
    public static Sample of(Instant timestamp, double value, double count, String unit) {
        return new Sample(timestamp, value * count, count, value, value, unit);
    }
}
