package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.FargateService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * An ECS service that uses a database container the test starts with Testcontainers (Redis, built offline from
 * Debian's redis-server by scripts/build-images.sh): the container joins Drydock's network ({@code drydock.network()})
 * with the alias {@code db}, so the service's tasks reach it by that name (their task definition says
 * {@code REDIS_HOST=db}), and it reaches the tasks at their private IPs, on every Docker engine. The service starts
 * with the class and keeps retrying until the database is there, as an application would.
 */
@EcsCluster(name = "shop")
@FargateService(cluster = "shop", name = "counter", taskDefinition = "ecs/visit-counter.json", desiredCount = 2)
class TestcontainersDatabaseSampleTest {
    private static GenericContainer<?> db;

    @BeforeAll
    static void startTheDatabase(Drydock drydock) {
        db = new GenericContainer<>(DockerImageName.parse("drydock/redis:local"))
                .withNetwork(drydock.network())
                .withNetworkAliases("db")
                .withExposedPorts(6379);
        db.start();
    }

    @AfterAll
    static void stopTheDatabase() {
        db.stop();
    }

    /** The counter the tasks increment, 0 while it does not exist yet. */
    private static long visits() throws Exception {
        String value =
                db.execInContainer("redis-cli", "GET", "visits").getStdout().strip();
        return value.isEmpty() ? 0 : Long.parseLong(value);
    }

    @Test
    void tasksReachTheDatabaseByItsAliasAndTheDatabaseReachesTasksByTheirIps(EcsClient ecs) throws Exception {
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("shop").services("counter"));

        // both tasks count visits in the database container
        await().atMost(Duration.ofSeconds(30)).until(() -> visits() > 10);

        // the database container reaches a task at its private IP (the task's ENI address), port 8080
        List<String> arns =
                ecs.listTasks(r -> r.cluster("shop").serviceName("counter")).taskArns();
        Task task =
                ecs.describeTasks(r -> r.cluster("shop").tasks(arns)).tasks().get(0);
        String ip = task.containers().get(0).networkInterfaces().get(0).privateIpv4Address();
        var page = db.execInContainer(
                "bash", "-c", "exec 3<>/dev/tcp/" + ip + "/8080 && printf 'GET / HTTP/1.0\\r\\n\\r\\n' >&3 && cat <&3");
        assertThat(page.getStdout()).contains("counting visits");
    }
}
