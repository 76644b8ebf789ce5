package dev.drydock.cloudwatch.internal.operations;

import dev.drydock.cloudwatch.internal.backend.CloudWatchBackend;
import dev.drydock.cloudwatch.internal.support.CloudWatchOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;

/**
 * PutMetricAlarm, as <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html">the
 * CloudWatch API reference</a> describes it: a new alarm starts in INSUFFICIENT_DATA ("Unchecked: Initial alarm
 * creation") and is evaluated on its period; an update replaces the configuration and keeps the state. Alarms on one
 * metric with a statistic; {@code DatapointsToAlarm} (default {@code EvaluationPeriods}), {@code TreatMissingData}
 * (default {@code missing}), the four threshold comparisons. Not supported: {@code Metrics} (metric math), anomaly
 * detection, {@code ExtendedStatistic}, tags. IAM: {@code cloudwatch:PutMetricAlarm} on the alarm's ARN with
 * {@code cloudwatch:AlarmActions}.
 */
public final class PutMetricAlarm extends CloudWatchOperation
        implements Operation<PutMetricAlarmRequest, PutMetricAlarmResponse> {

    public PutMetricAlarm(CloudWatchBackend backend) {
        super(backend);
    }

    @Override
    public PutMetricAlarmResponse call(PutMetricAlarmRequest r, CallContext c) {
        List<String> actions = new ArrayList<>();
        actions.addAll(r.alarmActions());
        actions.addAll(r.okActions());
        actions.addAll(r.insufficientDataActions());
        Map<String, List<String>> keys = new LinkedHashMap<>();
        if (!actions.isEmpty()) {
            keys.put("cloudwatch:AlarmActions", actions);
        }
        authorizeAlarm(c, "PutMetricAlarm", r.alarmName(), keys);
        backend.putMetricAlarm(r);
        return PutMetricAlarmResponse.builder().build();
    }
}
