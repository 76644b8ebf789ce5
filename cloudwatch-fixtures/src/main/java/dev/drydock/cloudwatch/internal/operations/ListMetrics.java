package dev.drydock.cloudwatch.internal.operations;

import dev.drydock.cloudwatch.internal.CloudWatchErrors;
import dev.drydock.cloudwatch.internal.backend.CloudWatchBackend;
import dev.drydock.cloudwatch.internal.backend.MetricKey;
import dev.drydock.cloudwatch.internal.support.CloudWatchOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;

/**
 * ListMetrics, as <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_ListMetrics.html">the
 * CloudWatch API reference</a> describes it: filtered by namespace, metric name and dimensions (a filter without a
 * value matches any value), {@code RecentlyActive=PT3H} keeping those with data put in the last three hours; 500 a
 * page. Not supported: {@code IncludeLinkedAccounts}/{@code OwningAccount} (one account). IAM:
 * {@code cloudwatch:ListMetrics} on {@code *}.
 */
public final class ListMetrics extends CloudWatchOperation
        implements Operation<ListMetricsRequest, ListMetricsResponse> {

    public ListMetrics(CloudWatchBackend backend) {
        super(backend);
    }

    @Override
    public ListMetricsResponse call(ListMetricsRequest r, CallContext c) {
        authorizeAll(c, "ListMetrics");
        Predicate<MetricKey> filter =
                k -> (r.namespace() == null || r.namespace().equals(k.namespace()))
                        && (r.metricName() == null || r.metricName().equals(k.metricName()));
        if (r.hasDimensions()) {
            for (DimensionFilter f : r.dimensions()) {
                filter = filter.and(k -> k.dimensions().containsKey(f.name())
                        && (f.value() == null || f.value().equals(k.dimensions().get(f.name()))));
            }
        }
        Instant since = r.recentlyActiveAsString() == null
                ? null
                : backend.clock().instant().minus(Duration.ofHours(3));
        List<MetricKey> all = backend.listMetrics(filter, since);
        var page = CloudWatchErrors.METRICS.page(all, null, r.nextToken());
        return ListMetricsResponse.builder()
                .metrics(page.items().stream().map(MetricKey::toMetric).toList())
                .nextToken(page.nextToken())
                .build();
    }
}
