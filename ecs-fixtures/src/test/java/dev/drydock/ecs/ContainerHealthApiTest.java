package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.runtime.ContainerState;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * Health status and dependsOn on the simulated runtime, where a test decides when checks fail and containers exit:
 * how containers' health makes the task's, what a service does with an unhealthy task, and which dependency
 * conditions let a container start or stop it for good. {@code ContainerBehaviourDockerTest} shows the same with
 * real containers.
 */
class ContainerHealthApiTest extends EcsApiTestBase {
    private static final HealthCheck CHECK =
            HealthCheck.builder().command("CMD-SHELL", "true").build();

    private static ContainerDefinition checked(String name, boolean essential) {
        return container(name).toBuilder()
                .essential(essential)
                .healthCheck(CHECK)
                .build();
    }

    private static Container container(Task t, String name) {
        return t.containers().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theTaskIsHealthyWhenItsEssentialContainersAreAndUnhealthyWhenOneIsNot() {
        String cluster = createCluster();
        String family = unique("health");
        register(fargate(family)
                .containerDefinitions(checked("app", true), checked("sidecar", false), container("plain")));
        Task task = runOne(cluster, family);

        Task healthy = awaitTask(cluster, task.taskArn(), t -> "HEALTHY".equals(t.healthStatusAsString()));
        assertThat(container(healthy, "app").healthStatusAsString()).isEqualTo("HEALTHY");
        assertThat(container(healthy, "plain").healthStatusAsString()).isEqualTo("UNKNOWN");

        // a non-essential container's health does not count while an essential one has a check
        sim.health(container(healthy, "sidecar").runtimeId(), ContainerState.Health.UNHEALTHY);
        Task sidecarSick = awaitTask(
                cluster,
                task.taskArn(),
                t -> "UNHEALTHY".equals(container(t, "sidecar").healthStatusAsString()));
        assertThat(sidecarSick.healthStatusAsString()).isEqualTo("HEALTHY");

        sim.health(container(healthy, "app").runtimeId(), ContainerState.Health.UNHEALTHY);
        Task unhealthy = awaitTask(cluster, task.taskArn(), t -> "UNHEALTHY".equals(t.healthStatusAsString()));
        // RunTask's tasks go on whatever their health
        assertThat(unhealthy.lastStatus()).isEqualTo("RUNNING");
        assertThat(unhealthy.desiredStatus()).isEqualTo("RUNNING");

        sim.health(container(healthy, "app").runtimeId(), ContainerState.Health.HEALTHY);
        assertThat(awaitTask(cluster, task.taskArn(), t -> "HEALTHY".equals(t.healthStatusAsString()))
                        .version())
                .isGreaterThan(unhealthy.version());
    }

    @Test
    void withoutHealthChecksTheTaskHealthIsUnknown() {
        String cluster = createCluster();
        String family = unique("nohealth");
        registerFargate(family);
        Task running = awaitRunning(cluster, runOne(cluster, family).taskArn());
        assertThat(running.healthStatusAsString()).isEqualTo("UNKNOWN");
        assertThat(container(running, "app").healthStatusAsString()).isEqualTo("UNKNOWN");
    }

    @Test
    void aServiceStopsAndReplacesAnUnhealthyTask() {
        String cluster = createCluster();
        String family = unique("sick");
        register(fargate(family).containerDefinitions(checked("app", true)));
        ecs.createService(r -> r.cluster(cluster)
                .serviceName("web")
                .taskDefinition(family)
                .desiredCount(1)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(network()));
        String first = waiting()
                .until(
                        () -> ecs.listTasks(r -> r.cluster(cluster).serviceName("web"))
                                .taskArns(),
                        l -> !l.isEmpty())
                .get(0);
        Task healthy = awaitTask(cluster, first, t -> "HEALTHY".equals(t.healthStatusAsString()));

        sim.health(container(healthy, "app").runtimeId(), ContainerState.Health.UNHEALTHY);
        Task stopped = awaitStopped(cluster, first);

        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.SERVICE_SCHEDULER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("Task failed container health checks");
        waiting()
                .until(
                        () -> ecs.listTasks(r -> r.cluster(cluster).serviceName("web"))
                                .taskArns(),
                        l -> l.size() == 1 && !l.contains(first));
        ecs.deleteService(r -> r.cluster(cluster).service("web").force(true));
    }

    @Test
    void containersStartWhenTheirDependenciesReachTheirCondition() {
        String cluster = createCluster();
        String family = unique("deps");
        register(fargate(family)
                .containerDefinitions(
                        container("app").toBuilder()
                                .dependsOn(
                                        d -> d.containerName("init").condition(ContainerCondition.SUCCESS),
                                        d -> d.containerName("proxy").condition(ContainerCondition.HEALTHY))
                                .build(),
                        container("init").toBuilder().essential(false).build(),
                        checked("proxy", false).toBuilder()
                                .dependsOn(d -> d.containerName("init").condition(ContainerCondition.START))
                                .build(),
                        container("after").toBuilder()
                                .essential(false)
                                .dependsOn(d -> d.containerName("init").condition(ContainerCondition.COMPLETE))
                                .build()));
        Task task = runOne(cluster, family);
        Task waiting = awaitTask(
                cluster,
                task.taskArn(),
                t -> "HEALTHY".equals(container(t, "proxy").healthStatusAsString()));
        assertThat(waiting.lastStatus()).isEqualTo("PENDING");
        assertThat(container(waiting, "init").lastStatus()).isEqualTo("RUNNING");
        assertThat(container(waiting, "app").lastStatus()).isEqualTo("PENDING");
        assertThat(container(waiting, "after").lastStatus()).isEqualTo("PENDING");

        sim.exit(container(waiting, "init").runtimeId(), 0);
        Task running = awaitRunning(cluster, task.taskArn());
        assertThat(container(running, "app").lastStatus()).isEqualTo("RUNNING");
        assertThat(container(running, "after").lastStatus()).isEqualTo("RUNNING");
        assertThat(container(running, "init").exitCode()).isZero();
    }

    @Test
    void aDependencyThatCanNeverBeMetStopsTheTask() {
        String cluster = createCluster();
        String family = unique("depfail");
        register(fargate(family)
                .containerDefinitions(
                        container("init").toBuilder().essential(false).build(),
                        container("app").toBuilder()
                                .dependsOn(d -> d.containerName("init").condition(ContainerCondition.SUCCESS))
                                .build()));
        Task task = runOne(cluster, family);
        Task waiting = awaitTask(
                cluster,
                task.taskArn(),
                t -> "RUNNING".equals(container(t, "init").lastStatus()));

        sim.exit(container(waiting, "init").runtimeId(), 2);
        Task stopped = awaitStopped(cluster, task.taskArn());

        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(stopped.startedAt()).isNull();
        assertThat(container(stopped, "app").exitCode()).isEqualTo(143);
        assertThat(container(stopped, "app").reason())
                .startsWith("CannotStartContainerError: dependency graph: "
                        + "failed to resolve container ordering dependency [init(" + IMAGE
                        + ") (STOPPED->RUNNING) - Exit: 2]")
                .endsWith("as dependency did not exit successfully.");
    }

    @Test
    void initContainersDoingRealWorkFinishSoTheServiceBecomesStable() {
        String cluster = createCluster();
        String family = unique("initwork");
        String work = "mkdir -p /shared/www && echo ready > /shared/www/index.html";
        register(fargate(family)
                .containerDefinitions(
                        container("init").toBuilder()
                                .essential(false)
                                .command("sh", "-c", work)
                                .build(),
                        container("assets").toBuilder()
                                .essential(false)
                                .entryPoint("cp", "-r", "/src", "/shared")
                                .build(),
                        container("web").toBuilder()
                                .command("httpd", "-f", "-h", "/shared/www")
                                .dependsOn(
                                        d -> d.containerName("init").condition(ContainerCondition.SUCCESS),
                                        d -> d.containerName("assets").condition(ContainerCondition.COMPLETE))
                                .build(),
                        // the same command, but nothing waits for it to finish: it runs on, like a server
                        container("sidecar").toBuilder()
                                .essential(false)
                                .command("sh", "-c", work)
                                .build()));
        ecs.createService(r -> r.cluster(cluster)
                .serviceName("web")
                .taskDefinition(family)
                .desiredCount(1)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(network()));

        ecs.waiter().waitUntilServicesStable(r -> r.cluster(cluster).services("web"), fastWaiter());

        String arn = ecs.listTasks(r -> r.cluster(cluster).serviceName("web"))
                .taskArns()
                .get(0);
        Task task = describeTask(cluster, arn);
        assertThat(task.lastStatus()).isEqualTo("RUNNING");
        assertThat(container(task, "init").lastStatus()).isEqualTo("STOPPED");
        assertThat(container(task, "init").exitCode()).isZero();
        assertThat(container(task, "assets").exitCode()).isZero();
        assertThat(container(task, "web").lastStatus()).isEqualTo("RUNNING");
        assertThat(container(task, "sidecar").lastStatus()).isEqualTo("RUNNING");
        assertThat(container(task, "sidecar").exitCode()).isNull();
    }

    @Test
    void aDependencyThatMissesItsStartTimeoutStopsItsDependents() {
        String cluster = createCluster();
        String family = unique("deptimeout");
        register(fargate(family)
                .containerDefinitions(
                        container("migrate").toBuilder()
                                .essential(false)
                                .startTimeout(1)
                                .build(),
                        container("app").toBuilder()
                                .dependsOn(d -> d.containerName("migrate").condition(ContainerCondition.COMPLETE))
                                .build()));
        Task stopped = awaitTask(cluster, runOne(cluster, family).taskArn(), t -> "STOPPED".equals(t.lastStatus()));

        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(container(stopped, "app").reason())
                .isEqualTo("CannotStartContainerError: dependency graph: "
                        + "container ordering dependency [migrate(" + IMAGE + ") (RUNNING->RUNNING)] for target [app("
                        + IMAGE
                        + ") (NONE->RUNNING)] has timed out.");
        assertThat(Duration.between(stopped.createdAt(), stopped.stoppingAt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aStartedDependentKeepsRunningWhenItsDependencyTurnsUnhealthyLater() {
        String cluster = createCluster();
        String family = unique("depsick");
        register(fargate(family)
                .containerDefinitions(
                        checked("db", false),
                        container("app").toBuilder()
                                .dependsOn(d -> d.containerName("db").condition(ContainerCondition.HEALTHY))
                                .build()));
        Task running = awaitRunning(cluster, runOne(cluster, family).taskArn());

        sim.health(container(running, "db").runtimeId(), ContainerState.Health.UNHEALTHY);
        Task after = awaitTask(
                cluster,
                running.taskArn(),
                t -> "UNHEALTHY".equals(container(t, "db").healthStatusAsString()));

        assertThat(container(after, "app").lastStatus()).isEqualTo("RUNNING");
        // no essential container has a check, so the non-essential one's health is the task's
        assertThat(after.healthStatusAsString()).isEqualTo("UNHEALTHY");
        assertThat(after.desiredStatus()).isEqualTo("RUNNING");
    }
}
