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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * The awslogs sink ECS writes container output to: streams opened as the execution role, lines put in order as events
 * with their timestamps, blocking and non-blocking buffers, and every failure with the stopped reason Fargate gives.
 */
class TaskLogSinkTest extends LogsTestBase {
    private static final String TASK = "arn:aws:ecs:us-east-1:123456789012:task/shop/0123456789abcdef0123456789abcdef";
    private static final String TASK_ID = "0123456789abcdef0123456789abcdef";

    @Override
    Drydock.Builder configure(Drydock.Builder builder) {
        return builder.fixture(LogsFixtures.logGroup("/ecs/web").retentionInDays(7))
                .fixture(IamFixtures.role("exec").policy("iam/exec-logs.json"))
                .fixture(IamFixtures.role("exec-create").policy("iam/exec-logs-create-group.json"))
                .fixture(IamFixtures.role("exec-stream-only").policy("iam/exec-logs-stream-only.json"))
                .fixture(IamFixtures.role("exec-nothing"));
    }

    private TaskLogSink sink() {
        return LogsServiceModule.of(drydock);
    }

    private static AwsLogsRequest request(String role, String group, boolean createGroup) {
        return new AwsLogsRequest(TASK, "app", role, group, "us-east-1", "web", createGroup, false, 10L << 20);
    }

    private List<OutputLogEvent> events(String group, String stream) {
        return logs.getLogEvents(
                        r -> r.logGroupName(group).logStreamName(stream).startFromHead(true))
                .events();
    }

    @Test
    void containerLinesReachTheStreamAsEventsInOrder() {
        drydock.decisionLog().clear();
        LogStreamWriter w = sink().open(request("exec", "/ecs/web", false));
        assertThat(w.logGroupName()).isEqualTo("/ecs/web");
        assertThat(w.logStreamName()).isEqualTo("web/app/" + TASK_ID);
        long t = System.currentTimeMillis();
        w.write(new LogLine(t, "hello"));
        w.write(new LogLine(t + 1, "world"));
        w.write(new LogLine(t + 2, "x".repeat(300_000)));
        w.close();
        List<OutputLogEvent> events = events("/ecs/web", "web/app/" + TASK_ID);
        assertThat(events).extracting(OutputLogEvent::message).startsWith("hello", "world");
        assertThat(events).extracting(OutputLogEvent::timestamp).startsWith(t, t + 1);
        assertThat(events).hasSize(4);
        assertThat(events.get(2).message().length() + events.get(3).message().length())
                .isEqualTo(300_000);
        assertThat(decisions("exec"))
                .extracting(d -> d.action())
                .startsWith("logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(decisions("exec").get(0).principalArn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/exec/" + TASK_ID);
        assertThat(w.dropped()).isZero();
        // opening again (a restarted container) keeps the stream
        sink().open(request("exec", "/ecs/web", false)).close();
    }

    @Test
    void linesArriveWhileTheStreamIsOpen() throws Exception {
        LogStreamWriter w =
                sink().open(new AwsLogsRequest(TASK, "live", "exec", "/ecs/web", null, "web", false, true, 10L << 20));
        w.write(new LogLine(System.currentTimeMillis(), "first"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (events("/ecs/web", "web/live/" + TASK_ID).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(events("/ecs/web", "web/live/" + TASK_ID))
                .extracting(OutputLogEvent::message)
                .containsExactly("first");
        w.close();
    }

    @Test
    void theFailureReportShowsATaskStreamsLastEventsAndWhatWasDropped() {
        LogStreamWriter w =
                sink().open(new AwsLogsRequest(TASK, "report", "exec", "/ecs/web", null, "web", false, true, 1024));
        long t = System.currentTimeMillis() - 60_000;
        for (int i = 1; i <= 12; i++) {
            w.write(new LogLine(t + i, "line " + i));
        }
        w.write(new LogLine(t + 13, "y".repeat(2000))); // beyond the 1024-byte buffer: dropped
        w.close();
        LogStreamWriter old =
                sink().open(new AwsLogsRequest(TASK, "old", "exec", "/ecs/web", null, "web", false, true, 1024));
        old.write(new LogLine(t - Duration.ofDays(15).toMillis(), "too old for PutLogEvents: rejected"));
        old.close();
        LogStreamWriter longLine =
                sink().open(new AwsLogsRequest(TASK, "long", "exec", "/ecs/web", null, "web", false, true, 1024));
        longLine.write(new LogLine(t, "z".repeat(500)));
        longLine.close();
        String report = drydock.diagnostics();
        assertThat(report)
                .contains("Drydock awslogs streams of tasks")
                .contains("/ecs/web web/report/" + TASK_ID + " (closed), 12 events, 1 lines dropped, the last 10:")
                .contains("    " + Instant.ofEpochMilli(t + 12) + " line 12\n")
                .contains("    " + Instant.ofEpochMilli(t + 3) + " line 3\n")
                .doesNotContain(" line 2\n")
                .contains("/ecs/web web/old/" + TASK_ID + " (closed), 0 events, 1 lines dropped\n")
                .contains("/ecs/web web/long/" + TASK_ID + " (closed), 1 event:\n")
                .contains("    " + Instant.ofEpochMilli(t) + " " + "z".repeat(200) + " ... (500 characters)\n");
    }

    @Test
    void nonBlockingDropsWhatDoesNotFitItsBuffer() {
        LogStreamWriter w =
                sink().open(new AwsLogsRequest(TASK, "small", "exec", "/ecs/web", null, "web", false, true, 1024));
        long t = System.currentTimeMillis();
        for (int i = 0; i < 200; i++) {
            w.write(new LogLine(t, "line " + "x".repeat(100) + " " + i));
        }
        w.close();
        int stored = events("/ecs/web", "web/small/" + TASK_ID).size();
        assertThat(w.dropped()).isPositive();
        assertThat(stored + w.dropped()).isEqualTo(200);
    }

    @Test
    void blockingWaitsForRoomInsteadOfDropping() throws Exception {
        LogStreamWriter w =
                sink().open(new AwsLogsRequest(TASK, "blocking", "exec", "/ecs/web", null, "web", false, false, 1024));
        long t = System.currentTimeMillis();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 10_000; i++) {
                w.write(new LogLine(t, "line " + i));
            }
        });
        writer.get(30, TimeUnit.SECONDS);
        w.close();
        assertThat(w.dropped()).isZero();
        List<OutputLogEvent> events = logs.getLogEvents(r -> r.logGroupName("/ecs/web")
                        .logStreamName("web/blocking/" + TASK_ID)
                        .startFromHead(false)
                        .limit(1))
                .events();
        assertThat(events).extracting(OutputLogEvent::message).containsExactly("line 9999");
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
                .endsWith(", ResourceNotFoundException: The specified log group does not exist. : exit status 1");
    }

    @Test
    void createGroupNeedsCreateLogGroupWhenTheGroupIsMissing() {
        String message = catchThrowableOfType(
                        LogFailure.class, () -> sink().open(request("exec", "/ecs/created", true)))
                .getMessage();
        assertThat(message)
                .startsWith("ResourceInitializationError: failed to validate logger args: create stream has been "
                        + "retried 1 times: failed to create Cloudwatch log group: operation error CloudWatch Logs: "
                        + "CreateLogGroup, https response error StatusCode: 400, RequestID: ")
                .endsWith(", api error AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec/"
                        + TASK_ID + " is not authorized to perform: logs:CreateLogGroup on resource: "
                        + "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/created:log-stream: because no "
                        + "identity-based policy allows the logs:CreateLogGroup action : exit status 1");
        LogStreamWriter w = sink().open(request("exec-create", "/ecs/created", true));
        w.write(new LogLine(System.currentTimeMillis(), "created"));
        w.close();
        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("/ecs/created"))
                        .logGroups())
                .hasSize(1);
        // the group exists now: a role without CreateLogGroup opens streams in it, as the driver tries the stream first
        sink().open(request("exec", "/ecs/created", true)).close();
    }

    @Test
    void aRoleThatMayNotCreateTheStreamCannotStartTheTask() {
        assertThat(catchThrowableOfType(LogFailure.class, () -> sink().open(request("exec-nothing", "/ecs/web", false)))
                        .getMessage())
                .contains("failed to create Cloudwatch log stream: operation error CloudWatch Logs: CreateLogStream")
                .contains("api error AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec-nothing/"
                        + TASK_ID + " is not authorized to perform: logs:CreateLogStream on resource: "
                        + "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:log-stream:web/app/" + TASK_ID)
                .endsWith(" : exit status 1");
        assertThat(catchThrowableOfType(LogFailure.class, () -> sink().open(request(null, "/ecs/web", false)))
                        .getMessage())
                .contains("no execution role");
    }

    @Test
    void aRoleThatMayNotPutEventsLosesItsLinesAndTheDecisionLogSaysWhy() {
        drydock.decisionLog().clear();
        LogStreamWriter w = sink().open(new AwsLogsRequest(
                TASK, "mute", "exec-stream-only", "/ecs/web", null, "web", false, false, 1024));
        w.write(new LogLine(System.currentTimeMillis(), "lost"));
        w.close();
        assertThat(events("/ecs/web", "web/mute/" + TASK_ID)).isEmpty();
        assertThat(w.dropped()).isEqualTo(1);
        assertThat(decisions("exec-stream-only"))
                .filteredOn(d -> d.action().equals("logs:PutLogEvents"))
                .singleElement()
                .satisfies(d -> assertThat(d.decision().simulatorValue()).isEqualTo("implicitDeny"));
    }
}
