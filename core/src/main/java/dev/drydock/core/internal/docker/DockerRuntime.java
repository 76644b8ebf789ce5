package dev.drydock.core.internal.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import dev.drydock.core.DrydockException;
import dev.drydock.core.internal.compat.DependencyCheck;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.ContainerState;
import dev.drydock.core.runtime.LocalImage;
import dev.drydock.core.runtime.NetworkInfo;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;

/**
 * {@link ContainerRuntime} on a real Docker engine, through docker-java. The engine is found the way
 * Testcontainers finds it ({@code DOCKER_HOST}, {@code ~/.testcontainers.properties}, the default socket, Docker
 * Desktop, colima ...), but without Testcontainers' Ryuk container or start-up checks: Drydock labels and sweeps
 * its own objects. The engine's API version is negotiated, never pinned.
 */
public final class DockerRuntime implements ContainerRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(DockerRuntime.class);

    private final DockerClient client;
    private final DockerImages images;
    private final DockerNetworks networks;
    private final DockerVolumes volumes;
    private final DockerExec exec;
    private final ContainerCreation creation;
    private final DockerContainers containers;
    private final DockerOutput output;
    private final LabelledObjects labelled;
    private final String description;
    private final URI dockerHost;
    private final boolean linuxEngine;
    private final boolean podman;
    private final List<Closeable> subscriptions = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String publishedPortHost;

    private DockerRuntime(
            DockerClient client, String description, URI dockerHost, boolean linuxEngine, boolean podman) {
        this.client = client;
        this.images = new DockerImages(client);
        this.networks = new DockerNetworks(client);
        this.volumes = new DockerVolumes(client);
        this.exec = new DockerExec(client);
        this.creation = new ContainerCreation(client);
        this.containers = new DockerContainers(client);
        this.output = new DockerOutput(client);
        this.labelled = new LabelledObjects(client, containers, networks);
        this.description = description;
        this.dockerHost = dockerHost;
        this.linuxEngine = linuxEngine;
        this.podman = podman;
    }

    /**
     * Connects to the Docker engine Testcontainers' discovery finds.
     *
     * @throws DrydockException when no engine answers, naming what was tried and what to do
     */
    public static DockerRuntime connect() {
        long t0 = System.nanoTime();
        DockerClientProviderStrategy strategy;
        try {
            List<DockerClientProviderStrategy> strategies = new ArrayList<>();
            ServiceLoader.load(DockerClientProviderStrategy.class, DockerClientProviderStrategy.class.getClassLoader())
                    .forEach(strategies::add);
            strategy = DockerClientProviderStrategy.getFirstValidStrategy(strategies);
        } catch (RuntimeException e) {
            throw new DrydockException(
                    "Drydock runs ECS tasks as Docker containers, but no Docker engine answers ("
                            + e.getMessage() + "). Start Docker, or point DOCKER_HOST at a running engine (for example "
                            + "unix:///var/run/docker.sock), then run the tests again. On a Debian machine as root, "
                            + "scripts/docker-up.sh in the Drydock repository installs and starts one."
                            + testcontainersHint(DockerClientProviderStrategy.class
                                    .getPackage()
                                    .getImplementationVersion()),
                    e);
        }
        DockerClient client = strategy.getDockerClient();
        Version version = client.versionCmd().exec();
        boolean podman = isPodman(version);
        URI dockerHost = dockerHost(strategy);
        String description = (podman ? "Podman " : "Docker ") + version.getVersion() + " (API "
                + version.getApiVersion() + ") at " + (dockerHost == null ? strategy.getDescription() : dockerHost);
        LOG.info("Drydock connected to {} in {} ms", description, (System.nanoTime() - t0) / 1_000_000);
        return new DockerRuntime(
                client,
                description,
                dockerHost,
                version.getOperatingSystem() == null || "linux".equalsIgnoreCase(version.getOperatingSystem()),
                podman);
    }

    /** Whether the engine answering the Docker API is Podman's ({@code podman system service}). */
    private static boolean isPodman(Version version) {
        if (version.getComponents() != null) {
            for (var c : version.getComponents()) {
                if (c.getName() != null && c.getName().toLowerCase(Locale.ROOT).contains("podman")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static URI dockerHost(DockerClientProviderStrategy strategy) {
        try {
            return strategy.getTransportConfig().getDockerHost();
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public boolean engineOnThisHost() {
        if (!linuxEngine || podman || dockerHost == null) {
            return false;
        }
        String scheme = String.valueOf(dockerHost.getScheme()).toLowerCase(Locale.ROOT);
        if (scheme.equals("unix")) {
            return true;
        }
        if (scheme.equals("tcp") || scheme.equals("http")) {
            try {
                return InetAddress.getByName(dockerHost.getHost()).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    @Override
    public String publishedPortHost() {
        String host = publishedPortHost;
        if (host == null) {
            String scheme = dockerHost == null ? "" : String.valueOf(dockerHost.getScheme());
            String override = System.getenv("TESTCONTAINERS_HOST_OVERRIDE");
            if (override != null && !override.isBlank()) {
                host = override.trim();
            } else if (scheme.equals("tcp") || scheme.equals("http") || scheme.equals("https")) {
                host = dockerHost.getHost();
            } else {
                // a local socket (Docker Desktop, colima, Podman ...): Testcontainers answers localhost, or in a
                // container (the engine's socket mounted into it) the default gateway, which it finds with a container
                try {
                    host = DockerClientFactory.instance().dockerHostIpAddress();
                } catch (RuntimeException e) {
                    LOG.warn(
                            "Testcontainers could not tell where the engine's published ports answer ({});"
                                    + " using localhost (set drydock.engine.host to override)",
                            e.toString());
                    host = "localhost";
                }
            }
            publishedPortHost = host;
        }
        return host;
    }

    /** Whether the engine is Podman's. */
    public boolean podman() {
        return podman;
    }

    /**
     * What to say about the Testcontainers version (which finds the engine and whose docker-java client talks to it)
     * when no engine answered: Docker Engine 29 and newer refuse the API version 1.32 that Testcontainers before
     * 1.21.4, and 2.0.0 and 2.0.1, ask for ("client version 1.32 is too old"), and Spring Boot 3.5.7 still brings 1.21.3.
     * Empty for other versions.
     */
    static String testcontainersHint(String version) {
        if (version == null) {
            return "";
        }
        boolean tooOldForDocker29 = version.startsWith("1.") && DependencyCheck.compareVersions(version, "1.21.4") < 0
                || version.startsWith("2.0.") && DependencyCheck.compareVersions(version, "2.0.2") < 0;
        return tooOldForDocker29
                ? " If the engine is Docker 29 or newer: it refuses the Docker API version that this classpath's"
                        + " Testcontainers " + version + " asks for; use org.testcontainers:testcontainers 1.21.4 or"
                        + " newer (Spring Boot: the property testcontainers.version), or 2.0.2 or newer."
                : "";
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean realContainers() {
        return true;
    }

    @Override
    public Optional<String> imageId(String image) {
        return images.imageId(image);
    }

    @Override
    public Optional<LocalImage> inspectImage(String image) {
        return images.inspectImage(image);
    }

    @Override
    public List<LocalImage> images(Map<String, String> labels) {
        return images.images(labels);
    }

    @Override
    public String ensureImage(String image) {
        return images.ensureImage(image);
    }

    @Override
    public String buildImage(Path contextDirectory, String tag, Map<String, String> labels) {
        return images.buildImage(contextDirectory, tag, labels);
    }

    @Override
    public String pullImage(String image, String username, String password) {
        return images.pullImage(image, username, password);
    }

    @Override
    public void tagImage(String image, String reference) {
        images.tagImage(image, reference);
    }

    @Override
    public void pushImage(String reference, String username, String password) {
        images.pushImage(reference, username, password);
    }

    @Override
    public void removeImageReference(String reference) {
        images.removeImageReference(reference);
    }

    @Override
    public NetworkInfo createNetwork(String name, Map<String, String> labels) {
        return networks.createNetwork(name, labels);
    }

    /**
     * Removes a network. Containers still attached (for example a Testcontainers container a test joined to Drydock's
     * network and has not stopped yet) are disconnected first: they keep running, without this network.
     */
    @Override
    public void removeNetwork(String networkId) {
        networks.removeNetwork(networkId);
    }

    @Override
    public ExecResult exec(String containerId, List<String> command) {
        return exec.exec(containerId, command);
    }

    @Override
    public String createVolume(String name, Map<String, String> labels, Map<String, String> driverOptions) {
        return volumes.createVolume(name, labels, driverOptions);
    }

    @Override
    public void removeVolume(String name) {
        volumes.removeVolume(name);
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        return creation.createContainer(spec);
    }

    @Override
    public AutoCloseable followOutput(String containerId, Consumer<ContainerRuntime.OutputLine> lines, Runnable end) {
        return output.followOutput(containerId, lines, end);
    }

    @Override
    public boolean outOfMemoryKilled(String containerId) {
        return containers.outOfMemoryKilled(containerId);
    }

    @Override
    public void updateLimits(String containerId, Long memoryMiB, Integer cpuUnits) {
        containers.updateLimits(containerId, memoryMiB, cpuUnits);
    }

    @Override
    public Optional<String> childCgroupParent(String containerId) {
        // Podman (4.3) reports cgroupfs on v1 too, but its compat API has no container update (404) and its containers
        // live under libpod's cgroups, not /docker/<id>: a task's containers cannot share its sandbox's limits there
        return podman ? Optional.empty() : containers.childCgroupParent(containerId);
    }

    @Override
    public void startContainer(String containerId) {
        containers.startContainer(containerId);
    }

    @Override
    public ContainerState inspectContainer(String containerId) {
        return containers.inspectContainer(containerId);
    }

    @Override
    public String stats(String containerId) {
        return containers.stats(containerId);
    }

    @Override
    public void stopContainer(String containerId, Duration timeout) {
        containers.stopContainer(containerId, timeout);
    }

    @Override
    public void removeContainer(String containerId) {
        containers.removeContainer(containerId);
    }

    @Override
    public List<String> logTail(String containerId, int lines) {
        return output.logTail(containerId, lines);
    }

    /** Asks the engine for every container's lines at once (one stream each), then waits for them all. */
    @Override
    public Map<String, List<String>> logTails(Collection<String> containerIds, int lines) {
        return output.logTails(containerIds, lines);
    }

    @Override
    public AutoCloseable onExit(Map<String, String> labels, Consumer<String> listener) {
        DockerExitWatcher watcher = new DockerExitWatcher(client, closed, labels, listener, containers::outOfMemory);
        watcher.subscribe();
        synchronized (subscriptions) {
            subscriptions.add(watcher);
        }
        return watcher::close;
    }

    @Override
    public int removeLabelled(Map<String, String> labels) {
        return labelled.removeLabelled(labels);
    }

    @Override
    public List<Map<String, String>> labelledObjects(Map<String, String> labels) {
        return labelled.labelledObjects(labels);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (subscriptions) {
            for (Closeable c : subscriptions) {
                try {
                    c.close();
                } catch (IOException e) {
                    LOG.debug("Closing an event subscription failed", e);
                }
            }
            subscriptions.clear();
        }
    }
}
