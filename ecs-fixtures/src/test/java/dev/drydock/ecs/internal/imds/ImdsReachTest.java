package dev.drydock.ecs.internal.imds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/** Which EC2 tasks reach IMDS by network mode, with and without the block settings (AWS's rules). */
class ImdsReachTest {

    @Test
    void byDefaultBridgeHostAndAwsvpcTasksReachItAndNoneDoesNot() {
        ImdsReach defaults = new ImdsReach(false, false);
        assertThat(defaults.reaches(null)).as("no networkMode: bridge on EC2").isTrue();
        assertThat(defaults.reaches(NetworkMode.BRIDGE)).isTrue();
        assertThat(defaults.reaches(NetworkMode.HOST)).isTrue();
        assertThat(defaults.reaches(NetworkMode.AWSVPC))
                .as("ECS_AWSVPC_BLOCK_IMDS defaults to false")
                .isTrue();
        assertThat(defaults.reaches(NetworkMode.NONE)).isFalse();
    }

    @Test
    void theBlockSettingsCloseAwsvpcAndBridgeButHostModeCannotBeBlocked() {
        ImdsReach awsvpcBlocked = new ImdsReach(true, false);
        assertThat(awsvpcBlocked.reaches(NetworkMode.AWSVPC)).isFalse();
        assertThat(awsvpcBlocked.reaches(NetworkMode.BRIDGE)).isTrue();
        ImdsReach bothBlocked = new ImdsReach(true, true);
        assertThat(bothBlocked.reaches(NetworkMode.BRIDGE)).isFalse();
        assertThat(bothBlocked.reaches(null)).isFalse();
        assertThat(bothBlocked.reaches(NetworkMode.HOST)).isTrue();
    }
}
