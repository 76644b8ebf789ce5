package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.logs.internal.support.LogAccess;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyResponse;

/**
 * DeleteRetentionPolicy, as
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteRetentionPolicy.html">the
 * CloudWatch Logs API reference</a> describes it: events never expire again. {@code logs:DeleteRetentionPolicy}.
 */
public final class DeleteRetentionPolicy
        implements Operation<DeleteRetentionPolicyRequest, DeleteRetentionPolicyResponse> {
    private final LogAccess access;

    public DeleteRetentionPolicy(LogAccess access) {
        this.access = access;
    }

    @Override
    public DeleteRetentionPolicyResponse call(DeleteRetentionPolicyRequest r, CallContext c) {
        access.authorize(c, "logs:DeleteRetentionPolicy", r.logGroupName(), null);
        access.backend().setRetention(r.logGroupName(), null);
        return DeleteRetentionPolicyResponse.builder().build();
    }
}
