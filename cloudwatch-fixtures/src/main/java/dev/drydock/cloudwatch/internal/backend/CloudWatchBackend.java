package dev.drydock.cloudwatch.internal.backend;

import static dev.drydock.cloudwatch.internal.CloudWatchErrors.invalidCombination;
import static dev.drydock.cloudwatch.internal.CloudWatchErrors.invalidValue;
import static dev.drydock.cloudwatch.internal.CloudWatchErrors.missingParameter;

import dev.drydock.cloudwatch.internal.CloudWatchErrors;
import dev.drydock.core.spi.AlarmActionTarget.AlarmNotice;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.core.spi.MetricSink;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * Amazon CloudWatch's metrics and metric alarms of one account and region: the facade the handlers call, holding the
 * one lock; metrics live in {@link MetricStore}, alarms and their history in {@link Alarms}, and the state an alarm's
 * data implies is {@link AlarmEvaluation}'s pure function. Every timestamp is on the scaling clock
 * ({@code scaling.time-scale}). Validates before it changes anything.
 */
public final class CloudWatchBackend {
    /** The most data points one GetMetricStatistics call may ask for (API reference). */
    private static final int MAX_DATAPOINTS = 1440;

    private static final Set<String> TREAT_MISSING = Set.of("missing", "ignore", "breaching", "notBreaching");
    private static final Set<String> COMPARISONS = Set.of(
            "GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold");

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final MetricStore metrics = new MetricStore();
    private final Alarms alarms = new Alarms();

    /**
     * @param clock the scaling clock
     */
    public CloudWatchBackend(String region, String accountId, Clock clock) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
    }

    /** The scaling clock every timestamp is on. */
    public Clock clock() {
        return clock;
    }

    /** {@code arn:aws:cloudwatch:<region>:<account>:alarm:<name>}. */
    public String alarmArn(String name) {
        return "arn:aws:cloudwatch:" + region + ":" + accountId + ":alarm:" + name;
    }

    // ---------------------------------------------------------------------------------------------------- metrics

    /**
     * PutMetricData: checks every datum first, then stores them all.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidParameterValue / InvalidParameterCombination / MissingParameter
     *     naming the datum's member
     */
    public synchronized void putMetricData(String namespace, List<MetricDatum> data) {
        Instant now = clock.instant();
        List<Map.Entry<MetricKey, List<Sample>>> checked = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            checked.add(Map.entry(
                    MetricKey.of(
                            namespace, data.get(i).metricName(), data.get(i).dimensions()),
                    samples(data.get(i), "MetricData.member." + (i + 1), now)));
        }
        for (var e : checked) {
            for (Sample s : e.getValue()) {
                metrics.add(e.getKey(), s, now);
            }
        }
    }

    /** What an AWS service publishes through {@link MetricSink}. */
    public synchronized void put(String namespace, List<MetricSink.Datum> data) {
        Instant now = clock.instant();
        for (MetricSink.Datum d : data) {
            metrics.add(
                    MetricKey.of(namespace, d.metricName(), d.dimensions()),
                    Sample.of(d.timestamp(), d.value(), 1, d.unit()),
                    now);
        }
    }

    private static List<Sample> samples(MetricDatum d, String member, Instant now) {
        Instant at = d.timestamp() != null ? d.timestamp() : now;
        if (at.isAfter(now.plus(Duration.ofHours(2)))) {
            throw invalidValue("The parameter " + member + ".Timestamp must specify a time no more than two hours in "
                    + "the future.");
        }
        if (at.isBefore(now.minus(Duration.ofDays(14)))) {
            throw invalidValue("The parameter " + member + ".Timestamp must specify a time within the past two weeks.");
        }
        String unit = d.unitAsString() == null ? "None" : d.unitAsString();
        int given = (d.value() != null ? 1 : 0) + (d.statisticValues() != null ? 1 : 0) + (d.hasValues() ? 1 : 0);
        if (given > 1) {
            throw invalidCombination("The parameters " + member + ".Value, " + member + ".StatisticValues and " + member
                    + ".Values are mutually exclusive and you have specified more than one.");
        }
        if (given == 0) {
            throw missingParameter("The parameter " + member + ".Value is required (or give " + member
                    + ".StatisticValues or " + member + ".Values).");
        }
        if (d.value() != null) {
            return List.of(Sample.of(at, finite(d.value(), member + ".Value"), 1, unit));
        }
        if (d.statisticValues() != null) {
            StatisticSet s = d.statisticValues();
            if (s.sampleCount() <= 0) {
                throw invalidValue("The parameter " + member + ".StatisticValues.SampleCount must be greater than 0.");
            }
            if (s.minimum() > s.maximum()) {
                throw invalidValue("The parameter " + member + ".StatisticValues.Maximum must be greater than or "
                        + "equal to " + member + ".StatisticValues.Minimum.");
            }
            return List.of(new Sample(at, s.sum(), s.sampleCount(), s.minimum(), s.maximum(), unit));
        }
        if (d.hasCounts() && d.counts().size() != d.values().size()) {
            throw invalidValue(
                    "The parameters " + member + ".Values and " + member + ".Counts must be of the same " + "size.");
        }
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < d.values().size(); i++) {
            double count = d.hasCounts() ? d.counts().get(i) : 1;
            out.add(Sample.of(at, finite(d.values().get(i), member + ".Values.member." + (i + 1)), count, unit));
        }
        return out;
    }

    private static double finite(double v, String member) {
        if (!Double.isFinite(v)) {
            throw invalidValue("The value " + v + " for parameter " + member + " is invalid.");
        }
        return v;
    }

    /**
     * GetMetricStatistics: one data point per period with samples, in time order.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidParameterValue for a period or time range AWS refuses,
     *     InvalidParameterCombination past 1,440 data points
     */
    public synchronized List<Datapoint> statistics(
            MetricKey key, Instant start, Instant end, int period, List<Statistic> stats, String unit) {
        checkRange(start, end, period, "");
        long points = Duration.between(start, end).getSeconds() / period;
        if (points > MAX_DATAPOINTS) {
            throw invalidCombination("You have requested up to " + points + " datapoints, which exceeds the limit of "
                    + "1,440. You may reduce the datapoints requested by increasing Period, or decreasing the time "
                    + "range.");
        }
        List<Datapoint> out = new ArrayList<>();
        for (var e : metrics.periods(key, start, end, period, unit).entrySet()) {
            Datapoint.Builder b = Datapoint.builder()
                    .timestamp(e.getKey())
                    .unit(e.getValue().get(0).unit());
            for (Statistic s : stats) {
                double v = s.of(e.getValue());
                switch (s) {
                    case SampleCount -> b.sampleCount(v);
                    case Average -> b.average(v);
                    case Sum -> b.sum(v);
                    case Minimum -> b.minimum(v);
                    case Maximum -> b.maximum(v);
                }
            }
            out.add(b.build());
        }
        return out;
    }

    /** One statistic per period for GetMetricData's MetricStat, in time order. */
    public synchronized NavigableMap<Instant, Double> series(
            MetricKey key, Instant start, Instant end, int period, Statistic stat, String unit, String member) {
        checkRange(start, end, period, member);
        NavigableMap<Instant, Double> out = new java.util.TreeMap<>();
        metrics.periods(key, start, end, period, unit).forEach((t, s) -> out.put(t, stat.of(s)));
        return out;
    }

    private static void checkRange(Instant start, Instant end, int period, String member) {
        if (!start.isBefore(end)) {
            throw invalidValue("The parameter StartTime must be less than the parameter EndTime.");
        }
        checkPeriod(period, member + "Period");
    }

    /** A period CloudWatch accepts: 1, 5, 10, 30 or a multiple of 60 seconds. */
    public static void checkPeriod(int period, String member) {
        if (period <= 0 || (period % 60 != 0 && period != 1 && period != 5 && period != 10 && period != 30)) {
            throw invalidValue(
                    "The parameter " + member + " must be 1, 5, 10, 30 or a multiple of 60; it is " + period + ".");
        }
    }

    /** ListMetrics: the metrics matching the filter (and put since {@code activeSince}, when given). */
    public synchronized List<MetricKey> listMetrics(Predicate<MetricKey> filter, Instant activeSince) {
        return metrics.keys(filter, activeSince);
    }

    // ---------------------------------------------------------------------------------------------------- alarms

    /**
     * PutMetricAlarm: creates the alarm in INSUFFICIENT_DATA, or replaces an existing alarm's configuration keeping its
     * state.
     *
     * @throws dev.drydock.core.spi.AwsException ValidationError / InvalidParameterValue / MissingParameter naming the
     *     member, for what this model does not serve (metric math, anomaly detection, extended statistics) too
     */
    public synchronized MetricAlarm putMetricAlarm(PutMetricAlarmRequest r) {
        if (r.hasMetrics() || r.thresholdMetricId() != null) {
            throw invalidValue("Drydock's CloudWatch evaluates alarms on one metric (MetricName, Namespace, "
                    + "Dimensions, Statistic, Period); alarms on Metrics (metric math) or anomaly detection bands are "
                    + "not supported.");
        }
        if (r.metricName() == null || r.namespace() == null) {
            throw missingParameter("The parameters MetricName and Namespace are required (or give Metrics).");
        }
        if (r.statisticAsString() == null) {
            throw missingParameter(
                    r.extendedStatistic() != null
                            ? "Drydock's CloudWatch does not compute extended statistics (" + r.extendedStatistic()
                                    + "): give Statistic (Average, Sum, Minimum, Maximum or SampleCount)."
                            : "The parameter Statistic is required.");
        }
        if (Statistic.named(r.statisticAsString()).isEmpty()) {
            throw invalidValue("The value " + r.statisticAsString() + " for parameter Statistic is invalid.");
        }
        if (r.period() == null) {
            throw missingParameter("The parameter Period is required.");
        }
        checkPeriod(r.period(), "Period");
        if (r.threshold() == null) {
            throw missingParameter("The parameter Threshold is required.");
        }
        if (!COMPARISONS.contains(r.comparisonOperatorAsString())) {
            throw invalidValue("The value " + r.comparisonOperatorAsString() + " for parameter ComparisonOperator is "
                    + "invalid: anomaly detection comparisons are not supported by Drydock.");
        }
        int m = r.datapointsToAlarm() == null ? r.evaluationPeriods() : r.datapointsToAlarm();
        if (m > r.evaluationPeriods()) {
            throw CloudWatchErrors.validation("DatapointsToAlarm must be less than or equal to EvaluationPeriods.");
        }
        if ((long) r.period() * r.evaluationPeriods() > 7L * 86_400) {
            throw CloudWatchErrors.validation(
                    "The evaluation period (Period multiplied by EvaluationPeriods) must " + "be at most 7 days.");
        }
        String treat = r.treatMissingData() == null ? "missing" : r.treatMissingData();
        if (!TREAT_MISSING.contains(treat)) {
            throw CloudWatchErrors.validation("The value " + treat + " for parameter TreatMissingData is invalid: "
                    + "give missing, ignore, breaching or notBreaching.");
        }
        Instant now = clock.instant();
        Alarms.Entry existing = alarms.get(r.alarmName());
        MetricAlarm.Builder b = MetricAlarm.builder()
                .alarmName(r.alarmName())
                .alarmArn(alarmArn(r.alarmName()))
                .alarmDescription(r.alarmDescription())
                .alarmConfigurationUpdatedTimestamp(now)
                .actionsEnabled(r.actionsEnabled() == null || r.actionsEnabled())
                .okActions(r.okActions())
                .alarmActions(r.alarmActions())
                .insufficientDataActions(r.insufficientDataActions())
                .metricName(r.metricName())
                .namespace(r.namespace())
                .statistic(r.statisticAsString())
                .dimensions(r.dimensions())
                .period(r.period())
                .unit(r.unitAsString())
                .evaluationPeriods(r.evaluationPeriods())
                .datapointsToAlarm(m)
                .threshold(r.threshold())
                .comparisonOperator(r.comparisonOperatorAsString())
                .treatMissingData(treat);
        if (existing == null) {
            b.stateValue("INSUFFICIENT_DATA")
                    .stateReason("Unchecked: Initial alarm creation")
                    .stateUpdatedTimestamp(now)
                    .stateTransitionedTimestamp(now);
        } else {
            MetricAlarm old = existing.alarm;
            b.stateValue(old.stateValueAsString())
                    .stateReason(old.stateReason())
                    .stateReasonData(old.stateReasonData())
                    .stateUpdatedTimestamp(old.stateUpdatedTimestamp())
                    .stateTransitionedTimestamp(old.stateTransitionedTimestamp());
        }
        MetricAlarm alarm = b.build();
        alarms.put(alarm);
        alarms.record(
                alarm.alarmName(),
                now,
                HistoryItemType.CONFIGURATION_UPDATE,
                "Alarm \"" + alarm.alarmName() + "\" " + (existing == null ? "created" : "updated"),
                json(Map.of("type", "Create", "version", "1.0")));
        return alarm;
    }

    /** The alarms, by name. */
    public synchronized List<MetricAlarm> alarms(Predicate<MetricAlarm> filter) {
        return alarms.all().stream().map(e -> e.alarm).filter(filter).toList();
    }

    /**
     * DeleteAlarms: all or nothing.
     *
     * @throws dev.drydock.core.spi.AwsException ResourceNotFound naming the first alarm that does not exist
     */
    public synchronized void deleteAlarms(List<String> names) {
        for (String n : names) {
            if (alarms.get(n) == null) {
                throw CloudWatchErrors.resourceNotFound("Alarm " + n + " not found");
            }
        }
        Instant now = clock.instant();
        for (String n : names) {
            alarms.remove(n);
            alarms.record(
                    n,
                    now,
                    HistoryItemType.CONFIGURATION_UPDATE,
                    "Alarm \"" + n + "\" deleted",
                    json(Map.of("type", "Delete", "version", "1.0")));
        }
    }

    /**
     * SetAlarmState: the state until the next evaluation says otherwise; its actions run as for an evaluated change.
     *
     * @throws dev.drydock.core.spi.AwsException ResourceNotFound, InvalidFormat for reason data that is not JSON
     */
    public List<Invocation> setAlarmState(String name, String state, String reason, String reasonData) {
        if (reasonData != null) {
            try {
                JsonTree.parse(reasonData.getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw CloudWatchErrors.invalidFormat("The parameter StateReasonData is not valid JSON.");
            }
        }
        synchronized (this) {
            Alarms.Entry e = alarms.get(name);
            if (e == null) {
                throw CloudWatchErrors.resourceNotFound("Alarm " + name + " not found");
            }
            return transition(e, state, reason, reasonData, null, clock.instant());
        }
    }

    /** DescribeAlarmHistory's items, oldest first. */
    public synchronized List<AlarmHistoryItem> history() {
        return alarms.history();
    }

    // ---------------------------------------------------------------------------------------------------- evaluation

    /** An alarm action to run, outside the lock. */
    public record Invocation(String actionArn, AlarmNotice notice) {}

    /**
     * Evaluates every alarm at the scaling clock's now on its last {@code EvaluationPeriods} complete periods; returns
     * the actions to run: those of the state an alarm entered, and again once a minute those an {@code accepts} filter
     * repeats (Auto Scaling actions).
     */
    public synchronized List<Invocation> evaluate(Predicate<String> repeats) {
        Instant now = clock.instant();
        List<Invocation> out = new ArrayList<>();
        for (Alarms.Entry e : alarms.all()) {
            MetricAlarm a = e.alarm;
            long p = a.period();
            Instant end = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), p) * p);
            Instant start = end.minusSeconds(p * a.evaluationPeriods());
            MetricKey key = MetricKey.of(a.namespace(), a.metricName(), a.dimensions());
            var periods = metrics.periods(key, start, end, a.period(), a.unitAsString());
            Statistic stat = Statistic.named(a.statisticAsString()).orElseThrow();
            List<AlarmEvaluation.Point> points = new ArrayList<>();
            for (Instant t = start; t.isBefore(end); t = t.plusSeconds(p)) {
                List<Sample> s = periods.get(t);
                points.add(new AlarmEvaluation.Point(
                        t, s == null ? null : stat.of(s), s == null ? 0 : Statistic.SampleCount.of(s)));
            }
            AlarmEvaluation.Outcome o = AlarmEvaluation.evaluate(
                    points,
                    a.comparisonOperatorAsString(),
                    a.threshold(),
                    a.datapointsToAlarm(),
                    a.treatMissingData(),
                    a.stateValueAsString());
            if (o.state() != null && !o.state().equals(a.stateValueAsString())) {
                out.addAll(transition(e, o.state(), o.reason(), reasonData(a, points, now), o.newest(), now));
            } else if (Boolean.TRUE.equals(a.actionsEnabled())
                    && (e.lastActions == null || !now.isBefore(e.lastActions.plusSeconds(60)))) {
                e.lastActions = now;
                for (String arn : actions(a, a.stateValueAsString())) {
                    if (repeats.test(arn)) {
                        out.add(new Invocation(arn, notice(a, now, o.newest())));
                    }
                }
            }
        }
        return out;
    }

    private List<Invocation> transition(
            Alarms.Entry e, String state, String reason, String reasonData, Double newest, Instant now) {
        MetricAlarm old = e.alarm;
        MetricAlarm a = old.toBuilder()
                .stateValue(state)
                .stateReason(reason)
                .stateReasonData(reasonData)
                .stateUpdatedTimestamp(now)
                .stateTransitionedTimestamp(
                        state.equals(old.stateValueAsString()) ? old.stateTransitionedTimestamp() : now)
                .build();
        e.alarm = a;
        e.lastActions = now;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("version", "1.0");
        data.put("oldState", Map.of("stateValue", old.stateValueAsString(), "stateReason", old.stateReason()));
        data.put("newState", Map.of("stateValue", state, "stateReason", reason));
        alarms.record(
                a.alarmName(),
                now,
                HistoryItemType.STATE_UPDATE,
                "Alarm updated from " + old.stateValueAsString() + " to " + state,
                json(data));
        List<Invocation> out = new ArrayList<>();
        if (Boolean.TRUE.equals(a.actionsEnabled())) {
            for (String arn : actions(a, state)) {
                out.add(new Invocation(arn, notice(a, now, newest)));
                alarms.record(
                        a.alarmName(),
                        now,
                        HistoryItemType.ACTION,
                        "Successfully executed action " + arn,
                        json(Map.of("actionState", "Succeeded", "stateUpdateTimestamp", now.toEpochMilli())));
            }
        }
        return out;
    }

    private static List<String> actions(MetricAlarm a, String state) {
        return switch (state) {
            case "ALARM" -> a.alarmActions();
            case "OK" -> a.okActions();
            default -> a.insufficientDataActions();
        };
    }

    private static AlarmNotice notice(MetricAlarm a, Instant now, Double newest) {
        return new AlarmNotice(
                a.alarmName(), a.alarmArn(), a.stateValueAsString(), a.stateReason(), now, a.threshold(), newest);
    }

    private static String reasonData(MetricAlarm a, List<AlarmEvaluation.Point> points, Instant now) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("version", "1.0");
        d.put("queryDate", now.toString());
        d.put("startDate", points.get(0).start().toString());
        d.put("statistic", a.statisticAsString());
        d.put("period", a.period());
        List<Object> recent = new ArrayList<>();
        List<Object> evaluated = new ArrayList<>();
        for (int i = points.size() - 1; i >= 0; i--) {
            AlarmEvaluation.Point p = points.get(i);
            if (p.value() != null) {
                recent.add(p.value());
                evaluated.add(
                        Map.of("timestamp", p.start().toString(), "sampleCount", p.sampleCount(), "value", p.value()));
            }
        }
        d.put("recentDatapoints", recent);
        d.put("threshold", a.threshold());
        d.put("evaluatedDatapoints", evaluated);
        return json(d);
    }

    private static String json(Object tree) {
        return new String(JsonTree.write(tree), StandardCharsets.UTF_8);
    }

    /** A dimension list as the SDK gives it, for keys. */
    public static List<Dimension> dimensions(Map<String, String> d) {
        return d.entrySet().stream()
                .map(e ->
                        Dimension.builder().name(e.getKey()).value(e.getValue()).build())
                .toList();
    }
}
