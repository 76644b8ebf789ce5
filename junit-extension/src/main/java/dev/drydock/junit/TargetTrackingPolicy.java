package dev.drydock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One target tracking policy of a {@link ServiceAutoScaling} (PutScalingPolicy, {@code TargetTrackingScaling}, on a
 * predefined metric): Application Auto Scaling creates its {@code AlarmHigh} (3 one-minute periods above the target)
 * and {@code AlarmLow} (15 periods below 90% of it) alarms and keeps the metric near {@link #targetValue()}.
 *
 * <pre>{@code
 * @TargetTrackingPolicy(name = "memory60", metric = "ECSServiceAverageMemoryUtilization", targetValue = 60)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface TargetTrackingPolicy {

    /** The policy's name, unique for its service. */
    String name();

    /**
     * The predefined metric: {@code ECSServiceAverageCPUUtilization} (the default) or
     * {@code ECSServiceAverageMemoryUtilization}, in percent of the tasks' CPU or memory.
     */
    String metric() default "ECSServiceAverageCPUUtilization";

    /** The value to keep the metric at (percent), above 0. */
    double targetValue();

    /** Seconds after a scale-out before another that adds no more tasks; -1 (the default): AWS's 300. */
    int scaleOutCooldown() default -1;

    /** Seconds after a scale-in (or a scale-out) before the next scale-in; -1 (the default): AWS's 300. */
    int scaleInCooldown() default -1;

    /** {@code true}: the policy only scales out (no AlarmLow alarm). */
    boolean disableScaleIn() default false;
}
