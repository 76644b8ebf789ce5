package dev.drydock.samples;

import static dev.drydock.junit.DrydockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.iam.DecisionLog;
import dev.drydock.ecs.EcsFixtures;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.EfsFileSystem;
import dev.drydock.junit.IamRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The AWS CLI v2 (a third-party client of the EFS REST-JSON API) in a Fargate task with the role {@code efs-viewer}:
 * it may describe file systems and read their tags, but not delete them.
 */
@IamRole(name = "efs-viewer", policy = "iam/efs-viewer.json")
@EcsCluster(name = "cli")
@EfsFileSystem(name = "uploads")
class EfsCliSampleTest {

    @Test
    void theCliDescribesFileSystemsButMayNotDeleteThem(EcsClient ecs, DecisionLog decisions) {
        ecs.registerTaskDefinition(EcsFixtures.taskDefinitionRequest("ecs/efs-cli.json"));
        String describe = "out=$(aws efs describe-file-systems --endpoint-url \"$AWS_ENDPOINT_URL\" "
                + "--query 'FileSystems[0].[Name,LifeCycleState]' --output text) && echo \"$out\" "
                + "&& [ \"$out\" = \"$(printf 'uploads\\tavailable')\" ]";
        String delete = "id=$(aws efs describe-file-systems --endpoint-url \"$AWS_ENDPOINT_URL\" "
                + "--query 'FileSystems[0].FileSystemId' --output text) && "
                + "aws efs delete-file-system --file-system-id \"$id\" --endpoint-url \"$AWS_ENDPOINT_URL\"";
        Task allowed = run(ecs, describe);
        Task denied = run(ecs, delete);
        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("cli").tasks(allowed.taskArn(), denied.taskArn()));

        List<Task> stopped = ecs.describeTasks(r -> r.cluster("cli").tasks(allowed.taskArn(), denied.taskArn()))
                .tasks();
        assertThat(exitCode(stopped, allowed)).as("describe-file-systems").isZero();
        assertThat(exitCode(stopped, denied))
                .as("delete-file-system: AccessDeniedException")
                .isEqualTo(254);
        assertThat(decisions)
                .forPrincipal("efs-viewer")
                .hasAllowed("elasticfilesystem:DescribeFileSystems")
                .hasDenied("elasticfilesystem:DeleteFileSystem");
    }

    private static Task run(EcsClient ecs, String command) {
        return ecs.runTask(r -> r.cluster("cli")
                        .taskDefinition("efs-cli")
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0d2c4a1e5b6f70819")))
                        .overrides(o -> o.containerOverrides(c -> c.name("cli").command(command))))
                .tasks()
                .get(0);
    }

    private static int exitCode(List<Task> tasks, Task task) {
        return tasks.stream()
                .filter(t -> t.taskArn().equals(task.taskArn()))
                .findFirst()
                .orElseThrow()
                .containers()
                .get(0)
                .exitCode();
    }
}
