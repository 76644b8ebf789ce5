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
import java.net.URI;
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
 * sessions left, creating the session's network, listening on its gateway so containers reach the endpoint), awaited
 * only by work that needs containers, and emptied of the session's objects on close.
 */
final class RuntimeConnection {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeConnection.class);

    private final Supplier<ContainerRuntime> factory;
    private final String sessionId;
    private final Map<String, String> sessionLabels;
    private final HttpEndpoint endpoint;
    private final CompletableFuture<RuntimeSession> session = new CompletableFuture<>();

    /**
     * @param factory creates the runtime when connecting
     * @param sessionLabels the labels every object of the session carries
     * @param endpoint the endpoint, which also listens on the network's gateway for containers
     */
    RuntimeConnection(
            Supplier<ContainerRuntime> factory,
            String sessionId,
            Map<String, String> sessionLabels,
            HttpEndpoint endpoint) {
        this.factory = factory;
        this.sessionId = sessionId;
        this.sessionLabels = sessionLabels;
        this.endpoint = endpoint;
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
            ContainerRuntime rt = factory.get();
            try {
                if (rt.realContainers()) {
                    SessionSweeper.sweepDeadSessions(rt);
                }
                NetworkInfo network = rt.createNetwork("drydock-" + sessionId, sessionLabels);
                URI forContainers = bindForContainers(rt, network);
                session.complete(new RuntimeSession(rt, network, forContainers));
            } catch (RuntimeException e) {
                rt.close();
                throw e;
            }
        } catch (RuntimeException | Error e) {
            session.completeExceptionally(e);
        }
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
        if (!session.isDone()) {
            session.cancel(false);
        }
        Optional<RuntimeSession> connected = ifReady();
        if (connected.isEmpty()) {
            return;
        }
        ContainerRuntime rt = connected.get().runtime();
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
        rt.close();
    }

    private URI bindForContainers(ContainerRuntime rt, NetworkInfo network) {
        if (!rt.realContainers() || network.gateway() == null) {
            return endpoint.loopbackUri();
        }
        try {
            InetSocketAddress bound =
                    endpoint.bindAddress(new InetSocketAddress(InetAddress.getByName(network.gateway()), 0));
            return URI.create("http://" + network.gateway() + ":" + bound.getPort());
        } catch (IOException e) {
            throw new DrydockException(
                    "Drydock cannot listen on " + network.gateway() + ", the gateway of its Docker "
                            + "network " + network.name() + ", so containers could not reach its endpoint ("
                            + e.getMessage()
                            + "). Drydock needs a Docker engine on this machine (Linux) for now.",
                    e);
        }
    }
}
