package dev.drydock.cloudwatch;

import dev.drydock.core.Drydock;
import dev.drydock.core.testing.BadInputSuite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * {@link BadInputSuite} for CloudWatch: bad input generated from CloudWatch's model for every operation Drydock
 * implements, and CloudWatch's own rules (AWS/ namespaces, DatapointsToAlarm above EvaluationPeriods, a period that is
 * not a multiple of 60), each answered with CloudWatch's error, nothing stored.
 */
class CloudWatchBadInputTest extends BadInputSuite {
    private CloudWatchClient cw;

    CloudWatchBadInputTest() {
        super(CloudWatchClient.class);
    }

    @Override
    protected void prepare(Drydock drydock) {
        cw = drydock.client(CloudWatchClient.builder());
        cw.putMetricData(r ->
                r.namespace("BadInput").metricData(d -> d.metricName("Known").value(1.0)));
        cw.putMetricAlarm(r -> r.alarmName("bad-input")
                .namespace("BadInput")
                .metricName("Known")
                .statistic(Statistic.SUM)
                .period(3600)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData("ignore"));
    }

    @Override
    protected Map<String, Object> knownValues() {
        return Map.of("AlarmName", "bad-input", "AlarmNames", List.of("bad-input"), "Namespace", "BadInput");
    }

    @Override
    protected List<Case> cases() {
        var wire = service().wire();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(
                "PutMetricData to an AWS/ namespace",
                wire.query(
                        "PutMetricData",
                        Map.of(
                                "Namespace", "AWS/EC2",
                                "MetricData.member.1.MetricName", "CPUUtilization",
                                "MetricData.member.1.Value", "1")),
                "InvalidParameterValue",
                "The value AWS/EC2 for parameter Namespace is invalid: namespaces starting with AWS/ are reserved "
                        + "for AWS services."));
        cases.add(new Case(
                "PutMetricAlarm with DatapointsToAlarm above EvaluationPeriods",
                wire.query(
                        "PutMetricAlarm",
                        Map.of(
                                "AlarmName", "too-many-points",
                                "Namespace", "BadInput",
                                "MetricName", "Known",
                                "Statistic", "Sum",
                                "Period", "60",
                                "EvaluationPeriods", "2",
                                "DatapointsToAlarm", "3",
                                "Threshold", "1",
                                "ComparisonOperator", "GreaterThanThreshold")),
                "ValidationError",
                "DatapointsToAlarm must be less than or equal to EvaluationPeriods."));
        cases.add(new Case(
                "GetMetricStatistics with a period of 90 seconds",
                wire.query(
                        "GetMetricStatistics",
                        Map.of(
                                "Namespace", "BadInput",
                                "MetricName", "Known",
                                "StartTime", "2026-01-01T00:00:00Z",
                                "EndTime", "2026-01-01T01:00:00Z",
                                "Period", "90",
                                "Statistics.member.1", "Sum")),
                "InvalidParameterValue",
                "The parameter Period must be 1, 5, 10, 30 or a multiple of 60; it is 90."));
        cases.add(new Case(
                "DeleteAlarms naming one that does not exist",
                wire.query("DeleteAlarms", Map.of("AlarmNames.member.1", "bad-input", "AlarmNames.member.2", "absent")),
                "ResourceNotFound",
                "Alarm absent not found"));
        return cases;
    }

    @Override
    protected Object state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("metrics", cw.listMetrics().metrics());
        for (MetricAlarm a : cw.describeAlarms().metricAlarms()) {
            s.put(
                    a.alarmName(),
                    a.toBuilder()
                            .stateReasonData(null)
                            .stateUpdatedTimestamp(null)
                            .build());
        }
        s.put("history", cw.describeAlarmHistory().alarmHistoryItems().size());
        return s;
    }
}
