package dev.drydock.core.internal.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a real Docker engine: a build whose step fails leaves no intermediate container behind. */
class DockerRuntimeBuildTest {

    @Test
    void aFailedBuildStepLeavesNoContainer(@TempDir Path context) throws Exception {
        String marker = "drydock-build-" + UUID.randomUUID();
        Files.writeString(
                context.resolve("Dockerfile"), "FROM drydock/busybox:1.35-local\nRUN echo " + marker + " && exit 3\n");
        try (DockerRuntime docker = DockerRuntime.connect()) {
            assertThatThrownBy(() -> docker.buildImage(context, "drydock-test/broken:1", Map.of("dev.drydock", "true")))
                    .isInstanceOf(RuntimeFailure.class)
                    .hasMessageContaining("drydock-test/broken:1");
        }
        assertThat(containerCommands()).doesNotContain(marker);
    }

    private static String containerCommands() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("docker", "ps", "-a", "--no-trunc", "--format", "{{.Command}}")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
