package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.logs.internal.support.LogAccess;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;

/**
 * CreateLogStream, as
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogStream.html">the
 * CloudWatch Logs API reference</a> describes it: names of 1-512 characters without {@code :} or {@code *}.
 * {@code logs:CreateLogStream} on {@code log-group:<group>:log-stream:<stream>}.
 */
public final class CreateLogStream implements Operation<CreateLogStreamRequest, CreateLogStreamResponse> {
    private final LogAccess access;

    public CreateLogStream(LogAccess access) {
        this.access = access;
    }

    @Override
    public CreateLogStreamResponse call(CreateLogStreamRequest r, CallContext c) {
        access.authorize(c, "logs:CreateLogStream", r.logGroupName(), r.logStreamName());
        access.backend().createStream(r.logGroupName(), r.logStreamName());
        return CreateLogStreamResponse.builder().build();
    }
}
