package dev.drydock.cloudwatch.internal.backend;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a metric alarm's state follows from its most recent periods, as "Evaluating an alarm" and "Configuring how
 * CloudWatch alarms treat missing data" describe it
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarm-evaluation): of the
 * last {@code EvaluationPeriods} periods, {@code DatapointsToAlarm} breaching ones put the alarm in ALARM; enough
 * non-breaching ones that ALARM is ruled out put it in OK; missing periods count as {@code TreatMissingData} says
 * ({@code missing}: not at all, and all missing is INSUFFICIENT_DATA; {@code breaching} / {@code notBreaching}: as
 * such; {@code ignore}: not at all, and all missing keeps the state). A pure function.
 */
public final class AlarmEvaluation {
    /** The format of the data points' times in AWS's state reasons, e.g. {@code (07/12/26 19:50:00)}. */
    private static final DateTimeFormatter REASON_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private AlarmEvaluation() {}

    /**
     * One period's value.
     *
     * @param start the period's start
     * @param value the statistic, or {@code null} when the period has no data
     * @param sampleCount the samples in the period (0 when missing)
     */
    public record Point(Instant start, Double value, double sampleCount) {}

    /**
     * The outcome.
     *
     * @param state the new state, or {@code null} to keep the current one
     * @param reason the state reason in AWS's words
     * @param newest the most recent present value, or {@code null}
     */
    public record Outcome(String state, String reason, Double newest) {}

    /**
     * Evaluates.
     *
     * @param points the last {@code EvaluationPeriods} periods, oldest first
     * @param comparison the alarm's {@code ComparisonOperator}
     * @param threshold the alarm's threshold
     * @param datapointsToAlarm M (at most the number of points)
     * @param treatMissingData {@code missing}, {@code breaching}, {@code notBreaching} or {@code ignore}
     * @param current the current state
     */
    public static Outcome evaluate(
            List<Point> points,
            String comparison,
            double threshold,
            int datapointsToAlarm,
            String treatMissingData,
            String current) {
        int n = points.size();
        int breaching = 0;
        int decided = 0;
        List<Point> present = new ArrayList<>();
        for (Point p : points) {
            if (p.value() != null) {
                present.add(p);
                decided++;
                if (breaches(p.value(), comparison, threshold)) {
                    breaching++;
                }
            } else if ("breaching".equals(treatMissingData)) {
                decided++;
                breaching++;
            } else if ("notBreaching".equals(treatMissingData)) {
                decided++;
            }
        }
        Double newest =
                present.isEmpty() ? null : present.get(present.size() - 1).value();
        if (breaching >= datapointsToAlarm) {
            return new Outcome(
                    "ALARM",
                    crossed(present, breaching, n, comparison, threshold, datapointsToAlarm, true, current),
                    newest);
        }
        if (decided == 0) {
            if ("ignore".equals(treatMissingData)) {
                return new Outcome(null, null, null);
            }
            return new Outcome(
                    "INSUFFICIENT_DATA",
                    "Insufficient Data: " + n + (n == 1 ? " datapoint was unknown." : " datapoints were unknown."),
                    null);
        }
        if (decided - breaching > n - datapointsToAlarm) {
            return new Outcome(
                    "OK",
                    crossed(present, decided - breaching, n, comparison, threshold, datapointsToAlarm, false, current),
                    newest);
        }
        return new Outcome(null, null, newest);
    }

    /** Whether a value breaches the threshold. */
    public static boolean breaches(double value, String comparison, double threshold) {
        return switch (comparison) {
            case "GreaterThanOrEqualToThreshold" -> value >= threshold;
            case "GreaterThanThreshold" -> value > threshold;
            case "LessThanThreshold" -> value < threshold;
            case "LessThanOrEqualToThreshold" -> value <= threshold;
            default -> throw new IllegalArgumentException("comparison operator " + comparison);
        };
    }

    /**
     * AWS's "Threshold Crossed" reason, e.g. {@code Threshold Crossed: 3 out of the last 3 datapoints [75.0 (07/12/26
     * 19:52:00), ...] were greater than the threshold (70.0) (minimum 3 datapoints for OK -> ALARM transition).}
     */
    private static String crossed(
            List<Point> present,
            int count,
            int n,
            String comparison,
            double threshold,
            int m,
            boolean alarm,
            String current) {
        StringBuilder points = new StringBuilder();
        for (int i = present.size() - 1; i >= 0; i--) {
            Point p = present.get(i);
            if (points.length() > 0) {
                points.append(", ");
            }
            points.append(p.value())
                    .append(" (")
                    .append(REASON_TIME.format(p.start()))
                    .append(')');
        }
        String words = switch (comparison) {
            case "GreaterThanOrEqualToThreshold" -> "greater than or equal to";
            case "GreaterThanThreshold" -> "greater than";
            case "LessThanThreshold" -> "less than";
            default -> "less than or equal to";
        };
        String from = current == null ? "INSUFFICIENT_DATA" : current;
        return "Threshold Crossed: " + count + " out of the last " + n + (n == 1 ? " datapoint [" : " datapoints [")
                + points + "] " + (count == 1 ? "was " : "were ") + (alarm ? "" : "not ") + words + " the threshold ("
                + threshold + ") (minimum " + m + (m == 1 ? " datapoint for " : " datapoints for ")
                + (alarm ? from + " -> ALARM" : from + " -> OK") + " transition).";
    }
}
