package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.ecs.internal.EcsServiceModule;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * On a real Docker engine: containers as the ECS agent runs them. The task metadata endpoint (v4) answered to a client
 * inside the container, health checks and the health status they give containers and tasks (and a service replacing
 * an unhealthy task), dependsOn conditions gating container start, and stopTimeout (SIGTERM, then SIGKILL).
 */
class ContainerBehaviourDockerTest {
    private static final String IMAGE = "drydock/busybox:1.35-local";
    private static final String CLUSTER = "behaviour";
    private static Drydock drydock;
    private static EcsClient ecs;

    @BeforeAll
    static void start() {
        drydock = Drydock.start();
        ecs = drydock.client(EcsClient.builder());
        ecs.createCluster(r -> r.clusterName(CLUSTER));
    }

    @AfterAll
    static void stop() {
        if (ecs != null) {
            ecs.close();
        }
        if (drydock != null) {
            drydock.close();
        }
    }

    // --------------------------------------------------------------------------------------- metadata endpoint

    @Test
    void theMetadataEndpointAnswersAClientInsideTheContainer() throws IOException {
        String script = "sleep 1; u=$ECS_CONTAINER_METADATA_URI_V4; echo \"URI $u\"; "
                + "echo \"CONTAINER $(wget -q -O - $u)\"; echo \"TASK $(wget -q -O - $u/task)\"; "
                + "echo \"TAGS $(wget -q -O - $u/taskWithTags)\"; "
                // stats are sampled in the background: null until the first sample, as on ECS
                + "for i in 1 2 3 4 5 6 7 8 9 10; do s=$(wget -q -O - $u/stats); [ \"$s\" != null ] && break; "
                + "sleep 1; done; echo \"STATS $s\"; echo \"TASKSTATS $(wget -q -O - $u/task/stats)\"";
        register(
                "metadata",
                ContainerDefinition.builder()
                        .name("app")
                        .image(IMAGE)
                        .essential(true)
                        .cpu(128)
                        .memory(256)
                        .dockerLabels(Map.of("team", "orders"))
                        .command("sh", "-c", script)
                        .build(),
                ContainerDefinition.builder()
                        .name("sidecar")
                        .image(IMAGE)
                        .essential(false)
                        .command("sleep", "600")
                        .stopTimeout(2)
                        .build());
        Task task = ecs.runTask(r -> r.cluster(CLUSTER)
                        .taskDefinition("metadata")
                        .launchType(LaunchType.FARGATE)
                        .tags(t -> t.key("env").value("test"))
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))))
                .tasks()
                .get(0);
        Task stopped = awaitTask(task, t -> "STOPPED".equals(t.lastStatus()));
        assertThat(container(stopped, "app").exitCode())
                .as(logs(task, "app").toString())
                .isZero();
        List<String> log = logs(task, "app");
        String taskId = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        String privateIp = container(stopped, "app").networkInterfaces().get(0).privateIpv4Address();

        assertThat(line(log, "URI ")).matches("http://127\\.0\\.0\\.1:51679/v4/" + taskId + "-\\d+");
        Map<String, Object> container = json(line(log, "CONTAINER "));
        assertThat(container.get("DockerId"))
                .isEqualTo(line(log, "URI ").substring(line(log, "URI ").lastIndexOf('/') + 1));
        assertThat(container)
                .containsEntry("Name", "app")
                .containsEntry("DockerName", "app")
                .containsEntry("Image", IMAGE)
                .containsEntry("DesiredStatus", "RUNNING")
                .containsEntry("KnownStatus", "RUNNING")
                .containsEntry("Type", "NORMAL")
                .containsEntry("ContainerARN", container(stopped, "app").containerArn());
        assertThat((String) container.get("ImageID")).startsWith("sha256:");
        assertThat(container.get("Labels"))
                .isEqualTo(Map.of(
                        "team",
                        "orders",
                        "com.amazonaws.ecs.cluster",
                        stopped.clusterArn(),
                        "com.amazonaws.ecs.container-name",
                        "app",
                        "com.amazonaws.ecs.task-arn",
                        task.taskArn(),
                        "com.amazonaws.ecs.task-definition-family",
                        "metadata",
                        "com.amazonaws.ecs.task-definition-version",
                        revision(stopped)));
        assertThat(container.get("Limits")).isEqualTo(Map.of("CPU", 128L, "Memory", 256L));
        assertThat(container).containsKeys("CreatedAt", "StartedAt");
        Map<String, Object> network = map(((List<?>) container.get("Networks")).get(0));
        assertThat(network)
                .containsEntry("NetworkMode", "awsvpc")
                .containsEntry("IPv4Addresses", List.of(privateIp))
                .containsEntry("AttachmentIndex", 0L)
                .containsKeys("MACAddress", "IPv4SubnetCIDRBlock", "PrivateDNSName", "SubnetGatewayIpv4Address");
        assertThat((String) network.get("PrivateDNSName"))
                .isEqualTo("ip-" + privateIp.replace('.', '-') + ".ec2.internal");

        Map<String, Object> taskDoc = json(line(log, "TASK "));
        assertThat(taskDoc)
                .containsEntry("Cluster", stopped.clusterArn())
                .containsEntry("TaskARN", task.taskArn())
                .containsEntry("Family", "metadata")
                .containsEntry("Revision", revision(stopped))
                .containsEntry("DesiredStatus", "RUNNING")
                .containsEntry("KnownStatus", "RUNNING")
                .containsEntry("AvailabilityZone", stopped.availabilityZone())
                .containsEntry("LaunchType", "FARGATE")
                .containsKeys("PullStartedAt", "PullStoppedAt")
                .doesNotContainKey("TaskTags");
        assertThat(map(taskDoc.get("Limits")).get("CPU").toString()).isEqualTo("0.25");
        assertThat(map(taskDoc.get("Limits"))).containsEntry("Memory", 512L);
        List<?> containers = (List<?>) taskDoc.get("Containers");
        assertThat(containers).extracting(c -> map(c).get("Name")).containsExactly("app", "sidecar");
        assertThat(map(containers.get(0)).get("DockerId")).isEqualTo(container.get("DockerId"));

        assertThat(json(line(log, "TAGS "))).containsEntry("TaskTags", Map.of("env", "test"));

        Map<String, Object> stats = json(line(log, "STATS "));
        assertThat(stats)
                .containsKeys("read", "preread", "cpu_stats", "precpu_stats", "memory_stats", "networks")
                .containsEntry("id", container.get("DockerId"))
                .containsEntry("name", "app");
        assertThat(map(map(stats.get("cpu_stats")).get("cpu_usage")).get("total_usage"))
                .isNotEqualTo(0L);
        Map<String, Object> taskStats = json(line(log, "TASKSTATS "));
        String sidecarId = (String) map(containers.get(1)).get("DockerId");
        assertThat(taskStats).containsOnlyKeys((String) container.get("DockerId"), sidecarId);
        assertThat(map(taskStats.get(sidecarId)))
                .containsEntry("name", "sidecar")
                .containsKey("memory_stats");
    }

    // --------------------------------------------------------------------------------------------- health

    @Test
    void healthChecksGiveContainersAndTheTaskTheirHealthStatus() {
        register(
                "health",
                ContainerDefinition.builder()
                        .name("web")
                        .image(IMAGE)
                        .essential(true)
                        .command("sh", "-c", "touch /tmp/ok; sleep 9; rm /tmp/ok; sleep 600")
                        .stopTimeout(2)
                        .healthCheck(check("test -f /tmp/ok"))
                        .build(),
                ContainerDefinition.builder()
                        .name("unchecked")
                        .image(IMAGE)
                        .essential(true)
                        .command("sleep", "600")
                        .stopTimeout(2)
                        .build());
        Task task = run("health");
        assertThat(task.healthStatusAsString()).isEqualTo("UNKNOWN");
        assertThat(container(task, "web").healthStatusAsString()).isEqualTo("UNKNOWN");

        Task healthy = awaitTask(task, t -> "HEALTHY".equals(t.healthStatusAsString()));
        assertThat(container(healthy, "web").healthStatusAsString()).isEqualTo("HEALTHY");
        assertThat(container(healthy, "unchecked").healthStatusAsString()).isEqualTo("UNKNOWN");

        Task unhealthy = awaitTask(task, t -> "UNHEALTHY".equals(t.healthStatusAsString()));
        assertThat(container(unhealthy, "web").healthStatusAsString()).isEqualTo("UNHEALTHY");
        // a task RunTask started keeps running whatever its health, as on ECS
        assertThat(unhealthy.lastStatus()).isEqualTo("RUNNING");
        assertThat(unhealthy.desiredStatus()).isEqualTo("RUNNING");
        ecs.stopTask(r -> r.cluster(CLUSTER).task(task.taskArn()));
        awaitTask(task, t -> "STOPPED".equals(t.lastStatus()));
    }

    @Test
    void aServiceReplacesATaskThatFailsItsHealthChecks() {
        register(
                "sick",
                ContainerDefinition.builder()
                        .name("web")
                        .image(IMAGE)
                        .essential(true)
                        .command("sleep", "600")
                        .stopTimeout(2)
                        .healthCheck(check("exit 1"))
                        .build());
        ecs.createService(r -> r.cluster(CLUSTER)
                .serviceName("sick")
                .taskDefinition("sick")
                .desiredCount(1)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))));
        try {
            String first = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> ecs.listTasks(r -> r.cluster(CLUSTER).serviceName("sick"))
                                    .taskArns(),
                            l -> !l.isEmpty())
                    .get(0);
            Task replaced = awaitTask(
                    ecs.describeTasks(r -> r.cluster(CLUSTER).tasks(first))
                            .tasks()
                            .get(0),
                    t -> "STOPPED".equals(t.lastStatus()));
            assertThat(replaced.stopCode()).isEqualTo(TaskStopCode.SERVICE_SCHEDULER_INITIATED);
            assertThat(replaced.stoppedReason()).isEqualTo("Task failed container health checks");
            assertThat(replaced.healthStatusAsString()).isEqualTo("UNHEALTHY");
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> ecs.listTasks(r -> r.cluster(CLUSTER).serviceName("sick"))
                                    .taskArns(),
                            l -> !l.isEmpty() && !l.contains(first));
        } finally {
            ecs.deleteService(r -> r.cluster(CLUSTER).service("sick").force(true));
        }
    }

    // ------------------------------------------------------------------------------------------ dependsOn

    @Test
    void dependsOnConditionsGateContainerStart() {
        register(
                "ordered",
                ContainerDefinition.builder()
                        .name("sidecar")
                        .image(IMAGE)
                        .essential(true)
                        .command("sleep", "600")
                        .stopTimeout(2)
                        .dependsOn(d -> d.containerName("app").condition(ContainerCondition.HEALTHY))
                        .build(),
                ContainerDefinition.builder()
                        .name("app")
                        .image(IMAGE)
                        .essential(true)
                        .command("sh", "-c", "sleep 2; touch /tmp/ready; sleep 600")
                        .stopTimeout(2)
                        .healthCheck(check("test -f /tmp/ready"))
                        .dependsOn(
                                d -> d.containerName("init").condition(ContainerCondition.SUCCESS),
                                d -> d.containerName("migrate").condition(ContainerCondition.COMPLETE))
                        .build(),
                ContainerDefinition.builder()
                        .name("init")
                        .image(IMAGE)
                        .essential(false)
                        .command("sh", "-c", "sleep 2; exit 0")
                        .build(),
                ContainerDefinition.builder()
                        .name("migrate")
                        .image(IMAGE)
                        .essential(false)
                        .command("sh", "-c", "exit 4")
                        .build());
        Task task = run("ordered");
        Task pending = awaitTask(task, t -> "RUNNING".equals(container(t, "app").lastStatus()));
        assertThat(pending.lastStatus()).isEqualTo("PENDING");
        assertThat(container(pending, "sidecar").lastStatus()).isEqualTo("PENDING");

        Task running = awaitTask(task, t -> "RUNNING".equals(t.lastStatus()));
        assertThat(container(running, "sidecar").lastStatus()).isEqualTo("RUNNING");
        assertThat(container(running, "init").exitCode()).isZero();
        assertThat(container(running, "migrate").exitCode()).isEqualTo(4);
        List<String> events = timeline(task);
        assertThat(events).containsSubsequence("container init STOPPED", "container app RUNNING");
        assertThat(events).containsSubsequence("container migrate STOPPED", "container app RUNNING");
        assertThat(events).containsSubsequence("container app HEALTHY", "container sidecar RUNNING");
        ecs.stopTask(r -> r.cluster(CLUSTER).task(task.taskArn()));
        awaitTask(task, t -> "STOPPED".equals(t.lastStatus()));
    }

    @Test
    void aFailedInitContainerStopsTheTaskAndItsDependentsNeverStart() {
        register(
                "init-fails",
                ContainerDefinition.builder()
                        .name("init")
                        .image(IMAGE)
                        .essential(false)
                        .command("sh", "-c", "exit 3")
                        .build(),
                ContainerDefinition.builder()
                        .name("app")
                        .image(IMAGE)
                        .essential(true)
                        .command("sleep", "600")
                        .stopTimeout(2)
                        .dependsOn(d -> d.containerName("init").condition(ContainerCondition.SUCCESS))
                        .build());
        Task stopped = awaitTask(run("init-fails"), t -> "STOPPED".equals(t.lastStatus()));

        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(container(stopped, "init").exitCode()).isEqualTo(3);
        Container app = container(stopped, "app");
        assertThat(app.runtimeId()).isNull();
        assertThat(app.exitCode()).isEqualTo(143);
        assertThat(app.reason())
                .isEqualTo("CannotStartContainerError: dependency graph: failed to resolve container "
                        + "ordering dependency [init(" + IMAGE + ") (STOPPED->RUNNING) - Exit: 3] for target [app("
                        + IMAGE
                        + ") (NONE->RUNNING)] as dependency did not exit successfully.");
    }

    @Test
    void anUnhealthyDependencyKeepsItsDependentWaitingUntilItsStartTimeout() {
        register(
                "never-healthy",
                ContainerDefinition.builder()
                        .name("db")
                        .image(IMAGE)
                        .essential(false)
                        .command("sleep", "600")
                        .stopTimeout(2)
                        .startTimeout(12)
                        .healthCheck(check("exit 1"))
                        .build(),
                ContainerDefinition.builder()
                        .name("app")
                        .image(IMAGE)
                        .essential(true)
                        .command("sleep", "600")
                        .dependsOn(d -> d.containerName("db").condition(ContainerCondition.HEALTHY))
                        .build());
        Task task = run("never-healthy");
        Task unhealthy =
                awaitTask(task, t -> "UNHEALTHY".equals(container(t, "db").healthStatusAsString()));
        // an unhealthy container may recover: its dependents wait, as the ECS agent lets them
        assertThat(unhealthy.lastStatus()).isEqualTo("PENDING");
        assertThat(container(unhealthy, "app").lastStatus()).isEqualTo("PENDING");

        Task stopped = awaitTask(task, t -> "STOPPED".equals(t.lastStatus()));
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(container(stopped, "app").runtimeId()).isNull();
        assertThat(container(stopped, "app").exitCode()).isEqualTo(143);
        assertThat(container(stopped, "app").reason())
                .isEqualTo("CannotStartContainerError: dependency graph: "
                        + "container ordering dependency [db(" + IMAGE + ") (RUNNING->RUNNING)] for target [app("
                        + IMAGE
                        + ") (NONE->RUNNING)] has timed out.");
    }

    // ------------------------------------------------------------------------- stopTimeout and exit codes

    @Test
    void stopSendsSigtermThenSigkillAfterTheStopTimeout() {
        register(
                "graceful",
                ContainerDefinition.builder()
                        .name("graceful")
                        .image(IMAGE)
                        .essential(true)
                        .command("sh", "-c", "trap 'echo got SIGTERM; exit 7' TERM; while :; do sleep 1; done")
                        .build(),
                ContainerDefinition.builder()
                        .name("stubborn")
                        .image(IMAGE)
                        .essential(true)
                        .stopTimeout(3)
                        .command("sh", "-c", "trap '' TERM; while :; do sleep 1; done")
                        .build(),
                ContainerDefinition.builder()
                        .name("helper")
                        .image(IMAGE)
                        .essential(false)
                        .command("sh", "-c", "exit 5")
                        .build());
        Task task = run("graceful");
        Task running = awaitTask(
                task,
                t -> "RUNNING".equals(t.lastStatus())
                        && "STOPPED".equals(container(t, "helper").lastStatus()));
        // a non-essential container may exit without stopping the task
        assertThat(container(running, "helper").exitCode()).isEqualTo(5);
        assertThat(running.desiredStatus()).isEqualTo("RUNNING");

        ecs.stopTask(r -> r.cluster(CLUSTER).task(task.taskArn()));
        Task stopped = awaitTask(task, t -> "STOPPED".equals(t.lastStatus()));

        assertThat(container(stopped, "graceful").exitCode()).isEqualTo(7);
        assertThat(logs(task, "graceful")).contains("got SIGTERM");
        assertThat(container(stopped, "stubborn").exitCode()).isEqualTo(137);
        assertThat(Duration.between(stopped.stoppingAt(), stopped.executionStoppedAt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static HealthCheck check(String shell) {
        return HealthCheck.builder()
                .command("CMD-SHELL", shell)
                .interval(5)
                .timeout(2)
                .retries(1)
                .build();
    }

    private static void register(String family, ContainerDefinition... containers) {
        ecs.registerTaskDefinition(r -> r.family(family)
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(containers));
    }

    private static Task run(String family) {
        return ecs.runTask(r -> r.cluster(CLUSTER)
                        .taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))))
                .tasks()
                .get(0);
    }

    private static Task awaitTask(Task task, Predicate<Task> condition) {
        return await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> ecs.describeTasks(r -> r.cluster(CLUSTER).tasks(task.taskArn()))
                                .tasks()
                                .get(0),
                        condition::test);
    }

    private static Container container(Task t, String name) {
        return t.containers().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static String revision(Task t) {
        return t.taskDefinitionArn().substring(t.taskDefinitionArn().lastIndexOf(':') + 1);
    }

    private static TaskRecord record(Task task) {
        return EcsServiceModule.of(drydock).backend().allTasks().stream()
                .filter(t -> t.arn().equals(task.taskArn()))
                .findFirst()
                .orElseThrow();
    }

    /** The container's last log lines, as captured when it stopped. */
    private static List<String> logs(Task task, String container) {
        return EcsServiceModule.of(drydock)
                .backend()
                .read(() -> record(task).containers().stream()
                        .filter(c -> c.name().equals(container))
                        .map(ContainerRecord::lastLogLines)
                        .findFirst()
                        .orElseThrow());
    }

    private static List<String> timeline(Task task) {
        List<String> events = new ArrayList<>();
        EcsServiceModule.of(drydock)
                .backend()
                .read(() -> List.copyOf(record(task).timeline()))
                .forEach(e -> events.add(e.event()));
        return events;
    }

    private static String line(List<String> log, String prefix) {
        return log.stream()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + "in " + log))
                .substring(prefix.length());
    }

    private static Map<String, Object> json(String text) throws IOException {
        return map(JsonTree.parse(text.getBytes(StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
