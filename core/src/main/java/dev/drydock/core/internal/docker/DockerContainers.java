package dev.drydock.core.internal.docker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Statistics;
import dev.drydock.core.runtime.ContainerState;
import dev.drydock.core.runtime.RuntimeFailure;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The container life cycle part of {@link DockerRuntime} once a container exists: start, inspect, stats, limits,
 * cgroup nesting, stop and remove.
 */
final class DockerContainers {
    /** Docker's default CFS period (100 ms): CPU quotas are fractions of it. */
    private static final long CPU_PERIOD_MICROS = 100_000;

    private final DockerClient client;
    /**
     * The ids of containers the engine sent an {@code oom} event for. Docker 20.10 sets {@code State.OOMKilled} only
     * when containerd's OOM event reaches it before the exit; under load it comes after the {@code die} (measured: 3 of
     * 52 OOM kills with 8 in parallel), so inspect adds what the event stream said. Only OOM-killed containers are
     * kept (one id each), also after removal, so a late event still counts for a container removed meanwhile.
     */
    private final Set<String> outOfMemory = ConcurrentHashMap.newKeySet();

    private Boolean nestsCgroups;

    DockerContainers(DockerClient client) {
        this.client = client;
    }

    void updateLimits(String containerId, Long memoryMiB, Integer cpuUnits) {
        try {
            var cmd = client.updateContainerCmd(containerId);
            if (memoryMiB != null) {
                cmd.withMemory(memoryMiB * ContainerCreation.MIB).withMemorySwap(memoryMiB * ContainerCreation.MIB);
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

    Optional<String> childCgroupParent(String containerId) {
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

    void startContainer(String containerId) {
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

    /** The engine reported an {@code oom} event for this container. */
    void outOfMemory(String containerId) {
        outOfMemory.add(containerId);
    }

    /** Whether the engine reported (in its state or its event stream) that the kernel OOM-killed in this container. */
    boolean outOfMemoryKilled(String containerId) {
        return outOfMemory.contains(containerId);
    }

    ContainerState inspectContainer(String containerId) {
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
                Boolean.TRUE.equals(s.getOOMKilled()) || outOfMemory.contains(r.getId()),
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

    String stats(String containerId) {
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

    void stopContainer(String containerId, Duration timeout) {
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

    void removeContainer(String containerId) {
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
}
