package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.events.AwsEvent;
import dev.drydock.core.events.EventStream;
import dev.drydock.junit.DrydockSetting;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.FargateService;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Deployment code under test, without Docker: a release whose container exits at once trips the deployment circuit
 * breaker, which rolls the service back to the revision that ran. The test follows the rollout through the
 * EventBridge-format events ECS sends ({@code ECS Deployment State Change}), on the simulated runtime, where tasks
 * reach RUNNING in milliseconds and {@code sh -c "exit 1"} exits as it would in a container.
 */
@DrydockSetting(key = "runtime", value = "simulated")
@EcsCluster(name = "shop")
@FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/deploy-sample.json", desiredCount = 2)
class DeploymentRollbackSampleTest {

    @Test
    void aReleaseThatCrashesIsRolledBack(EcsClient ecs, EventStream events) {
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("shop").services("web"));
        TaskDefinition good = ecs.describeTaskDefinition(r -> r.taskDefinition("deploy-sample"))
                .taskDefinition();
        String goodDeployment = describe(ecs).deployments().get(0).id();
        String broken = ecs.registerTaskDefinition(r -> r.family(good.family())
                        .networkMode(good.networkMode())
                        .requiresCompatibilitiesWithStrings(good.requiresCompatibilitiesAsStrings())
                        .cpu(good.cpu())
                        .memory(good.memory())
                        .containerDefinitions(good.containerDefinitions().get(0).toBuilder()
                                .command("sh", "-c", "exit 1")
                                .build()))
                .taskDefinition()
                .taskDefinitionArn();

        String release = ecs.updateService(r -> r.cluster("shop")
                        .service("web")
                        .taskDefinition(broken)
                        .deploymentConfiguration(c ->
                                c.deploymentCircuitBreaker(b -> b.enable(true).rollback(true))))
                .service()
                .deployments()
                .get(0)
                .id();

        AwsEvent failed = events.await(deployment("SERVICE_DEPLOYMENT_FAILED", release), 30);
        assertThat(failed.detail())
                .containsEntry("eventType", "ERROR")
                .containsEntry("reason", "ECS deployment circuit breaker: tasks failed to start.");
        AwsEvent rollingBack = events.await(
                deployment("SERVICE_DEPLOYMENT_IN_PROGRESS", goodDeployment)
                        .and(AwsEvent.withDetail(
                                "reason",
                                "ECS deployment circuit breaker: rolling back to deploymentId " + goodDeployment
                                        + ".")),
                30);
        events.await(
                deployment("SERVICE_DEPLOYMENT_COMPLETED", goodDeployment)
                        .and(e ->
                                e.time().isAfter(rollingBack.time()) || e.time().equals(rollingBack.time())),
                30);

        Service after = describe(ecs);
        assertThat(after.taskDefinition()).isEqualTo(good.taskDefinitionArn());
        assertThat(after.deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(goodDeployment);
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
        });
        assertThat(after.events().get(0).message()).isEqualTo("(service web) has reached a steady state.");
        assertThat(after.events())
                .extracting(e -> e.message())
                .contains(
                        "(service web) (deployment " + release + ") deployment failed: tasks failed to start.",
                        "(service web) rolling back to deployment " + goodDeployment + ".");
    }

    private static Predicate<AwsEvent> deployment(String eventName, String deploymentId) {
        return AwsEvent.ofType("ECS Deployment State Change")
                .and(AwsEvent.withDetail("eventName", eventName))
                .and(AwsEvent.withDetail("deploymentId", deploymentId));
    }

    private static Service describe(EcsClient ecs) {
        return ecs.describeServices(r -> r.cluster("shop").services("web"))
                .services()
                .get(0);
    }
}
