package dev.drydock.junit.lean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.junit.DrydockSetting;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.EfsFileSystem;
import dev.drydock.junit.Secret;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Test classes {@link LeanRuns} runs on a classpath with the ECS module alone. */
class LeanTestCases {

    @EcsCluster(name = "lean")
    @DrydockSetting(key = "runtime", value = "simulated")
    static class EcsAlone {
        @Test
        void theClusterIsThere(EcsClient ecs) {
            assertThat(ecs.describeClusters(r -> r.clusters("lean")).clusters())
                    .singleElement()
                    .satisfies(c -> assertThat(c.status()).isEqualTo("ACTIVE"));
        }
    }

    @EfsFileSystem(name = "missing")
    @DrydockSetting(key = "runtime", value = "simulated")
    static class EfsWithoutItsModule {
        @Test
        void neverRuns() {
            throw new AssertionError("the class should have failed before its tests");
        }
    }

    @Secret(name = "missing", value = "v")
    @DrydockSetting(key = "runtime", value = "simulated")
    static class SecretWithoutItsModule {
        @Test
        void neverRuns() {
            throw new AssertionError("the class should have failed before its tests");
        }
    }
}
