package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.logs.internal.support.LogAccess;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupResponse;

/**
 * UntagLogGroup (deprecated for UntagResource), as
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_UntagLogGroup.html">the CloudWatch
 * Logs API reference</a> describes it. {@code logs:UntagLogGroup} with {@code aws:TagKeys}.
 */
public final class UntagLogGroup implements Operation<UntagLogGroupRequest, UntagLogGroupResponse> {
    private final LogAccess access;

    public UntagLogGroup(LogAccess access) {
        this.access = access;
    }

    @Override
    public UntagLogGroupResponse call(UntagLogGroupRequest r, CallContext c) {
        access.authorize(c, "logs:UntagLogGroup", r.logGroupName(), null, TagConditions.tagKeys(r.tags()));
        access.backend().untag(r.logGroupName(), r.tags());
        return UntagLogGroupResponse.builder().build();
    }
}
