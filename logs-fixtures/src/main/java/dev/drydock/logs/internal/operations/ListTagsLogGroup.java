package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.logs.internal.LogsErrors;
import dev.drydock.logs.internal.support.LogAccess;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupResponse;

/**
 * ListTagsLogGroup (deprecated for ListTagsForResource), as
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_ListTagsLogGroup.html">the
 * CloudWatch Logs API reference</a> describes it. {@code logs:ListTagsLogGroup}.
 */
public final class ListTagsLogGroup implements Operation<ListTagsLogGroupRequest, ListTagsLogGroupResponse> {
    private final LogAccess access;

    public ListTagsLogGroup(LogAccess access) {
        this.access = access;
    }

    @Override
    public ListTagsLogGroupResponse call(ListTagsLogGroupRequest r, CallContext c) {
        access.authorize(c, "logs:ListTagsLogGroup", r.logGroupName(), null);
        return ListTagsLogGroupResponse.builder()
                .tags(access.backend()
                        .findGroup(r.logGroupName())
                        .orElseThrow(LogsErrors::groupNotFound)
                        .tags())
                .build();
    }
}
