package dev.drydock.cloudwatch.internal;

import dev.drydock.cloudwatch.internal.backend.CloudWatchBackend;
import dev.drydock.cloudwatch.internal.operations.DeleteAlarms;
import dev.drydock.cloudwatch.internal.operations.DescribeAlarmHistory;
import dev.drydock.cloudwatch.internal.operations.DescribeAlarms;
import dev.drydock.cloudwatch.internal.operations.GetMetricData;
import dev.drydock.cloudwatch.internal.operations.GetMetricStatistics;
import dev.drydock.cloudwatch.internal.operations.ListMetrics;
import dev.drydock.cloudwatch.internal.operations.PutMetricAlarm;
import dev.drydock.cloudwatch.internal.operations.PutMetricData;
import dev.drydock.cloudwatch.internal.operations.SetAlarmState;
import dev.drydock.core.spi.QueryService;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;

/**
 * CloudWatch's routing table: the query protocol (what SDK v2 2.40.2 sends), signing name {@code monitoring}, version
 * {@code 2010-08-01}, XML namespace {@code http://monitoring.amazonaws.com/doc/2010-08-01/}; one handler per operation
 * (in {@code operations}). Requests that break CloudWatch's model are refused before any handler runs with
 * {@code ValidationError}, the query protocol's default.
 */
public final class CloudWatchApi {
    /** The API version. */
    public static final String VERSION = "2010-08-01";

    private CloudWatchApi() {}

    /**
     * The CloudWatch service for {@code backend}.
     *
     * @param actions runs alarm actions that SetAlarmState's state changes call for
     */
    public static QueryService routingTable(
            CloudWatchBackend backend, Clock clock, Consumer<List<CloudWatchBackend.Invocation>> actions) {
        return QueryService.builder(
                        "monitoring",
                        VERSION,
                        "http://monitoring.amazonaws.com/doc/2010-08-01/",
                        CloudWatchClient.class)
                .clock(clock)
                .operation("PutMetricData", PutMetricDataRequest.class, new PutMetricData(backend))
                .operation("GetMetricData", GetMetricDataRequest.class, new GetMetricData(backend))
                .operation("GetMetricStatistics", GetMetricStatisticsRequest.class, new GetMetricStatistics(backend))
                .operation("ListMetrics", ListMetricsRequest.class, new ListMetrics(backend))
                .operation("PutMetricAlarm", PutMetricAlarmRequest.class, new PutMetricAlarm(backend))
                .operation("DescribeAlarms", DescribeAlarmsRequest.class, new DescribeAlarms(backend))
                .operation("DeleteAlarms", DeleteAlarmsRequest.class, new DeleteAlarms(backend))
                .operation("SetAlarmState", SetAlarmStateRequest.class, new SetAlarmState(backend, actions))
                .operation("DescribeAlarmHistory", DescribeAlarmHistoryRequest.class, new DescribeAlarmHistory(backend))
                .build();
    }
}
