package dev.drydock.elb.internal.backend;

import java.time.Duration;

/**
 * How long ELB's periods last here: AWS's own (health check intervals and timeouts, deregistration delays, idle
 * timeouts) times one factor, the setting {@code elb.time-scale} (default 1; e.g. {@code 0.05} turns a 30-second health
 * check interval into 1.5 s and a 300-second deregistration delay into 15 s). One factor for every period keeps the
 * order of events as on AWS.
 *
 * @param scale the factor, above 0 and at most 1
 */
public record ElbTiming(double scale) {

    public ElbTiming {
        if (!(scale > 0) || scale > 1) {
            throw new IllegalArgumentException("elb.time-scale must be above 0 and at most 1, is " + scale);
        }
    }

    /** The factor from the setting's text. */
    public static ElbTiming parse(String text) {
        try {
            return new ElbTiming(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "elb.time-scale must be a number above 0 and at most 1, is '" + text + "'");
        }
    }

    /** An AWS period as it lasts here (at least a millisecond, unless it is zero). */
    public Duration scaled(Duration aws) {
        if (aws.isZero() || aws.isNegative()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(1_000_000L, (long) (aws.toNanos() * scale)));
    }

    /** An AWS period of {@code seconds} as it lasts here, in milliseconds. */
    public long millis(long seconds) {
        return scaled(Duration.ofSeconds(seconds)).toMillis();
    }
}
