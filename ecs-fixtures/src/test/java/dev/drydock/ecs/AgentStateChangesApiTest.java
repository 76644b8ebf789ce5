package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.IamFixtures;
import dev.drydock.core.iam.AuthorizationDecision;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * SubmitTaskStateChange, SubmitContainerStateChange and SubmitAttachmentStateChanges as the ECS agent calls them,
 * through the SDK on the simulated runtime: checked against the model, a reported stop applied, the rest acknowledged
 * without changing anything.
 */
class AgentStateChangesApiTest extends EcsApiTestBase {

    private Task running(String cluster) {
        Task t = runOne(cluster, registerFargate(unique("agent")).taskDefinitionArn());
        return awaitRunning(cluster, t.taskArn());
    }

    private String attachmentArn(Task t) {
        return "arn:aws:ecs:us-east-1:123456789012:attachment/"
                + t.attachments().get(0).id();
    }

    @Test
    void aReportOfWhatTheTaskAlreadyIsIsAcknowledgedAndChangesNothing() {
        String cluster = createCluster();
        Task t = running(cluster);

        assertThat(ecs.submitTaskStateChange(r -> r.cluster(cluster)
                                .task(t.taskArn())
                                .status("RUNNING")
                                .containers(c -> c.containerName("app").status("RUNNING"))
                                .attachments(
                                        a -> a.attachmentArn(attachmentArn(t)).status("ATTACHED")))
                        .acknowledgment())
                .isEqualTo("ACK");
        assertThat(ecs.submitContainerStateChange(r -> r.cluster(cluster)
                                .task(t.taskArn())
                                .containerName("app")
                                .status("RUNNING"))
                        .acknowledgment())
                .isEqualTo("ACK");
        assertThat(ecs.submitAttachmentStateChanges(r -> r.cluster(cluster)
                                .attachments(
                                        a -> a.attachmentArn(attachmentArn(t)).status("ATTACHED")))
                        .acknowledgment())
                .isEqualTo("ACK");

        Task after = describeTask(cluster, t.taskArn());
        assertThat(after.lastStatus()).isEqualTo("RUNNING");
        assertThat(after.desiredStatus()).isEqualTo("RUNNING");
        assertThat(after.version()).isEqualTo(t.version());
    }

    @Test
    void aTaskReportedStoppedStopsWithTheReportsReason() {
        String cluster = createCluster();
        Task t = running(cluster);

        ecs.submitTaskStateChange(r -> r.cluster(cluster)
                .task(t.taskArn())
                .status("STOPPED")
                .reason("Essential container in task exited")
                .containers(c -> c.containerName("app").status("STOPPED").exitCode(1)));

        Task stopped = awaitStopped(cluster, t.taskArn());
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
    }

    @Test
    void anEssentialContainerReportedStoppedStopsItsTaskANonEssentialOneDoesNot() {
        String cluster = createCluster();
        String td = register(fargate(unique("two"))
                        .containerDefinitions(
                                container("app"),
                                ContainerDefinition.builder()
                                        .name("sidecar")
                                        .image(IMAGE)
                                        .essential(false)
                                        .build()))
                .taskDefinitionArn();
        Task t = awaitRunning(cluster, runOne(cluster, td).taskArn());

        ecs.submitContainerStateChange(r -> r.cluster(cluster)
                .task(t.taskArn())
                .containerName("sidecar")
                .status("STOPPED")
                .exitCode(0));
        assertThat(describeTask(cluster, t.taskArn()).desiredStatus()).isEqualTo("RUNNING");

        ecs.submitContainerStateChange(r -> r.cluster(cluster)
                .task(t.taskArn())
                .containerName("app")
                .status("STOPPED")
                .exitCode(2));
        Task stopped = awaitStopped(cluster, t.taskArn());
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
    }

    @Test
    void reportsAboutWhatDoesNotExistAreRefusedAndChangeNothing() {
        String cluster = createCluster();
        Task t = running(cluster);
        String unknownTask = "0123456789abcdef0123456789abcdef";

        assertThatThrownBy(() -> ecs.submitTaskStateChange(
                        r -> r.cluster(unique("nowhere")).task(t.taskArn()).status("STOPPED")))
                .isInstanceOf(ClusterNotFoundException.class);
        assertThatThrownBy(() -> ecs.submitTaskStateChange(
                        r -> r.cluster(cluster).task(unknownTask).status("STOPPED")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("The referenced task was not found.");
        assertThatThrownBy(() -> ecs.submitTaskStateChange(r -> r.cluster(cluster)
                        .task(t.taskArn())
                        .status("STOPPED")
                        .containers(c -> c.containerName("db").status("STOPPED"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("has no container named 'db'");
        assertThatThrownBy(() -> ecs.submitContainerStateChange(r ->
                        r.cluster(cluster).task(t.taskArn()).containerName("db").status("STOPPED")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("has no container named 'db'");
        String otherAttachment =
                "arn:aws:ecs:us-east-1:123456789012:attachment/" + "0".repeat(8) + "-0000-0000-0000-" + "0".repeat(12);
        assertThatThrownBy(() -> ecs.submitAttachmentStateChanges(r -> r.cluster(cluster)
                        .attachments(a -> a.attachmentArn(otherAttachment).status("DETACHED"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("The referenced attachment " + otherAttachment + " was not found.");
        assertThatThrownBy(() -> ecs.submitTaskStateChange(r -> r.cluster(cluster)
                        .task(t.taskArn())
                        .status("STOPPED")
                        .attachments(a -> a.attachmentArn(otherAttachment).status("DETACHED"))))
                .isInstanceOf(InvalidParameterException.class);

        Task after = describeTask(cluster, t.taskArn());
        assertThat(after.desiredStatus()).isEqualTo("RUNNING");
        assertThat(after.version()).isEqualTo(t.version());
    }

    @Test
    void theAgentsActionsAreAuthorizedOnTheCluster() {
        drydock.apply(IamFixtures.role("ecs-agent").policy("iam/agent-state-changes.json"));
        ecs.createCluster(r -> r.clusterName("agent-cluster"));
        String other = createCluster();
        Task t = running("agent-cluster");
        Task elsewhere = running(other);
        drydock.decisionLog().clear();
        try (EcsClient agent = drydock.clientActingAs("ecs-agent", EcsClient.builder())) {
            agent.submitTaskStateChange(
                    r -> r.cluster("agent-cluster").task(t.taskArn()).status("RUNNING"));
            agent.submitContainerStateChange(r -> r.cluster("agent-cluster")
                    .task(t.taskArn())
                    .containerName("app")
                    .status("RUNNING"));
            agent.submitAttachmentStateChanges(r -> r.cluster("agent-cluster")
                    .attachments(a -> a.attachmentArn(attachmentArn(t)).status("ATTACHED")));

            List<AuthorizationDecision> decisions =
                    List.copyOf(drydock.decisionLog().decisionsFor("ecs-agent"));
            assertThat(decisions)
                    .extracting(AuthorizationDecision::action)
                    .containsExactly(
                            "ecs:SubmitTaskStateChange",
                            "ecs:SubmitContainerStateChange",
                            "ecs:SubmitAttachmentStateChanges");
            assertThat(decisions)
                    .allSatisfy(d -> assertThat(d.resource())
                            .isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/agent-cluster"))
                    .allSatisfy(d -> assertThat(d.allowed()).isTrue());
            assertThatThrownBy(() -> agent.submitTaskStateChange(
                            r -> r.cluster(other).task(elsewhere.taskArn()).status("STOPPED")))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(describeTask(other, elsewhere.taskArn()).desiredStatus()).isEqualTo("RUNNING");
    }
}
