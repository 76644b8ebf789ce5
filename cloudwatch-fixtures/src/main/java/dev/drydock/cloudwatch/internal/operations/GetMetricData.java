package dev.drydock.cloudwatch.internal.operations;

import dev.drydock.cloudwatch.internal.CloudWatchErrors;
import dev.drydock.cloudwatch.internal.backend.CloudWatchBackend;
import dev.drydock.cloudwatch.internal.backend.MetricKey;
import dev.drydock.cloudwatch.internal.backend.Statistic;
import dev.drydock.cloudwatch.internal.support.CloudWatchOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * GetMetricData, as <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html">the
 * CloudWatch API reference</a> describes it, for queries with a {@code MetricStat} (metric, period, one of Average, Sum,
 * Minimum, Maximum, SampleCount, optional unit): one result per query whose {@code ReturnData} is not false, its values
 * newest first ({@code ScanBy} TimestampDescending, the default) or oldest first, status {@code Complete}. Not
 * supported: {@code Expression} queries (metric math, Metrics Insights), answered with InvalidParameterValue naming the
 * query. IAM: {@code cloudwatch:GetMetricData} on {@code *}.
 */
public final class GetMetricData extends CloudWatchOperation
        implements Operation<GetMetricDataRequest, GetMetricDataResponse> {

    public GetMetricData(CloudWatchBackend backend) {
        super(backend);
    }

    @Override
    public GetMetricDataResponse call(GetMetricDataRequest r, CallContext c) {
        authorizeAll(c, "GetMetricData");
        Set<String> ids = new HashSet<>();
        for (MetricDataQuery q : r.metricDataQueries()) {
            if (!ids.add(q.id())) {
                throw CloudWatchErrors.validation("The value " + q.id() + " for parameter MetricDataQueries.Id is "
                        + "used more than once: each query needs its own Id.");
            }
            if (q.expression() != null) {
                throw CloudWatchErrors.invalidValue("The query " + q.id() + " has an Expression: Drydock's CloudWatch "
                        + "answers MetricStat queries only (no metric math or Metrics Insights).");
            }
            if (q.metricStat() == null) {
                throw CloudWatchErrors.missingParameter(
                        "The query " + q.id() + " needs exactly one of MetricStat or Expression.");
            }
            Statistic.named(q.metricStat().stat())
                    .orElseThrow(() -> CloudWatchErrors.invalidValue("The query " + q.id() + " asks for the statistic "
                            + q.metricStat().stat() + ": Drydock's CloudWatch computes Average, Sum, Minimum, Maximum "
                            + "and SampleCount."));
        }
        boolean ascending = "TimestampAscending".equals(r.scanByAsString());
        List<MetricDataResult> results = new ArrayList<>();
        for (int i = 0; i < r.metricDataQueries().size(); i++) {
            MetricDataQuery q = r.metricDataQueries().get(i);
            if (Boolean.FALSE.equals(q.returnData())) {
                continue;
            }
            MetricStat s = q.metricStat();
            NavigableMap<Instant, Double> series = backend.series(
                    MetricKey.of(
                            s.metric().namespace(),
                            s.metric().metricName(),
                            s.metric().dimensions()),
                    r.startTime(),
                    r.endTime(),
                    s.period(),
                    Statistic.named(s.stat()).orElseThrow(),
                    s.unitAsString(),
                    "MetricDataQueries.member." + (i + 1) + ".MetricStat.");
            NavigableMap<Instant, Double> ordered = ascending ? series : series.descendingMap();
            results.add(MetricDataResult.builder()
                    .id(q.id())
                    .label(q.label() != null ? q.label() : s.metric().metricName())
                    .timestamps(List.copyOf(ordered.keySet()))
                    .values(ordered.values().stream().toList())
                    .statusCode(StatusCode.COMPLETE)
                    .messages(List.of())
                    .build());
        }
        return GetMetricDataResponse.builder()
                .metricDataResults(results)
                .messages(List.of())
                .build();
    }
}
