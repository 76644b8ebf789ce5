package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.events.AwsEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * On a real Docker engine: a deployment whose container exits with code 1 at once trips the deployment circuit
 * breaker, which rolls the service back to the revision that ran.
 */
class DeploymentDockerTest {
    private static final String IMAGE = "drydock/busybox:1.35-local";

    @Test
    void theCircuitBreakerRollsBackADeploymentWhoseContainerExitsAtOnce() {
        try (Drydock drydock = Drydock.start();
                EcsClient ecs = drydock.client(EcsClient.builder())) {
            ecs.createCluster(r -> r.clusterName("deploy"));
            String good = register(ecs, "sleep", "600");
            String bad = register(ecs, "sh", "-c", "exit 1");
            Service created = ecs.createService(r -> r.cluster("deploy")
                            .serviceName("web")
                            .taskDefinition(good)
                            .desiredCount(1)
                            .launchType(LaunchType.FARGATE)
                            .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678")))
                            .deploymentConfiguration(c -> c.minimumHealthyPercent(100)
                                    .maximumPercent(200)
                                    .deploymentCircuitBreaker(
                                            b -> b.enable(true).rollback(true))))
                    .service();
            String completed = created.deployments().get(0).id();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> "COMPLETED"
                            .equals(describe(ecs).deployments().get(0).rolloutStateAsString()));

            String failing = ecs.updateService(
                            r -> r.cluster("deploy").service("web").taskDefinition(bad))
                    .service()
                    .deployments()
                    .get(0)
                    .id();

            AwsEvent failed = drydock.events()
                    .await(
                            AwsEvent.ofType("ECS Deployment State Change")
                                    .and(AwsEvent.withDetail("eventName", "SERVICE_DEPLOYMENT_FAILED"))
                                    .and(AwsEvent.withDetail("deploymentId", failing)),
                            120);
            assertThat(failed.detail())
                    .containsEntry("reason", "ECS deployment circuit breaker: tasks failed to " + "start.");
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Service s = describe(ecs);
                return s.deployments().size() == 1
                        && completed.equals(s.deployments().get(0).id())
                        && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString());
            });
            Service after = describe(ecs);
            assertThat(after.taskDefinition()).isEqualTo(good);
            assertThat(after.runningCount()).isEqualTo(1);
            assertThat(after.events())
                    .extracting(e -> e.message())
                    .contains("(service web) rolling back to deployment " + completed + ".");
            List<String> stopped = ecs.listTasks(
                            r -> r.cluster("deploy").serviceName("web").desiredStatus(DesiredStatus.STOPPED))
                    .taskArns();
            List<Task> failedTasks = ecs.describeTasks(r -> r.cluster("deploy").tasks(stopped)).tasks().stream()
                    .filter(t -> t.taskDefinitionArn().equals(bad))
                    .toList();
            assertThat(failedTasks).hasSizeGreaterThanOrEqualTo(3).allSatisfy(t -> {
                assertThat(t.stopCodeAsString()).isEqualTo("EssentialContainerExited");
                assertThat(t.containers().get(0).exitCode()).isEqualTo(1);
            });
        }
    }

    private static String register(EcsClient ecs, String... command) {
        return ecs.registerTaskDefinition(r -> r.family("web")
                        .networkMode(NetworkMode.AWSVPC)
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("app")
                                .image(IMAGE)
                                .command(command)
                                .stopTimeout(2)
                                .build()))
                .taskDefinition()
                .taskDefinitionArn();
    }

    private static Service describe(EcsClient ecs) {
        return ecs.describeServices(r -> r.cluster("deploy").services("web"))
                .services()
                .get(0);
    }
}
