package dev.drydock.core.internal.docker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.BindOptions;
import com.github.dockerjava.api.model.BindPropagation;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.VolumeOptions;
import dev.drydock.core.DrydockException;
import dev.drydock.core.internal.compat.DependencyCheck;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.ContainerState;
import dev.drydock.core.runtime.LocalImage;
import dev.drydock.core.runtime.NetworkInfo;
import dev.drydock.core.runtime.RuntimeFailure;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
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
    private static final long MIB = 1024L * 1024L;
    /** Docker's default CFS period (100 ms): CPU quotas are fractions of it. */
    private static final long CPU_PERIOD_MICROS = 100_000;

    private final DockerClient client;
    private Boolean nestsCgroups;
    private final DockerImages images;
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
        try {
            String id = client.createNetworkCmd()
                    .withName(name)
                    .withDriver("bridge")
                    .withLabels(labels)
                    .exec()
                    .getId();
            Network network = client.inspectNetworkCmd().withNetworkId(id).exec();
            String subnet = null;
            String gateway = null;
            if (network.getIpam() != null && network.getIpam().getConfig() != null) {
                for (Network.Ipam.Config config : network.getIpam().getConfig()) {
                    if (config.getSubnet() != null && config.getSubnet().contains(".")) {
                        subnet = config.getSubnet();
                        gateway = config.getGateway();
                        break;
                    }
                }
            }
            return new NetworkInfo(id, name, subnet, gateway);
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "create network " + name);
        }
    }

    /**
     * Removes a network. Containers still attached (for example a Testcontainers container a test joined to Drydock's
     * network and has not stopped yet) are disconnected first: they keep running, without this network.
     */
    @Override
    public void removeNetwork(String networkId) {
        try {
            client.removeNetworkCmd(networkId).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            if (!disconnectAll(networkId)) {
                throw DockerErrors.translate(e, "remove network " + networkId);
            }
            try {
                client.removeNetworkCmd(networkId).exec();
            } catch (NotFoundException gone) {
                // already gone
            } catch (RuntimeException again) {
                throw DockerErrors.translate(again, "remove network " + networkId);
            }
        }
    }

    /** Disconnects every container attached to a network; whether there was any. */
    private boolean disconnectAll(String networkId) {
        Network network;
        try {
            network = client.inspectNetworkCmd().withNetworkId(networkId).exec();
        } catch (RuntimeException e) {
            return false;
        }
        if (network.getContainers() == null || network.getContainers().isEmpty()) {
            return false;
        }
        for (String container : network.getContainers().keySet()) {
            try {
                client.disconnectFromNetworkCmd()
                        .withNetworkId(networkId)
                        .withContainerId(container)
                        .withForce(true)
                        .exec();
                LOG.debug("Disconnected container {} from network {} to remove the network", container, networkId);
            } catch (RuntimeException e) {
                LOG.debug("Could not disconnect {} from {}: {}", container, networkId, e.getMessage());
            }
        }
        return true;
    }

    @Override
    public ExecResult exec(String containerId, List<String> command) {
        try {
            String exec = client.execCreateCmd(containerId)
                    .withCmd(command.toArray(String[]::new))
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .exec()
                    .getId();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            boolean done = client.execStartCmd(exec)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            (frame.getStreamType() == StreamType.STDERR ? err : out).writeBytes(frame.getPayload());
                        }
                    })
                    .awaitCompletion(60, TimeUnit.SECONDS);
            if (!done) {
                throw new RuntimeFailure(
                        RuntimeFailure.Kind.OTHER, "the command " + command + " did not end within a minute", null);
            }
            Long code = client.inspectExecCmd(exec).exec().getExitCodeLong();
            return new ExecResult(
                    code == null ? -1 : code.intValue(), out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, "interrupted while running " + command, e);
        } catch (RuntimeException e) {
            if (e instanceof RuntimeFailure f) {
                throw f;
            }
            throw DockerErrors.translate(e, "run " + command + " in container " + containerId);
        }
    }

    @Override
    public String createVolume(String name, Map<String, String> labels, Map<String, String> driverOptions) {
        try {
            var cmd =
                    client.createVolumeCmd().withName(name).withDriver("local").withLabels(labels);
            if (!driverOptions.isEmpty()) {
                cmd.withDriverOpts(driverOptions);
            }
            String mountpoint = cmd.exec().getMountpoint();
            if (mountpoint == null || mountpoint.isEmpty()) {
                mountpoint = client.inspectVolumeCmd(name).exec().getMountpoint();
            }
            return mountpoint;
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "create volume " + name);
        }
    }

    @Override
    public void removeVolume(String name) {
        try {
            client.removeVolumeCmd(name).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "remove volume " + name);
        }
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        HostConfig host =
                HostConfig.newHostConfig().withInit(spec.init()).withReadonlyRootfs(spec.readonlyRootFilesystem());
        if (!spec.devices().isEmpty()) {
            host.withDevices(
                    spec.devices().stream().map(d -> new Device("rwm", d, d)).toList());
        }
        if (spec.joinNetworkOf() != null) {
            host.withNetworkMode("container:" + spec.joinNetworkOf());
        } else {
            host.withNetworkMode(spec.network());
        }
        if (!spec.extraHosts().isEmpty()) {
            host.withExtraHosts(spec.extraHosts().toArray(String[]::new));
        }
        if (spec.memoryMiB() != null) {
            host.withMemory(spec.memoryMiB() * MIB);
        }
        if (spec.memoryReservationMiB() != null) {
            host.withMemoryReservation(spec.memoryReservationMiB() * MIB);
        }
        if (spec.cpuShares() != null && spec.cpuShares() >= 2) {
            host.withCpuShares(spec.cpuShares());
        }
        if (!spec.ulimits().isEmpty()) {
            host.withUlimits(spec.ulimits().stream()
                    .map(u -> new Ulimit(u.name(), u.soft(), u.hard()))
                    .toList());
        }
        if (!spec.capabilitiesAdded().isEmpty()) {
            host.withCapAdd(capabilities(spec.capabilitiesAdded()));
        }
        if (!spec.capabilitiesDropped().isEmpty()) {
            host.withCapDrop(capabilities(spec.capabilitiesDropped()));
        }
        if (!spec.sysctls().isEmpty()) {
            host.withSysctls(spec.sysctls());
        }
        if (!spec.tmpfs().isEmpty()) {
            host.withTmpFs(spec.tmpfs());
        }
        if (spec.cgroupParent() != null) {
            host.withCgroupParent(spec.cgroupParent());
        }
        List<ExposedPort> exposed = new ArrayList<>();
        Ports ports = new Ports();
        for (ContainerSpec.PortBinding p : spec.publishedPorts()) {
            ExposedPort port = new ExposedPort(p.containerPort(), InternetProtocol.parse(p.protocol()));
            exposed.add(port);
            String address = p.hostAddress() != null ? p.hostAddress() : spec.publishAddress();
            ports.bind(port, Ports.Binding.bindIp(address));
        }
        if (!exposed.isEmpty()) {
            host.withPortBindings(ports);
        }
        if (!spec.mounts().isEmpty()) {
            List<Mount> mounts = new ArrayList<>();
            for (ContainerSpec.Mount m : spec.mounts()) {
                Mount mount = new Mount()
                        .withType(m.bind() ? MountType.BIND : MountType.VOLUME)
                        .withSource(m.source())
                        .withTarget(m.target())
                        .withReadOnly(m.readOnly())
                        // a named volume the engine creates for this mount carries the container's labels
                        .withVolumeOptions(m.bind() ? null : new VolumeOptions().withLabels(spec.labels()));
                if (m.bind() && m.sharedPropagation()) {
                    mount.withBindOptions(new BindOptions().withPropagation(BindPropagation.R_SHARED));
                }
                mounts.add(mount);
            }
            host.withMounts(mounts);
        }
        List<String> env = new ArrayList<>();
        spec.environment().forEach((k, v) -> env.add(k + "=" + v));
        try {
            CreateContainerCmd cmd = client.createContainerCmd(spec.image())
                    .withName(spec.name())
                    .withLabels(spec.labels())
                    .withEnv(env)
                    .withHostConfig(host);
            if (!exposed.isEmpty()) {
                cmd.withExposedPorts(exposed);
            }
            if (spec.entryPoint() != null) {
                cmd.withEntrypoint(spec.entryPoint());
            }
            if (spec.command() != null) {
                cmd.withCmd(spec.command());
            }
            if (spec.workingDirectory() != null) {
                cmd.withWorkingDir(spec.workingDirectory());
            }
            if (spec.user() != null) {
                cmd.withUser(spec.user());
            }
            if (spec.stopTimeout() != null) {
                cmd.withStopTimeout((int) Math.max(0, spec.stopTimeout().toSeconds()));
            }
            if (spec.tty()) {
                cmd.withTty(true);
            }
            if (spec.openStdin()) {
                cmd.withStdinOpen(true);
            }
            if (spec.healthCheck() != null) {
                ContainerSpec.HealthCheck h = spec.healthCheck();
                cmd.withHealthcheck(new HealthCheck()
                        .withTest(h.test())
                        .withInterval(h.interval().toNanos())
                        .withTimeout(h.timeout().toNanos())
                        .withRetries(h.retries())
                        .withStartPeriod(h.startPeriod().toNanos()));
            }
            if (spec.network() != null && !spec.networkAliases().isEmpty()) {
                cmd.withAliases(spec.networkAliases());
            }
            return cmd.exec().getId();
        } catch (RuntimeException e) {
            RuntimeFailure failure = DockerErrors.translate(e, "create container " + spec.name());
            if (failure.kind() == RuntimeFailure.Kind.OTHER) {
                throw new RuntimeFailure(RuntimeFailure.Kind.CONTAINER_START, failure.getMessage(), e);
            }
            throw failure;
        }
    }

    /** Docker's capability names ({@code SYS_PTRACE}); an unknown one is the engine's to refuse. */
    private static Capability[] capabilities(List<String> names) {
        List<Capability> caps = new ArrayList<>();
        for (String n : names) {
            try {
                caps.add(Capability.valueOf(n.startsWith("CAP_") ? n.substring(4) : n));
            } catch (IllegalArgumentException e) {
                throw new RuntimeFailure(
                        RuntimeFailure.Kind.CONTAINER_START, "Unknown Linux capability '" + n + "'", e);
            }
        }
        return caps.toArray(Capability[]::new);
    }

    @Override
    public AutoCloseable followOutput(String containerId, Consumer<ContainerRuntime.OutputLine> lines, Runnable end) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                boolean stderr = frame.getStreamType() == StreamType.STDERR;
                StringBuilder partial = stderr ? err : out;
                partial.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                int nl;
                while ((nl = partial.indexOf("\n")) >= 0) {
                    deliver(partial.substring(0, nl), stderr);
                    partial.delete(0, nl + 1);
                }
            }

            private void deliver(String timestamped, boolean stderr) {
                // with timestamps, Docker prefixes each line with its RFC 3339 time and a space
                int space = timestamped.indexOf(' ');
                Instant time;
                String text;
                try {
                    time = Instant.parse(timestamped.substring(0, Math.max(space, 0)));
                    text = timestamped.substring(space + 1);
                } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
                    time = Instant.now();
                    text = timestamped;
                }
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                lines.accept(new ContainerRuntime.OutputLine(time, stderr, text));
            }

            @Override
            public void onComplete() {
                if (out.length() > 0) {
                    deliver(out.toString(), false);
                }
                if (err.length() > 0) {
                    deliver(err.toString(), true);
                }
                super.onComplete();
                end.run();
            }

            @Override
            public void onError(Throwable t) {
                super.onError(t);
                end.run();
            }
        };
        try {
            client.logContainerCmd(containerId)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withFollowStream(true)
                    .withTimestamps(true)
                    .exec(callback);
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "follow the output of container " + containerId);
        }
        return callback;
    }

    @Override
    public void updateLimits(String containerId, Long memoryMiB, Integer cpuUnits) {
        try {
            var cmd = client.updateContainerCmd(containerId);
            if (memoryMiB != null) {
                cmd.withMemory(memoryMiB * MIB).withMemorySwap(memoryMiB * MIB);
            }
            if (cpuUnits != null) {
                // ECS CPU units: 1024 per vCPU; a quota over Docker's default 100 ms period
                cmd.withCpuPeriod(CPU_PERIOD_MICROS).withCpuQuota((long) cpuUnits * CPU_PERIOD_MICROS / 1024);
            }
            cmd.exec();
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "set the limits of container " + containerId);
        }
    }

    @Override
    public Optional<String> childCgroupParent(String containerId) {
        if (!nestsCgroups()) {
            return Optional.empty();
        }
        try {
            InspectContainerResponse r = client.inspectContainerCmd(containerId).exec();
            String parent = r.getHostConfig() == null ? null : r.getHostConfig().getCgroupParent();
            return Optional.of((parent == null || parent.isEmpty() ? "/docker" : parent) + "/" + r.getId());
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "inspect container " + containerId);
        }
    }

    /**
     * Whether a container may be created under another's cgroup ({@code --cgroup-parent /docker/<id>}): Docker with
     * the cgroupfs driver on cgroup v1, where a cgroup holds processes and child cgroups at once and limits are
     * hierarchical. The systemd driver takes only slices as parents, and cgroup v2 keeps processes out of inner
     * cgroups.
     */
    private synchronized boolean nestsCgroups() {
        if (nestsCgroups == null) {
            try {
                var info = client.infoCmd().exec();
                nestsCgroups = "cgroupfs".equals(info.getCGroupDriver())
                        && (info.getCGroupVersion() == null || "1".equals(info.getCGroupVersion()));
            } catch (RuntimeException e) {
                nestsCgroups = false;
            }
        }
        return nestsCgroups;
    }

    @Override
    public void startContainer(String containerId) {
        try {
            client.startContainerCmd(containerId).exec();
        } catch (NotModifiedException e) {
            // already running
        } catch (RuntimeException e) {
            RuntimeFailure failure = DockerErrors.translate(e, "start container " + containerId);
            if (failure.kind() == RuntimeFailure.Kind.OTHER) {
                throw new RuntimeFailure(RuntimeFailure.Kind.CONTAINER_START, failure.getMessage(), e);
            }
            throw failure;
        }
    }

    @Override
    public ContainerState inspectContainer(String containerId) {
        InspectContainerResponse r;
        try {
            r = client.inspectContainerCmd(containerId).exec();
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "inspect container " + containerId);
        }
        InspectContainerResponse.ContainerState s = r.getState();
        boolean running = Boolean.TRUE.equals(s.getRunning());
        Long exit = s.getExitCodeLong();
        boolean exited =
                !running && s.getFinishedAt() != null && !s.getFinishedAt().startsWith("0001");
        String ip = null;
        if (r.getNetworkSettings() != null && r.getNetworkSettings().getNetworks() != null) {
            for (ContainerNetwork n : r.getNetworkSettings().getNetworks().values()) {
                if (n.getIpAddress() != null && !n.getIpAddress().isEmpty()) {
                    ip = n.getIpAddress();
                    break;
                }
            }
        }
        Map<String, Integer> published = new LinkedHashMap<>();
        if (r.getNetworkSettings() != null && r.getNetworkSettings().getPorts() != null) {
            r.getNetworkSettings().getPorts().getBindings().forEach((port, bindings) -> {
                if (bindings != null && bindings.length > 0 && bindings[0].getHostPortSpec() != null) {
                    published.put(
                            port.getPort() + "/" + port.getProtocol().toString(),
                            Integer.parseInt(bindings[0].getHostPortSpec()));
                }
            });
        }
        String error = s.getError() == null || s.getError().isEmpty() ? null : s.getError();
        return new ContainerState(
                r.getId(),
                running,
                exited && exit != null ? Integer.valueOf(exit.intValue()) : null,
                Boolean.TRUE.equals(s.getOOMKilled()),
                error,
                DockerErrors.parseTime(s.getStartedAt()),
                exited ? DockerErrors.parseTime(s.getFinishedAt()) : null,
                ip,
                published,
                r.getImageId(),
                health(s));
    }

    private static ContainerState.Health health(InspectContainerResponse.ContainerState s) {
        if (s.getHealth() == null || s.getHealth().getStatus() == null) {
            return null;
        }
        return switch (s.getHealth().getStatus()) {
            case "healthy" -> ContainerState.Health.HEALTHY;
            case "unhealthy" -> ContainerState.Health.UNHEALTHY;
            case "starting" -> ContainerState.Health.STARTING;
            default -> null;
        };
    }

    @Override
    public String stats(String containerId) {
        try {
            StatsCallback callback =
                    client.statsCmd(containerId).withNoStream(true).exec(new StatsCallback());
            if (!callback.awaitCompletion(10, TimeUnit.SECONDS) || callback.sample == null) {
                throw new RuntimeFailure(
                        RuntimeFailure.Kind.OTHER,
                        "the engine sent no stats for container " + containerId
                                + (callback.failure == null ? "" : ": " + DockerErrors.rootMessage(callback.failure)),
                        callback.failure);
            }
            return StatsJson.MAPPER.writeValueAsString(callback.sample);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, "interrupted while reading stats of " + containerId, e);
        } catch (JsonProcessingException e) {
            throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, "could not write the stats of " + containerId, e);
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "read stats of container " + containerId);
        }
    }

    /** Jackson for Docker's stats model, loaded only when stats are first asked for. */
    private static final class StatsJson {
        static final ObjectMapper MAPPER = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** Keeps the one sample a non-streaming stats call sends. */
    private static final class StatsCallback extends DockerErrors.FailureKeepingCallback<Statistics> {
        private volatile Statistics sample;

        @Override
        public void onNext(Statistics statistics) {
            sample = statistics;
        }
    }

    @Override
    public void stopContainer(String containerId, Duration timeout) {
        try {
            client.stopContainerCmd(containerId)
                    .withTimeout((int) Math.max(0, timeout.toSeconds()))
                    .exec();
        } catch (NotModifiedException | NotFoundException e) {
            // already stopped or gone
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "stop container " + containerId);
        }
    }

    @Override
    public void removeContainer(String containerId) {
        try {
            client.removeContainerCmd(containerId)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("is already in progress")) {
                return;
            }
            throw DockerErrors.translate(e, "remove container " + containerId);
        }
    }

    @Override
    public List<String> logTail(String containerId, int lines) {
        return logTails(List.of(containerId), lines).getOrDefault(containerId, List.of());
    }

    /** Asks the engine for every container's lines at once (one stream each), then waits for them all. */
    @Override
    public Map<String, List<String>> logTails(Collection<String> containerIds, int lines) {
        Map<String, LogCollector> started = new LinkedHashMap<>();
        try {
            for (String id : containerIds) {
                try {
                    started.put(
                            id,
                            client.logContainerCmd(id)
                                    .withStdOut(true)
                                    .withStdErr(true)
                                    .withTail(lines)
                                    .exec(new LogCollector(lines)));
                } catch (NotFoundException e) {
                    // gone: no lines
                }
            }
            Map<String, List<String>> result = new LinkedHashMap<>();
            for (Map.Entry<String, LogCollector> e : started.entrySet()) {
                try {
                    e.getValue().awaitCompletion(10, TimeUnit.SECONDS);
                } catch (NotFoundException gone) {
                    continue;
                }
                result.put(e.getKey(), e.getValue().lines());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "read logs of containers " + containerIds);
        }
    }

    /** Collects a log stream's lines, keeping the last {@code max}. */
    private static final class LogCollector extends ResultCallback.Adapter<Frame> {
        private final int max;
        private final Deque<String> out = new ArrayDeque<>();
        private final StringBuilder partial = new StringBuilder();

        LogCollector(int max) {
            this.max = max;
        }

        @Override
        public synchronized void onNext(Frame frame) {
            partial.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            int nl;
            while ((nl = partial.indexOf("\n")) >= 0) {
                out.add(partial.substring(0, nl));
                partial.delete(0, nl + 1);
                if (out.size() > max) {
                    out.removeFirst();
                }
            }
        }

        synchronized List<String> lines() {
            List<String> result = new ArrayList<>(out);
            if (partial.length() > 0) {
                result.add(partial.toString());
            }
            return result.subList(Math.max(0, result.size() - max), result.size());
        }
    }

    @Override
    public AutoCloseable onExit(Map<String, String> labels, Consumer<String> listener) {
        DockerExitWatcher watcher = new DockerExitWatcher(client, closed, labels, listener);
        watcher.subscribe();
        synchronized (subscriptions) {
            subscriptions.add(watcher);
        }
        return watcher::close;
    }

    @Override
    public int removeLabelled(Map<String, String> labels) {
        int removed = 0;
        try {
            removed += removeContainers(client.listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(labels)
                    .exec());
            for (Image image : client.listImagesCmd().withLabelFilter(labels).exec()) {
                try {
                    client.removeImageCmd(image.getId()).withForce(true).exec();
                    removed++;
                } catch (NotFoundException e) {
                    // gone
                }
            }
            for (Network n : client.listNetworksCmd().exec()) {
                if (n.getLabels() != null && n.getLabels().entrySet().containsAll(labels.entrySet())) {
                    removeNetwork(n.getId());
                    removed++;
                }
            }
            List<String> volumeFilter = new ArrayList<>();
            labels.forEach((k, v) -> volumeFilter.add(k + "=" + v));
            var volumes = client.listVolumesCmd()
                    .withFilter("label", volumeFilter)
                    .exec()
                    .getVolumes();
            if (volumes != null) {
                for (var v : volumes) {
                    try {
                        client.removeVolumeCmd(v.getName()).exec();
                        removed++;
                    } catch (NotFoundException e) {
                        // gone
                    } catch (RuntimeException e) {
                        // e.g. still in use, or a mount under it went stale: the others are removed all the same
                        LOG.warn("Could not remove volume {}: {}", v.getName(), DockerErrors.rootMessage(e));
                    }
                }
            }
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "remove objects labelled " + labels);
        }
        return removed;
    }

    /**
     * Removes containers, those that join another's network namespace ({@code container:<id>}: a task's containers
     * joining its sandbox) first: Podman refuses to remove a container others depend on, even forced ("has dependent
     * containers which must be removed before it"). What still fails is tried once more after the others.
     */
    private int removeContainers(List<Container> containers) {
        List<Container> ordered = new ArrayList<>(containers);
        ordered.sort(Comparator.comparing(c -> joinsAnother(c) ? 0 : 1));
        List<Container> failed = new ArrayList<>();
        int removed = 0;
        for (Container c : ordered) {
            try {
                removeContainer(c.getId());
                removed++;
            } catch (RuntimeFailure e) {
                failed.add(c);
            }
        }
        for (Container c : failed) {
            removeContainer(c.getId());
            removed++;
        }
        return removed;
    }

    private static boolean joinsAnother(Container c) {
        return c.getHostConfig() != null
                && c.getHostConfig().getNetworkMode() != null
                && c.getHostConfig().getNetworkMode().startsWith("container:");
    }

    @Override
    public List<Map<String, String>> labelledObjects(Map<String, String> labels) {
        List<Map<String, String>> result = new ArrayList<>();
        try {
            for (Container c : client.listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(labels)
                    .exec()) {
                result.add(c.getLabels() == null ? Map.of() : c.getLabels());
            }
            for (Network n : client.listNetworksCmd().exec()) {
                if (n.getLabels() != null && n.getLabels().entrySet().containsAll(labels.entrySet())) {
                    result.add(n.getLabels());
                }
            }
            List<String> volumeFilter = new ArrayList<>();
            labels.forEach((k, v) -> volumeFilter.add(k + "=" + v));
            var volumes = client.listVolumesCmd()
                    .withFilter("label", volumeFilter)
                    .exec()
                    .getVolumes();
            if (volumes != null) {
                volumes.forEach(v -> result.add(v.getLabels() == null ? Map.of() : v.getLabels()));
            }
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "list objects labelled " + labels);
        }
        return result;
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
