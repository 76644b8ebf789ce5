package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.logs.internal.support.LogAccess;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupResponse;

/**
 * DeleteLogGroup, as
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteLogGroup.html">the CloudWatch
 * Logs API reference</a> describes it: the group with its streams and events (not when deletion protection is on).
 * {@code logs:DeleteLogGroup}.
 */
public final class DeleteLogGroup implements Operation<DeleteLogGroupRequest, DeleteLogGroupResponse> {
    private final LogAccess access;

    public DeleteLogGroup(LogAccess access) {
        this.access = access;
    }

    @Override
    public DeleteLogGroupResponse call(DeleteLogGroupRequest r, CallContext c) {
        access.authorize(c, "logs:DeleteLogGroup", r.logGroupName(), null);
        access.backend().deleteGroup(r.logGroupName());
        return DeleteLogGroupResponse.builder().build();
    }
}
