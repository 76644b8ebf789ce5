package dev.drydock.core.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of Drydock's scaling machinery (CloudWatch metrics and alarm evaluation, Application Auto Scaling's
 * cooldowns and activities, ECS's metric publishing): AWS's periods by default, compressed by the setting
 * {@value #SETTING} for tests. One instance per Drydock instance ({@link ServiceContext#scalingTime()}), so every module
 * sees the same time.
 *
 * <p>With a factor {@code f} (default 1), an AWS period of {@code d} lasts {@code d * f} on the wall clock
 * ({@link #real(Duration)}), and {@link #clock()} runs {@code 1/f} times faster than the wall clock from the instant
 * Drydock started: with {@code scaling.time-scale=1/60} a one-minute metric period lasts one second, a 300-second
 * cooldown five seconds, and the timestamps CloudWatch and Application Auto Scaling show advance one minute per second.
 * Only the pace changes: the order of events and every period AWS documents stay as they are.
 */
public final class ScalingTime {
    /** The setting: a factor above 0 and at most 1, as a decimal ({@code 0.05}) or a fraction ({@code 1/60}). */
    public static final String SETTING = "scaling.time-scale";

    private final double factor;
    private final Clock wall;
    private final Instant anchor;
    private final Clock clock;

    private ScalingTime(Clock wall, double factor) {
        if (!(factor > 0) || factor > 1) {
            throw new IllegalArgumentException(SETTING + " must be above 0 and at most 1, is " + factor);
        }
        this.factor = factor;
        this.wall = wall;
        this.anchor = wall.instant();
        this.clock = factor == 1 ? wall : new Scaled(ZoneOffset.UTC);
    }

    /**
     * The scaling time of an instance.
     *
     * @param wall the instance's clock
     * @param factor above 0 and at most 1
     * @throws IllegalArgumentException when the factor is out of range
     */
    public static ScalingTime of(Clock wall, double factor) {
        return new ScalingTime(wall, factor);
    }

    /**
     * The scaling time from the setting's text, e.g. {@code 1}, {@code 0.05} or {@code 1/60}.
     *
     * @throws IllegalArgumentException naming the setting when the text is not such a factor
     */
    public static ScalingTime parse(Clock wall, String text) {
        String t = text.trim();
        double factor;
        try {
            int slash = t.indexOf('/');
            factor = slash < 0
                    ? Double.parseDouble(t)
                    : Double.parseDouble(t.substring(0, slash).trim())
                            / Double.parseDouble(t.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    SETTING + " must be a number above 0 and at most 1 (e.g. 0.05 or " + "1/60), is '" + text + "'");
        }
        return new ScalingTime(wall, factor);
    }

    /** The factor: how long an AWS second lasts here, in seconds. */
    public double factor() {
        return factor;
    }

    /** The scaling machinery's clock (UTC): the wall clock when the factor is 1, else faster by {@code 1/factor}. */
    public Clock clock() {
        return clock;
    }

    /** How long an AWS period lasts on the wall clock (at least a millisecond, unless it is zero). */
    public Duration real(Duration aws) {
        if (aws.isZero() || aws.isNegative()) {
            return Duration.ZERO;
        }
        return factor == 1 ? aws : Duration.ofNanos(Math.max(1_000_000L, (long) (aws.toNanos() * factor)));
    }

    /** The wall-clock instant at which the scaling clock shows {@code scaled} (for scheduling). */
    public Instant wallInstant(Instant scaled) {
        if (factor == 1) {
            return scaled;
        }
        return anchor.plusNanos((long) (Duration.between(anchor, scaled).toNanos() * factor));
    }

    private final class Scaled extends Clock {
        private final ZoneId zone;

        Scaled(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Scaled(other);
        }

        @Override
        public Instant instant() {
            long elapsed = Duration.between(anchor, wall.instant()).toNanos();
            return anchor.plusNanos((long) (elapsed / factor));
        }
    }
}
