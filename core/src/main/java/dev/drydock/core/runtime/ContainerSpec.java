package dev.drydock.core.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to create: one container, described in the runtime's neutral terms. Immutable; build with
 * {@link #builder(String, String)}.
 */
public final class ContainerSpec {
    private final String name;
    private final String image;
    private final List<String> entryPoint;
    private final List<String> command;
    private final Map<String, String> environment;
    private final String workingDirectory;
    private final String user;
    private final Map<String, String> labels;
    private final String network;
    private final List<String> networkAliases;
    private final String joinNetworkOf;
    private final List<PortBinding> publishedPorts;
    private final List<String> extraHosts;
    private final boolean init;
    private final Long memoryMiB;
    private final Long memoryReservationMiB;
    private final Integer cpuShares;
    private final boolean readonlyRootFilesystem;
    private final Duration stopTimeout;
    private final List<Mount> mounts;
    private final HealthCheck healthCheck;
    private final List<Ulimit> ulimits;
    private final List<String> capabilitiesAdded;
    private final List<String> capabilitiesDropped;
    private final Map<String, String> sysctls;
    private final boolean tty;
    private final boolean openStdin;
    private final String cgroupParent;
    private final String publishAddress;
    private final List<String> devices;

    private ContainerSpec(Builder b) {
        this.name = b.name;
        this.image = b.image;
        this.entryPoint = b.entryPoint == null ? null : List.copyOf(b.entryPoint);
        this.command = b.command == null ? null : List.copyOf(b.command);
        this.environment = Map.copyOf(b.environment);
        this.workingDirectory = b.workingDirectory;
        this.user = b.user;
        this.labels = Map.copyOf(b.labels);
        this.network = b.network;
        this.networkAliases = List.copyOf(b.networkAliases);
        this.joinNetworkOf = b.joinNetworkOf;
        this.publishedPorts = List.copyOf(b.publishedPorts);
        this.extraHosts = List.copyOf(b.extraHosts);
        this.init = b.init;
        this.memoryMiB = b.memoryMiB;
        this.memoryReservationMiB = b.memoryReservationMiB;
        this.cpuShares = b.cpuShares;
        this.readonlyRootFilesystem = b.readonlyRootFilesystem;
        this.stopTimeout = b.stopTimeout;
        this.mounts = List.copyOf(b.mounts);
        this.healthCheck = b.healthCheck;
        this.ulimits = List.copyOf(b.ulimits);
        this.capabilitiesAdded = List.copyOf(b.capabilitiesAdded);
        this.capabilitiesDropped = List.copyOf(b.capabilitiesDropped);
        this.sysctls = Map.copyOf(b.sysctls);
        this.tty = b.tty;
        this.openStdin = b.openStdin;
        this.cgroupParent = b.cgroupParent;
        this.publishAddress = b.publishAddress;
        this.devices = List.copyOf(b.devices);
    }

    /**
     * @param name the container name (unique on the engine)
     * @param image the image reference, e.g. {@code drydock/busybox:1.35-local}
     */
    public static Builder builder(String name, String image) {
        return new Builder(name, image);
    }

    public String name() {
        return name;
    }

    public String image() {
        return image;
    }

    /** The entry point replacing the image's, or {@code null} to keep the image's. */
    public List<String> entryPoint() {
        return entryPoint;
    }

    /** The command replacing the image's, or {@code null} to keep the image's. */
    public List<String> command() {
        return command;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** The working directory, or {@code null} for the image's. */
    public String workingDirectory() {
        return workingDirectory;
    }

    /** The user ({@code name}, {@code uid}, {@code uid:gid} ...), or {@code null} for the image's. */
    public String user() {
        return user;
    }

    public Map<String, String> labels() {
        return labels;
    }

    /** The network to attach to, or {@code null} when joining another container's network namespace. */
    public String network() {
        return network;
    }

    public List<String> networkAliases() {
        return networkAliases;
    }

    /** The container whose network namespace this one joins, or {@code null}. */
    public String joinNetworkOf() {
        return joinNetworkOf;
    }

    /**
     * Container ports to publish on the engine's host, each on an ephemeral host port, on the binding's own address
     * or else {@link #publishAddress()}.
     */
    public List<PortBinding> publishedPorts() {
        return publishedPorts;
    }

    /**
     * The engine host's address published ports listen on: {@code 127.0.0.1} (the default: only the engine's own host
     * reaches them) or {@code 0.0.0.0} (every address, for a JVM on another machine than a remote engine).
     */
    public String publishAddress() {
        return publishAddress;
    }

    /** Host devices given to the container, e.g. {@code /dev/fuse}. */
    public List<String> devices() {
        return devices;
    }

    /** Extra {@code host:ip} entries for {@code /etc/hosts}. */
    public List<String> extraHosts() {
        return extraHosts;
    }

    /** Whether a tiny init process runs as PID 1 (reaps zombies, forwards signals). */
    public boolean init() {
        return init;
    }

    /** Hard memory limit in MiB, or {@code null}. */
    public Long memoryMiB() {
        return memoryMiB;
    }

    /** Soft memory limit in MiB, or {@code null}. */
    public Long memoryReservationMiB() {
        return memoryReservationMiB;
    }

    /** Relative CPU weight (ECS CPU units map 1:1 to Docker CPU shares), or {@code null}. */
    public Integer cpuShares() {
        return cpuShares;
    }

    public boolean readonlyRootFilesystem() {
        return readonlyRootFilesystem;
    }

    /** How long a stop waits after SIGTERM before SIGKILL, or {@code null} for the runtime's default. */
    public Duration stopTimeout() {
        return stopTimeout;
    }

    /** Volumes and bind mounts. */
    public List<Mount> mounts() {
        return mounts;
    }

    /** The health check replacing the image's own, or {@code null} to keep the image's. */
    public HealthCheck healthCheck() {
        return healthCheck;
    }

    /** Resource limits ({@code --ulimit}); empty for the runtime's defaults. */
    public List<Ulimit> ulimits() {
        return ulimits;
    }

    /** Linux capabilities added to the runtime's default set ({@code --cap-add}), e.g. {@code SYS_PTRACE}. */
    public List<String> capabilitiesAdded() {
        return capabilitiesAdded;
    }

    /** Linux capabilities removed from the runtime's default set ({@code --cap-drop}), e.g. {@code NET_RAW}. */
    public List<String> capabilitiesDropped() {
        return capabilitiesDropped;
    }

    /** Namespaced kernel parameters ({@code --sysctl}), e.g. {@code net.ipv4.tcp_keepalive_time}. */
    public Map<String, String> sysctls() {
        return sysctls;
    }

    /** Whether a pseudo-terminal is allocated ({@code --tty}). */
    public boolean tty() {
        return tty;
    }

    /** Whether stdin stays open ({@code --interactive}). */
    public boolean openStdin() {
        return openStdin;
    }

    /**
     * The cgroup the container's cgroup is created under ({@code --cgroup-parent}), from
     * {@link ContainerRuntime#childCgroupParent(String)}, so that another container's limits (a task's sandbox) apply
     * to it too; {@code null} for the runtime's default.
     */
    public String cgroupParent() {
        return cgroupParent;
    }

    /**
     * A resource limit.
     *
     * @param name the resource, as Docker names it: {@code nofile}, {@code nproc}, {@code core}, {@code memlock} ...
     * @param soft the soft limit
     * @param hard the hard limit
     */
    public record Ulimit(String name, long soft, long hard) {
        public Ulimit {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A container health check, run inside the container by the runtime.
     *
     * @param test the check in Docker's form: {@code ["CMD", "curl", "-f", "http://localhost/"]} or
     *     {@code ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]}; exit code 0 means healthy
     * @param interval time between two checks
     * @param timeout how long one check may take before it counts as failed
     * @param retries consecutive failures after which the container is unhealthy
     * @param startPeriod grace period after start during which failures do not count
     */
    public record HealthCheck(
            List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod) {
        public HealthCheck {
            test = List.copyOf(test);
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(startPeriod, "startPeriod");
        }
    }

    /**
     * A container port published on the host.
     *
     * @param containerPort the port inside the container
     * @param protocol {@code tcp} or {@code udp}
     * @param hostAddress the engine host's address to listen on, or {@code null} for the spec's
     *     {@link ContainerSpec#publishAddress()}
     */
    public record PortBinding(int containerPort, String protocol, String hostAddress) {
        /** A binding on the spec's publish address. */
        public PortBinding(int containerPort, String protocol) {
            this(containerPort, protocol, null);
        }
    }

    /**
     * A mount: a named volume or a host path (a path on the engine's host).
     *
     * @param source volume name or absolute host path
     * @param target absolute path inside the container
     * @param readOnly whether it is mounted read-only
     * @param bind {@code true} for a host path, {@code false} for a named volume
     * @param sharedPropagation for a host path: whether mounts made under it inside the container appear on the host
     *     and in other containers binding it ({@code rshared}), e.g. FUSE views a helper container serves
     */
    public record Mount(String source, String target, boolean readOnly, boolean bind, boolean sharedPropagation) {
        /** A mount without mount propagation. */
        public Mount(String source, String target, boolean readOnly, boolean bind) {
            this(source, target, readOnly, bind, false);
        }
    }

    /** Builds a {@link ContainerSpec}. */
    public static final class Builder {
        private final String name;
        private final String image;
        private List<String> entryPoint;
        private List<String> command;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String workingDirectory;
        private String user;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String network;
        private final List<String> networkAliases = new ArrayList<>();
        private String joinNetworkOf;
        private final List<PortBinding> publishedPorts = new ArrayList<>();
        private final List<String> extraHosts = new ArrayList<>();
        private boolean init;
        private Long memoryMiB;
        private Long memoryReservationMiB;
        private Integer cpuShares;
        private boolean readonlyRootFilesystem;
        private Duration stopTimeout;
        private final List<Mount> mounts = new ArrayList<>();
        private HealthCheck healthCheck;
        private final List<Ulimit> ulimits = new ArrayList<>();
        private final List<String> capabilitiesAdded = new ArrayList<>();
        private final List<String> capabilitiesDropped = new ArrayList<>();
        private final Map<String, String> sysctls = new LinkedHashMap<>();
        private boolean tty;
        private boolean openStdin;
        private String cgroupParent;
        private String publishAddress = "127.0.0.1";
        private final List<String> devices = new ArrayList<>();

        private Builder(String name, String image) {
            this.name = Objects.requireNonNull(name, "name");
            this.image = Objects.requireNonNull(image, "image");
        }

        public Builder entryPoint(List<String> entryPoint) {
            this.entryPoint = entryPoint;
            return this;
        }

        public Builder command(List<String> command) {
            this.command = command;
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment.putAll(environment);
            return this;
        }

        public Builder workingDirectory(String workingDirectory) {
            this.workingDirectory = workingDirectory;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels.putAll(labels);
            return this;
        }

        public Builder network(String network, List<String> aliases) {
            this.network = network;
            this.networkAliases.addAll(aliases);
            return this;
        }

        public Builder joinNetworkOf(String containerId) {
            this.joinNetworkOf = containerId;
            return this;
        }

        public Builder publish(int containerPort, String protocol) {
            this.publishedPorts.add(new PortBinding(containerPort, protocol));
            return this;
        }

        /** Publishes a container port on the given address of the engine's host. */
        public Builder publish(int containerPort, String protocol, String hostAddress) {
            this.publishedPorts.add(new PortBinding(containerPort, protocol, hostAddress));
            return this;
        }

        /** The engine host's address published ports listen on by default ({@code 127.0.0.1} unless set). */
        public Builder publishAddress(String hostAddress) {
            this.publishAddress = Objects.requireNonNull(hostAddress, "hostAddress");
            return this;
        }

        /** Adds a Linux capability ({@code SYS_ADMIN} ...) to the container's default set ({@code --cap-add}). */
        public Builder capability(String capability) {
            this.capabilitiesAdded.add(capability);
            return this;
        }

        /** Gives the container a host device ({@code /dev/fuse} ...), at the same path. */
        public Builder device(String path) {
            this.devices.add(path);
            return this;
        }

        public Builder extraHost(String hostAndIp) {
            this.extraHosts.add(hostAndIp);
            return this;
        }

        public Builder init(boolean init) {
            this.init = init;
            return this;
        }

        public Builder memoryMiB(Long memoryMiB) {
            this.memoryMiB = memoryMiB;
            return this;
        }

        public Builder memoryReservationMiB(Long memoryReservationMiB) {
            this.memoryReservationMiB = memoryReservationMiB;
            return this;
        }

        public Builder cpuShares(Integer cpuShares) {
            this.cpuShares = cpuShares;
            return this;
        }

        public Builder readonlyRootFilesystem(boolean readonly) {
            this.readonlyRootFilesystem = readonly;
            return this;
        }

        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        public Builder mount(Mount mount) {
            this.mounts.add(mount);
            return this;
        }

        public Builder healthCheck(HealthCheck healthCheck) {
            this.healthCheck = healthCheck;
            return this;
        }

        public Builder ulimit(Ulimit ulimit) {
            this.ulimits.add(ulimit);
            return this;
        }

        public Builder capabilities(List<String> added, List<String> dropped) {
            this.capabilitiesAdded.addAll(added);
            this.capabilitiesDropped.addAll(dropped);
            return this;
        }

        public Builder sysctls(Map<String, String> sysctls) {
            this.sysctls.putAll(sysctls);
            return this;
        }

        public Builder tty(boolean tty) {
            this.tty = tty;
            return this;
        }

        public Builder openStdin(boolean openStdin) {
            this.openStdin = openStdin;
            return this;
        }

        public Builder cgroupParent(String cgroupParent) {
            this.cgroupParent = cgroupParent;
            return this;
        }

        public ContainerSpec build() {
            if ((network == null) == (joinNetworkOf == null)) {
                throw new IllegalArgumentException("A container either attaches to a network or joins another's");
            }
            return new ContainerSpec(this);
        }
    }
}
