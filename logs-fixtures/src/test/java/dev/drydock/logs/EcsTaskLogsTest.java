package dev.drydock.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * ECS tasks whose containers use the {@code awslogs} log driver, as Fargate runs them (simulated runtime): each line a
 * container writes becomes an event of stream {@code <prefix>/<container>/<task id>} while the task runs, read through
 * the Logs API; streams (and groups, with {@code awslogs-create-group}) are created as the execution role, and each
 * refusal stops the task with stopCode TaskFailedToStart and Fargate's stopped reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EcsTaskLogsTest {
    private static final String PREFIX =
            "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: ";
    private static final String IMAGE = "drydock/busybox:1.35-local";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private SimulatedRuntime sim;
    private Drydock drydock;
    private EcsClient ecs;
    private CloudWatchLogsClient logs;
    private final String cluster = "logs";

    @BeforeAll
    void start() {
        sim = new SimulatedRuntime();
        drydock = Drydock.builder()
                .runtime(() -> sim)
                .fixture(LogsFixtures.logGroup("/ecs/web"))
                .fixture(IamFixtures.role("exec").policy("iam/exec-logs.json"))
                .fixture(IamFixtures.role("exec-create").policy("iam/exec-logs-create-group.json"))
                .fixture(IamFixtures.role("exec-stream-only").policy("iam/exec-logs-stream-only.json"))
                .fixture(IamFixtures.role("exec-nothing"))
                .start();
        ecs = drydock.client(EcsClient.builder());
        logs = drydock.client(CloudWatchLogsClient.builder());
        ecs.createCluster(r -> r.clusterName(cluster));
    }

    @AfterAll
    void stop() {
        if (drydock != null) {
            ecs.close();
            logs.close();
            drydock.close();
        }
    }

    private Task run(String role, Map<String, String> options) {
        String family = "logs-" + NAMES.incrementAndGet();
        ecs.registerTaskDefinition(r -> r.family(family)
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .executionRoleArn("arn:aws:iam::123456789012:role/" + role)
                .containerDefinitions(ContainerDefinition.builder()
                        .name("app")
                        .image(IMAGE)
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(options))
                        .build()));
        return ecs.runTask(r -> r.cluster(cluster)
                        .taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0"))))
                .tasks()
                .get(0);
    }

    private static Map<String, String> options(String group, String extraKey, String extraValue) {
        return extraKey == null
                ? Map.of("awslogs-group", group, "awslogs-region", "us-east-1", "awslogs-stream-prefix", "ecs")
                : Map.of(
                        "awslogs-group",
                        group,
                        "awslogs-region",
                        "us-east-1",
                        "awslogs-stream-prefix",
                        "ecs",
                        extraKey,
                        extraValue);
    }

    private Task awaitTask(Task task, Predicate<Task> condition) {
        Task[] last = new Task[1];
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    last[0] = ecs.describeTasks(r -> r.cluster(cluster).tasks(task.taskArn()))
                            .tasks()
                            .get(0);
                    return condition.test(last[0]);
                });
        return last[0];
    }

    private Task stopped(Task task) {
        Task t = awaitTask(task, x -> "STOPPED".equals(x.lastStatus()));
        assertThat(t.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(t.containers().get(0).runtimeId())
                .as("no container was created")
                .isNull();
        return t;
    }

    private List<String> messages(String group, String stream) {
        return logs
                .getLogEvents(r -> r.logGroupName(group).logStreamName(stream).startFromHead(true))
                .events()
                .stream()
                .map(OutputLogEvent::message)
                .toList();
    }

    @Test
    void linesReachTheStreamWhileTheTaskRunsAndTheRestWhenItStops() {
        drydock.decisionLog().clear();
        Task task = run("exec", options("/ecs/web", null, null));
        Task running = awaitTask(task, t -> "RUNNING".equals(t.lastStatus()));
        String container = running.containers().get(0).runtimeId();
        String stream = "ecs/app/" + taskId(task);

        long before = System.currentTimeMillis();
        sim.output(container, "listening on 8080", false);
        sim.output(container, "warning: slow start", true);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> messages("/ecs/web", stream).equals(List.of("listening on 8080", "warning: slow start")));
        List<OutputLogEvent> events = logs.getLogEvents(
                        r -> r.logGroupName("/ecs/web").logStreamName(stream).startFromHead(true))
                .events();
        assertThat(events).allSatisfy(e -> assertThat(e.timestamp()).isBetween(before, System.currentTimeMillis()));

        sim.output(container, "shutting down", false);
        sim.exit(container, 0);
        awaitTask(task, t -> "STOPPED".equals(t.lastStatus()));
        assertThat(messages("/ecs/web", stream)).endsWith("shutting down");

        String session = "arn:aws:sts::123456789012:assumed-role/exec/" + taskId(task);
        assertThat(drydock.decisionLog().decisions())
                .filteredOn(d -> d.principalArn().equals(session))
                .extracting(AuthorizationDecision::action)
                .contains("logs:CreateLogStream", "logs:PutLogEvents");
    }

    @Test
    void createGroupCreatesAMissingGroupAsTheExecutionRole() {
        Task task = run("exec-create", options("/ecs/created", "awslogs-create-group", "true"));
        awaitTask(task, t -> "RUNNING".equals(t.lastStatus()));
        assertThat(logs.describeLogStreams(r -> r.logGroupName("/ecs/created")).logStreams())
                .extracting(s -> s.logStreamName())
                .containsExactly("ecs/app/" + taskId(task));
    }

    @Test
    void aMissingGroupStopsTheTask() {
        Task t = stopped(run("exec", options("/ecs/missing", null, null)));
        assertThat(t.stoppedReason())
                .startsWith(PREFIX + "failed to create Cloudwatch log stream: operation error CloudWatch Logs: "
                        + "CreateLogStream, https response error StatusCode: 400, RequestID: ")
                .contains("ResourceNotFoundException: The specified log group does not exist.")
                .endsWith(" : exit status 1");
    }

    @Test
    void aDeniedCreateLogGroupStopsTheTask() {
        Task t = stopped(run("exec", options("/ecs/denied-group", "awslogs-create-group", "true")));
        assertThat(t.stoppedReason())
                .startsWith(PREFIX + "failed to create Cloudwatch log group: operation error CloudWatch Logs: "
                        + "CreateLogGroup, https response error StatusCode: 400, RequestID: ")
                .contains("api error AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec/"
                        + taskId(t) + " is not authorized to perform: logs:CreateLogGroup");
    }

    @Test
    void aDeniedCreateLogStreamStopsTheTask() {
        Task t = stopped(run("exec-nothing", options("/ecs/web", null, null)));
        assertThat(t.stoppedReason())
                .startsWith(PREFIX + "failed to create Cloudwatch log stream: ")
                .contains("api error AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec-nothing/"
                        + taskId(t) + " is not authorized to perform: logs:CreateLogStream");
    }

    @Test
    void aDeniedPutLogEventsDropsTheLinesAndTheTaskRuns() {
        Task task = run("exec-stream-only", options("/ecs/web", null, null));
        Task running = awaitTask(task, t -> "RUNNING".equals(t.lastStatus()));
        sim.output(running.containers().get(0).runtimeId(), "never stored", false);
        String session = "arn:aws:sts::123456789012:assumed-role/exec-stream-only/" + taskId(task);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> drydock.decisionLog().decisions().stream()
                        .anyMatch(d -> d.principalArn().equals(session)
                                && d.action().equals("logs:PutLogEvents")
                                && !d.allowed()));
        assertThat(messages("/ecs/web", "ecs/app/" + taskId(task))).isEmpty();
        assertThat(ecs.describeTasks(r -> r.cluster(cluster).tasks(task.taskArn()))
                        .tasks()
                        .get(0)
                        .lastStatus())
                .isEqualTo("RUNNING");
    }

    private static String taskId(Task t) {
        return t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1);
    }
}
