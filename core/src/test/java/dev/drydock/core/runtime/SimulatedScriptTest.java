package dev.drydock.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which container commands the simulated runtime runs as a shell would (echo, sleep, exit, true, false), and which on.
 */
class SimulatedScriptTest {

    private static SimulatedRuntime.Script script(List<String> entryPoint, String... command) {
        return SimulatedRuntime.Script.of(ContainerSpec.builder("c", "busybox")
                .network("n", List.of())
                .entryPoint(entryPoint)
                .command(List.of(command))
                .build());
    }

    @Test
    void commandsThatOnlySleepAndExitExitAsAShellWould() {
        assertThat(script(null, "sh", "-c", "exit 1"))
                .isEqualTo(new SimulatedRuntime.Script(Duration.ZERO, 1, List.of()));
        assertThat(script(List.of("sh", "-c"), "sleep 2; exit 3"))
                .isEqualTo(new SimulatedRuntime.Script(Duration.ofSeconds(2), 3, List.of()));
        assertThat(script(null, "/bin/sh", "-c", "sleep 0.5 && sleep 1.5\nexit"))
                .isEqualTo(new SimulatedRuntime.Script(Duration.ofSeconds(2), 0, List.of()));
        assertThat(script(null, "sleep", "600"))
                .isEqualTo(new SimulatedRuntime.Script(Duration.ofMinutes(10), 0, List.of()));
        assertThat(script(null, "false")).isEqualTo(new SimulatedRuntime.Script(Duration.ZERO, 1, List.of()));
        assertThat(script(null, "sh", "-c", "true; exit 300"))
                .isEqualTo(new SimulatedRuntime.Script(Duration.ZERO, 44, List.of()));
    }

    @Test
    void echoWritesItsWordsAsOutputLines() {
        assertThat(script(null, "sh", "-c", "echo hi; exit 1"))
                .isEqualTo(new SimulatedRuntime.Script(Duration.ZERO, 1, List.of("hi")));
        assertThat(script(null, "sh", "-c", "echo 'hello,  world' && echo \"two\"; sleep 1"))
                .isEqualTo(new SimulatedRuntime.Script(Duration.ofSeconds(1), 0, List.of("hello,  world", "two")));
    }

    @Test
    void anythingElseRunsUntilStopped() {
        assertThat(script(null)).isNull();
        assertThat(script(null, "httpd-foreground")).isNull();
        assertThat(script(null, "sh", "-c", "echo $HOME; exit 1")).isNull();
        assertThat(script(null, "sh", "-c", "echo hi > /tmp/x")).isNull();
        assertThat(script(null, "sleep", "infinity")).isNull();
        assertThat(script(null, "sh", "script.sh")).isNull();
        assertThat(script(null, "exit", "one")).isNull();
    }
}
