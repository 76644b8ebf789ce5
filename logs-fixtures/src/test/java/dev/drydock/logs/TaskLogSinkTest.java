package dev.drydock.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.spi.TaskLogSink;
import dev.drydock.core.spi.TaskLogSink.AwsLogsRequest;
import dev.drydock.core.spi.TaskLogSink.LogFailure;
import dev.drydock.core.spi.TaskLogSink.LogLine;
import dev.drydock.core.spi.TaskLogSink.LogStreamWriter;
import dev.drydock.logs.internal.LogsServiceModule;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * The SPI ECS ships awslogs container output through, as the task's execution role: the stream
 * {@code <prefix>/<container>/<task-id>}, awslogs-create-group, authorization, and Fargate's failures.
 */
class TaskLogSinkTest extends LogsTestBase {
    private static final String TASK = "arn:aws:ecs:us-east-1:123456789012:task/shop/0123456789abcdef0123456789abcdef";
    private static final String TASK_ID = "0123456789abcdef0123456789abcdef";

    @Override
    Drydock.Builder configure(Drydock.Builder builder) {
        return builder.fixture(LogsFixtures.logGroup("/ecs/web").retentionInDays(7))
                .fixture(IamFixtures.role("exec").policy("iam/exec-logs.json"))
                .fixture(IamFixtures.role("exec-create").policy("iam/exec-logs-create-group.json"))
                .fixture(IamFixtures.role("exec-nothing"));
    }

    private TaskLogSink sink() {
        return LogsServiceModule.of(drydock);
    }

    private static AwsLogsRequest request(String role, String group, boolean createGroup) {
        return new AwsLogsRequest(TASK, "app", role, group, "us-east-1", "web", createGroup);
    }

    @Test
    void containerLinesReachTheStreamAsEvents() {
        drydock.decisionLog().clear();
        LogStreamWriter w = sink().open(request("exec", "/ecs/web", false));
        assertThat(w.logGroupName()).isEqualTo("/ecs/web");
        assertThat(w.logStreamName()).isEqualTo("web/app/" + TASK_ID);
        long t = System.currentTimeMillis();
        w.append(List.of(new LogLine(t, "hello"), new LogLine(t + 1, "world")));
        w.append(List.of(new LogLine(t + 2, "x".repeat(300_000))));
        List<OutputLogEvent> events = logs.getLogEvents(r -> r.logGroupName("/ecs/web")
                        .logStreamName("web/app/" + TASK_ID)
                        .startFromHead(true))
                .events();
        assertThat(events).extracting(OutputLogEvent::message).startsWith("hello", "world");
        assertThat(events).hasSize(4);
        assertThat(events.get(2).message().length() + events.get(3).message().length())
                .isEqualTo(300_000);
        assertThat(decisions("exec"))
                .extracting(d -> d.action())
                .containsExactly("logs:CreateLogStream", "logs:PutLogEvents", "logs:PutLogEvents");
        assertThat(decisions("exec").get(0).principalArn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/exec/" + TASK_ID);
        // opening again (a restarted container) keeps the stream
        sink().open(request("exec", "/ecs/web", false));
    }

    @Test
    void aMissingGroupWithoutCreateGroupStopsTheTaskAsFargateDoes() {
        String message = catchThrowableOfType(
                        LogFailure.class, () -> sink().open(request("exec", "/ecs/missing", false)))
                .getMessage();
        assertThat(message)
                .startsWith("ResourceInitializationError: failed to validate logger args: create stream has been "
                        + "retried 1 times: failed to create Cloudwatch log stream: operation error CloudWatch Logs: "
                        + "CreateLogStream, https response error StatusCode: 400, RequestID: ")
                .endsWith(", api error ResourceNotFoundException: The specified log group does not exist. : exit "
                        + "status 1");
    }

    @Test
    void createGroupNeedsCreateLogGroup() {
        String message = catchThrowableOfType(
                        LogFailure.class, () -> sink().open(request("exec", "/ecs/created", true)))
                .getMessage();
        assertThat(message)
                .contains("failed to create Cloudwatch log group: operation error CloudWatch Logs: CreateLogGroup")
                .contains("api error AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec/"
                        + TASK_ID + " is not authorized to perform: logs:CreateLogGroup on resource: "
                        + "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/created:log-stream: because no "
                        + "identity-based policy allows the logs:CreateLogGroup action : exit status 1");
        LogStreamWriter w = sink().open(request("exec-create", "/ecs/created", true));
        w.append(List.of(new LogLine(System.currentTimeMillis(), "created")));
        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("/ecs/created"))
                        .logGroups())
                .hasSize(1);
        // the group exists now: create-group is fine with that
        sink().open(request("exec-create", "/ecs/created", true));
    }

    @Test
    void aRoleThatMayNotWriteCannotOpenTheStream() {
        assertThat(catchThrowableOfType(LogFailure.class, () -> sink().open(request("exec-nothing", "/ecs/web", false)))
                        .getMessage())
                .contains("api error AccessDeniedException")
                .contains("logs:CreateLogStream on resource: arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:"
                        + "log-stream:web/app/" + TASK_ID);
        assertThat(catchThrowableOfType(
                                LogFailure.class,
                                () -> sink().open(new AwsLogsRequest(
                                        TASK, "app", "exec", "/ecs/web", "us-east-1", null, false)))
                        .getMessage())
                .contains("awslogs-stream-prefix is required on Fargate");
        assertThat(catchThrowableOfType(LogFailure.class, () -> sink().open(request(null, "/ecs/web", false)))
                        .getMessage())
                .contains("no executionRoleArn");
    }
}
