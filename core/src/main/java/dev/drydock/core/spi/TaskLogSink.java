package dev.drydock.core.spi;

/**
 * A service module that receives the output of a task's containers with the {@code awslogs} log driver (Amazon
 * CloudWatch Logs), so that ECS can ship container logs without depending on the module: it finds one with
 * {@code context.module(TaskLogSink.class)}. When none is on the classpath, a task whose container definition uses
 * {@code awslogs} cannot start (its stopped reason names the artifact {@code dev.drydock:drydock-logs-fixtures}).
 *
 * <p>Implemented by the CloudWatch Logs module of {@code drydock-logs-fixtures}, as the {@code awslogs} driver works on
 * Fargate ("Send Amazon ECS logs to CloudWatch",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html): every call is authorized as a
 * session of the task's execution role named after the task and recorded in the decision log:
 * {@code logs:CreateLogStream} when the stream is opened (and {@code logs:CreateLogGroup} first when the group does
 * not exist and {@code awslogs-create-group} is {@code true}), {@code logs:PutLogEvents} for every batch.
 */
public interface TaskLogSink extends ServiceModule {

    /**
     * Opens the log stream of one container of a starting task, before the container starts, as the driver does:
     * creates the stream {@code <awslogs-stream-prefix>/<container-name>/<task-id>} (an existing one is kept); when the
     * group does not exist and {@link AwsLogsRequest#createGroup()} is set, creates the group first.
     *
     * @return the open stream, to write the container's output to, and to close when the container has exited
     * @throws LogFailure when the group is missing, the stream cannot be created, or the execution role may not; its
     *     message is the task's stopped reason, worded as Fargate words it
     *     ({@code ResourceInitializationError: failed to validate logger args: ...})
     */
    LogStreamWriter open(AwsLogsRequest request);

    /**
     * One container's {@code logConfiguration} with {@code "logDriver": "awslogs"}.
     *
     * @param taskArn the task's ARN (its id is the stream name's last part and the role session's name)
     * @param containerName the container's name
     * @param executionRole the task's execution role (name or ARN), or {@code null}
     * @param logGroup the {@code awslogs-group} option
     * @param region the {@code awslogs-region} option, or {@code null} for Drydock's region
     * @param streamPrefix the {@code awslogs-stream-prefix} option (Fargate requires it)
     * @param createGroup the {@code awslogs-create-group} option is {@code true}
     * @param nonBlocking the {@code mode} option is {@code non-blocking} (ECS's default since June 25, 2025)
     * @param maxBufferBytes the {@code max-buffer-size} option in bytes (default 10 MiB): what a non-blocking stream
     *     holds before it drops lines
     */
    record AwsLogsRequest(
            String taskArn,
            String containerName,
            String executionRole,
            String logGroup,
            String region,
            String streamPrefix,
            boolean createGroup,
            boolean nonBlocking,
            long maxBufferBytes) {

        /** The task id: the last segment of the task ARN. */
        public String taskId() {
            return taskArn.substring(taskArn.lastIndexOf('/') + 1);
        }

        /** The stream the awslogs driver writes to on Fargate: {@code <prefix>/<container-name>/<task-id>}. */
        public String streamName() {
            return streamPrefix + "/" + containerName + "/" + taskId();
        }
    }

    /**
     * An open log stream: lines written to it are put to CloudWatch Logs in batches, in order, as the execution role
     * ({@code logs:PutLogEvents}). A batch the service refuses (the role may not put events, the group or stream was
     * deleted) is dropped, as the driver drops it, and counted. Thread-safe.
     */
    interface LogStreamWriter extends AutoCloseable {
        /** The log group's name. */
        String logGroupName();

        /** The log stream's name. */
        String logStreamName();

        /**
         * Queues one line. In {@code blocking} mode this waits while the stream's buffer is full; in
         * {@code non-blocking} mode a line that does not fit in {@code max-buffer-size} is dropped.
         */
        void write(LogLine line);

        /** Lines dropped so far: buffer overflows in non-blocking mode, and batches the service refused. */
        long dropped();

        /** Puts what is still queued and stops; later writes are ignored. */
        @Override
        void close();
    }

    /**
     * One line of a container's output.
     *
     * @param timestampMillis when it was written, in milliseconds since the epoch
     * @param message the line without its line break
     */
    record LogLine(long timestampMillis, String message) {}

    /** The stream cannot be opened; the message says why, as Fargate says it. */
    final class LogFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LogFailure(String message) {
            super(message);
        }
    }
}
