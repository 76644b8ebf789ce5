package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.logs.internal.LogsErrors;
import dev.drydock.logs.internal.support.LogAccess;
import dev.drydock.logs.internal.support.Resources;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceResponse;

/**
 * TagResource, as <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_TagResource.html">
 * the CloudWatch Logs API reference</a> describes it, for log groups ({@code resourceArn} without {@code :*}): at
 * most 50 tags. {@code logs:TagResource} on the group with request tags.
 */
public final class TagResource implements Operation<TagResourceRequest, TagResourceResponse> {
    private final LogAccess access;

    public TagResource(LogAccess access) {
        this.access = access;
    }

    @Override
    public TagResourceResponse call(TagResourceRequest r, CallContext c) {
        String group = Resources.group(access, r.resourceArn());
        Map<String, String> tags = LogsErrors.TAGS.checkEachOfMap(r.tags());
        c.authorize("logs:TagResource", access.backend().groupArn(group), TagConditions.request(tags));
        access.backend().tag(group, tags);
        return TagResourceResponse.builder().build();
    }
}
