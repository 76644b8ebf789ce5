package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Service;

/** Fixtures for {@link FastWaitersTest}; run only through it. */
class FastWaitersTestCases {
    private static final String IMAGE = "drydock-test/built-later:1";

    @EcsCluster(name = "waiting")
    static class WaitingForAService {

        /**
         * A service that cannot be stable when the waiter first polls: its image is missing, so its task fails to
         * start and the scheduler holds the next launch back (at least 500 ms); the image then appears, and the waiter
         * must poll again to see the service stable.
         */
        @Test
        void waitUntilServicesStable(EcsClient ecs, Drydock drydock, @TempDir Path context, TestReporter reporter)
                throws IOException {
            ((SimulatedRuntime) drydock.runtime()).missingImage(IMAGE);
            ecs.registerTaskDefinition(r -> r.family("built-later")
                    .networkMode("awsvpc")
                    .requiresCompatibilities(Compatibility.FARGATE)
                    .cpu("256")
                    .memory("512")
                    .containerDefinitions(c -> c.name("app").image(IMAGE).essential(true)));
            ecs.createService(r -> r.cluster("waiting")
                    .serviceName("late")
                    .taskDefinition("built-later")
                    .desiredCount(1)
                    .launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0d2c4a1e5b6f70819"))));
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> service(ecs).events().stream()
                            .anyMatch(e -> e.message().contains("failed to launch")));
            Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
            drydock.buildImage(context, IMAGE);

            long start = System.nanoTime();
            WaiterResponse<DescribeServicesResponse> waited = ecs.waiter()
                    .waitUntilServicesStable(r -> r.cluster("waiting").services("late"));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(waited.matched().response()).as("the waiter's outcome").isPresent();
            assertThat(waited.matched().response().get().services().get(0).runningCount())
                    .isEqualTo(1);
            reporter.publishEntry("attempts", Integer.toString(waited.attemptsExecuted()));
            reporter.publishEntry("millis", Long.toString(millis));
        }

        private static Service service(EcsClient ecs) {
            return ecs.describeServices(r -> r.cluster("waiting").services("late"))
                    .services()
                    .get(0);
        }
    }
}
