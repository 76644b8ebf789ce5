package dev.drydock.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * The CloudWatch API through the real SDK v2 client against Drydock's endpoint, without Docker; the scaling clock runs
 * a minute a second ({@code scaling.time-scale=1/60}), so alarms on one-minute periods change state within seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudWatchApiTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    Drydock drydock;
    CloudWatchClient cw;
    Clock clock;

    @BeforeAll
    void start() {
        drydock = Drydock.builder()
                .runtime(SimulatedRuntime::new)
                .setting("scaling.time-scale", "1/60")
                .start();
        cw = drydock.client(CloudWatchClient.builder());
        clock = drydock.service(CloudWatchModule.class).clock();
    }

    @AfterAll
    void stop() {
        cw.close();
        drydock.close();
    }

    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    private Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    @Test
    void statisticsPerPeriodFromValuesStatisticSetsAndCounts() {
        String ns = unique("App");
        Instant minute = Instant.ofEpochSecond(clock.instant().getEpochSecond() / 60 * 60 - 600);
        cw.putMetricData(r -> r.namespace(ns)
                .metricData(
                        d -> d.metricName("Latency")
                                .dimensions(dim("Stage", "prod"))
                                .timestamp(minute.plusSeconds(5))
                                .value(10.0)
                                .unit(StandardUnit.MILLISECONDS),
                        d -> d.metricName("Latency")
                                .dimensions(dim("Stage", "prod"))
                                .timestamp(minute.plusSeconds(30))
                                .values(20.0, 40.0)
                                .counts(1.0, 2.0)
                                .unit(StandardUnit.MILLISECONDS),
                        d -> d.metricName("Latency")
                                .dimensions(dim("Stage", "prod"))
                                .timestamp(minute.plusSeconds(65))
                                .statisticValues(s ->
                                        s.sampleCount(4.0).sum(8.0).minimum(1.0).maximum(3.0))
                                .unit(StandardUnit.MILLISECONDS)));

        List<Datapoint> points = cw.getMetricStatistics(r -> r.namespace(ns)
                        .metricName("Latency")
                        .dimensions(dim("Stage", "prod"))
                        .startTime(minute)
                        .endTime(minute.plusSeconds(180))
                        .period(60)
                        .statistics(
                                Statistic.AVERAGE,
                                Statistic.SUM,
                                Statistic.MINIMUM,
                                Statistic.MAXIMUM,
                                Statistic.SAMPLE_COUNT))
                .datapoints();

        assertThat(points).hasSize(2);
        Datapoint first = points.get(0);
        assertThat(first.timestamp()).isEqualTo(minute);
        assertThat(first.sampleCount()).isEqualTo(4.0); // 10 once, 20 once, 40 twice
        assertThat(first.sum()).isEqualTo(110.0);
        assertThat(first.average()).isEqualTo(27.5);
        assertThat(first.minimum()).isEqualTo(10.0);
        assertThat(first.maximum()).isEqualTo(40.0);
        assertThat(first.unit()).isEqualTo(StandardUnit.MILLISECONDS);
        assertThat(points.get(1).average()).isEqualTo(2.0);
        assertThat(points.get(1).sampleCount()).isEqualTo(4.0);

        // another dimension set is another metric
        assertThat(cw.getMetricStatistics(r -> r.namespace(ns)
                                .metricName("Latency")
                                .startTime(minute)
                                .endTime(minute.plusSeconds(180))
                                .period(60)
                                .statistics(Statistic.SUM))
                        .datapoints())
                .isEmpty();
    }

    @Test
    void getMetricDataAnswersEachQueryNewestFirst() {
        String ns = unique("App");
        Instant minute = Instant.ofEpochSecond(clock.instant().getEpochSecond() / 60 * 60 - 600);
        for (int i = 0; i < 3; i++) {
            Instant at = minute.plusSeconds(60L * i + 1);
            double v = i + 1;
            cw.putMetricData(r -> r.namespace(ns)
                    .metricData(d -> d.metricName("Jobs").timestamp(at).value(v)));
        }
        List<MetricDataResult> results = cw.getMetricData(r -> r.startTime(minute)
                        .endTime(minute.plusSeconds(180))
                        .metricDataQueries(
                                q -> q.id("jobs")
                                        .metricStat(s -> s.metric(
                                                        m -> m.namespace(ns).metricName("Jobs"))
                                                .period(60)
                                                .stat("Sum")),
                                q -> q.id("hidden")
                                        .returnData(false)
                                        .metricStat(s -> s.metric(
                                                        m -> m.namespace(ns).metricName("Jobs"))
                                                .period(60)
                                                .stat("Maximum"))))
                .metricDataResults();
        assertThat(results).hasSize(1);
        assertThat(results.get(0).id()).isEqualTo("jobs");
        assertThat(results.get(0).label()).isEqualTo("Jobs");
        assertThat(results.get(0).values()).containsExactly(3.0, 2.0, 1.0);
        assertThat(results.get(0).timestamps())
                .containsExactly(minute.plusSeconds(120), minute.plusSeconds(60), minute);
    }

    @Test
    void listMetricsFiltersByNamespaceNameAndDimensions() {
        String ns = unique("App");
        cw.putMetricData(r -> r.namespace(ns)
                .metricData(
                        d -> d.metricName("Orders").dimensions(dim("Shop", "a")).value(1.0),
                        d -> d.metricName("Orders").dimensions(dim("Shop", "b")).value(1.0),
                        d -> d.metricName("Refunds").value(1.0)));
        assertThat(cw.listMetrics(r -> r.namespace(ns)).metrics()).hasSize(3);
        assertThat(cw.listMetrics(r -> r.namespace(ns).metricName("Orders")).metrics())
                .hasSize(2);
        assertThat(cw.listMetrics(r ->
                                r.namespace(ns).dimensions(f -> f.name("Shop").value("b")))
                        .metrics())
                .singleElement()
                .satisfies(m -> assertThat(m.dimensions()).containsExactly(dim("Shop", "b")));
        assertThat(cw.listMetrics(r -> r.namespace(ns).dimensions(f -> f.name("Shop")))
                        .metrics())
                .hasSize(2);
    }

    @Test
    void putMetricDataRefusesAwsNamespacesAndMixedValuesStoringNothing() {
        String ns = unique("App");
        var reserved = catchThrowableOfType(
                InvalidParameterValueException.class,
                () -> cw.putMetricData(r ->
                        r.namespace("AWS/ECS").metricData(d -> d.metricName("X").value(1.0))));
        assertThat(reserved.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(reserved.getMessage()).contains("AWS/ECS").contains("Namespace");
        var mixed = catchThrowableOfType(
                InvalidParameterCombinationException.class,
                () -> cw.putMetricData(r -> r.namespace(ns)
                        .metricData(
                                d -> d.metricName("Ok").value(1.0),
                                d -> d.metricName("Bad").value(1.0).values(2.0))));
        assertThat(mixed.getMessage()).contains("MetricData.member.2.Value");
        assertThat(cw.listMetrics(r -> r.namespace(ns)).metrics()).isEmpty();
    }

    @Test
    void anAlarmGoesToAlarmWhenItsDatapointsBreachAndBackToOk() {
        String ns = unique("App");
        String name = unique("queue-deep");
        cw.putMetricAlarm(r -> r.alarmName(name)
                .namespace(ns)
                .metricName("Depth")
                .statistic(Statistic.AVERAGE)
                .period(60)
                .evaluationPeriods(2)
                .datapointsToAlarm(2)
                .threshold(100.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
        MetricAlarm created = alarm(name);
        assertThat(created.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(created.stateReason()).isEqualTo("Unchecked: Initial alarm creation");
        assertThat(created.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name);
        assertThat(created.treatMissingData()).isEqualTo("missing");

        // 150 every simulated 10 s (a sixth of a second): two complete breaching minutes take about two seconds
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    cw.putMetricData(r -> r.namespace(ns)
                            .metricData(d -> d.metricName("Depth").value(150.0)));
                    assertThat(alarm(name).stateValue()).isEqualTo(StateValue.ALARM);
                });
        MetricAlarm alarmed = alarm(name);
        assertThat(alarmed.stateReason())
                .startsWith("Threshold Crossed: 2 out of the last 2 datapoints [150.0 (")
                .endsWith("] were greater than the threshold (100.0) (minimum 2 datapoints for "
                        + "INSUFFICIENT_DATA -> ALARM transition).");
        assertThat(alarmed.stateReasonData()).contains("\"recentDatapoints\":[150.0,150.0]");

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    cw.putMetricData(r -> r.namespace(ns)
                            .metricData(d -> d.metricName("Depth").value(10.0)));
                    assertThat(alarm(name).stateValue()).isEqualTo(StateValue.OK);
                });
        assertThat(cw.describeAlarmHistory(r -> r.alarmName(name).historyItemType(HistoryItemType.STATE_UPDATE))
                        .alarmHistoryItems())
                .extracting(h -> h.historySummary())
                .containsSubsequence("Alarm updated from ALARM to OK", "Alarm updated from INSUFFICIENT_DATA to ALARM");
    }

    @Test
    void missingDataIsInsufficientUnlessTreatedAsBreaching() {
        String ns = unique("App");
        String missing = unique("missing");
        String breaching = unique("breaching");
        for (String n : List.of(missing, breaching)) {
            cw.putMetricAlarm(r -> r.alarmName(n)
                    .namespace(ns)
                    .metricName("Heartbeat")
                    .statistic(Statistic.SAMPLE_COUNT)
                    .period(60)
                    .evaluationPeriods(1)
                    .threshold(1.0)
                    .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                    .treatMissingData(n.equals(breaching) ? "breaching" : "missing"));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(alarm(breaching).stateValue()).isEqualTo(StateValue.ALARM);
            assertThat(alarm(missing).stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        });
        assertThat(cw.describeAlarmHistory(r -> r.alarmName(missing)).alarmHistoryItems())
                .extracting(h -> h.historySummary())
                .containsExactly("Alarm \"" + missing + "\" created");
    }

    @Test
    void setAlarmStateHoldsUntilTheNextEvaluationAndIsInTheHistory() {
        String name = unique("manual");
        cw.putMetricAlarm(r -> r.alarmName(name)
                .namespace(unique("App"))
                .metricName("Nothing")
                .statistic(Statistic.SUM)
                .period(3600)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData("ignore"));
        cw.setAlarmState(r -> r.alarmName(name).stateValue(StateValue.ALARM).stateReason("testing"));
        assertThat(alarm(name).stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(alarm(name).stateReason()).isEqualTo("testing");
        assertThat(cw.describeAlarmHistory(r -> r.alarmName(name)).alarmHistoryItems())
                .first()
                .satisfies(h -> {
                    assertThat(h.historySummary()).isEqualTo("Alarm updated from INSUFFICIENT_DATA to ALARM");
                    assertThat(h.historyData()).contains("\"stateReason\":\"testing\"");
                });
        // AWS answers code ResourceNotFound (404); SDK 2.40.2 maps that code to DashboardNotFoundErrorException, whose
        // query error code it shares
        var notFound = catchThrowableOfType(
                CloudWatchException.class,
                () -> cw.setAlarmState(r ->
                        r.alarmName(unique("none")).stateValue(StateValue.OK).stateReason("x")));
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
    }

    @Test
    void deleteAlarmsDeletesNothingWhenOneIsMissing() {
        String a = unique("keep");
        cw.putMetricAlarm(r -> r.alarmName(a)
                .namespace("App")
                .metricName("M")
                .statistic(Statistic.SUM)
                .period(60)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
        String absent = unique("absent");
        var e = catchThrowableOfType(CloudWatchException.class, () -> cw.deleteAlarms(r -> r.alarmNames(a, absent)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
        assertThat(e.getMessage()).contains(absent);
        assertThat(cw.describeAlarms(r -> r.alarmNames(a)).metricAlarms()).hasSize(1);
        cw.deleteAlarms(r -> r.alarmNames(a));
        assertThat(cw.describeAlarms(r -> r.alarmNames(a)).metricAlarms()).isEmpty();
    }

    @Test
    void describeAlarmsFiltersByPrefixAndState() {
        String prefix = unique("filter");
        for (String s : List.of("a", "b")) {
            cw.putMetricAlarm(r -> r.alarmName(prefix + "-" + s)
                    .namespace("App")
                    .metricName("M")
                    .statistic(Statistic.SUM)
                    .period(3600)
                    .evaluationPeriods(1)
                    .threshold(1.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .treatMissingData("ignore"));
        }
        cw.setAlarmState(
                r -> r.alarmName(prefix + "-b").stateValue(StateValue.OK).stateReason("fine"));
        assertThat(cw.describeAlarms(r -> r.alarmNamePrefix(prefix)).metricAlarms())
                .extracting(MetricAlarm::alarmName)
                .containsExactly(prefix + "-a", prefix + "-b");
        assertThat(cw.describeAlarms(r -> r.alarmNamePrefix(prefix).stateValue(StateValue.OK))
                        .metricAlarms())
                .extracting(MetricAlarm::alarmName)
                .containsExactly(prefix + "-b");
        assertThat(cw.describeAlarms(r -> r.alarmNamePrefix(prefix).maxRecords(1))
                        .nextToken())
                .isNotNull();
    }

    private MetricAlarm alarm(String name) {
        return cw.describeAlarms(r -> r.alarmNames(name)).metricAlarms().get(0);
    }
}
