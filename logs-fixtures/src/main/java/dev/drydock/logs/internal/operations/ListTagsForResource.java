package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.logs.internal.LogsErrors;
import dev.drydock.logs.internal.support.LogAccess;
import dev.drydock.logs.internal.support.Resources;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceResponse;

/**
 * ListTagsForResource, as
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_ListTagsForResource.html">the
 * CloudWatch Logs API reference</a> describes it, for log groups. {@code logs:ListTagsForResource}.
 */
public final class ListTagsForResource implements Operation<ListTagsForResourceRequest, ListTagsForResourceResponse> {
    private final LogAccess access;

    public ListTagsForResource(LogAccess access) {
        this.access = access;
    }

    @Override
    public ListTagsForResourceResponse call(ListTagsForResourceRequest r, CallContext c) {
        String group = Resources.group(access, r.resourceArn());
        c.authorize("logs:ListTagsForResource", access.backend().groupArn(group));
        return ListTagsForResourceResponse.builder()
                .tags(access.backend()
                        .findGroup(group)
                        .orElseThrow(LogsErrors::resourceNotFound)
                        .tags())
                .build();
    }
}
