package dev.drydock.samples;

import static dev.drydock.junit.DrydockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import dev.drydock.core.iam.DecisionLog;
import dev.drydock.ecs.EcsFixtures;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.IamRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A Java application (src/main/java/.../OrdersApp) packaged in an image with a JRE runs as a Fargate task. Using
 * only the SDK's default credentials chain, it gets the task role's credentials from Drydock: listing clusters is
 * allowed by the role's policy, deleting one is denied.
 */
@IamRole(name = "orders-task", policy = "iam/orders-task.json")
@EcsCluster(name = "shop")
class JavaApplicationSampleTest {

    @BeforeAll
    static void buildTheApplicationImage(Drydock drydock) throws IOException {
        Path context = Paths.get("target", "app-image");
        Files.copy(
                Paths.get("src", "main", "docker", "Dockerfile"),
                context.resolve("Dockerfile"),
                StandardCopyOption.REPLACE_EXISTING);
        copyTree(Paths.get("target", "classes"), context.resolve("classes"));
        drydock.buildImage(context, "orders-app:sample");
    }

    @Test
    void theApplicationUsesItsTaskRole(EcsClient ecs, DecisionLog decisions) {
        ecs.registerTaskDefinition(EcsFixtures.taskDefinitionRequest("ecs/orders-app.json"));

        Task allowed = run(ecs, "list-clusters");
        Task denied = run(ecs, "delete-cluster", "shop");
        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("shop").tasks(allowed.taskArn(), denied.taskArn()));

        List<Task> stopped = ecs.describeTasks(r -> r.cluster("shop").tasks(allowed.taskArn(), denied.taskArn()))
                .tasks();
        assertThat(exitCode(stopped, allowed)).as("list-clusters exit code").isZero();
        assertThat(exitCode(stopped, denied))
                .as("delete-cluster exit code (3 = AccessDeniedException)")
                .isEqualTo(3);

        assertThat(decisions)
                .forPrincipal("orders-task")
                .hasAllowed("ecs:ListClusters")
                .hasDenied("ecs:DeleteCluster");
        assertThat(ecs.describeClusters(r -> r.clusters("shop"))
                        .clusters()
                        .get(0)
                        .status())
                .isEqualTo("ACTIVE");
    }

    private static Task run(EcsClient ecs, String... command) {
        return ecs.runTask(r -> r.cluster("shop")
                        .taskDefinition("orders-app")
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0d2c4a1e5b6f70819")))
                        .overrides(o -> o.containerOverrides(c -> c.name("app").command(command))))
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

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
