package dev.drydock.logs.internal;

import dev.drydock.core.internal.service.ApiRoutes;
import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.JsonService;
import dev.drydock.core.internal.service.RequestConstraints;
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
import java.time.Clock;
import software.amazon.awssdk.core.SdkPojo;
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
 * signing name {@code logs}): one handler per operation, the members each requires and the model's constraints (from
 * botocore's {@code logs/2014-03-28/service-2.json}), checked before any handler runs; CloudWatch Logs answers their
 * violations with InvalidParameterException. Built on first use.
 */
public final class LogsApi {
    /** The {@code X-Amz-Target} prefix. */
    public static final String TARGET_PREFIX = "Logs_20140328";

    static final RequestConstraints CONSTRAINTS = RequestConstraints.builder("InvalidParameterException")
            .required(CreateLogGroupRequest.class, "logGroupName")
            .required(DeleteLogGroupRequest.class, "logGroupName")
            .required(CreateLogStreamRequest.class, "logGroupName", "logStreamName")
            .required(DeleteLogStreamRequest.class, "logGroupName", "logStreamName")
            .required(PutLogEventsRequest.class, "logGroupName", "logStreamName", "logEvents")
            .required(GetLogEventsRequest.class, "logStreamName")
            .required(PutRetentionPolicyRequest.class, "logGroupName", "retentionInDays")
            .required(DeleteRetentionPolicyRequest.class, "logGroupName")
            .required(TagResourceRequest.class, "resourceArn", "tags")
            .required(UntagResourceRequest.class, "resourceArn", "tagKeys")
            .required(ListTagsForResourceRequest.class, "resourceArn")
            .required(TagLogGroupRequest.class, "logGroupName", "tags")
            .required(UntagLogGroupRequest.class, "logGroupName", "tags")
            .required(ListTagsLogGroupRequest.class, "logGroupName")
            .requiredNested("logEvents.timestamp", "logEvents.message")
            .length("logGroupName", 1, 512, "[\\.\\-_/#A-Za-z0-9]+")
            .length("logGroupNamePrefix", 1, 512, "[\\.\\-_/#A-Za-z0-9]+")
            .length("logGroupNamePattern", 0, 512, "[\\.\\-_/#A-Za-z0-9]*")
            .length("logGroupIdentifier", 1, 2048, "[\\w#+=/:,.@-]*")
            .length("logGroupIdentifiers", 1, 50)
            .length("logStreamName", 1, 512, "[^:*]*")
            .length("logStreamNamePrefix", 1, 512, "[^:*]*")
            .length("logStreamNames", 1, 100)
            .length("logEvents", 1, 10000)
            .length("logEvents.message", 1, Integer.MAX_VALUE)
            .length("kmsKeyId", 0, 256)
            .length("filterPattern", 0, 1024)
            .length("resourceArn", 1, 1011, "[\\w+=/:,.@-]*")
            .length("tags", 1, 50)
            .length("tagKeys", 0, 50)
            .length("nextToken", 1, Integer.MAX_VALUE)
            .length("sequenceToken", 1, Integer.MAX_VALUE)
            .range("startTime", 0, Long.MAX_VALUE)
            .range("endTime", 0, Long.MAX_VALUE)
            .range("logEvents.timestamp", 0, Long.MAX_VALUE)
            .range("limit", 1, 10000)
            .length(DescribeLogGroupsRequest.class, "limit", 1, 50)
            .length(DescribeLogStreamsRequest.class, "limit", 1, 50)
            .oneOf("orderBy", "LogStreamName", "LastEventTime")
            .oneOf("logGroupClass", "STANDARD", "INFREQUENT_ACCESS", "DELIVERY")
            .build();

    private final ApiRoutes routes;

    public LogsApi(LogAccess access) {
        routes = new ApiRoutes("logs", CONSTRAINTS)
                .add("CreateLogGroup", CreateLogGroupRequest.class, new CreateLogGroup(access))
                .add("DeleteLogGroup", DeleteLogGroupRequest.class, new DeleteLogGroup(access))
                .add("DescribeLogGroups", DescribeLogGroupsRequest.class, new DescribeLogGroups(access))
                .add("CreateLogStream", CreateLogStreamRequest.class, new CreateLogStream(access))
                .add("DeleteLogStream", DeleteLogStreamRequest.class, new DeleteLogStream(access))
                .add("DescribeLogStreams", DescribeLogStreamsRequest.class, new DescribeLogStreams(access))
                .add("PutLogEvents", PutLogEventsRequest.class, new PutLogEvents(access))
                .add("GetLogEvents", GetLogEventsRequest.class, new GetLogEvents(access))
                .add("FilterLogEvents", FilterLogEventsRequest.class, new FilterLogEvents(access))
                .add("PutRetentionPolicy", PutRetentionPolicyRequest.class, new PutRetentionPolicy(access))
                .add("DeleteRetentionPolicy", DeleteRetentionPolicyRequest.class, new DeleteRetentionPolicy(access))
                .add("TagResource", TagResourceRequest.class, new TagResource(access))
                .add("UntagResource", UntagResourceRequest.class, new UntagResource(access))
                .add("ListTagsForResource", ListTagsForResourceRequest.class, new ListTagsForResource(access))
                .add("TagLogGroup", TagLogGroupRequest.class, new TagLogGroup(access))
                .add("UntagLogGroup", UntagLogGroupRequest.class, new UntagLogGroup(access))
                .add("ListTagsLogGroup", ListTagsLogGroupRequest.class, new ListTagsLogGroup(access));
    }

    /** The CloudWatch Logs service on Drydock's endpoint. */
    public JsonService service(Clock clock) {
        return routes.addTo(JsonService.builder("logs", TARGET_PREFIX, CloudWatchLogsClient.class)
                        .clock(clock))
                .build();
    }

    /** Calls an operation's handler directly, after the wire's request checks (fixtures, ECS's log sink). */
    public <O extends SdkPojo> O call(SdkPojo request, CallContext context) {
        return routes.call(request, context);
    }
}
