package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.assertAllPassed;
import static dev.drydock.junit.FixtureRuns.classFailure;
import static dev.drydock.junit.FixtureRuns.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.DrydockException;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@link DrydockSetting}: per-class configuration, composable, refused when contradictory; EventStream injection. */
class DrydockSettingTest {

    @Test
    void settingsFromAComposedAnnotationConfigureTheClassInstance() {
        EngineExecutionResults results = execute(DrydockSettingTestCases.Configured.class);

        assertAllPassed(results, 1);
    }

    @Test
    void twoValuesForOneKeyAreRefused() {
        EngineExecutionResults results = execute(DrydockSettingTestCases.Conflicting.class);

        assertThat(classFailure(results))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("@DrydockSetting(key = \"account\") is declared twice on")
                .hasMessageContaining("('210987654321' and '111122223333')");
    }

    @Test
    void aNestedClassCannotChangeTheInstanceItShares() {
        EngineExecutionResults results = execute(DrydockSettingTestCases.Outer.class);

        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(classFailure(results))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining(
                        "@DrydockSetting(key = \"account\", value = \"111122223333\") on the @Nested " + "class")
                .hasMessageContaining("Put the setting on the outermost test class.");
    }
}
