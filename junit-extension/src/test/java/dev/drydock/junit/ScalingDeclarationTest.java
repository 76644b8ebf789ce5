package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.assertAllPassed;
import static dev.drydock.junit.FixtureRuns.classFailure;
import static dev.drydock.junit.FixtureRuns.execute;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link ServiceAutoScaling}: the scalable target and target tracking policies registered after the class's services,
 * whatever the declaration order, acting on the service; and Application Auto Scaling's refusals failing the class.
 */
class ScalingDeclarationTest {

    @Test
    void aDeclaredScalableTargetAndItsPoliciesAct() {
        assertAllPassed(execute(ScalingDeclarationTestCases.DeclaredScaling.class), 1);
    }

    @Test
    void aMinimumAboveTheMaximumFailsTheClassWithApplicationAutoScalingsError() {
        assertThat(classFailure(execute(ScalingDeclarationTestCases.MinimumAboveMaximum.class)))
                .hasMessageStartingWith(
                        "MinimumAboveMaximum: @ServiceAutoScaling(cluster = \"load\", service = \"web\"): ")
                .hasMessageContaining("ValidationException: Minimum capacity cannot be greater than maximum capacity");
    }

    @Test
    void aServiceNobodyCreatedFailsTheClass() {
        assertThat(classFailure(execute(ScalingDeclarationTestCases.UndeclaredService.class)))
                .hasMessageStartingWith(
                        "UndeclaredService: @ServiceAutoScaling(cluster = \"load\", service = \"nobody\"): ")
                .hasMessageContaining("ECS service doesn't exist: service/load/nobody");
    }

    @Test
    void aNegativeCooldownFailsTheClassNamingThePolicy() {
        assertThat(classFailure(execute(ScalingDeclarationTestCases.NegativeCooldown.class)))
                .hasMessageContaining(
                        "@ServiceAutoScaling(cluster = \"load\", service = \"web\"): the policy 'cpu' has a "
                                + "cooldown below 0");
    }
}
