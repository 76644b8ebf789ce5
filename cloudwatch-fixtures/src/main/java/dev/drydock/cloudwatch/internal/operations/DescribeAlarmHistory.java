package dev.drydock.cloudwatch.internal.operations;

import dev.drydock.cloudwatch.internal.CloudWatchErrors;
import dev.drydock.cloudwatch.internal.backend.CloudWatchBackend;
import dev.drydock.cloudwatch.internal.support.CloudWatchOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;

/**
 * DescribeAlarmHistory, as <a
 * href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarmHistory.html">the CloudWatch
 * API reference</a> describes it: configuration updates ({@code Alarm "name" created/updated/deleted}), state updates
 * ({@code Alarm updated from OK to ALARM}, with the old and new state as JSON) and actions, filtered by alarm name,
 * item type and date range, newest first unless {@code ScanBy} is TimestampAscending; kept two weeks (scaling clock).
 * IAM: {@code cloudwatch:DescribeAlarmHistory} on the alarm's ARN, or {@code alarm:*}.
 */
public final class DescribeAlarmHistory extends CloudWatchOperation
        implements Operation<DescribeAlarmHistoryRequest, DescribeAlarmHistoryResponse> {

    public DescribeAlarmHistory(CloudWatchBackend backend) {
        super(backend);
    }

    @Override
    public DescribeAlarmHistoryResponse call(DescribeAlarmHistoryRequest r, CallContext c) {
        authorizeAlarms(c, "DescribeAlarmHistory", r.alarmName() == null ? List.of() : List.of(r.alarmName()));
        if (r.startDate() != null && r.endDate() != null && r.startDate().isAfter(r.endDate())) {
            throw CloudWatchErrors.invalidValue("The parameter StartDate must be less than the parameter EndDate.");
        }
        var horizon = backend.clock().instant().minus(Duration.ofDays(14));
        List<AlarmHistoryItem> items = new ArrayList<>(backend.history().stream()
                .filter(h -> !h.timestamp().isBefore(horizon))
                .filter(h -> r.alarmName() == null || r.alarmName().equals(h.alarmName()))
                .filter(h -> r.historyItemTypeAsString() == null
                        || r.historyItemTypeAsString().equals(h.historyItemTypeAsString()))
                .filter(h -> !r.hasAlarmTypes()
                        || r.alarmTypesAsStrings().isEmpty()
                        || r.alarmTypesAsStrings().contains(h.alarmTypeAsString()))
                .filter(h -> r.startDate() == null || !h.timestamp().isBefore(r.startDate()))
                .filter(h -> r.endDate() == null || !h.timestamp().isAfter(r.endDate()))
                .toList());
        if (!"TimestampAscending".equals(r.scanByAsString())) {
            Collections.reverse(items);
        }
        var page = CloudWatchErrors.RECORDS.page(items, r.maxRecords(), r.nextToken());
        return DescribeAlarmHistoryResponse.builder()
                .alarmHistoryItems(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
