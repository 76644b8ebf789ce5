package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.logs.internal.LogsErrors;
import dev.drydock.logs.internal.support.LogAccess;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupResponse;

/**
 * TagLogGroup (deprecated for TagResource), as
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_TagLogGroup.html">the CloudWatch
 * Logs API reference</a> describes it. {@code logs:TagLogGroup} with request tags.
 */
public final class TagLogGroup implements Operation<TagLogGroupRequest, TagLogGroupResponse> {
    private final LogAccess access;

    public TagLogGroup(LogAccess access) {
        this.access = access;
    }

    @Override
    public TagLogGroupResponse call(TagLogGroupRequest r, CallContext c) {
        Map<String, String> tags = LogsErrors.TAGS.checkEachOfMap(r.tags());
        access.authorize(c, "logs:TagLogGroup", r.logGroupName(), null, TagConditions.request(tags));
        access.backend().tag(r.logGroupName(), tags);
        return TagLogGroupResponse.builder().build();
    }
}
