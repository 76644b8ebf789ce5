package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * On a real Docker engine: the EC2 launch type's bridge and host network modes. Each container instance gets a sandbox
 * whose address is its private IP; bridge tasks' host ports (fixed or dynamic) answer on that address, host tasks'
 * container ports too; other containers and this JVM ({@link EcsModule#taskAddress}) reach them there; and everything
 * goes away with the session.
 */
class Ec2NetworkingDockerTest {
    private static final String HTTPD = "drydock/httpd:2.4-local";
    private static final String BUSYBOX = "drydock/busybox:1.35-local";
    private static Drydock drydock;
    private static EcsClient ecs;
    private static EcsModule module;

    @BeforeAll
    static void start() {
        drydock = Drydock.start();
        ecs = drydock.client(EcsClient.builder());
        module = drydock.service(EcsModule.class);
    }

    @AfterAll
    static void stop() throws Exception {
        if (ecs != null) {
            ecs.close();
        }
        if (drydock != null) {
            String session = drydock.sessionId();
            drydock.close();
            assertThat(leftovers(session))
                    .as("containers of the session after close")
                    .isEmpty();
        }
    }

    @Test
    void twoBridgeTasksOnOneInstanceAnswerAtTheInstanceAddressOnTheirDynamicHostPorts() throws Exception {
        String cluster = "bridge-one";
        ecs.createCluster(r -> r.clusterName(cluster));
        drydock.apply(EcsFixtures.containerInstances(cluster, 1, "m5.large"));
        registerWeb("bridge-web", NetworkMode.BRIDGE, 0, 80);

        Task first = awaitRunning(cluster, runOn(cluster, "bridge-web", "first"));
        Task second = awaitRunning(cluster, runOn(cluster, "bridge-web", "second"));

        NetworkBinding b1 = first.containers().get(0).networkBindings().get(0);
        NetworkBinding b2 = second.containers().get(0).networkBindings().get(0);
        assertThat(b1.containerPort()).isEqualTo(80);
        assertThat(b1.hostPort()).isBetween(32768, 61000).isNotEqualTo(b2.hostPort());
        assertThat(b2.hostPort()).isBetween(32768, 61000);
        assertThat(first.containerInstanceArn()).isEqualTo(second.containerInstanceArn());

        String instanceIp = module.containerInstanceAddress(cluster, first.containerInstanceArn());
        // from this JVM, on any engine
        assertThat(get(module.taskAddress(cluster, first.taskArn(), 80))).isEqualTo("web first");
        assertThat(get(module.taskAddress(cluster, second.taskArn(), 80))).isEqualTo("web second");
        assertThat(get(drydock.taskAddress(instanceIp, b2.hostPort()))).isEqualTo("web second");
        // from another container, at the instance address and host port, as on EC2
        assertThat(fetchFromAContainer(cluster, instanceIp, b1.hostPort(), b2.hostPort()))
                .containsExactly("web first", "web second");

        ecs.stopTask(r -> r.cluster(cluster).task(first.taskArn()));
        awaitTask(cluster, first, t -> "STOPPED".equals(t.lastStatus()));
        assertThat(get(module.taskAddress(cluster, second.taskArn(), 80))).isEqualTo("web second");
        ecs.stopTask(r -> r.cluster(cluster).task(second.taskArn()));
        awaitTask(cluster, second, t -> "STOPPED".equals(t.lastStatus()));
    }

    @Test
    void hostAndFixedBridgePortsOnTwoInstancesAnswerAtEachInstancesAddress() throws Exception {
        String cluster = "host-and-bridge";
        ecs.createCluster(r -> r.clusterName(cluster));
        drydock.apply(EcsFixtures.containerInstances(cluster, 2, "m5.large"));
        registerWeb("host-web", NetworkMode.HOST, null, 8080);
        registerWeb("fixed-web", NetworkMode.BRIDGE, 8081, 80);

        List<String> instances =
                ecs.listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns();
        Task host = startOn(cluster, "host-web", instances.get(0), "host");
        Task bridge = startOn(cluster, "fixed-web", instances.get(1), "fixed");
        host = awaitRunning(cluster, host);
        bridge = awaitRunning(cluster, bridge);

        assertThat(host.containers().get(0).networkBindings().get(0).hostPort()).isEqualTo(8080);
        assertThat(bridge.containers().get(0).networkBindings().get(0).hostPort())
                .isEqualTo(8081);
        String hostIp = module.containerInstanceAddress(cluster, instances.get(0));
        String bridgeIp = module.containerInstanceAddress(cluster, instances.get(1));
        assertThat(hostIp).isNotEqualTo(bridgeIp);

        assertThat(get(module.taskAddress(cluster, host.taskArn(), 8080))).isEqualTo("web host");
        assertThat(get(module.taskAddress(cluster, bridge.taskArn(), 80))).isEqualTo("web fixed");
        assertThat(fetchFromAContainer(cluster, hostIp, 8080)).containsExactly("web host");
        assertThat(fetchFromAContainer(cluster, bridgeIp, 8081)).containsExactly("web fixed");
    }

    @Test
    void aBridgeTasksContainersFindEachOtherThroughLinks() {
        String cluster = "links";
        ecs.createCluster(r -> r.clusterName(cluster));
        drydock.apply(EcsFixtures.containerInstances(cluster, 1, "m5.large"));
        ecs.registerTaskDefinition(r -> r.family("linked")
                .networkMode(NetworkMode.BRIDGE)
                .requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(
                        ContainerDefinition.builder()
                                .name("web")
                                .image(HTTPD)
                                .essential(false)
                                .memory(64)
                                .entryPoint("sh", "-c")
                                .command("echo linked > /usr/local/apache2/htdocs/index.html && exec httpd-foreground")
                                .build(),
                        ContainerDefinition.builder()
                                .name("client")
                                .image(BUSYBOX)
                                .essential(true)
                                .memory(64)
                                .links("web:backend")
                                .command(
                                        "sh",
                                        "-c",
                                        "for i in $(seq 50); do wget -q -O - http://backend/ && exit 0; sleep 0.2;"
                                                + " done; exit 1")
                                .build()));
        Task task = ecs.runTask(r -> r.cluster(cluster).taskDefinition("linked").launchType(LaunchType.EC2))
                .tasks()
                .get(0);
        Task stopped = awaitTask(cluster, task, t -> "STOPPED".equals(t.lastStatus()));
        assertThat(stopped.containers().stream().filter(c -> c.name().equals("client")))
                .singleElement()
                .satisfies(c -> assertThat(c.exitCode()).isZero());
        assertThat(module.containerOutput(cluster, task.taskArn(), "client")).contains("linked");
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static void registerWeb(String family, NetworkMode mode, Integer hostPort, int containerPort) {
        ecs.registerTaskDefinition(r -> r.family(family)
                .networkMode(mode)
                .requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(ContainerDefinition.builder()
                        .name("web")
                        .image(HTTPD)
                        .essential(true)
                        .memory(64)
                        .environment(KeyValuePair.builder()
                                .name("HTTPD_PORT")
                                .value(Integer.toString(containerPort))
                                .build())
                        .entryPoint("sh", "-c")
                        .command("echo \"web $MARK\" > /usr/local/apache2/htdocs/index.html && exec httpd-foreground")
                        .portMappings(p -> p.containerPort(containerPort).hostPort(hostPort))
                        .build()));
    }

    private static Task runOn(String cluster, String family, String mark) {
        return ecs.runTask(r -> r.cluster(cluster)
                        .taskDefinition(family)
                        .launchType(LaunchType.EC2)
                        .overrides(mark(mark)))
                .tasks()
                .get(0);
    }

    private static Task startOn(String cluster, String family, String instance, String mark) {
        return ecs.startTask(r -> r.cluster(cluster)
                        .taskDefinition(family)
                        .containerInstances(instance)
                        .overrides(mark(mark)))
                .tasks()
                .get(0);
    }

    /** RunTask's overrides giving the {@code web} container {@code MARK}, which its page shows. */
    private static TaskOverride mark(String mark) {
        return TaskOverride.builder()
                .containerOverrides(c -> c.name("web")
                        .environment(
                                KeyValuePair.builder().name("MARK").value(mark).build()))
                .build();
    }

    /** Runs a Fargate task that fetches {@code http://ip:port/} for each port and returns what it printed. */
    private static List<String> fetchFromAContainer(String cluster, String ip, int... ports) {
        StringBuilder script = new StringBuilder();
        for (int port : ports) {
            script.append("wget -q -O - http://")
                    .append(ip)
                    .append(':')
                    .append(port)
                    .append("/ || echo failed; ");
        }
        String family = "client-" + ports[0];
        ecs.registerTaskDefinition(r -> r.family(family)
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256")
                .memory("512")
                .containerDefinitions(ContainerDefinition.builder()
                        .name("client")
                        .image(BUSYBOX)
                        .essential(true)
                        .command("sh", "-c", script.toString())
                        .build()));
        Task task = ecs.runTask(r -> r.cluster(cluster)
                        .taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))))
                .tasks()
                .get(0);
        Task stopped = awaitTask(cluster, task, t -> "STOPPED".equals(t.lastStatus()));
        assertThat(stopped.containers().get(0).exitCode()).isZero();
        return module.containerOutput(cluster, task.taskArn(), "client");
    }

    private static Task awaitRunning(String cluster, Task task) {
        Task t = awaitTask(cluster, task, x -> "RUNNING".equals(x.lastStatus()) || "STOPPED".equals(x.lastStatus()));
        assertThat(t.lastStatus()).as(t.stoppedReason()).isEqualTo("RUNNING");
        return t;
    }

    private static Task awaitTask(String cluster, Task task, Predicate<Task> condition) {
        Task[] last = new Task[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last[0] = ecs.describeTasks(r -> r.cluster(cluster).tasks(task.taskArn()))
                            .tasks()
                            .get(0);
                    return condition.test(last[0]);
                });
        return last[0];
    }

    private static String get(InetSocketAddress address) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().trim();
    }

    /** The names of the session's containers still on the engine (any state). */
    private static List<String> leftovers(String session) {
        return DockerClientFactory.instance()
                .client()
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of("dev.drydock.session", session))
                .exec()
                .stream()
                .map(c -> String.join(",", c.getNames()))
                .toList();
    }
}
