package dev.drydock.core.internal.host;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import dev.drydock.core.DrydockException;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.ContainerState;
import dev.drydock.core.runtime.NetworkInfo;
import dev.drydock.core.runtime.RuntimeFailure;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

/**
 * Drydock's helper container on engines this JVM does not share a network with: an SSH server on Drydock's network
 * that this JVM connects to through a port the engine publishes, and that carries connections from containers back to
 * the JVM over that one connection (SSH remote port forwarding), so the engine never opens a connection to the JVM's
 * host. This is the mechanism of Testcontainers' host port exposure ({@code Testcontainers.exposeHostPorts}), with the
 * same image ({@code testcontainers/sshd}, or what Testcontainers' {@code sshd.container.image} setting substitutes),
 * but a container of Drydock's own: on Drydock's network, carrying Drydock's labels (so a later session sweeps it),
 * and publishing the loopback port of the engine's host that the engine pulls ECR images through.
 *
 * <p>A container port forwarded to the JVM answers at the helper's address on Drydock's network; the tunnel is kept
 * alive (SSH keep-alives every 5 s) and reconnected, with its forwards, while the helper container runs.
 */
final class EngineHelper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineHelper.class);
    /** Testcontainers' own SSH helper image, which its host port exposure uses (Testcontainers 2.0.5's version). */
    static final String TESTCONTAINERS_SSHD_IMAGE = "testcontainers/sshd:1.3.0";

    private static final int SSH_PORT = 22;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ContainerRuntime runtime;
    private final String containerId;
    private final String address;
    private final String sshHost;
    private final int sshPort;
    private final String password;
    private final int registryContainerPort;
    private final int registryHostPort;
    /** Container port to JVM port, restored on every reconnection. */
    private final Map<Integer, Integer> forwards = new LinkedHashMap<>();

    private final ScheduledExecutorService keeper;
    private Session session;
    private volatile boolean closed;
    private volatile boolean brokenReported;

    private EngineHelper(
            ContainerRuntime runtime,
            String containerId,
            String address,
            String sshHost,
            int sshPort,
            String password,
            int registryContainerPort,
            int registryHostPort) {
        this.runtime = runtime;
        this.containerId = containerId;
        this.address = address;
        this.sshHost = sshHost;
        this.sshPort = sshPort;
        this.password = password;
        this.registryContainerPort = registryContainerPort;
        this.registryHostPort = registryHostPort;
        this.keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drydock-engine-helper");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The helper image a setting names ({@code drydock.helper.image}), else Testcontainers' SSH helper image after
     * Testcontainers' image name substitution (its {@code sshd.container.image} setting, a registry prefix ...).
     */
    static String image(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        try {
            return ImageNameSubstitutor.instance()
                    .apply(DockerImageName.parse(TESTCONTAINERS_SSHD_IMAGE))
                    .asCanonicalNameString();
        } catch (RuntimeException | LinkageError e) {
            return TESTCONTAINERS_SSHD_IMAGE;
        }
    }

    /**
     * Starts the helper on Drydock's network and connects to it.
     *
     * @param image the image: an SSH server at {@code /usr/sbin/sshd} with {@code sh} and {@code chpasswd}, as
     *     {@code testcontainers/sshd}
     * @param publishedPortHost where this JVM reaches the engine's published ports
     * @param publishAddress the engine host's address its SSH port is published on
     * @param registryContainerPort the container port the registry forward listens on (a port this JVM holds, so that
     *     no exposed JVM port can take it), published on the engine host's loopback address
     * @throws DrydockException naming the engine, what failed and the settings that change it
     */
    static EngineHelper start(
            ContainerRuntime runtime,
            NetworkInfo network,
            String name,
            Map<String, String> labels,
            String image,
            String publishedPortHost,
            String publishAddress,
            int registryContainerPort) {
        String password = HexFormat.of().formatHex(bytes(16));
        try {
            runtime.ensureImage(image);
        } catch (RuntimeFailure e) {
            throw failure(runtime, "could not get the helper image " + image + " (" + e.getMessage() + ")", e);
        }
        ContainerSpec spec = ContainerSpec.builder(name, image)
                .entryPoint(List.of("sh", "-c"))
                .command(List.of(
                        // as Testcontainers' host port exposure runs it, plus the privilege separation directory that
                        // Debian's sshd needs
                        "mkdir -p /run/sshd && echo \"root:$PASSWORD\" | chpasswd && exec /usr/sbin/sshd -D -e"
                                + " -o PermitRootLogin=yes -o PasswordAuthentication=yes -o AddressFamily=inet"
                                + " -o GatewayPorts=yes -o AllowTcpForwarding=yes -o ClientAliveInterval=10"))
                .environment(Map.of("PASSWORD", password))
                .labels(labels)
                .network(network.name(), List.of())
                .publishAddress(publishAddress)
                .publish(SSH_PORT, "tcp")
                .publish(registryContainerPort, "tcp", "127.0.0.1")
                .init(true)
                .build();
        String id;
        try {
            id = runtime.createContainer(spec);
        } catch (RuntimeFailure e) {
            throw failure(runtime, "could not create the helper container (" + e.getMessage() + ")", e);
        }
        try {
            runtime.startContainer(id);
            ContainerState state = runtime.inspectContainer(id);
            Integer ssh = state.publishedPorts().get(SSH_PORT + "/tcp");
            Integer registry = state.publishedPorts().get(registryContainerPort + "/tcp");
            if (state.ipAddress() == null || ssh == null || registry == null) {
                throw failure(
                        runtime,
                        "the helper container has no address on network " + network.name() + " or did not publish"
                                + " its ports (" + state.publishedPorts() + ")",
                        null);
            }
            EngineHelper helper = new EngineHelper(
                    runtime, id, state.ipAddress(), publishedPortHost, ssh, password, registryContainerPort, registry);
            helper.connectWithRetries();
            helper.keeper.scheduleWithFixedDelay(helper::keepAlive, 5, 5, TimeUnit.SECONDS);
            return helper;
        } catch (RuntimeException e) {
            try {
                runtime.removeContainer(id);
            } catch (RuntimeFailure ignored) {
                // removed with the session's labels anyway
            }
            if (e instanceof DrydockException) {
                throw e;
            }
            throw failure(runtime, "could not start the helper container (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static DrydockException failure(ContainerRuntime runtime, String what, Throwable cause) {
        return new DrydockException(
                "Drydock cannot run on " + runtime.description() + ": this JVM does not share a network with the"
                        + " engine, so tasks reach Drydock through a helper container, and Drydock " + what + ". Set"
                        + " drydock.helper.image (a system property, or helper.image in src/test/resources/"
                        + "drydock.properties) to a local image with an SSH server like testcontainers/sshd (this"
                        + " project builds one with scripts/build-images.sh helper), or drydock.engine.topology=local"
                        + " if this JVM does share the engine's host and network.",
                cause);
    }

    /** The helper's address on Drydock's network, where forwarded JVM ports answer. */
    String address() {
        return address;
    }

    String containerId() {
        return containerId;
    }

    /** The loopback port of the engine's host that the registry forward answers on. */
    int registryHostPort() {
        return registryHostPort;
    }

    int registryContainerPort() {
        return registryContainerPort;
    }

    /**
     * Forwards connections to the helper's {@code containerPort} to this JVM's {@code 127.0.0.1:jvmPort}.
     * Idempotent.
     *
     * @throws DrydockException when the helper refuses (the port is taken in the helper, or the tunnel is down)
     */
    void forward(int containerPort, int jvmPort) {
        synchronized (this) {
            Integer existing = forwards.get(containerPort);
            if (existing != null) {
                if (existing != jvmPort) {
                    throw new DrydockException(
                            "Port " + containerPort + " of Drydock's helper already forwards to port " + existing
                                    + " of this JVM, not " + jvmPort + ".");
                }
                return;
            }
        }
        // JSch wakes the thread waiting for the server's answer by interrupting it, and may do so after the wait ended:
        // the request runs on the helper's own thread, so that no caller's thread is left interrupted
        Future<?> request = keeper.submit(() -> {
            try {
                synchronized (this) {
                    if (!forwards.containsKey(containerPort)) {
                        ensureConnected().setPortForwardingR("0.0.0.0", containerPort, "127.0.0.1", jvmPort);
                        forwards.put(containerPort, jvmPort);
                    }
                }
                return null;
            } finally {
                Thread.interrupted();
            }
        });
        try {
            request.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new DrydockException(
                    "Drydock's helper container on " + runtime.description() + " could not forward port "
                            + containerPort + " to this JVM: " + cause.getMessage(),
                    cause);
        } catch (TimeoutException e) {
            request.cancel(true);
            throw new DrydockException("Drydock's helper container on " + runtime.description()
                    + " did not answer a request to forward port " + containerPort + " within a minute.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DrydockException("Interrupted while forwarding port " + containerPort + " to this JVM", e);
        }
    }

    private Session ensureConnected() throws JSchException {
        if (session == null || !session.isConnected()) {
            session = connect();
            for (Map.Entry<Integer, Integer> f : forwards.entrySet()) {
                session.setPortForwardingR("0.0.0.0", f.getKey(), "127.0.0.1", f.getValue());
            }
        }
        return session;
    }

    private Session connect() throws JSchException {
        Session s = new JSch().getSession("root", sshHost, sshPort);
        s.setPassword(password);
        s.setConfig("StrictHostKeyChecking", "no");
        s.setConfig("PreferredAuthentications", "password,keyboard-interactive");
        s.setServerAliveInterval(5000);
        s.setServerAliveCountMax(3);
        s.setDaemonThread(true);
        s.connect(10_000);
        return s;
    }

    /** The SSH server takes a moment to start: tries for up to 20 s, failing early when the container exited. */
    private synchronized void connectWithRetries() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JSchException last = null;
        while (System.nanoTime() < deadline) {
            try {
                session = connect();
                return;
            } catch (JSchException e) {
                last = e;
            }
            ContainerState state = runtime.inspectContainer(containerId);
            if (!state.running()) {
                throw failure(
                        runtime,
                        "found its helper container (image with an SSH server) exited with code " + state.exitCode()
                                + ": " + String.join(" | ", runtime.logTail(containerId, 10)),
                        last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw failure(
                runtime,
                "could not connect to its helper container's SSH server at " + sshHost + ":" + sshPort + " ("
                        + (last == null ? "interrupted" : last.getMessage()) + "; helper log: "
                        + String.join(" | ", runtime.logTail(containerId, 10)) + ")",
                last);
    }

    /** Reconnects a broken tunnel while the helper runs (e.g. after the engine's host was briefly unreachable). */
    private void keepAlive() {
        Thread.interrupted(); // see forward()
        if (closed) {
            return;
        }
        synchronized (this) {
            if (session != null && session.isConnected()) {
                brokenReported = false;
                return;
            }
            try {
                ensureConnected();
                LOG.info("Drydock's tunnel to its helper container {} is connected again", shortId());
                brokenReported = false;
            } catch (JSchException | RuntimeException e) {
                if (!brokenReported) {
                    brokenReported = true;
                    LOG.warn(
                            "Drydock's tunnel to its helper container {} on {} is broken ({}): tasks cannot reach"
                                    + " Drydock's endpoint until it reconnects",
                            shortId(),
                            runtime.description(),
                            e.getMessage());
                }
            }
        }
    }

    private String shortId() {
        return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
    }

    /** Closes the tunnel and removes the container. */
    @Override
    public synchronized void close() {
        closed = true;
        keeper.shutdownNow();
        if (session != null) {
            session.disconnect();
        }
        try {
            runtime.removeContainer(containerId);
        } catch (RuntimeFailure e) {
            LOG.debug("Removing the helper container failed: {}", e.getMessage());
        }
    }
}
