package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.logs.internal.support.LogAccess;
import dev.drydock.logs.internal.support.Resources;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceResponse;

/**
 * UntagResource, as
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_UntagResource.html">the CloudWatch
 * Logs API reference</a> describes it, for log groups. {@code logs:UntagResource} with {@code aws:TagKeys}.
 */
public final class UntagResource implements Operation<UntagResourceRequest, UntagResourceResponse> {
    private final LogAccess access;

    public UntagResource(LogAccess access) {
        this.access = access;
    }

    @Override
    public UntagResourceResponse call(UntagResourceRequest r, CallContext c) {
        String group = Resources.group(access, r.resourceArn());
        c.authorize("logs:UntagResource", access.backend().groupArn(group), TagConditions.tagKeys(r.tagKeys()));
        access.backend().untag(group, r.tagKeys());
        return UntagResourceResponse.builder().build();
    }
}
