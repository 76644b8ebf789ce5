package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.logs.internal.LogsErrors;
import dev.drydock.logs.internal.support.LogAccess;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;

/**
 * PutRetentionPolicy, as
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html">the
 * CloudWatch Logs API reference</a> describes it: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
 * 1096, 1827, 2192, 2557, 2922, 3288, 3653 days; older events are no longer returned. {@code logs:PutRetentionPolicy}.
 */
public final class PutRetentionPolicy implements Operation<PutRetentionPolicyRequest, PutRetentionPolicyResponse> {
    private static final List<Integer> DAYS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final LogAccess access;

    public PutRetentionPolicy(LogAccess access) {
        this.access = access;
    }

    @Override
    public PutRetentionPolicyResponse call(PutRetentionPolicyRequest r, CallContext c) {
        if (!DAYS.contains(r.retentionInDays())) {
            throw LogsErrors.invalidParameter("1 validation error detected: Value '" + r.retentionInDays()
                    + "' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: "
                    + DAYS);
        }
        access.authorize(c, "logs:PutRetentionPolicy", r.logGroupName(), null);
        access.backend().setRetention(r.logGroupName(), r.retentionInDays());
        return PutRetentionPolicyResponse.builder().build();
    }
}
