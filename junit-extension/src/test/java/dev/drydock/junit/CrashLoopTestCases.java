package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.ecs.EcsModule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;

/** Fixtures for {@link CrashLoopTest}; run only through it. */
class CrashLoopTestCases {

    /**
     * On Docker, a service whose only container writes two lines and exits with 1 about 150 ms after it started (a
     * missing setting, as a team's first week showed): ECS replaces it again and again.
     */
    @EcsCluster(name = "crash")
    @FargateService(cluster = "crash", name = "orders", taskDefinition = "ecs/crash-loop.json")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class CrashLoopingService {
        @RegisterExtension
        static DrydockExtension drydock =
                DrydockExtension.builder().setting("runtime", "docker").build();

        /**
         * The SDK's waiter, as a test writes it: must not succeed between two crashes. When it fails, the test lets the
         * failed tasks finish stopping before it fails, so that the failure report has finished histories to fold.
         */
        @Test
        @Order(1)
        void waitUntilServicesStable(EcsClient ecs) {
            try {
                ecs.waiter().waitUntilServicesStable(r -> r.cluster("crash").services("orders"));
            } catch (SdkClientException e) {
                await().atMost(Duration.ofSeconds(30)).until(() -> stoppedTasks(ecs) >= 3);
                throw e;
            }
        }

        private static long stoppedTasks(EcsClient ecs) {
            List<String> arns = ecs.listTasks(
                            r -> r.cluster("crash").serviceName("orders").desiredStatus(DesiredStatus.STOPPED))
                    .taskArns();
            return arns.isEmpty()
                    ? 0
                    : ecs.describeTasks(r -> r.cluster("crash").tasks(arns)).tasks().stream()
                            .filter(t -> "STOPPED".equals(t.lastStatus()))
                            .count();
        }

        /** A passing test reads what the stopped tasks' containers wrote. */
        @Test
        @Order(2)
        void theOutputOfStoppedTasksIsKept(EcsClient ecs, Drydock drydock) {
            List<String> stopped = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> ecs.listTasks(r -> r.cluster("crash")
                                            .serviceName("orders")
                                            .desiredStatus(DesiredStatus.STOPPED))
                                    .taskArns(),
                            arns -> !arns.isEmpty());
            String task = stopped.get(0);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ecs.describeTasks(r -> r.cluster("crash").tasks(task))
                            .tasks()
                            .get(0)
                            .lastStatus()
                            .equals("STOPPED"));

            assertThat(drydock.service(EcsModule.class).containerOutput("crash", task, "app"))
                    .containsExactly("starting orders", "Error: DATABASE_URL is not set");
        }
    }
}
