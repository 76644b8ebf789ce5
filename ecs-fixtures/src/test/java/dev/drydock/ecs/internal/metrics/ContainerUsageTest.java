package dev.drydock.ecs.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContainerUsageTest {

    @Test
    void coresAreCpuNanosecondsOverTheSampleAndMemoryLeavesOutThePageCache() {
        // 0.5 s of CPU over 1 s between preread and read: half a core; 96 MiB used of which 32 MiB cache
        String stats = "{\"read\":\"2026-12-07T10:00:01.000000000Z\",\"preread\":\"2026-12-07T10:00:00.000000000Z\","
                + "\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":1500000000}},"
                + "\"precpu_stats\":{\"cpu_usage\":{\"total_usage\":1000000000}},"
                + "\"memory_stats\":{\"usage\":100663296,\"stats\":{\"cache\":33554432}}}";
        ContainerUsage u = ContainerUsage.parse(stats);
        assertThat(u.cores()).isEqualTo(0.5);
        assertThat(u.memoryBytes()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void aFirstSampleWithoutPrereadUsesNoCpuAndCgroupV2SubtractsInactiveFile() {
        String stats = "{\"read\":\"2026-12-07T10:00:01Z\",\"preread\":\"0001-01-01T00:00:00Z\","
                + "\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":5}},\"precpu_stats\":{\"cpu_usage\":{}},"
                + "\"memory_stats\":{\"usage\":1000,\"stats\":{\"inactive_file\":400}}}";
        ContainerUsage u = ContainerUsage.parse(stats);
        assertThat(u.cores()).isZero();
        assertThat(u.memoryBytes()).isEqualTo(600);
    }

    @Test
    void notAStatsSampleIsRefused() {
        assertThatThrownBy(() -> ContainerUsage.parse("[1]")).isInstanceOf(IllegalArgumentException.class);
    }
}
