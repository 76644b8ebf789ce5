package dev.drydock.samples;

import static dev.drydock.junit.DrydockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.iam.DecisionLog;
import dev.drydock.ecs.EcsFixtures;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.IamRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A Fargate task running the AWS CLI v2 gets its credentials from Drydock (the container credentials provider) and
 * calls ECS through Drydock: what its task role allows succeeds, what it does not fails with AccessDenied. The test
 * checks both in IAM's decision log and in the containers' exit codes.
 */
@IamRole(name = "orders-task", policy = "iam/orders-task.json")
@EcsCluster(name = "shop")
class TaskRolePermissionsSampleTest {

    @Test
    void theTaskRoleAllowsListingClustersButNotDeletingThem(EcsClient ecs, DecisionLog decisions) {
        ecs.registerTaskDefinition(EcsFixtures.taskDefinitionRequest("ecs/orders-cli.json"));

        // Debian's AWS CLI 2.9 predates AWS_ENDPOINT_URL (read from CLI 2.13 on), so the commands pass it themselves
        Task allowed = run(ecs, "aws ecs list-clusters --endpoint-url \"$AWS_ENDPOINT_URL\"");
        Task denied = run(ecs, "aws ecs delete-cluster --cluster shop --endpoint-url \"$AWS_ENDPOINT_URL\"");
        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("shop").tasks(allowed.taskArn(), denied.taskArn()));

        List<Task> stopped = ecs.describeTasks(r -> r.cluster("shop").tasks(allowed.taskArn(), denied.taskArn()))
                .tasks();
        assertThat(exitCode(stopped, allowed)).isZero();
        assertThat(exitCode(stopped, denied)).isEqualTo(254); // the CLI's exit code for a service error

        assertThat(decisions)
                .forPrincipal("orders-task")
                .hasAllowed("ecs:ListClusters")
                .hasDenied("ecs:DeleteCluster")
                .neverAllowed("ecs:DeleteCluster");
    }

    private static Task run(EcsClient ecs, String command) {
        return ecs.runTask(r -> r.cluster("shop")
                        .taskDefinition("orders-cli")
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
