package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.junit.CloudWatchLogGroup;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.FargateService;
import dev.drydock.junit.IamRole;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The AWS documentation's Fargate "webserver" task definition (src/test/resources/ecs/webserver.json) as a 2-task
 * service: wait with the SDK's own waiter, read the page from both tasks, stop one and see the service replace it.
 */
@IamRole(
        name = "ecsTaskExecutionRole", // the task definition's executionRoleArn; ECS refuses one it cannot assume
        managedPolicies = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")
@CloudWatchLogGroup(name = "/ecs/fargate-task-definition") // the awslogs group the task definition logs to
@EcsCluster(name = "shop")
@FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/webserver.json", desiredCount = 2)
class WebServerSampleTest {

    @Test
    void servesThePageFromEveryTaskAndReplacesAStoppedOne(Drydock drydock, EcsClient ecs) {
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("shop").services("web"));

        List<Task> tasks = ServiceTasks.running(ecs, "shop", "web");
        assertThat(tasks).hasSize(2);
        for (Task task : tasks) {
            assertThat(task.group()).isEqualTo("service:web");
            assertThat(TaskPages.page(drydock, task)).contains("<h1>Amazon ECS Sample App</h1>");
        }

        Task stopped = tasks.get(0);
        ecs.stopTask(r -> r.cluster("shop").task(stopped.taskArn()).reason("sample: replace me"));

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            List<Task> now = ServiceTasks.running(ecs, "shop", "web");
            assertThat(now).hasSize(2).extracting(Task::taskArn).doesNotContain(stopped.taskArn());
        });
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("shop").services("web"));
        Task replacement = ServiceTasks.running(ecs, "shop", "web").stream()
                .filter(t -> !t.taskArn().equals(tasks.get(1).taskArn()))
                .findFirst()
                .orElseThrow();
        assertThat(TaskPages.page(drydock, replacement)).contains("Congratulations!");

        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("shop").tasks(stopped.taskArn()));
        Task old = ecs.describeTasks(r -> r.cluster("shop").tasks(stopped.taskArn()))
                .tasks()
                .get(0);
        assertThat(old.stopCodeAsString()).isEqualTo("UserInitiated");
        assertThat(old.stoppedReason()).isEqualTo("sample: replace me");
    }
}
