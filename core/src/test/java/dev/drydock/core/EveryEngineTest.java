package dev.drydock.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.ContainerState;
import dev.drydock.core.spi.EngineAccess;
import dev.drydock.core.spi.Labels;
import dev.drydock.core.spi.RuntimeSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * On the real engine, both ways Drydock reaches it: {@code local} (the JVM shares the engine's network: containers
 * reach the JVM at the gateway, the JVM reaches container IPs) and {@code remote} (every connection from the JVM to the
 * engine: the helper container's SSH tunnel carries containers' connections to the JVM, the JVM reaches published
 * ports). Whatever the topology, a container reaches Drydock's endpoint and a JVM port by {@code host.drydock.internal},
 * the JVM reaches a container's port through {@link Drydock#taskAddress}, and a Testcontainers container on
 * {@link Drydock#network()} is reached by its alias.
 */
class EveryEngineTest {
    private static final String BUSYBOX = "drydock/busybox:1.35-local";

    private static Drydock start(String topology) {
        return Drydock.builder()
                .setting("engine.topology", topology)
                .setting("helper.image", "drydock/helper:local")
                // published ports of the local engine answer on this machine's loopback address
                .setting("engine.host", "127.0.0.1")
                .start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "remote"})
    void containersReachTheEndpointAndJvmPortsAndTheJvmReachesTheirPorts(String topology) throws Exception {
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        stub.createContext("/", x -> {
            byte[] body = "stub answered".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        stub.start();
        try (Drydock drydock = start(topology)) {
            RuntimeSession session = drydock.host().runtimeSession();
            EngineAccess engine = session.engine();
            assertThat(engine.direct()).isEqualTo(topology.equals("local"));
            if (topology.equals("remote")) {
                assertThat(session.endpointForContainers().getHost())
                        .isNotEqualTo(session.network().gateway());
            }

            // a JVM port that listens on loopback only, exposed by its port number
            drydock.exposeHostPorts(stub.getAddress().getPort());
            String fetched = runToCompletion(
                    drydock,
                    session,
                    "wget -q -O- http://" + EngineAccess.JVM_HOST_NAME + ":"
                            + stub.getAddress().getPort() + "/");
            assertThat(fetched).isEqualTo("stub answered");

            // Drydock's own endpoint, as tasks reach it
            String endpoint = runToCompletion(
                    drydock,
                    session,
                    "printf 'GET /v2/credentials/none HTTP/1.0\\r\\n\\r\\n' | nc "
                            + session.endpointForContainers().getHost() + " "
                            + session.endpointForContainers().getPort());
            assertThat(endpoint).startsWith("HTTP/1.");

            // a container's published port, as the JVM reaches it
            ContainerRuntime runtime = session.runtime();
            String web = runtime.createContainer(ContainerSpec.builder(
                            "drydock-" + drydock.sessionId() + "-web", BUSYBOX)
                    .entryPoint(List.of("sh", "-c"))
                    .command(List.of("mkdir -p /www && echo served > /www/index.html && exec httpd -f -p 80 -h /www"))
                    .labels(drydock.host().labels(Map.of()))
                    .network(session.network().name(), List.of())
                    .publishAddress(engine.publishAddress())
                    .publish(80, "tcp")
                    .init(true)
                    .build());
            runtime.startContainer(web);
            ContainerState state = runtime.inspectContainer(web);
            engine.registerPorts(web, state.ipAddress(), state.publishedPorts());
            InetSocketAddress address = drydock.taskAddress(state.ipAddress(), 80);
            if (topology.equals("local")) {
                assertThat(address.getAddress().getHostAddress()).isEqualTo(state.ipAddress());
            } else {
                assertThat(address.getPort()).isEqualTo(state.publishedPorts().get("80/tcp"));
            }
            String page = Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .ignoreExceptions()
                    .until(() -> get(address, "/index.html"), body -> body.contains("served"));
            assertThat(page).contains("served");
            assertThatThrownBy(() -> drydock.taskAddress(state.ipAddress(), 8080))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maps no TCP port 8080")
                    .hasMessageContaining("[80/tcp]");
            engine.releasePorts(web);
            assertThatThrownBy(() -> drydock.taskAddress(state.ipAddress(), 80))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("No running task");
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void aTestcontainersContainerOnDrydocksNetworkIsReachedByItsAliasAndReachesContainers() throws Exception {
        try (Drydock drydock = start("remote");
                GenericContainer<?> db = new GenericContainer<>(DockerImageName.parse(BUSYBOX))
                        .withNetwork(drydock.network())
                        .withNetworkAliases("stub-db")
                        .withCommand(
                                "sh",
                                "-c",
                                "mkdir -p /www && echo from-db > /www/index.html && exec httpd -f -p 80 -h /www")) {
            db.start();
            RuntimeSession session = drydock.host().runtimeSession();
            assertThat(runToCompletion(drydock, session, "wget -q -O- http://stub-db/index.html"))
                    .isEqualTo("from-db");
            String peer = session.runtime()
                    .createContainer(ContainerSpec.builder("drydock-" + drydock.sessionId() + "-peer", BUSYBOX)
                            .entryPoint(List.of("sh", "-c"))
                            .command(List.of(
                                    "mkdir -p /www && echo from-task > /www/index.html && exec httpd -f -p 80 -h /www"))
                            .labels(drydock.host().labels(Map.of()))
                            .network(session.network().name(), List.of())
                            .init(true)
                            .build());
            session.runtime().startContainer(peer);
            String ip = session.runtime().inspectContainer(peer).ipAddress();
            var result = db.execInContainer("wget", "-q", "-O-", "http://" + ip + "/index.html");
            assertThat(result.getStdout()).isEqualTo("from-task\n");
        }
    }

    @Test
    void anEngineThatCannotRunTheHelperFailsNamingTheEngineWhatFailedAndTheSetting() {
        try (Drydock drydock = Drydock.builder()
                .setting("engine.topology", "remote")
                .setting("helper.image", "drydock-test/no-such-helper:1")
                .start()) {
            assertThatThrownBy(drydock::runtime)
                    .isInstanceOf(DrydockException.class)
                    .hasMessageContaining("Drydock cannot run on Docker ")
                    .hasMessageContaining("could not get the helper image drydock-test/no-such-helper:1")
                    .hasMessageContaining("drydock.helper.image");
            assertThat(labelled(drydock)).isZero();
        }
    }

    /** Runs {@code script} in a busybox container on Drydock's network (with Drydock's host names); its output. */
    private static String runToCompletion(Drydock drydock, RuntimeSession session, String script) {
        ContainerRuntime runtime = session.runtime();
        ContainerSpec.Builder spec = ContainerSpec.builder(
                        "drydock-" + drydock.sessionId() + "-probe-" + System.nanoTime(), BUSYBOX)
                .entryPoint(List.of("sh", "-c"))
                .command(List.of(script))
                .labels(drydock.host().labels(Map.of(Labels.CONTAINER, "probe")))
                .network(session.network().name(), List.of());
        session.engine().extraHosts().forEach((name, ip) -> spec.extraHost(name + ":" + ip));
        String id = runtime.createContainer(spec.build());
        runtime.startContainer(id);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> !runtime.inspectContainer(id).running());
        String out = String.join("\n", runtime.logTail(id, 50));
        runtime.removeContainer(id);
        return out;
    }

    private static String get(InetSocketAddress address, String path) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(address, 2000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long labelled(Drydock drydock) {
        try (ContainerRuntime runtime = ContainerRuntime.docker()) {
            return runtime.labelledObjects(Map.of(Labels.SESSION, drydock.sessionId()))
                    .size();
        }
    }
}
