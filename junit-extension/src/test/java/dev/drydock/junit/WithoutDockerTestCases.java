package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import dev.drydock.ecs.EcsFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fixtures for {@link DisabledWithoutDockerTest} and {@link WithoutDockerChecks}; run only through them. All but the
 * last run on Docker (this module's drydock.properties chooses the simulated runtime for the rest).
 */
class WithoutDockerTestCases {

    @DisabledWithoutDocker
    @DrydockSetting(key = "runtime", value = "docker")
    @EcsCluster(name = "no-docker")
    @FargateService(cluster = "no-docker", name = "sleepers", taskDefinition = "ecs/sleeper.json")
    static class Annotated {
        @Test
        void runsOnDocker(Drydock drydock) {
            assertThat(drydock.runtime().realContainers()).isTrue();
        }
    }

    static class Registered {
        @RegisterExtension
        static DrydockExtension drydock = DrydockExtension.builder()
                .disabledWithoutDocker()
                .setting("runtime", "docker")
                .fixture(EcsFixtures.cluster("no-docker"))
                .fixture(EcsFixtures.fargateService("no-docker", "sleepers", "ecs/sleeper.json"))
                .build();

        @Test
        void runsOnDocker(Drydock drydock) {
            assertThat(drydock.runtime().realContainers()).isTrue();
        }
    }

    @DrydockSetting(key = "runtime", value = "docker")
    @EcsCluster(name = "no-docker")
    @FargateService(cluster = "no-docker", name = "sleepers", taskDefinition = "ecs/sleeper.json")
    static class NotAnnotated {
        @Test
        void runsOnDocker(Drydock drydock) {
            assertThat(drydock.runtime().realContainers()).isTrue();
        }
    }

    @DisabledWithoutDocker
    @DrydockSetting(key = "docker.required", value = "true")
    @DrydockSetting(key = "runtime", value = "docker")
    @EcsCluster(name = "no-docker")
    @FargateService(cluster = "no-docker", name = "sleepers", taskDefinition = "ecs/sleeper.json")
    static class Required {
        @Test
        void runsOnDocker(Drydock drydock) {
            assertThat(drydock.runtime().realContainers()).isTrue();
        }
    }

    @DisabledWithoutDocker
    @DrydockSetting(key = "runtime", value = "simulated")
    @EcsCluster(name = "no-docker")
    @FargateService(cluster = "no-docker", name = "sleepers", taskDefinition = "ecs/sleeper.json")
    static class Simulated {
        @Test
        void runsWithoutDocker(Drydock drydock) {
            assertThat(drydock.runtime().realContainers()).isFalse();
        }
    }
}
