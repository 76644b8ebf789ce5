package dev.drydock.core.spi;

import java.time.Instant;

/**
 * A service module whose resources CloudWatch alarms act on (Application Auto Scaling's scaling policies), so that the
 * CloudWatch module invokes them without depending on it: it finds one with {@code context.module(AlarmActionTarget.class)}
 * and offers it every action ARN of an alarm's {@code AlarmActions}, {@code OKActions} and
 * {@code InsufficientDataActions}.
 *
 * <p>As CloudWatch does for Auto Scaling actions ("Alarm actions",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-actions.html), an action this target accepts
 * is invoked when the alarm enters the state, and again once a minute (on the {@link ScalingTime#clock() scaling
 * clock}) for as long as it stays in it. Invocations come from CloudWatch's evaluation thread, never under its lock.
 */
public interface AlarmActionTarget extends ServiceModule {

    /** Whether {@code actionArn} names one of this module's resources, e.g. a scaling policy's ARN. */
    boolean accepts(String actionArn);

    /**
     * The alarm is in the state whose action list names {@code actionArn}.
     *
     * @param actionArn an ARN {@link #accepts(String)} accepted
     * @param notice the alarm and the data it was evaluated on
     */
    void invoke(String actionArn, AlarmNotice notice);

    /**
     * An alarm's state as an action sees it.
     *
     * @param alarmName the alarm's name
     * @param alarmArn the alarm's ARN
     * @param state {@code OK}, {@code ALARM} or {@code INSUFFICIENT_DATA}
     * @param reason the alarm's state reason, as DescribeAlarms shows it
     * @param timestamp when it was evaluated (scaling clock)
     * @param threshold the alarm's threshold
     * @param value the most recent evaluated data point (the alarm's statistic over its period), or {@code null}
     */
    record AlarmNotice(
            String alarmName,
            String alarmArn,
            String state,
            String reason,
            Instant timestamp,
            double threshold,
            Double value) {}
}
