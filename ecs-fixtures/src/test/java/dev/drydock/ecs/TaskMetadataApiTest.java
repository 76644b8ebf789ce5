package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.spi.JsonTree;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The task metadata endpoint (v4) on the simulated runtime, asked from the test JVM: which URI each container gets,
 * what the endpoint answers while the task runs and after it stopped, and its answers to paths and ids it does not
 * know. {@code ContainerBehaviourDockerTest} asks it from inside a real container.
 */
class TaskMetadataApiTest extends EcsApiTestBase {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String metadataUri, String path) throws IOException, InterruptedException {
        URI uri = URI.create(metadataUri + path);
        URI local = drydock.endpoint().resolve(uri.getRawPath());
        return http.send(HttpRequest.newBuilder(local).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private Task runOneContainerTask(String cluster, String familyPrefix) {
        String family = unique(familyPrefix);
        registerFargate(family);
        return awaitRunning(cluster, runOne(cluster, family).taskArn());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> response) throws IOException {
        return (Map<String, Object>) JsonTree.parse(response.body().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyContainerGetsItsOwnMetadataUri() throws Exception {
        String cluster = createCluster();
        String family = unique("meta");
        register(fargate(family).containerDefinitions(container("app"), container("sidecar")));
        Task running = awaitRunning(cluster, runOne(cluster, family).taskArn());
        String taskId = taskId(running.taskArn());

        String appUri =
                sim.spec(running.containers().get(0).runtimeId()).environment().get("ECS_CONTAINER_METADATA_URI_V4");
        String sidecarUri =
                sim.spec(running.containers().get(1).runtimeId()).environment().get("ECS_CONTAINER_METADATA_URI_V4");
        assertThat(appUri)
                .matches("http://127\\.0\\.0\\.1:51679/v4/" + taskId + "-\\d+")
                .isNotEqualTo(sidecarUri);

        HttpResponse<String> app = get(appUri, "");
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(app))
                .containsEntry("Name", "app")
                .containsEntry("DockerId", appUri.substring(appUri.lastIndexOf('/') + 1));
        assertThat(json(get(sidecarUri, ""))).containsEntry("Name", "sidecar");

        Map<String, Object> task = json(get(sidecarUri, "/task"));
        assertThat(task).containsEntry("TaskARN", running.taskArn()).containsEntry("KnownStatus", "RUNNING");
        assertThat((List<?>) task.get("Containers")).hasSize(2);
        assertThat(json(get(appUri, "/taskWithTags"))).containsEntry("TaskTags", Map.of());
    }

    @Test
    void version3AnswersWithoutWhatVersion4Added() throws Exception {
        Task running = runOneContainerTask(createCluster(), "meta-v3");
        Map<String, String> env =
                sim.spec(running.containers().get(0).runtimeId()).environment();
        String v3 = env.get("ECS_CONTAINER_METADATA_URI");
        assertThat(v3).isEqualTo(env.get("ECS_CONTAINER_METADATA_URI_V4").replace("/v4/", "/v3/"));

        Map<String, Object> container = json(get(v3, ""));
        assertThat(container).containsEntry("Name", "app").doesNotContainKeys("ContainerARN", "Snapshotter");
        assertThat(container.get("Networks"))
                .isEqualTo(List.of(Map.of(
                        "NetworkMode",
                        "awsvpc",
                        "IPv4Addresses",
                        List.of(running.containers()
                                .get(0)
                                .networkInterfaces()
                                .get(0)
                                .privateIpv4Address()))));
        Map<String, Object> task = json(get(v3, "/task"));
        assertThat(task).containsEntry("TaskARN", running.taskArn()).doesNotContainKey("LaunchType");
        assertThat(get(v3, "/taskWithTags").statusCode()).isEqualTo(404);
        assertThat(get(v3, "/stats").statusCode()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBridgeTaskReportsItsNetworkModeAndHostPorts() throws Exception {
        String cluster = createCluster();
        drydock.apply(EcsFixtures.containerInstances(cluster, 1, "m5.large"));
        String family = unique("meta-bridge");
        register(RegisterTaskDefinitionRequest.builder()
                .family(family)
                .networkMode(NetworkMode.BRIDGE)
                .requiresCompatibilitiesWithStrings("EC2")
                .containerDefinitions(container("app").toBuilder()
                        .memory(128)
                        .portMappings(p -> p.containerPort(80))
                        .build()));
        String arn = ecs.runTask(r -> r.cluster(cluster).taskDefinition(family).launchType(LaunchType.EC2))
                .tasks()
                .get(0)
                .taskArn();
        Task running = awaitRunning(cluster, arn);
        int hostPort = running.containers().get(0).networkBindings().get(0).hostPort();
        String uri =
                sim.spec(running.containers().get(0).runtimeId()).environment().get("ECS_CONTAINER_METADATA_URI_V4");

        Map<String, Object> container = json(get(uri, ""));
        List<Map<String, Object>> ports = (List<Map<String, Object>>) container.get("Ports");
        assertThat(ports)
                .extracting(p -> p.get("ContainerPort") + "/" + p.get("Protocol") + " on " + p.get("HostIp") + ":"
                        + p.get("HostPort"))
                .containsExactly("80/tcp on 0.0.0.0:" + hostPort);
        assertThat((List<Map<String, Object>>) container.get("Networks"))
                .singleElement()
                .satisfies(n ->
                        assertThat(n).containsEntry("NetworkMode", "bridge").doesNotContainKey("MACAddress"));
    }

    @Test
    void unknownIdsAndPathsAreRefusedAndStoppedTasksAreForgotten() throws Exception {
        String cluster = createCluster();
        Task running = runOneContainerTask(cluster, "meta-stop");
        String uri =
                sim.spec(running.containers().get(0).runtimeId()).environment().get("ECS_CONTAINER_METADATA_URI_V4");

        assertThat(get(uri, "/nothing").statusCode()).isEqualTo(404);
        assertThat(get("http://127.0.0.1:51679/v4/0123456789abcdef0123456789abcdef-1", "/task")
                        .statusCode())
                .isEqualTo(404);

        ecs.stopTask(r -> r.cluster(cluster).task(running.taskArn()));
        awaitStopped(cluster, running.taskArn());
        HttpResponse<String> gone = get(uri, "/task");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("the task may have stopped");
    }
}
