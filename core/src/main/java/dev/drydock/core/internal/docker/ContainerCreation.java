package dev.drydock.core.internal.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.BindOptions;
import com.github.dockerjava.api.model.BindPropagation;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.VolumeOptions;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.RuntimeFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates containers for {@link DockerRuntime}: translates a {@link ContainerSpec} into Docker's container
 * configuration and {@link HostConfig} (network mode, limits, ulimits, capabilities, published ports, mounts,
 * health check ...).
 */
final class ContainerCreation {
    /** One mebibyte in bytes: ECS gives memory in MiB, Docker in bytes. */
    static final long MIB = 1024L * 1024L;

    private final DockerClient client;

    ContainerCreation(DockerClient client) {
        this.client = client;
    }

    String createContainer(ContainerSpec spec) {
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
}
