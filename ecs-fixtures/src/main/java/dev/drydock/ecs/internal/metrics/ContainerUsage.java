package dev.drydock.ecs.internal.metrics;

import dev.drydock.core.spi.JsonTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One container's usage from one Docker stats sample (the Engine API's {@code ContainerStats}): CPU as the cores used
 * between {@code precpu_stats} and {@code cpu_stats} ({@code cpu_usage.total_usage} nanoseconds over the time between
 * {@code preread} and {@code read}), and memory as {@code memory_stats.usage} less the page cache
 * ({@code stats.cache} on cgroup v1, {@code stats.inactive_file} on v2), as the ECS agent and {@code docker stats}
 * count it. Docker's {@code stream=false} answer carries the previous reading; Podman's (4.3) does not
 * ({@code preread} is year 1, {@code precpu_stats} empty), so the CPU comes from the container's previous sample
 * instead ({@link #since(ContainerUsage)}), as the ECS agent computes it from consecutive samples of a stream. Pure
 * functions.
 *
 * @param cores CPU cores used on average over the sample (0.5 is half a vCPU); 0 when not {@code measured}
 * @param memoryBytes memory in use, in bytes
 * @param cpuTotalNanos the container's CPU time so far ({@code cpu_stats.cpu_usage.total_usage}), in nanoseconds
 * @param read when the engine read the sample, or {@code null} when it did not say
 * @param measured whether {@code cores} covers an interval (the sample's own previous reading, or
 *     {@link #since(ContainerUsage) a previous sample})
 */
public record ContainerUsage(double cores, long memoryBytes, long cpuTotalNanos, Instant read, boolean measured) {

    /**
     * Parses a stats sample.
     *
     * @throws IllegalArgumentException when the JSON is not a stats sample
     */
    public static ContainerUsage parse(String statsJson) {
        Map<?, ?> s;
        try {
            s = (Map<?, ?>) JsonTree.parse(statsJson.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("not a stats sample: " + e.getMessage(), e);
        }
        double cores = 0;
        boolean measured = false;
        long total = number(path(s, "cpu_stats", "cpu_usage", "total_usage"));
        long previous = number(path(s, "precpu_stats", "cpu_usage", "total_usage"));
        Instant read = instant(s.get("read"));
        Instant preread = instant(s.get("preread"));
        if (read != null && preread != null && preread.getEpochSecond() > 0 && read.isAfter(preread)) {
            long wall = Duration.between(preread, read).toNanos();
            cores = Math.max(0, (double) (total - previous) / wall);
            measured = true;
        }
        long usage = number(path(s, "memory_stats", "usage"));
        long cache = number(path(s, "memory_stats", "stats", "cache"));
        if (cache == 0) {
            cache = number(path(s, "memory_stats", "stats", "inactive_file"));
        }
        return new ContainerUsage(cores, Math.max(0, usage - cache), total, read, measured);
    }

    /**
     * This sample with its CPU measured since {@code earlier} (the same container's previous sample) when it carries
     * no previous reading of its own; itself otherwise, or when {@code earlier} is {@code null} or not earlier.
     */
    public ContainerUsage since(ContainerUsage earlier) {
        if (measured || earlier == null || earlier.read == null || read == null || !read.isAfter(earlier.read)) {
            return this;
        }
        long wall = Duration.between(earlier.read, read).toNanos();
        double used = Math.max(0, (double) (cpuTotalNanos - earlier.cpuTotalNanos) / wall);
        return new ContainerUsage(used, memoryBytes, cpuTotalNanos, read, true);
    }

    private static Object path(Map<?, ?> m, String... keys) {
        Object v = m;
        for (String k : keys) {
            if (!(v instanceof Map<?, ?> map)) {
                return null;
            }
            v = map.get(k);
        }
        return v;
    }

    private static long number(Object v) {
        return v instanceof Number n ? n.longValue() : 0;
    }

    private static Instant instant(Object v) {
        if (!(v instanceof String s)) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
