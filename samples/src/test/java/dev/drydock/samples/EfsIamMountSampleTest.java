package dev.drydock.samples;

import static dev.drydock.junit.DrydockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.iam.DecisionLog;
import dev.drydock.ecs.EcsFixtures;
import dev.drydock.efs.EfsFiles;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.EfsFileSystem;
import dev.drydock.junit.IamRole;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * IAM authorization of EFS mounts ({@code authorizationConfig.iam: ENABLED}): the file system policy lets any
 * principal mount over TLS but grants nothing else, so the task role {@code uploader} (whose own policy grants no
 * EFS client action) gets a read-only mount: writing fails with EROFS, as on AWS, and the decision log says why.
 * The policy denies the role {@code outsider} everything: its task does not start. A file system whose policy grants
 * ClientMount and ClientWrite but not ClientRootAccess squashes root: what root creates is owned by nobody (65534).
 */
@IamRole(name = "uploader", policy = "iam/uploader.json")
@IamRole(name = "outsider", policy = "iam/uploader.json")
@EcsCluster(name = "secure")
@EfsFileSystem(name = "secured", policy = "efs/secured-policy.json")
@EfsFileSystem(name = "no-root", policy = "efs/no-root-policy.json")
class EfsIamMountSampleTest {

    @Test
    void aRoleWithoutClientWriteGetsAReadOnlyMount(EcsClient ecs, EfsFiles files, DecisionLog decisions) {
        files.writeString("secured", "/seed.txt", "seeded by the test\n");
        ecs.registerTaskDefinition(EcsFixtures.taskDefinitionRequest("ecs/secured-cli.json"));
        Task task = run(ecs, "uploader");
        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("secure").tasks(task.taskArn()));
        Task stopped = ecs.describeTasks(r -> r.cluster("secure").tasks(task.taskArn()))
                .tasks()
                .get(0);
        assertThat(stopped.containers().get(0).exitCode())
                .as("cat works, touch fails with EROFS")
                .isZero();
        assertThat(files.exists("secured", "/new.txt")).isFalse();

        assertThat(decisions)
                .forPrincipal("uploader")
                .hasAllowed("elasticfilesystem:ClientMount")
                .hasDenied("elasticfilesystem:ClientWrite")
                .hasDenied("elasticfilesystem:ClientRootAccess");
        AuthorizationDecision write = decisions
                .decisions(d -> d.action().equals("elasticfilesystem:ClientWrite"))
                .get(0);
        assertThat(write.describe()).contains("elasticfilesystem:ClientWrite");
    }

    @Test
    void aRoleTheFileSystemPolicyDeniesCannotStartItsTask(EcsClient ecs, DecisionLog decisions) {
        ecs.registerTaskDefinition(EcsFixtures.taskDefinitionRequest("ecs/secured-cli.json"));
        Task task = run(ecs, "outsider");
        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("secure").tasks(task.taskArn()));
        Task stopped = ecs.describeTasks(r -> r.cluster("secure").tasks(task.taskArn()))
                .tasks()
                .get(0);
        assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(stopped.stoppedReason())
                .startsWith(
                        "ResourceInitializationError: failed to invoke EFS utils " + "commands to set up EFS volumes")
                .contains("access denied by server");
        assertThat(decisions).forPrincipal("outsider").hasDenied("elasticfilesystem:ClientMount");
    }

    @Test
    void withoutClientRootAccessRootIsSquashed(EcsClient ecs, EfsFiles files, DecisionLog decisions) {
        ecs.registerTaskDefinition(EcsFixtures.taskDefinitionRequest("ecs/no-root-cli.json"));
        Task task = run(ecs, "no-root-cli", "uploader");
        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("secure").tasks(task.taskArn()));
        Task stopped = ecs.describeTasks(r -> r.cluster("secure").tasks(task.taskArn()))
                .tasks()
                .get(0);
        assertThat(stopped.containers().get(0).exitCode()).as("root may write").isZero();
        assertThat(files.ownerUid("no-root", "/made-by-root.txt")).isEqualTo(65534);
        assertThat(files.ownerGid("no-root", "/made-by-root.txt")).isEqualTo(65534);
        assertThat(decisions).forPrincipal("uploader").hasAllowed("elasticfilesystem:ClientWrite");
    }

    private static Task run(EcsClient ecs, String role) {
        return run(ecs, "secured-cli", role);
    }

    private static Task run(EcsClient ecs, String family, String role) {
        return ecs.runTask(r -> r.cluster("secure")
                        .taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0d2c4a1e5b6f70819")))
                        .overrides(o -> o.taskRoleArn(role)))
                .tasks()
                .get(0);
    }
}
