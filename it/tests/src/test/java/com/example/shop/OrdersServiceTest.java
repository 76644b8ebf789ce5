package com.example.shop;

import static dev.drydock.junit.DrydockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.iam.DecisionLog;
import dev.drydock.junit.ActingAs;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.EfsFileSystem;
import dev.drydock.junit.FargateService;
import dev.drydock.junit.IamRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.efs.EfsClient;

/**
 * Written only against Drydock's public API, as a user's project would. Every project under it/ runs this class with
 * its own dependency setup: a Fargate service on Docker, injected SDK clients of three services, and IAM checks.
 */
@EcsCluster(name = "shop")
@IamRole(name = "orders-task", policy = "iam/orders-task.json")
@EfsFileSystem(name = "uploads")
@FargateService(cluster = "shop", name = "orders", taskDefinition = "ecs/orders.json", desiredCount = 1)
class OrdersServiceTest {

    @Test
    void runsTheServiceAndItsSidecarReachesTheApiOnLocalhost(EcsClient ecs) throws Exception {
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("shop").services("orders"));

        var service = ecs.describeServices(r -> r.cluster("shop").services("orders")).services().get(0);
        assertThat(service.runningCount()).isEqualTo(1);
        assertThat(service.deployments()).hasSize(1);

        var arns = ecs.listTasks(r -> r.cluster("shop").serviceName("orders")).taskArns();
        for (Task task : ecs.describeTasks(r -> r.cluster("shop").tasks(arns)).tasks()) {
            String ip = task.attachments().get(0).details().stream()
                    .filter(d -> d.name().equals("privateIPv4Address")).findFirst().orElseThrow().value();
            String body = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://" + ip + ":8080/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).contains("orders-ok");
        }
    }

    @Test
    void theTaskRoleMayReadTheShopButNotDeleteIt(@ActingAs("orders-task") EcsClient asTaskRole, DecisionLog decisions) {
        assertThat(asTaskRole.listClusters().clusterArns()).anyMatch(arn -> arn.endsWith(":cluster/shop"));
        assertThatThrownBy(() -> asTaskRole.deleteCluster(r -> r.cluster("shop")))
                .isInstanceOf(EcsException.class)
                .hasMessageContaining("is not authorized to perform: ecs:DeleteCluster");

        assertThat(decisions)
                .forPrincipal("orders-task")
                .hasAllowed("ecs:ListClusters")
                .hasDenied("ecs:DeleteCluster");
    }

    @Test
    void anEfsClientSeesTheDeclaredFileSystem(EfsClient efs) {
        assertThat(efs.describeFileSystems().fileSystems()).anyMatch(fs -> "uploads".equals(fs.name()));
    }

    @Test
    void applicationCodeBuildingItsOwnClientReachesDrydock() {
        try (EcsClient own = EcsClient.create()) {
            assertThat(own.listClusters().clusterArns()).anyMatch(arn -> arn.endsWith(":cluster/shop"));
        }
    }
}
