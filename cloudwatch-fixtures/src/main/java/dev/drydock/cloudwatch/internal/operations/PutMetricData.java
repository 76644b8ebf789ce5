package dev.drydock.cloudwatch.internal.operations;

import dev.drydock.cloudwatch.internal.CloudWatchErrors;
import dev.drydock.cloudwatch.internal.backend.CloudWatchBackend;
import dev.drydock.cloudwatch.internal.support.CloudWatchOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;

/**
 * PutMetricData, as <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html">the
 * CloudWatch API reference</a> describes it: each datum a value, a statistic set, or values with counts; timestamps at
 * most two hours ahead and two weeks back (of the scaling clock); namespaces starting with {@code AWS/} are AWS's.
 * IAM: {@code cloudwatch:PutMetricData} on {@code *} with {@code cloudwatch:namespace}. Not supported: entity metric
 * data ({@code EntityMetricData}, stored nowhere).
 */
public final class PutMetricData extends CloudWatchOperation
        implements Operation<PutMetricDataRequest, PutMetricDataResponse> {

    public PutMetricData(CloudWatchBackend backend) {
        super(backend);
    }

    @Override
    public PutMetricDataResponse call(PutMetricDataRequest r, CallContext c) {
        c.authorize(PREFIX + "PutMetricData", "*", Map.of("cloudwatch:namespace", List.of(r.namespace())));
        if (r.namespace().startsWith("AWS/")) {
            throw CloudWatchErrors.invalidValue("The value " + r.namespace() + " for parameter Namespace is invalid: "
                    + "namespaces starting with AWS/ are reserved for AWS services.");
        }
        if (!r.hasMetricData() || r.metricData().isEmpty()) {
            throw CloudWatchErrors.missingParameter("The parameter MetricData is required.");
        }
        backend.putMetricData(r.namespace(), r.metricData());
        return PutMetricDataResponse.builder().build();
    }
}
