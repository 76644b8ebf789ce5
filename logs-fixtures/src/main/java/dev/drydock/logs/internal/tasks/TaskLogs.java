package dev.drydock.logs.internal.tasks;

import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.Iam;
import dev.drydock.core.spi.TaskLogSink.AwsLogsRequest;
import dev.drydock.core.spi.TaskLogSink.LogFailure;
import dev.drydock.core.spi.TaskLogSink.LogLine;
import dev.drydock.core.spi.TaskLogSink.LogStreamWriter;
import dev.drydock.logs.LogsModule;
import dev.drydock.logs.internal.backend.LogEvent;
import dev.drydock.logs.internal.backend.LogsBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/**
 * The awslogs log driver as Fargate runs it for a task's containers ("Send Amazon ECS logs to CloudWatch",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html): with the task's execution role, it
 * creates the log group when {@code awslogs-create-group} is set (an existing group is fine), creates the stream
 * {@code <prefix>/<container>/<task-id>} (an existing stream is fine), and puts each batch of output with PutLogEvents,
 * splitting lines over 256 KB as the driver does. Every call goes through the API's checks and authorization and is
 * recorded in the decision log under the role's session. Failures to open carry the stopped reason Fargate gives
 * ({@code ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times:
 * failed to create Cloudwatch log stream: operation error CloudWatch Logs: CreateLogStream, https response error
 * StatusCode: 400, RequestID: <id>, api error <Code>: <message> : exit status 1}).
 */
public final class TaskLogs {
    private static final String PREFIX = "ResourceInitializationError: failed to validate logger args: ";

    private final Iam iam;
    private final String region;
    private final AdminCalls calls;

    /**
     * @param iam opens the execution role's sessions
     * @param region Drydock's region, the only {@code awslogs-region} it serves
     * @param calls runs CloudWatch Logs' handlers as those sessions, recorded in the decision log
     */
    public TaskLogs(Iam iam, String region, AdminCalls calls) {
        this.iam = iam;
        this.region = region;
        this.calls = calls;
    }

    /** See {@link dev.drydock.core.spi.TaskLogSink#open}. */
    public LogStreamWriter open(AwsLogsRequest r) {
        if (r.logGroup() == null || r.logGroup().isEmpty()) {
            throw new LogFailure(PREFIX + "awslogs-group is a required log option: name the log group in the "
                    + "container definition's logConfiguration.options.");
        }
        if (r.streamPrefix() == null || r.streamPrefix().isEmpty()) {
            throw new LogFailure(PREFIX + "awslogs-stream-prefix is required on Fargate: give the container "
                    + "definition's logConfiguration.options an awslogs-stream-prefix.");
        }
        if (r.region() != null && !r.region().equals(region)) {
            throw new LogFailure(PREFIX + "awslogs-region " + r.region() + " is not Drydock's region " + region
                    + "; Drydock models one region.");
        }
        if (r.executionRole() == null || r.executionRole().isEmpty()) {
            throw new LogFailure(PREFIX + "the task definition has no executionRoleArn, which the awslogs log driver "
                    + "needs on Fargate to call logs:CreateLogStream and logs:PutLogEvents.");
        }
        String roleArn = iam.roleArn(r.executionRole())
                .orElseThrow(() -> new LogFailure("ResourceInitializationError: ECS was unable to assume the role '"
                        + r.executionRole() + "' that was provided for this task: the role does not exist."));
        Caller role = iam.assumeRole(roleArn, r.taskId(), Duration.ofHours(1)).caller();
        String stream = r.streamName();
        if (r.createGroup()) {
            create(
                    role,
                    "CreateLogGroup",
                    "log group",
                    CreateLogGroupRequest.builder().logGroupName(r.logGroup()).build(),
                    CreateLogGroupResponse.class);
        }
        create(
                role,
                "CreateLogStream",
                "log stream",
                CreateLogStreamRequest.builder()
                        .logGroupName(r.logGroup())
                        .logStreamName(stream)
                        .build(),
                CreateLogStreamResponse.class);
        return new Writer(role, r.logGroup(), stream);
    }

    private void create(
            Caller role, String operation, String what, SdkPojo request, Class<? extends SdkPojo> response) {
        String requestId = UUID.randomUUID().toString();
        try {
            calls.callAs(role, requestId, LogsModule.SIGNING_NAME, request, response);
        } catch (AwsException e) {
            if (e.errorCode().equals("ResourceAlreadyExistsException")) {
                return;
            }
            throw new LogFailure(PREFIX + "create stream has been retried 1 times: failed to create Cloudwatch " + what
                    + ": operation error CloudWatch Logs: " + operation + ", https response error StatusCode: "
                    + e.httpStatus() + ", RequestID: " + requestId + ", api error " + e.errorCode() + ": "
                    + e.getMessage() + " : exit status 1");
        }
    }

    /** An open stream: appends go through PutLogEvents as the execution role. */
    private final class Writer implements LogStreamWriter {
        private final Caller role;
        private final String group;
        private final String stream;

        Writer(Caller role, String group, String stream) {
            this.role = role;
            this.group = group;
            this.stream = stream;
        }

        @Override
        public String logGroupName() {
            return group;
        }

        @Override
        public String logStreamName() {
            return stream;
        }

        @Override
        public synchronized void append(List<LogLine> lines) {
            List<InputLogEvent> batch = new ArrayList<>();
            long bytes = 0;
            for (LogLine line : lines) {
                for (String part : split(line.message())) {
                    long size = LogEvent.size(part);
                    if (batch.size() == 10_000 || bytes + size > LogsBackend.MAX_BATCH_BYTES) {
                        put(batch);
                        batch = new ArrayList<>();
                        bytes = 0;
                    }
                    batch.add(InputLogEvent.builder()
                            .timestamp(line.timestampMillis())
                            .message(part.isEmpty() ? " " : part)
                            .build());
                    bytes += size;
                }
            }
            if (!batch.isEmpty()) {
                put(batch);
            }
        }

        private void put(List<InputLogEvent> batch) {
            try {
                calls.callAs(
                        role,
                        UUID.randomUUID().toString(),
                        LogsModule.SIGNING_NAME,
                        PutLogEventsRequest.builder()
                                .logGroupName(group)
                                .logStreamName(stream)
                                .logEvents(batch)
                                .build(),
                        PutLogEventsResponse.class);
            } catch (AwsException e) {
                throw new LogFailure(e.errorCode() + ": " + e.getMessage());
            }
        }
    }

    /** A line in parts of at most 256 KB less the 26 bytes an event counts on top of its message. */
    static List<String> split(String message) {
        long max = LogsBackend.MAX_EVENT_BYTES - 26;
        if (LogEvent.utf8Length(message) <= max) {
            return List.of(message);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        long bytes = 0;
        int i = 0;
        while (i < message.length()) {
            int cp = message.codePointAt(i);
            long b = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + b > max) {
                parts.add(message.substring(start, i));
                start = i;
                bytes = 0;
            }
            bytes += b;
            i += Character.charCount(cp);
        }
        parts.add(message.substring(start));
        return parts;
    }
}
