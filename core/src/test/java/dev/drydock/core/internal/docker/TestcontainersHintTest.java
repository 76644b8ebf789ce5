package dev.drydock.core.internal.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestcontainersHintTest {

    @Test
    void namesTheTestcontainersVersionsThatDocker29Refuses() {
        assertThat(DockerRuntime.testcontainersHint("1.21.3"))
                .contains("Testcontainers 1.21.3")
                .contains("1.21.4 or newer")
                .contains("2.0.2 or newer");
        assertThat(DockerRuntime.testcontainersHint("1.20.6")).contains("Testcontainers 1.20.6");
        assertThat(DockerRuntime.testcontainersHint("2.0.1")).contains("Testcontainers 2.0.1");
    }

    @Test
    void saysNothingForVersionsThatTalkToDocker29() {
        assertThat(DockerRuntime.testcontainersHint("1.21.4")).isEmpty();
        assertThat(DockerRuntime.testcontainersHint("2.0.2")).isEmpty();
        assertThat(DockerRuntime.testcontainersHint("2.0.5")).isEmpty();
        assertThat(DockerRuntime.testcontainersHint(null)).isEmpty();
    }
}
