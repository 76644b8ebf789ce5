package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.drydock.core.events.AwsEvent;
import dev.drydock.core.events.EventStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The EventBridge-format event stream ({@code drydock.events()}): ECS task state changes and service actions, in
 * the envelope and with the detail members of AWS's examples; service event messages as DescribeServices gives
 * them (newest first, at most 100); the simulated runtime's scripted and commanded exits.
 */
class EventStreamApiTest extends EcsApiTestBase {
    private static final String ISO_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    private Task run(String cluster, String family, String... command) {
        register(fargate(family)
                .containerDefinitions(
                        container("app").toBuilder().command(command).build()));
        return runOne(cluster, family);
    }

    private static Predicate<AwsEvent> taskState(String taskArn, String lastStatus) {
        return AwsEvent.ofType("ECS Task State Change")
                .and(AwsEvent.about(taskArn))
                .and(AwsEvent.withDetail("lastStatus", lastStatus));
    }

    @Test
    @SuppressWarnings("unchecked")
    void taskStateChangesCarryTheTaskAsDescribeTasksGivesIt() {
        String cluster = createCluster();
        Task task = run(cluster, unique("events"), "sh", "-c", "sleep 0.2; exit 3");
        EventStream events = drydock.events();

        AwsEvent running = events.await(taskState(task.taskArn(), "RUNNING"), 10);
        AwsEvent stopped = events.await(taskState(task.taskArn(), "STOPPED"), 10);

        assertThat(running.version()).isEqualTo("0");
        assertThat(running.source()).isEqualTo("aws.ecs");
        assertThat(running.account()).isEqualTo("123456789012");
        assertThat(running.region()).isEqualTo("us-east-1");
        assertThat(running.id()).matches("[0-9a-f-]{36}");
        assertThat(running.resources()).containsExactly(task.taskArn());
        assertThat(running.detail())
                .containsEntry("taskArn", task.taskArn())
                .containsEntry("clusterArn", task.clusterArn())
                .containsEntry("taskDefinitionArn", task.taskDefinitionArn())
                .containsEntry("desiredStatus", "RUNNING")
                .containsEntry("launchType", "FARGATE")
                .containsEntry("cpu", "256")
                .containsEntry("memory", "512")
                .containsKeys("attachments", "availabilityZone", "containers", "group", "overrides", "version");
        assertThat(running.detailString("createdAt")).matches(ISO_MILLIS);
        assertThat(running.detailString("startedAt")).matches(ISO_MILLIS);
        assertThat(running.detailString("updatedAt")).matches(ISO_MILLIS);
        assertThat(Instant.parse(running.detailString("createdAt"))).isEqualTo(task.createdAt());
        assertThat((List<?>) running.detail().get("containers"))
                .singleElement()
                .satisfies(c -> assertThat((Map<String, Object>) c)
                        .containsEntry("name", "app")
                        .containsEntry("lastStatus", "RUNNING"));

        assertThat(stopped.detail())
                .containsEntry("desiredStatus", "STOPPED")
                .containsEntry("stopCode", "EssentialContainerExited")
                .containsEntry("stoppedReason", "Essential container in task exited");
        assertThat((List<?>) stopped.detail().get("containers"))
                .singleElement()
                .satisfies(c -> assertThat((Map<String, Object>) c).containsEntry("exitCode", 3L));
        assertThat(((Number) stopped.detail().get("version")).longValue())
                .isGreaterThan(((Number) running.detail().get("version")).longValue());

        List<String> statuses = events.events().stream()
                .filter(AwsEvent.about(task.taskArn()))
                .map(e -> e.detailString("lastStatus"))
                .distinct()
                .toList();
        assertThat(statuses).containsSubsequence("PROVISIONING", "PENDING", "RUNNING", "STOPPED");

        String json = stopped.toJson();
        assertThat(json)
                .startsWith("{\"version\":\"0\",\"id\":\"" + stopped.id() + "\",\"detail-type\":\"ECS Task "
                        + "State Change\",\"source\":\"aws.ecs\",\"account\":\"123456789012\",\"time\":\"")
                .contains("\"region\":\"us-east-1\",\"resources\":[\"" + task.taskArn() + "\"],\"detail\":{")
                .containsPattern("\"time\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"");
    }

    @Test
    void subscribersAndAwaitSeeServiceActions() throws Exception {
        String cluster = createCluster();
        String family = unique("svcevents");
        registerFargate(family);
        List<AwsEvent> received = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = drydock.events().subscribe(received::add)) {
            Service s = ecs.createService(r -> r.cluster(cluster)
                            .serviceName("web")
                            .taskDefinition(family)
                            .desiredCount(1)
                            .launchType(LaunchType.FARGATE)
                            .networkConfiguration(network()))
                    .service();

            AwsEvent steady = drydock.events()
                    .await(
                            AwsEvent.ofType("ECS Service Action")
                                    .and(AwsEvent.about(s.serviceArn()))
                                    .and(AwsEvent.withDetail("eventName", "SERVICE_STEADY_STATE")),
                            10);

            assertThat(steady.detail())
                    .containsOnlyKeys("eventType", "eventName", "clusterArn", "createdAt")
                    .containsEntry("eventType", "INFO")
                    .containsEntry("clusterArn", s.clusterArn());
            assertThat(steady.detailString("createdAt")).matches(ISO_MILLIS);
            AwsEvent started = drydock.events()
                    .await(AwsEvent.ofType("ECS Deployment State Change").and(AwsEvent.about(s.serviceArn())), 10);
            assertThat(started.detail())
                    .containsOnlyKeys("eventType", "eventName", "deploymentId", "updatedAt", "reason")
                    .containsEntry("eventName", "SERVICE_DEPLOYMENT_IN_PROGRESS")
                    .containsEntry("deploymentId", s.deployments().get(0).id());
            waiting().until(() -> received.contains(steady));
        }
        assertThat(received)
                .filteredOn(AwsEvent.about("arn:aws:ecs:us-east-1:123456789012:service/" + cluster + "/web"))
                .extracting(e -> e.detailString("eventName"))
                .containsSubsequence(
                        "SERVICE_DEPLOYMENT_IN_PROGRESS", "SERVICE_DEPLOYMENT_COMPLETED", "SERVICE_STEADY_STATE");
    }

    @Test
    void awaitFailsAfterItsTimeoutListingTheLatestEvents() {
        Throwable failure = catchThrowable(() -> drydock.events().await(AwsEvent.ofType("No Such Event"), 1));

        assertThat(failure).isInstanceOf(AssertionError.class).hasMessageStartingWith("No matching event within 1 s (");
    }

    @Test
    void aSimulatedContainerExitsWhenTheTestSaysSo() {
        String cluster = createCluster();
        Task task = run(cluster, unique("commanded"), "my-server", "--port", "8080");
        Task running = awaitRunning(cluster, task.taskArn());

        sim.exit(running.containers().get(0).runtimeId(), 7);

        Task stopped = awaitStopped(cluster, task.taskArn());
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(7);
        assertThat(stopped.stopCodeAsString()).isEqualTo("EssentialContainerExited");
    }

    @Test
    void aScriptedExitComesAfterItsSleeps() {
        String cluster = createCluster();
        Task task = run(cluster, unique("scripted"), "sh", "-c", "sleep 0.3 && exit 4");

        awaitRunning(cluster, task.taskArn());
        Task stopped = awaitStopped(cluster, task.taskArn());

        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(4);
        // the container started after the task was created, and ran its 0.3 s
        assertThat(stopped.executionStoppedAt())
                .isAfterOrEqualTo(task.createdAt().plusMillis(300));
    }

    @Test
    void serviceEventsAreNewestFirstAndCappedAt100() {
        String cluster = createCluster();
        String family = unique("chatty");
        registerFargate(family);
        ecs.createService(r -> r.cluster(cluster)
                .serviceName("web")
                .taskDefinition(family)
                .desiredCount(1)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(network()));
        for (int i = 0; i < 60; i++) {
            int desired = i % 2;
            ecs.updateService(r -> r.cluster(cluster).service("web").desiredCount(desired));
            awaitService(
                    cluster,
                    "web",
                    s -> s.runningCount() == desired
                            && s.pendingCount() == 0
                            && s.events().get(0).message().endsWith("has reached a steady state."));
        }

        List<ServiceEvent> events = describeService(cluster, "web").events();

        assertThat(events).hasSize(100);
        assertThat(events).extracting(ServiceEvent::createdAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(events)
                .extracting(ServiceEvent::id)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"));
        assertThat(events)
                .extracting(ServiceEvent::message)
                .allSatisfy(m -> assertThat(m).startsWith("(service web) "));
    }
}
