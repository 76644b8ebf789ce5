package dev.drydock.cloudwatch.internal.operations;

import dev.drydock.cloudwatch.internal.CloudWatchErrors;
import dev.drydock.cloudwatch.internal.backend.CloudWatchBackend;
import dev.drydock.cloudwatch.internal.backend.MetricKey;
import dev.drydock.cloudwatch.internal.backend.Statistic;
import dev.drydock.cloudwatch.internal.support.CloudWatchOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;

/**
 * GetMetricStatistics, as <a
 * href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html">the CloudWatch
 * API reference</a> describes it: one data point per period (aligned to the epoch) that has data, with the statistics
 * asked for; at most 1,440 data points a call. Not supported: {@code ExtendedStatistics} (percentiles), answered with
 * InvalidParameterValue naming them. IAM: {@code cloudwatch:GetMetricStatistics} on {@code *}.
 */
public final class GetMetricStatistics extends CloudWatchOperation
        implements Operation<GetMetricStatisticsRequest, GetMetricStatisticsResponse> {

    public GetMetricStatistics(CloudWatchBackend backend) {
        super(backend);
    }

    @Override
    public GetMetricStatisticsResponse call(GetMetricStatisticsRequest r, CallContext c) {
        authorizeAll(c, "GetMetricStatistics");
        if (r.hasExtendedStatistics() && !r.extendedStatistics().isEmpty()) {
            throw CloudWatchErrors.invalidValue("Drydock's CloudWatch does not compute extended statistics ("
                    + String.join(", ", r.extendedStatistics()) + "): ask for Statistics (Average, Sum, Minimum, "
                    + "Maximum, SampleCount).");
        }
        if (!r.hasStatistics() || r.statistics().isEmpty()) {
            throw CloudWatchErrors.missingParameter("Must specify either Statistics or ExtendedStatistics.");
        }
        List<Statistic> stats = new ArrayList<>();
        for (String s : r.statisticsAsStrings()) {
            stats.add(Statistic.named(s)
                    .orElseThrow(() ->
                            CloudWatchErrors.invalidValue("The value " + s + " for parameter Statistics is invalid.")));
        }
        var points = backend.statistics(
                MetricKey.of(r.namespace(), r.metricName(), r.dimensions()),
                r.startTime(),
                r.endTime(),
                r.period(),
                stats,
                r.unitAsString());
        return GetMetricStatisticsResponse.builder()
                .label(r.metricName())
                .datapoints(points)
                .build();
    }
}
