package dev.drydock.logs.internal;

import dev.drydock.core.spi.JsonService;
import dev.drydock.logs.LogsModule;
import dev.drydock.logs.internal.operations.CreateLogGroup;
import dev.drydock.logs.internal.operations.CreateLogStream;
import dev.drydock.logs.internal.operations.DeleteLogGroup;
import dev.drydock.logs.internal.operations.DeleteLogStream;
import dev.drydock.logs.internal.operations.DeleteRetentionPolicy;
import dev.drydock.logs.internal.operations.DescribeLogGroups;
import dev.drydock.logs.internal.operations.DescribeLogStreams;
import dev.drydock.logs.internal.operations.FilterLogEvents;
import dev.drydock.logs.internal.operations.GetLogEvents;
import dev.drydock.logs.internal.operations.ListTagsForResource;
import dev.drydock.logs.internal.operations.ListTagsLogGroup;
import dev.drydock.logs.internal.operations.PutLogEvents;
import dev.drydock.logs.internal.operations.PutRetentionPolicy;
import dev.drydock.logs.internal.operations.TagLogGroup;
import dev.drydock.logs.internal.operations.TagResource;
import dev.drydock.logs.internal.operations.UntagLogGroup;
import dev.drydock.logs.internal.operations.UntagResource;
import dev.drydock.logs.internal.support.LogAccess;
import java.time.Clock;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceRequest;

/**
 * The Amazon CloudWatch Logs API's routing table (AWS JSON 1.1, {@code X-Amz-Target: Logs_20140328.<Operation>},
 * signing name {@code logs}; https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_Operations.html):
 * each implemented operation, its SDK request shape and its handler in {@code operations}. Requests are checked
 * against the CloudWatch Logs model first and answered with AWS's common message as {@code InvalidParameterException}
 * ({@link LogsErrors#VALIDATION}). Built on first use.
 */
public final class LogsApi {
    private LogsApi() {}

    /**
     * The routing table over {@code access}.
     *
     * @param clock stamps each call's {@code receivedAt}
     */
    public static JsonService routingTable(LogAccess access, Clock clock) {
        return JsonService.builder(LogsModule.SIGNING_NAME, LogsModule.TARGET_PREFIX, CloudWatchLogsClient.class)
                .clock(clock)
                .validation(LogsErrors.VALIDATION)
                .operation("CreateLogGroup", CreateLogGroupRequest.class, new CreateLogGroup(access))
                .operation("DeleteLogGroup", DeleteLogGroupRequest.class, new DeleteLogGroup(access))
                .operation("DescribeLogGroups", DescribeLogGroupsRequest.class, new DescribeLogGroups(access))
                .operation("CreateLogStream", CreateLogStreamRequest.class, new CreateLogStream(access))
                .operation("DeleteLogStream", DeleteLogStreamRequest.class, new DeleteLogStream(access))
                .operation("DescribeLogStreams", DescribeLogStreamsRequest.class, new DescribeLogStreams(access))
                .operation("PutLogEvents", PutLogEventsRequest.class, new PutLogEvents(access))
                .operation("GetLogEvents", GetLogEventsRequest.class, new GetLogEvents(access))
                .operation("FilterLogEvents", FilterLogEventsRequest.class, new FilterLogEvents(access))
                .operation("PutRetentionPolicy", PutRetentionPolicyRequest.class, new PutRetentionPolicy(access))
                .operation(
                        "DeleteRetentionPolicy", DeleteRetentionPolicyRequest.class, new DeleteRetentionPolicy(access))
                .operation("TagResource", TagResourceRequest.class, new TagResource(access))
                .operation("UntagResource", UntagResourceRequest.class, new UntagResource(access))
                .operation("ListTagsForResource", ListTagsForResourceRequest.class, new ListTagsForResource(access))
                .operation("TagLogGroup", TagLogGroupRequest.class, new TagLogGroup(access))
                .operation("UntagLogGroup", UntagLogGroupRequest.class, new UntagLogGroup(access))
                .operation("ListTagsLogGroup", ListTagsLogGroupRequest.class, new ListTagsLogGroup(access))
                .build();
    }
}
