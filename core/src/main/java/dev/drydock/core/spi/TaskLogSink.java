package dev.drydock.core.spi;

import java.util.List;

/**
 * A service module that receives the output of a task's containers with the {@code awslogs} log driver (Amazon
 * CloudWatch Logs), so that ECS can ship container logs without depending on the module: it finds one with
 * {@code context.module(TaskLogSink.class)}. When none is on the classpath, a task whose container definition uses
 * {@code awslogs} cannot start (its stopped reason should name the artifact {@code dev.drydock:drydock-logs-fixtures}).
 *
 * <p>Implemented by the CloudWatch Logs module of {@code drydock-logs-fixtures}. Every call is authorized as
 * a session of the task's execution role named after the task and recorded in the decision log, as the awslogs
 * driver's calls are on Fargate: {@code logs:CreateLogGroup} (only with {@code awslogs-create-group}),
 * {@code logs:CreateLogStream} when the stream is opened, {@code logs:PutLogEvents} for every batch
 * ("Send Amazon ECS logs to CloudWatch",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html).
 */
public interface TaskLogSink extends ServiceModule {

    /**
     * Opens the log stream of one container of a starting task: creates the log group when
     * {@link AwsLogsRequest#createGroup()} is set and it does not exist yet, then the stream
     * {@code <awslogs-stream-prefix>/<container-name>/<task-id>} (kept if it already exists).
     *
     * @return the open stream, to append the container's output to
     * @throws LogFailure when the group is missing, the stream cannot be created, or the execution role may not;
     *     its message is the task's stopped reason, worded as Fargate words it
     *     ({@code ResourceInitializationError: failed to validate logger args: ...})
     */
    LogStreamWriter open(AwsLogsRequest request);

    /**
     * One container's {@code logConfiguration} with {@code "logDriver": "awslogs"}.
     *
     * @param taskArn the task's ARN (its id is the stream name's last part and the role session's name)
     * @param containerName the container's name
     * @param executionRole the task definition's {@code executionRoleArn} (name or ARN), or {@code null}
     * @param logGroup the {@code awslogs-group} option
     * @param region the {@code awslogs-region} option, or {@code null} for Drydock's region
     * @param streamPrefix the {@code awslogs-stream-prefix} option (Fargate requires it)
     * @param createGroup the {@code awslogs-create-group} option ({@code "true"})
     */
    record AwsLogsRequest(
            String taskArn,
            String containerName,
            String executionRole,
            String logGroup,
            String region,
            String streamPrefix,
            boolean createGroup) {

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
     * An open log stream. Thread-safe; appends keep their order.
     */
    interface LogStreamWriter {
        /** The log group's name. */
        String logGroupName();

        /** The log stream's name. */
        String logStreamName();

        /**
         * Puts a batch of events as the execution role (PutLogEvents: authorized, validated and stored as the API
         * does; events AWS would reject as too old or too new are dropped as PutLogEvents drops them).
         *
         * @param lines the events, in the order they were written
         * @throws LogFailure when the batch is refused (the role may not put events, the group or stream was
         *     deleted); the message is PutLogEvents' error, {@code <ErrorCode>: <message>}
         */
        void append(List<LogLine> lines);
    }

    /**
     * One line of a container's output.
     *
     * @param timestampMillis when it was written, in milliseconds since the epoch
     * @param message the line without its line break
     */
    record LogLine(long timestampMillis, String message) {}

    /** The stream cannot be opened or written; the message says why, as the awslogs driver says it. */
    final class LogFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LogFailure(String message) {
            super(message);
        }
    }
}
