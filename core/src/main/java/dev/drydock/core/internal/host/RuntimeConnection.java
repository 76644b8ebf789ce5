package dev.drydock.core.internal.host;

import dev.drydock.core.DrydockException;
import dev.drydock.core.internal.docker.DockerRuntime;
import dev.drydock.core.internal.docker.SessionSweeper;
import dev.drydock.core.internal.http.HttpEndpoint;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.NetworkInfo;
import dev.drydock.core.runtime.SimulatedRuntime;
import dev.drydock.core.spi.Labels;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.core.spi.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Drydock instance's container runtime: connected in the background right after start (sweeping what crashed
 * sessions left, creating the session's network, then deciding how containers reach the JVM), awaited only by work
 * that needs containers, and emptied of the session's objects on close.
 *
 * <p>How containers and the JVM reach each other ({@link EngineAccess}, the setting {@code engine.topology}):
 * {@code auto} (default) listens on the gateway of the session's network when the engine may run on this machine
 * ({@link ContainerRuntime#engineOnThisHost()}) and, when that works, containers reach the endpoint there (a local
 * Linux engine, the fast path); otherwise (Docker Desktop, colima, Podman, a remote engine) it starts Drydock's
 * {@link EngineHelper} on the network and containers reach the endpoint through it. {@code local} insists on the
 * former, {@code remote} on the latter. {@code engine.host} names the host this JVM reaches the engine's published
 * ports on when Testcontainers' answer is not right.
 */
final class RuntimeConnection {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeConnection.class);

    private final Supplier<ContainerRuntime> factory;
    private final String sessionId;
    private final Map<String, String> sessionLabels;
    private final HttpEndpoint endpoint;
    private final Settings settings;
    private final CompletableFuture<RuntimeSession> session = new CompletableFuture<>();
    private volatile EngineRoutes routes;
    /** Holds the port number the helper's registry forward listens on, so no exposed JVM port can take it. */
    private volatile ServerSocket registryPortHold;

    private volatile boolean closed;

    /**
     * @param factory creates the runtime when connecting
     * @param sessionLabels the labels every object of the session carries
     * @param endpoint the endpoint, which also listens on the network's gateway for containers on a local engine
     * @param settings {@code engine.topology}, {@code helper.image}
     */
    RuntimeConnection(
            Supplier<ContainerRuntime> factory,
            String sessionId,
            Map<String, String> sessionLabels,
            HttpEndpoint endpoint,
            Settings settings) {
        this.factory = factory;
        this.sessionId = sessionId;
        this.sessionLabels = sessionLabels;
        this.endpoint = endpoint;
        this.settings = settings;
    }

    /**
     * The runtime a setting names: {@code drydock.runtime} {@code docker} (default: the engine Testcontainers'
     * discovery finds) or {@code simulated}.
     *
     * @throws DrydockException for another value
     */
    static Supplier<ContainerRuntime> defaultFactory(Settings settings) {
        String kind = settings.get("runtime", "docker").toLowerCase(Locale.ROOT);
        switch (kind) {
            case "docker":
                return DockerRuntime::connect;
            case "simulated":
                return SimulatedRuntime::new;
            default:
                throw new DrydockException("Unknown drydock.runtime '" + kind + "'. Use 'docker' (tasks run as real "
                        + "containers) or 'simulated' (no Docker; tasks only change state).");
        }
    }

    /** Connects (on the calling thread); failures are kept and rethrown by {@link #join()}. */
    void connect() {
        try {
            String topology = settings.get("engine.topology", "auto").toLowerCase(Locale.ROOT);
            if (!List.of("auto", "local", "remote").contains(topology)) {
                throw new DrydockException("Unknown drydock.engine.topology '" + topology + "'. Use 'auto' (the"
                        + " default), 'local' (the JVM shares a local Linux engine's network) or 'remote' (every"
                        + " connection runs from the JVM to the engine, through Drydock's helper container).");
            }
            ContainerRuntime rt = factory.get();
            try {
                if (rt.realContainers()) {
                    SessionSweeper.sweepDeadSessions(rt);
                }
                NetworkInfo network = rt.createNetwork("drydock-" + sessionId, sessionLabels);
                RuntimeSession connected = connectTopology(rt, network, topology);
                if (!session.complete(connected) || closed) {
                    // closed while connecting (a test class that never needed containers): nothing may stay behind
                    removeSessionObjects(rt);
                    closeRoutes();
                    rt.close();
                }
            } catch (RuntimeException e) {
                closeRoutes();
                try {
                    rt.removeLabelled(Map.of(Labels.SESSION, sessionId));
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                rt.close();
                throw e;
            }
        } catch (RuntimeException | Error e) {
            session.completeExceptionally(e);
        }
    }

    private RuntimeSession connectTopology(ContainerRuntime rt, NetworkInfo network, String topology) {
        if (!rt.realContainers() || network.gateway() == null) {
            routes = EngineRoutes.direct(null);
            return new RuntimeSession(rt, network, endpoint.loopbackUri(), routes);
        }
        boolean tryLocal = topology.equals("local") || topology.equals("auto") && rt.engineOnThisHost();
        if (tryLocal) {
            try {
                InetSocketAddress bound =
                        endpoint.bindAddress(new InetSocketAddress(InetAddress.getByName(network.gateway()), 0));
                routes = EngineRoutes.direct(network.gateway());
                LOG.debug("Containers reach Drydock directly at {}:{}", network.gateway(), bound.getPort());
                return new RuntimeSession(
                        rt, network, URI.create("http://" + network.gateway() + ":" + bound.getPort()), routes);
            } catch (IOException e) {
                if (topology.equals("local")) {
                    throw new DrydockException(
                            "Drydock cannot listen on " + network.gateway() + ", the gateway of its Docker network "
                                    + network.name() + " on " + rt.description() + " (" + e.getMessage() + "), so"
                                    + " containers could not reach its endpoint directly. Remove the setting"
                                    + " drydock.engine.topology=local (or set it to auto or remote): Drydock then"
                                    + " reaches such an engine through its helper container.",
                            e);
                }
                LOG.debug(
                        "Cannot listen on the gateway {} ({}): reaching the engine through the helper",
                        network.gateway(),
                        e.getMessage());
            }
        }
        int endpointPort = endpoint.loopbackUri().getPort();
        try {
            registryPortHold = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new DrydockException("Drydock could not reserve a loopback port: " + e, e);
        }
        String publishedPortHost = settings.get("engine.host", null);
        if (publishedPortHost == null || publishedPortHost.isBlank()) {
            publishedPortHost = rt.publishedPortHost();
        }
        EngineHelper helper = EngineHelper.start(
                rt,
                network,
                "drydock-" + sessionId + "-helper",
                withContainerLabel(sessionLabels),
                EngineHelper.image(settings.get("helper.image", null)),
                publishedPortHost,
                EngineRoutes.forwardedPublishAddress(publishedPortHost),
                registryPortHold.getLocalPort());
        routes = EngineRoutes.forwarded(helper, publishedPortHost);
        helper.forward(endpointPort, endpointPort);
        LOG.info(
                "Drydock reaches {} through its helper container {} ({} on network {}; published ports on {})",
                rt.description(),
                helper.containerId()
                        .substring(0, Math.min(12, helper.containerId().length())),
                helper.address(),
                network.name(),
                publishedPortHost);
        return new RuntimeSession(rt, network, URI.create("http://" + helper.address() + ":" + endpointPort), routes);
    }

    private static Map<String, String> withContainerLabel(Map<String, String> labels) {
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.put(Labels.CONTAINER, "~helper");
        return all;
    }

    /**
     * The connected runtime (waits for it).
     *
     * @throws DrydockException when no runtime can be reached, saying what to do
     */
    RuntimeSession join() {
        try {
            return session.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DrydockException d) {
                throw new DrydockException(d.getMessage(), d);
            }
            throw new DrydockException(
                    "Drydock could not prepare its container runtime: " + e.getCause(), e.getCause());
        }
    }

    /** The runtime if it is already connected; never blocks. */
    Optional<RuntimeSession> ifReady() {
        return session.isDone() && !session.isCompletedExceptionally() && !session.isCancelled()
                ? Optional.of(session.join())
                : Optional.empty();
    }

    /** Stops a pending connection, or removes every object of the session and closes the runtime. */
    void close() {
        closed = true;
        if (!session.isDone()) {
            session.cancel(false);
        }
        Optional<RuntimeSession> connected = ifReady();
        closeRoutes();
        if (connected.isEmpty()) {
            return;
        }
        ContainerRuntime rt = connected.get().runtime();
        removeSessionObjects(rt);
        rt.close();
    }

    private void removeSessionObjects(ContainerRuntime rt) {
        try {
            int removed = rt.removeLabelled(Map.of(Labels.SESSION, sessionId));
            LOG.debug("Removed {} Docker objects of session {}", removed, sessionId);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not remove the Docker objects of Drydock session {} (label {}={}); the next Drydock "
                            + "session on this engine sweeps them",
                    sessionId,
                    Labels.SESSION,
                    sessionId,
                    e);
        }
    }

    private void closeRoutes() {
        EngineRoutes r = routes;
        if (r != null) {
            r.close();
            if (r.helper() != null) {
                r.helper().close();
            }
        }
        ServerSocket hold = registryPortHold;
        if (hold != null) {
            try {
                hold.close();
            } catch (IOException e) {
                // closing
            }
        }
    }
}
