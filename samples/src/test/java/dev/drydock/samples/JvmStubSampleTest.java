package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.drydock.core.Drydock;
import dev.drydock.ecs.EcsFixtures;
import dev.drydock.junit.EcsCluster;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A task calls a stub the test runs in its own JVM (here the JDK's HTTP server; a WireMock server works the same):
 * {@code drydock.exposeHostPorts(port)} makes the port reachable from tasks at {@code host.drydock.internal:<port>},
 * on every Docker engine (on a remote one through Drydock's helper container, over a connection the JVM opens). The
 * stub listens on the loopback address only.
 */
@EcsCluster(name = "shop")
class JvmStubSampleTest {
    private final List<String> charges = new CopyOnWriteArrayList<>();
    private HttpServer payments;

    @BeforeEach
    void startTheStub() throws Exception {
        payments = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        payments.createContext("/charge", x -> {
            charges.add(x.getRequestURI().toString());
            byte[] body = "charged".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        payments.start();
    }

    @AfterEach
    void stopTheStub() {
        payments.stop(0);
    }

    @Test
    void aTaskReachesAStubInTheTestJvmByTheDocumentedHostName(Drydock drydock, EcsClient ecs) {
        int port = payments.getAddress().getPort();
        drydock.exposeHostPorts(port);

        ecs.registerTaskDefinition(EcsFixtures.taskDefinitionRequest("ecs/payments-client.json"));
        Task task = ecs.runTask(r -> r.cluster("shop")
                        .taskDefinition("payments-client")
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0d2c4a1e5b6f70819")))
                        .overrides(o -> o.containerOverrides(c -> c.name("client")
                                .environment(e -> e.name("PAYMENTS_URL")
                                        .value("http://" + Drydock.JVM_HOST_NAME + ":" + port + "/charge?order=42")))))
                .tasks()
                .get(0);
        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("shop").tasks(task.taskArn()));

        Task stopped = ecs.describeTasks(r -> r.cluster("shop").tasks(task.taskArn()))
                .tasks()
                .get(0);
        assertThat(stopped.containers().get(0).exitCode()).isZero();
        assertThat(charges).containsExactly("/charge?order=42");
    }
}
