package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.logs.internal.support.LogAccess;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamResponse;

/**
 * DeleteLogStream, as
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteLogStream.html">the
 * CloudWatch Logs API reference</a> describes it: the stream and its events. {@code logs:DeleteLogStream}.
 */
public final class DeleteLogStream implements Operation<DeleteLogStreamRequest, DeleteLogStreamResponse> {
    private final LogAccess access;

    public DeleteLogStream(LogAccess access) {
        this.access = access;
    }

    @Override
    public DeleteLogStreamResponse call(DeleteLogStreamRequest r, CallContext c) {
        access.authorize(c, "logs:DeleteLogStream", r.logGroupName(), r.logStreamName());
        access.backend().deleteStream(r.logGroupName(), r.logStreamName());
        return DeleteLogStreamResponse.builder().build();
    }
}
