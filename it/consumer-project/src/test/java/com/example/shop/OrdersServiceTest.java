package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.FargateService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/** Written only against Drydock's public API, as a user's project would. */
@EcsCluster(name = "shop")
@FargateService(cluster = "shop", name = "orders", taskDefinition = "ecs/orders.json", desiredCount = 2)
class OrdersServiceTest {

    @Test
    void runsTheServiceAndItsSidecarReachesTheApiOnLocalhost(EcsClient ecs) throws Exception {
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("shop").services("orders"));

        var service = ecs.describeServices(r -> r.cluster("shop").services("orders")).services().get(0);
        assertThat(service.runningCount()).isEqualTo(2);
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
    void applicationCodeBuildingItsOwnClientReachesDrydock() {
        try (EcsClient own = EcsClient.create()) {
            assertThat(own.listClusters().clusterArns()).anyMatch(arn -> arn.endsWith(":cluster/shop"));
        }
    }
}
