package dev.drydock.core.internal.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.runtime.ContainerRuntime.OutputLine;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.ContainerState;
import dev.drydock.core.runtime.NetworkInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * On a real Docker engine: the container settings ECS task definitions map to (ulimits, capabilities, sysctls, a TTY,
 * open stdin), following a container's output line by line with the time each line was written, and a sandbox's
 * limits shared by the containers created under its cgroup.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerRuntimeContainerSettingsTest {
    private static final String IMAGE = "drydock/busybox:1.35-local";
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> labels = Map.of("dev.drydock", "true", "dev.drydock.test", "settings-" + run);
    private DockerRuntime docker;
    private NetworkInfo network;

    @BeforeAll
    void connect() {
        docker = DockerRuntime.connect();
        network = docker.createNetwork("drydock-settings-" + run, labels);
    }

    @AfterAll
    void clean() {
        if (docker != null) {
            docker.removeLabelled(labels);
            docker.close();
        }
    }

    private ContainerSpec.Builder container(String name, String script) {
        return ContainerSpec.builder("drydock-settings-" + name + "-" + run, IMAGE)
                .network(network.name(), List.of())
                .labels(labels)
                .command(List.of("sh", "-c", script));
    }

    private List<OutputLine> runToEnd(ContainerSpec spec) throws InterruptedException {
        String id = docker.createContainer(spec);
        docker.startContainer(id);
        List<OutputLine> lines = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch end = new CountDownLatch(1);
        docker.followOutput(id, lines::add, end::countDown);
        assertThat(end.await(30, TimeUnit.SECONDS))
                .as("the output of %s ends", spec.name())
                .isTrue();
        return lines;
    }

    @Test
    void outputArrivesLineByLineWithItsStreamAndTime() throws Exception {
        long before = System.currentTimeMillis();
        List<OutputLine> lines = runToEnd(container("output", "echo out; echo err >&2; sleep 0.3; echo later")
                .build());
        assertThat(lines).extracting(OutputLine::text).containsExactlyInAnyOrder("out", "err", "later");
        assertThat(lines)
                .filteredOn(OutputLine::stderr)
                .extracting(OutputLine::text)
                .containsExactly("err");
        OutputLine later =
                lines.stream().filter(l -> l.text().equals("later")).findFirst().orElseThrow();
        OutputLine out =
                lines.stream().filter(l -> l.text().equals("out")).findFirst().orElseThrow();
        assertThat(out.time().toEpochMilli()).isGreaterThanOrEqualTo(before - 1000);
        assertThat(Duration.between(out.time(), later.time())).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void linesKeepArrivingWhileTheContainerRuns() throws Exception {
        String id =
                docker.createContainer(container("live", "echo first; sleep 30").build());
        docker.startContainer(id);
        List<OutputLine> lines = Collections.synchronizedList(new ArrayList<>());
        try (AutoCloseable follow = docker.followOutput(id, lines::add, () -> {})) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !lines.isEmpty());
            assertThat(lines).extracting(OutputLine::text).containsExactly("first");
        }
        docker.stopContainer(id, Duration.ofSeconds(1));
    }

    @Test
    void ulimitsCapabilitiesAndSysctlsReachTheContainer() throws Exception {
        ContainerSpec spec = container(
                        "settings",
                        "ulimit -n; ulimit -Hn; grep CapEff /proc/self/status; cat /proc/sys/kernel/shmmax; "
                                + "cat /proc/sys/net/ipv4/tcp_keepalive_time; [ -t 1 ] && echo tty || echo no-tty")
                .ulimit(new ContainerSpec.Ulimit("nofile", 2048, 4096))
                .capabilities(List.of("SYS_PTRACE"), List.of("NET_RAW"))
                .sysctls(Map.of("kernel.shmmax", "123456789", "net.ipv4.tcp_keepalive_time", "600"))
                .tty(true)
                .build();
        List<String> out = runToEnd(spec).stream().map(OutputLine::text).toList();
        assertThat(out.get(0)).isEqualTo("2048");
        assertThat(out.get(1)).isEqualTo("4096");
        long caps = Long.parseLong(out.get(2).replaceAll(".*:\\s*", ""), 16);
        assertThat(caps & (1L << 19)).as("CAP_SYS_PTRACE").isNotZero();
        assertThat(caps & (1L << 13)).as("CAP_NET_RAW").isZero();
        assertThat(out.get(3)).isEqualTo("123456789");
        assertThat(out.get(4)).isEqualTo("600");
        assertThat(out.get(5)).isEqualTo("tty");
    }

    @Test
    void aSandboxsLimitsHoldForTheContainersUnderItsCgroup() throws Exception {
        String sandbox = docker.createContainer(container("sandbox", "sleep 60").build());
        docker.startContainer(sandbox);
        docker.updateLimits(sandbox, 64L, 256);
        var parent = docker.childCgroupParent(sandbox);
        assertThat(parent).as("this engine nests cgroups (cgroupfs, cgroup v1)").isPresent();
        String hungry = docker.createContainer(ContainerSpec.builder("drydock-settings-hungry-" + run, IMAGE)
                .joinNetworkOf(sandbox)
                .labels(labels)
                .cgroupParent(parent.get())
                .command(List.of("dd", "if=/dev/zero", "of=/dev/null", "bs=120M", "count=1"))
                .build());
        docker.startContainer(hungry);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !docker.inspectContainer(hungry).running());
        ContainerState state = docker.inspectContainer(hungry);
        assertThat(state.exitCode()).isEqualTo(137);
        assertThat(state.oomKilled()).isTrue();
        String modest = docker.createContainer(ContainerSpec.builder("drydock-settings-modest-" + run, IMAGE)
                .joinNetworkOf(sandbox)
                .labels(labels)
                .cgroupParent(parent.get())
                .command(List.of("dd", "if=/dev/zero", "of=/dev/null", "bs=16M", "count=1"))
                .build());
        docker.startContainer(modest);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !docker.inspectContainer(modest).running());
        assertThat(docker.inspectContainer(modest).exitCode()).isZero();
    }
}
