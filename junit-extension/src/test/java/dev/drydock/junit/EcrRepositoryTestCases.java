package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;

/** Fixtures for {@link EcrRepositoryTest}; run only through it. */
class EcrRepositoryTestCases {

    @EcrRepository(name = "pushed", pushImage = "drydock/busybox:1.35-local", tag = "v1")
    @EcrRepository(name = "empty", imageTagMutability = "IMMUTABLE")
    static class Declared {
        @RegisterExtension
        static DrydockExtension drydock =
                DrydockExtension.builder().setting("runtime", "docker").build();

        @Test
        void theRepositoriesExistWithTheirImages(EcrClient ecr) {
            assertThat(ecr.describeRepositories().repositories())
                    .extracting(r -> r.repositoryName())
                    .containsExactlyInAnyOrder("pushed", "empty");
            assertThat(ecr.listImages(r -> r.repositoryName("pushed")).imageIds())
                    .extracting(ImageIdentifier::imageTag)
                    .containsExactly("v1");
            assertThat(ecr.describeRepositories(r -> r.repositoryNames("empty"))
                            .repositories()
                            .get(0)
                            .imageTagMutabilityAsString())
                    .isEqualTo("IMMUTABLE");
        }
    }

    @EcrRepository(
            name = "both",
            image = @ImageBuild(context = "docker/none"),
            pushImage = "drydock/busybox:1.35-local")
    static class TwoImages {
        @Test
        void neverRuns() {
            throw new AssertionError("a class with a declaration error must not run its tests");
        }
    }

    @EcrRepository(name = "nowhere", image = @ImageBuild(context = "src/test/docker/does-not-exist", tag = "v1"))
    static class MissingContext {
        @RegisterExtension
        static DrydockExtension drydock =
                DrydockExtension.builder().setting("runtime", "docker").build();

        @Test
        void neverRuns() {
            throw new AssertionError("a class with a declaration error must not run its tests");
        }
    }

    @EcrRepository(name = "simulated", pushImage = "drydock/busybox:1.35-local")
    static class ImageOnTheSimulatedRuntime {
        @Test
        void neverRuns() {
            throw new AssertionError("a class with a declaration error must not run its tests");
        }
    }
}
