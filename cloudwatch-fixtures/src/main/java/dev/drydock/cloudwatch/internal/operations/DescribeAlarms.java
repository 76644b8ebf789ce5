package dev.drydock.cloudwatch.internal.operations;

import dev.drydock.cloudwatch.internal.CloudWatchErrors;
import dev.drydock.cloudwatch.internal.backend.CloudWatchBackend;
import dev.drydock.cloudwatch.internal.support.CloudWatchOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * DescribeAlarms, as <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html">the
 * CloudWatch API reference</a> describes it: metric alarms by name, name prefix (not both), state and action prefix,
 * sorted by name, {@code MaxRecords} 1-100 (default 50). Composite alarms do not exist here: the list is always empty.
 * IAM: {@code cloudwatch:DescribeAlarms} on each alarm named, or on {@code alarm:*}.
 */
public final class DescribeAlarms extends CloudWatchOperation
        implements Operation<DescribeAlarmsRequest, DescribeAlarmsResponse> {

    public DescribeAlarms(CloudWatchBackend backend) {
        super(backend);
    }

    @Override
    public DescribeAlarmsResponse call(DescribeAlarmsRequest r, CallContext c) {
        authorizeAlarms(c, "DescribeAlarms", r.alarmNames());
        if (r.hasAlarmNames() && !r.alarmNames().isEmpty() && r.alarmNamePrefix() != null) {
            throw CloudWatchErrors.invalidCombination(
                    "The parameters AlarmNames and AlarmNamePrefix are mutually exclusive and you have specified both.");
        }
        Predicate<MetricAlarm> filter = a -> true;
        if (r.hasAlarmNames() && !r.alarmNames().isEmpty()) {
            filter = filter.and(a -> r.alarmNames().contains(a.alarmName()));
        }
        if (r.alarmNamePrefix() != null) {
            filter = filter.and(a -> a.alarmName().startsWith(r.alarmNamePrefix()));
        }
        if (r.stateValueAsString() != null) {
            filter = filter.and(a -> r.stateValueAsString().equals(a.stateValueAsString()));
        }
        if (r.actionPrefix() != null) {
            filter = filter.and(a -> Stream.of(a.alarmActions(), a.okActions(), a.insufficientDataActions())
                    .flatMap(List::stream)
                    .anyMatch(arn -> arn.startsWith(r.actionPrefix())));
        }
        boolean metricAlarms = !r.hasAlarmTypes()
                || r.alarmTypesAsStrings().isEmpty()
                || r.alarmTypesAsStrings().contains("MetricAlarm");
        List<MetricAlarm> all = metricAlarms ? backend.alarms(filter) : List.of();
        var page = CloudWatchErrors.RECORDS.page(all, r.maxRecords(), r.nextToken());
        return DescribeAlarmsResponse.builder()
                .metricAlarms(page.items())
                .compositeAlarms(List.of())
                .nextToken(page.nextToken())
                .build();
    }
}
