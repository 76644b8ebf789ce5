package dev.drydock.ecs.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
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
        assertThat(u.measured()).isFalse();
        assertThat(u.memoryBytes()).isEqualTo(600);
    }

    @Test
    void withoutAPreviousReadingTheCpuComesFromTheContainersPreviousSample() {
        // Podman 4.3's stream=false answer: no preread, empty precpu_stats
        String first = "{\"read\":\"2026-12-07T10:00:00Z\",\"preread\":\"0001-01-01T00:00:00Z\","
                + "\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":1000000000}},\"precpu_stats\":{\"cpu_usage\":{}},"
                + "\"memory_stats\":{\"usage\":2048}}";
        String second = first.replace("10:00:00Z", "10:00:02Z").replace("1000000000", "1500000000");
        ContainerUsage earlier = ContainerUsage.parse(first).since(null);
        assertThat(earlier.measured()).isFalse();
        assertThat(earlier.cores()).isZero();

        // 0.5 s of CPU over the 2 s between the samples: a quarter of a core
        ContainerUsage later = ContainerUsage.parse(second).since(earlier);
        assertThat(later.measured()).isTrue();
        assertThat(later.cores()).isEqualTo(0.25);
        assertThat(later.memoryBytes()).isEqualTo(2048);
        // a sample that is not later than the previous one measures nothing
        assertThat(ContainerUsage.parse(first).since(later).measured()).isFalse();
    }

    @Test
    void aSampleWithItsOwnPreviousReadingKeepsIt() {
        String stats = "{\"read\":\"2026-12-07T10:00:01Z\",\"preread\":\"2026-12-07T10:00:00Z\","
                + "\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":3000000000}},"
                + "\"precpu_stats\":{\"cpu_usage\":{\"total_usage\":2000000000}}}";
        ContainerUsage older = new ContainerUsage(0, 0, 0, Instant.parse("2026-12-07T09:00:00Z"), true);
        assertThat(ContainerUsage.parse(stats).since(older).cores()).isEqualTo(1.0);
    }

    @Test
    void notAStatsSampleIsRefused() {
        assertThatThrownBy(() -> ContainerUsage.parse("[1]")).isInstanceOf(IllegalArgumentException.class);
    }
}
