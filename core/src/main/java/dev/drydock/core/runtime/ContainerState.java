package dev.drydock.core.runtime;

import java.time.Instant;
import java.util.Map;

/**
 * What the runtime reports about one container.
 *
 * @param id the runtime's container id
 * @param running whether its main process runs
 * @param exitCode the exit code once it exited, else {@code null}
 * @param oomKilled whether the kernel killed it for exceeding its memory limit
 * @param error the runtime's error text when it could not start, else {@code null}
 * @param startedAt when it started, or {@code null}
 * @param finishedAt when it exited, or {@code null}
 * @param ipAddress its IP address on its network, or {@code null} (containers joining another's namespace have none
 *     of their own)
 * @param publishedPorts {@code containerPort/protocol} (e.g. {@code 80/tcp}) to the host loopback port it is
 *     published on
 * @param imageId the image's content id, e.g. {@code sha256:...}
 * @param health the result of the container's health check: {@code null} without a check, else
 *     {@link Health#STARTING} until the first result, then {@link Health#HEALTHY} or {@link Health#UNHEALTHY}
 */
public record ContainerState(
        String id,
        boolean running,
        Integer exitCode,
        boolean oomKilled,
        String error,
        Instant startedAt,
        Instant finishedAt,
        String ipAddress,
        Map<String, Integer> publishedPorts,
        String imageId,
        Health health) {

    /** A state without a health check result. */
    public ContainerState(
            String id,
            boolean running,
            Integer exitCode,
            boolean oomKilled,
            String error,
            Instant startedAt,
            Instant finishedAt,
            String ipAddress,
            Map<String, Integer> publishedPorts,
            String imageId) {
        this(id, running, exitCode, oomKilled, error, startedAt, finishedAt, ipAddress, publishedPorts, imageId, null);
    }

    /** What a container's health check reports. */
    public enum Health {
        /** Checks run, but none has decided yet (Docker's {@code starting}). */
        STARTING,
        /** The last check passed. */
        HEALTHY,
        /** {@code retries} consecutive checks failed. */
        UNHEALTHY
    }
}
