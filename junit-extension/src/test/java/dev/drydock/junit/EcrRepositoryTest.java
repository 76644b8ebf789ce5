package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.assertAllPassed;
import static dev.drydock.junit.FixtureRuns.declarationFailure;
import static dev.drydock.junit.FixtureRuns.execute;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code @EcrRepository}: repositories and pushed images before the tests, EcrClient injection, declaration errors. */
class EcrRepositoryTest {

    @Test
    void repositoriesArePreparedAndAnEcrClientIsInjected() {
        assertAllPassed(execute(EcrRepositoryTestCases.Declared.class), 1);
    }

    @Test
    void twoImagesForOneRepositoryAreRefused() {
        assertThat(failureOf(EcrRepositoryTestCases.TwoImages.class))
                .hasMessageContaining("@EcrRepository(name = \"both\"): give at most one image");
    }

    @Test
    void aMissingBuildContextIsNamed() {
        assertThat(failureOf(EcrRepositoryTestCases.MissingContext.class))
                .hasMessageContaining("@EcrRepository(name = \"nowhere\"): The Docker build context "
                        + "'src/test/docker/does-not-exist' is neither a directory under ");
    }

    @Test
    void anImageOnTheSimulatedRuntimeIsRefusedWithTheReason() {
        assertThat(failureOf(EcrRepositoryTestCases.ImageOnTheSimulatedRuntime.class))
                .hasMessageContaining("@EcrRepository(name = \"simulated\"): building and pushing an image needs a "
                        + "Docker engine");
    }

    private static Throwable failureOf(Class<?> fixture) {
        return declarationFailure(fixture);
    }
}
