package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.FargateService;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A task whose containers depend on each other (src/test/resources/ecs/web-with-sidecars.json): a {@code migrate}
 * init container must succeed before {@code web} starts, and {@code metadata-check} starts once {@code web}'s health
 * check passes, then reads the task metadata endpoint ({@code $ECS_CONTAINER_METADATA_URI_V4/task}) and exits 0 when
 * it reports {@code web} healthy.
 */
@EcsCluster(name = "shop")
@FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/web-with-sidecars.json")
class ContainerDependenciesSampleTest {

    @Test
    void containersStartInDependencyOrderAndSeeTheirTasksMetadata(EcsClient ecs) {
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("shop").services("web"));
        String arn = ecs.listTasks(r -> r.cluster("shop").serviceName("web"))
                .taskArns()
                .get(0);

        Task task = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> ecs.describeTasks(r -> r.cluster("shop").tasks(arn))
                                .tasks()
                                .get(0),
                        t -> container(t, "metadata-check").exitCode() != null);

        assertThat(task.healthStatusAsString()).isEqualTo("HEALTHY");
        assertThat(container(task, "web").healthStatusAsString()).isEqualTo("HEALTHY");
        assertThat(container(task, "migrate").exitCode()).isZero();
        assertThat(container(task, "metadata-check").exitCode()).isZero();
        assertThat(task.lastStatus()).isEqualTo("RUNNING"); // non-essential containers may exit
    }

    private static Container container(Task task, String name) {
        return task.containers().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
