package dev.drydock.ecs;

import static dev.drydock.ecs.Ec2LaunchTypeApiTest.ec2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The test hook {@link EcsModule#disconnectAgent} / {@link EcsModule#reconnectAgent}, on the simulated runtime: a
 * disconnected agent is reported, gets no placements (reason AGENT), is selected by the cluster query's
 * {@code agentConnected}, and its tasks keep running.
 */
class ContainerInstanceAgentApiTest extends EcsApiTestBase {

    private EcsModule module() {
        return drydock.service(EcsModule.class);
    }

    private ContainerInstance describe(String cluster, String arn) {
        return ecs.describeContainerInstances(r -> r.cluster(cluster).containerInstances(arn))
                .containerInstances()
                .get(0);
    }

    private List<String> filtered(String cluster, String filter) {
        return ecs.listContainerInstances(r -> r.cluster(cluster).filter(filter))
                .containerInstanceArns();
    }

    @Test
    void aDisconnectedAgentIsReportedGetsNoTaskAndKeepsItsTasksRunning() {
        String cluster = createCluster();
        drydock.apply(EcsFixtures.containerInstances(cluster, 2, "m5.large"));
        List<String> arns = ecs.listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns();
        String a = arns.get(0);
        String b = arns.get(1);
        String td = register(ec2(unique("agent"), 128, 256, 0)).taskDefinitionArn();
        Task onA = ecs.startTask(r -> r.cluster(cluster).taskDefinition(td).containerInstances(a))
                .tasks()
                .get(0);
        awaitRunning(cluster, onA.taskArn());
        long version = describe(cluster, a).version();

        module().disconnectAgent(cluster, a);

        ContainerInstance disconnected = describe(cluster, a);
        assertThat(disconnected.agentConnected()).isFalse();
        assertThat(disconnected.version()).isGreaterThan(version);
        assertThat(disconnected.runningTasksCount()).isEqualTo(1);
        assertThat(describe(cluster, b).agentConnected()).isTrue();
        assertThat(filtered(cluster, "agentConnected == false")).containsExactly(a);
        assertThat(filtered(cluster, "agentConnected == true")).containsExactly(b);
        assertThat(describeTask(cluster, onA.taskArn()).lastStatus()).isEqualTo("RUNNING");
        // StartTask names it: AGENT; RunTask places everything on the connected instance
        assertThat(ecs.startTask(r -> r.cluster(cluster).taskDefinition(td).containerInstances(a))
                        .failures())
                .containsExactly(Failure.builder().arn(a).reason("AGENT").build());
        RunTaskResponse run = ecs.runTask(r ->
                r.cluster(cluster).taskDefinition(td).launchType(LaunchType.EC2).count(4));
        assertThat(run.failures()).isEmpty();
        assertThat(run.tasks()).extracting(Task::containerInstanceArn).containsOnly(b);

        module().disconnectAgent(cluster, b);
        RunTaskResponse none = ecs.runTask(r ->
                r.cluster(cluster).taskDefinition(td).launchType(LaunchType.EC2).count(2));
        assertThat(none.tasks()).isEmpty();
        assertThat(none.failures()).extracting(Failure::reason).containsExactly("AGENT", "AGENT");

        module().reconnectAgent(cluster, a.substring(a.lastIndexOf('/') + 1)); // by id
        assertThat(describe(cluster, a).agentConnected()).isTrue();
        assertThat(ecs.runTask(r -> r.cluster(cluster).taskDefinition(td).launchType(LaunchType.EC2))
                        .tasks())
                .extracting(Task::containerInstanceArn)
                .containsExactly(a);
        assertThat(describeTask(cluster, onA.taskArn()).lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void aServiceWaitsForTheAgentAndPlacesItsTaskWhenItReconnects() {
        String cluster = createCluster();
        drydock.apply(EcsFixtures.containerInstances(cluster, 1, "m5.large"));
        String a = ecs.listContainerInstances(r -> r.cluster(cluster))
                .containerInstanceArns()
                .get(0);
        module().disconnectAgent(cluster, a);
        String td = register(ec2(unique("svc"), 128, 256, 0)).taskDefinitionArn();
        String service = unique("web");

        ecs.createService(r -> r.cluster(cluster)
                .serviceName(service)
                .taskDefinition(td)
                .launchType(LaunchType.EC2)
                .desiredCount(1));
        String event = awaitService(
                        cluster,
                        service,
                        s -> s.events().stream().anyMatch(e -> e.message().contains("unable to place")))
                .events()
                .stream()
                .filter(e -> e.message().contains("unable to place"))
                .findFirst()
                .orElseThrow()
                .message();
        // "Amazon ECS service event messages"
        assertThat(event)
                .isEqualTo("(service " + service + ") was unable to place a task because no container instance met all"
                        + " of its requirements. The closest matching container-instance "
                        + a.substring(a.lastIndexOf('/') + 1) + " encountered error \"AGENT\".");

        module().reconnectAgent(cluster, a);

        awaitService(cluster, service, s -> s.runningCount() == 1);
    }

    @Test
    void theHookNamesWhatItCannotFind() {
        String cluster = createCluster();

        assertThatThrownBy(() -> module().disconnectAgent(cluster, "f".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no registered container instance " + "f".repeat(32));
        assertThatThrownBy(() -> module().reconnectAgent("no-such-cluster", "f".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-cluster");
    }
}
