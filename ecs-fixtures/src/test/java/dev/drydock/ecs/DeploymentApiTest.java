package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.events.AwsEvent;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerState;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Rolling updates (minimumHealthyPercent, maximumPercent), deployment states and rollout states, the deployment
 * circuit breaker with and without rollback, and the service events and EventBridge events they produce, on the
 * simulated runtime. New revisions use images the {@link GatedRuntime} can hold, so a test sees the rollout half
 * way; failing revisions run {@code sh -c "exit 1"}, which the simulated runtime runs as a shell would.
 */
class DeploymentApiTest extends EcsApiTestBase {
    private GatedRuntime gate;

    @Override
    Supplier<ContainerRuntime> runtime(SimulatedRuntime simulated) {
        gate = new GatedRuntime(simulated);
        return () -> gate;
    }

    /** Registers a revision of {@code family} whose one container runs {@code image} with {@code command}. */
    private String revision(String family, String image, String... command) {
        return register(fargate(family)
                        .containerDefinitions(container("app").toBuilder()
                                .image(image)
                                .command(command)
                                .build()))
                .taskDefinitionArn();
    }

    private Service create(
            String cluster, String name, String taskDefinition, int desired, DeploymentConfiguration configuration) {
        return ecs.createService(CreateServiceRequest.builder()
                        .cluster(cluster)
                        .serviceName(name)
                        .taskDefinition(taskDefinition)
                        .desiredCount(desired)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(network())
                        .deploymentConfiguration(configuration)
                        .build())
                .service();
    }

    private Service awaitStable(String cluster, String name) {
        return awaitSteadyState(cluster, name);
    }

    private Service update(String cluster, String name, String taskDefinition) {
        return ecs.updateService(r -> r.cluster(cluster).service(name).taskDefinition(taskDefinition))
                .service();
    }

    private List<Task> tasks(String cluster, String service, DesiredStatus status) {
        List<String> arns = ecs.listTasks(
                        r -> r.cluster(cluster).serviceName(service).desiredStatus(status))
                .taskArns();
        return arns.isEmpty()
                ? List.of()
                : ecs.describeTasks(r -> r.cluster(cluster).tasks(arns)).tasks();
    }

    private static DeploymentConfiguration percents(int minimumHealthy, int maximum) {
        return DeploymentConfiguration.builder()
                .minimumHealthyPercent(minimumHealthy)
                .maximumPercent(maximum)
                .build();
    }

    private static DeploymentConfiguration circuitBreaker(boolean rollback) {
        return DeploymentConfiguration.builder()
                .minimumHealthyPercent(100)
                .maximumPercent(200)
                .deploymentCircuitBreaker(b -> b.enable(true).rollback(rollback))
                .build();
    }

    private static List<String> messages(Service s) {
        return s.events().stream().map(ServiceEvent::message).toList();
    }

    /**
     * A service "web" of {@code desired} tasks of revision 1, stable, then updated to revision 2 whose image is held:
     * the rollout goes as far as the deployment configuration lets it go without new tasks running.
     */
    private Rollout heldRollout(String family, int desired, DeploymentConfiguration configuration) {
        String cluster = createCluster();
        String rev1 = revision(family, IMAGE, "sleep", "3600");
        String held = "example.com/" + family + ":2";
        String rev2 = revision(family, held, "sleep", "3600");
        create(cluster, "web", rev1, desired, configuration);
        awaitStable(cluster, "web");
        gate.hold(held);
        return new Rollout(cluster, rev1, rev2, held, update(cluster, "web", rev2));
    }

    /** A rollout held half way by its new revision's image. */
    private record Rollout(String cluster, String rev1, String rev2, String heldImage, Service updated) {}

    @Test
    void maximumPercent100AndMinimumHealthy50ReplaceHalfTheTasksAtATime() {
        Rollout r = heldRollout(unique("half"), 4, percents(50, 100));
        try {
            // 2 old tasks stop (4 x 50% must stay healthy), 2 new start (4 x 100% at most): then nothing moves
            Service half = awaitService(
                    r.cluster(),
                    "web",
                    s -> s.deployments().size() == 2
                            && s.deployments().get(0).pendingCount() == 2
                            && s.deployments().get(1).runningCount() == 2);
            assertThat(half.deployments().get(0).runningCount()).isZero();
            assertThat(tasks(r.cluster(), "web", DesiredStatus.RUNNING)).hasSize(4);
            assertThat(half.runningCount()).isEqualTo(2);
            assertThat(half.pendingCount()).isEqualTo(2);
        } finally {
            gate.release(r.heldImage());
        }
        Service done = awaitStable(r.cluster(), "web");
        assertThat(done.deployments()).singleElement().satisfies(d -> {
            assertThat(d.taskDefinition()).isEqualTo(r.rev2());
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
        });
        assertThat(tasks(r.cluster(), "web", DesiredStatus.RUNNING))
                .hasSize(4)
                .allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(r.rev2()));
    }

    @Test
    void minimumHealthy100KeepsEveryOldTaskUntilNewOnesRunWithinMaximumPercent() {
        Rollout r = heldRollout(unique("surge"), 2, percents(100, 150));
        try {
            assertThat(r.updated().deployments()).extracting(Deployment::status).containsExactly("PRIMARY", "ACTIVE");
            assertThat(r.updated().deployments())
                    .extracting(Deployment::rolloutStateAsString)
                    .containsExactly("IN_PROGRESS", "COMPLETED");

            // 2 x 150% = 3 tasks at most: one new task at a time, both old ones keep running
            Service surge =
                    awaitService(r.cluster(), "web", s -> s.deployments().get(0).pendingCount() == 1);
            assertThat(surge.deployments().get(1).runningCount()).isEqualTo(2);
            assertThat(tasks(r.cluster(), "web", DesiredStatus.RUNNING)).hasSize(3);
            assertThat(tasks(r.cluster(), "web", DesiredStatus.STOPPED)).isEmpty();
        } finally {
            gate.release(r.heldImage());
        }
        Service done = awaitStable(r.cluster(), "web");
        assertThat(done.taskDefinition()).isEqualTo(r.rev2());
        assertThat(tasks(r.cluster(), "web", DesiredStatus.STOPPED))
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(r.rev1()));
    }

    @Test
    void aDeploymentConfigurationThatAllowsNoStepIsReported() {
        String cluster = createCluster();
        String family = unique("stuck");
        String rev1 = revision(family, IMAGE, "sleep", "3600");
        String rev2 = revision(family, IMAGE, "sleep", "7200");
        create(cluster, "web", rev1, 1, percents(100, 100));
        awaitStable(cluster, "web");

        update(cluster, "web", rev2);

        Service stuck = awaitService(
                cluster,
                "web",
                s -> messages(s)
                        .contains("(service web) was unable to stop or "
                                + "start tasks during a deployment because of the service deployment configuration. Update the "
                                + "minimumHealthyPercent or maximumPercent value and try again."));
        assertThat(stuck.deployments())
                .extracting(Deployment::rolloutStateAsString)
                .containsExactly("IN_PROGRESS", "COMPLETED");
        assertThat(tasks(cluster, "web", DesiredStatus.RUNNING))
                .singleElement()
                .satisfies(t -> assertThat(t.taskDefinitionArn()).isEqualTo(rev1));

        ecs.updateService(r -> r.cluster(cluster).service("web").deploymentConfiguration(percents(0, 100)));

        assertThat(awaitStable(cluster, "web").taskDefinition()).isEqualTo(rev2);
    }

    @Test
    void theCircuitBreakerFailsADeploymentWhoseTasksKeepFailingAndKeepsTheOldTasks() {
        String cluster = createCluster();
        String family = unique("breaker");
        String rev1 = revision(family, IMAGE, "sleep", "3600");
        String rev2 = revision(family, IMAGE, "sh", "-c", "exit 1");
        create(cluster, "web", rev1, 2, circuitBreaker(false));
        Service stable = awaitStable(cluster, "web");
        List<String> oldTasks = ids(tasks(cluster, "web", DesiredStatus.RUNNING));

        String failing = update(cluster, "web", rev2).deployments().get(0).id();

        Service failed = awaitService(
                cluster, "web", s -> "FAILED".equals(s.deployments().get(0).rolloutStateAsString()));
        Deployment primary = failed.deployments().get(0);
        assertThat(primary.id()).isEqualTo(failing);
        assertThat(primary.status()).isEqualTo("PRIMARY");
        assertThat(primary.taskDefinition()).isEqualTo(rev2);
        assertThat(primary.rolloutStateReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        assertThat(primary.failedTasks()).isGreaterThanOrEqualTo(3); // threshold: max(3, 0.5 x 2)
        assertThat(failed.deployments().get(1).id())
                .isEqualTo(stable.deployments().get(0).id());
        assertThat(messages(failed))
                .contains("(service web) (deployment " + failing + ") deployment failed: tasks failed to start.");
        // the old tasks keep running; the failed deployment launches nothing more
        assertThat(ids(tasks(cluster, "web", DesiredStatus.RUNNING))).containsExactlyInAnyOrderElementsOf(oldTasks);
        int stopped = tasks(cluster, "web", DesiredStatus.STOPPED).size();
        awaitService(cluster, "web", s -> s.pendingCount() == 0);
        Service later = describeService(cluster, "web");
        assertThat(later.deployments().get(0).rolloutStateAsString()).isEqualTo("FAILED");
        assertThat(tasks(cluster, "web", DesiredStatus.STOPPED)).hasSize(stopped);
        for (Task t : tasks(cluster, "web", DesiredStatus.STOPPED)) {
            assertThat(t.stopCodeAsString()).isEqualTo("EssentialContainerExited");
            assertThat(t.containers().get(0).exitCode()).isEqualTo(1);
        }
        AwsEvent event = drydock.events()
                .await(
                        AwsEvent.ofType("ECS Deployment State Change")
                                .and(AwsEvent.withDetail("eventName", "SERVICE_DEPLOYMENT_FAILED"))
                                .and(AwsEvent.withDetail("deploymentId", failing)),
                        10);
        assertThat(event.detail())
                .containsEntry("eventType", "ERROR")
                .containsEntry("reason", "ECS deployment circuit breaker: tasks failed to start.");
        assertThat(event.resources()).containsExactly(failed.serviceArn());
    }

    @Test
    void theCircuitBreakerRollsBackToTheLastCompletedDeployment() {
        String cluster = createCluster();
        String family = unique("rollback");
        String rev1 = revision(family, IMAGE, "sleep", "3600");
        String rev2 = revision(family, IMAGE, "sh", "-c", "exit 2");
        create(cluster, "web", rev1, 2, circuitBreaker(true));
        String good = awaitStable(cluster, "web").deployments().get(0).id();

        String failing = update(cluster, "web", rev2).deployments().get(0).id();

        Service rolledBack = awaitService(
                cluster,
                "web",
                s -> s.deployments().size() == 1
                        && good.equals(s.deployments().get(0).id())
                        && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString()));
        assertThat(rolledBack.taskDefinition()).isEqualTo(rev1);
        assertThat(rolledBack.deployments().get(0).status()).isEqualTo("PRIMARY");
        assertThat(rolledBack.deployments().get(0).rolloutStateReason())
                .isEqualTo("ECS deployment " + good + " completed.");
        assertThat(tasks(cluster, "web", DesiredStatus.RUNNING))
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(rev1));
        List<String> newestFirst = messages(rolledBack);
        int failedAt = newestFirst.indexOf(
                "(service web) (deployment " + failing + ") deployment failed: tasks failed to start.");
        int rollingBackAt = newestFirst.indexOf("(service web) rolling back to deployment " + good + ".");
        int completedAt = newestFirst.indexOf("(service web) (deployment " + good + ") deployment completed.");
        assertThat(failedAt).isPositive();
        assertThat(rollingBackAt).isBetween(0, failedAt);
        assertThat(completedAt).isBetween(0, rollingBackAt);
        assertThat(newestFirst.get(0)).isEqualTo("(service web) has reached a steady state.");

        List<AwsEvent> deploymentEvents = drydock.events().events().stream()
                .filter(AwsEvent.ofType("ECS Deployment State Change").and(AwsEvent.about(rolledBack.serviceArn())))
                .toList();
        assertThat(deploymentEvents)
                .extracting(e -> e.detailString("eventName") + " " + e.detailString("reason"))
                .containsSubsequence(
                        "SERVICE_DEPLOYMENT_IN_PROGRESS ECS deployment " + good + " in progress.",
                        "SERVICE_DEPLOYMENT_COMPLETED ECS deployment " + good + " completed.",
                        "SERVICE_DEPLOYMENT_IN_PROGRESS ECS deployment " + failing + " in progress.",
                        "SERVICE_DEPLOYMENT_FAILED ECS deployment circuit breaker: tasks failed to start.",
                        "SERVICE_DEPLOYMENT_IN_PROGRESS ECS deployment circuit breaker: rolling back to deploymentId "
                                + good + ".",
                        "SERVICE_DEPLOYMENT_COMPLETED ECS deployment " + good + " completed.");
    }

    @Test
    void withoutTheCircuitBreakerAFailingDeploymentStaysInProgress() {
        String cluster = createCluster();
        String family = unique("nobreaker");
        String rev1 = revision(family, IMAGE, "sleep", "3600");
        String rev2 = revision(family, IMAGE, "sh", "-c", "exit 1");
        create(cluster, "web", rev1, 1, percents(100, 200));
        awaitStable(cluster, "web");

        update(cluster, "web", rev2);

        Service s = awaitService(cluster, "web", x -> x.deployments().get(0).failedTasks() >= 4);
        assertThat(s.deployments().get(0).rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        assertThat(s.deployments().get(1).runningCount()).isEqualTo(1);
        ecs.updateService(r -> r.cluster(cluster).service("web").taskDefinition(rev1));
        assertThat(awaitStable(cluster, "web").deployments())
                .singleElement()
                .satisfies(d -> assertThat(d.taskDefinition()).isEqualTo(rev1));
    }

    /**
     * Service "web" of 2 tasks whose container has a health check that has not reported yet (task health UNKNOWN, as
     * in the first interval of its checks on Docker), once both run; returns its cluster. Containers started later
     * report the same until the test sets their health.
     */
    private String twoTasksAwaitingHealthChecks(String family, DeploymentConfiguration configuration) {
        sim.healthOnStart(ContainerState.Health.STARTING);
        String cluster = createCluster();
        String rev = register(fargate(unique(family))
                        .containerDefinitions(container("app").toBuilder()
                                .image(IMAGE)
                                .command("sleep", "3600")
                                .healthCheck(h -> h.command("CMD-SHELL", "true"))
                                .build()))
                .taskDefinitionArn();
        create(cluster, "web", rev, 2, configuration);
        awaitService(cluster, "web", s -> s.runningCount() == 2);
        return cluster;
    }

    @AfterEach
    void containersTurnHealthyOnStartAgain() {
        sim.healthOnStart(ContainerState.Health.HEALTHY);
    }

    @Test
    void oldTasksWhoseHealthIsStillUnknownKeepRunningUntilTheirReplacementsAreHealthy() {
        String cluster = twoTasksAwaitingHealthChecks("unknown", null); // minimumHealthyPercent 100, maximumPercent 200
        Service first = describeService(cluster, "web");
        List<Task> old = tasks(cluster, "web", DesiredStatus.RUNNING);
        assertThat(old)
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.healthStatusAsString()).isEqualTo("UNKNOWN"));
        assertThat(first.deployments().get(0).rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        int eventsBefore = drydock.events().events().size();

        String deployment = ecs.updateService(
                        r -> r.cluster(cluster).service("web").forceNewDeployment(true))
                .service()
                .deployments()
                .get(0)
                .id();

        // the new tasks run, nothing is healthy yet: the old tasks are not unhealthy, so none stops
        Service surge = awaitService(cluster, "web", s -> s.deployments().get(0).runningCount() == 2);
        assertThat(surge.deployments()).extracting(Deployment::runningCount).containsExactly(2, 2);
        assertThat(tasks(cluster, "web", DesiredStatus.STOPPED)).isEmpty();
        List<Task> fresh = tasks(cluster, "web", DesiredStatus.RUNNING).stream()
                .filter(t -> deployment.equals(t.startedBy()))
                .toList();
        assertThat(fresh).hasSize(2);

        // the new tasks pass their checks: now the old ones stop
        fresh.forEach(t -> sim.health(t.containers().get(0).runtimeId(), ContainerState.Health.HEALTHY));
        Service done = awaitStable(cluster, "web");
        assertThat(done.deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(deployment);
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
        });
        assertThat(tasks(cluster, "web", DesiredStatus.STOPPED)).hasSize(2).allSatisfy(t -> {
            assertThat(ids(old)).contains(t.taskArn());
            assertThat(t.stoppedReason()).isEqualTo("Scaling activity initiated by (deployment " + deployment + ")");
        });

        assertAlwaysRunning(done.clusterArn(), eventsBefore, 2);
    }

    @Test
    void withMinimumHealthy50OldTasksStopOneByOneAsTasksTurnHealthy() {
        String cluster = twoTasksAwaitingHealthChecks("onebyone", percents(50, 100));
        List<Task> old = tasks(cluster, "web", DesiredStatus.RUNNING);
        int eventsBefore = drydock.events().events().size();
        String deployment = ecs.updateService(
                        r -> r.cluster(cluster).service("web").forceNewDeployment(true))
                .service()
                .deployments()
                .get(0)
                .id();

        // 2 x 50% = 1 task must stay healthy and none is: nothing stops, 2 x 100% leaves no room to start
        Awaitility.await()
                .during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> tasks(cluster, "web", DesiredStatus.STOPPED).isEmpty()
                        && describeService(cluster, "web").deployments().get(0).runningCount() == 0);

        // one old task passes its checks: the other stops and one new task starts in its place
        sim.health(old.get(0).containers().get(0).runtimeId(), ContainerState.Health.HEALTHY);
        awaitService(cluster, "web", s -> s.deployments().get(0).runningCount() == 1);
        assertThat(ids(tasks(cluster, "web", DesiredStatus.STOPPED)))
                .containsExactly(old.get(1).taskArn());
        // the new task's health is UNKNOWN: a health check result, not the configuration, holds the rollout
        Task fresh = tasks(cluster, "web", DesiredStatus.RUNNING).stream()
                .filter(t -> deployment.equals(t.startedBy()))
                .findFirst()
                .orElseThrow();
        sim.health(fresh.containers().get(0).runtimeId(), ContainerState.Health.HEALTHY);
        awaitService(
                cluster,
                "web",
                s -> s.deployments().size() == 1 && s.deployments().get(0).runningCount() == 2);
        Task last = tasks(cluster, "web", DesiredStatus.RUNNING).stream()
                .filter(t -> !t.taskArn().equals(fresh.taskArn()))
                .findFirst()
                .orElseThrow();
        sim.health(last.containers().get(0).runtimeId(), ContainerState.Health.HEALTHY);
        Service done = awaitStable(cluster, "web");
        assertThat(done.deployments())
                .singleElement()
                .satisfies(d -> assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED"));
        assertThat(messages(done)).noneMatch(m -> m.contains("was unable to stop or start tasks"));
        assertAlwaysRunning(done.clusterArn(), eventsBefore, 1);
    }

    /**
     * Replays the task state changes of service "web" in {@code clusterArn}: from event {@code from} on, at least
     * {@code minimum} of its tasks were RUNNING (and meant to run) at every moment.
     */
    private void assertAlwaysRunning(String clusterArn, int from, int minimum) {
        Map<String, Boolean> running = new HashMap<>();
        List<AwsEvent> history = drydock.events().events();
        for (int i = 0; i < history.size(); i++) {
            AwsEvent e = history.get(i);
            if (e.detailType().equals("ECS Task State Change")
                    && clusterArn.equals(e.detailString("clusterArn"))
                    && "service:web".equals(e.detailString("group"))) {
                running.put(
                        e.detailString("taskArn"),
                        "RUNNING".equals(e.detailString("lastStatus"))
                                && "RUNNING".equals(e.detailString("desiredStatus")));
                if (i >= from) {
                    assertThat(running.values().stream().filter(r -> r).count())
                            .as("running tasks after %s", e)
                            .isGreaterThanOrEqualTo(minimum);
                }
            }
        }
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::taskArn).toList();
    }
}
