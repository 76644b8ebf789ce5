package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.logs.internal.LogsErrors;
import dev.drydock.logs.internal.support.LogAccess;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;

/**
 * CreateLogGroup, as
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html">the CloudWatch
 * Logs API reference</a> describes it: names of 1-512 of {@code [.-_/#A-Za-z0-9]}, tags, log group class (STANDARD by
 * default), KMS key (recorded; Drydock does not encrypt log data). {@code logs:CreateLogGroup} on
 * {@code log-group:<name>:log-stream:} with request tags, and {@code logs:TagResource} when tags are given.
 */
public final class CreateLogGroup implements Operation<CreateLogGroupRequest, CreateLogGroupResponse> {
    private final LogAccess access;

    public CreateLogGroup(LogAccess access) {
        this.access = access;
    }

    @Override
    public CreateLogGroupResponse call(CreateLogGroupRequest r, CallContext c) {
        Map<String, String> tags = LogsErrors.TAGS.checkMap(r.tags());
        access.authorize(c, "logs:CreateLogGroup", r.logGroupName(), null, TagConditions.request(tags));
        if (!tags.isEmpty()) {
            access.authorize(c, "logs:TagResource", r.logGroupName(), null, TagConditions.request(tags));
        }
        access.backend()
                .createGroup(
                        r.logGroupName(),
                        r.kmsKeyId(),
                        r.logGroupClassAsString() == null ? "STANDARD" : r.logGroupClassAsString(),
                        tags,
                        Boolean.TRUE.equals(r.deletionProtectionEnabled()));
        return CreateLogGroupResponse.builder().build();
    }
}
