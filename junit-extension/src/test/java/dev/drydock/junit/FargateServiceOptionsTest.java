package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.assertAllPassed;
import static dev.drydock.junit.FixtureRuns.execute;

import org.junit.jupiter.api.Test;

/**
 * {@link FargateService}'s deployment configuration and environment, and their programmatic twins; wrong ones are in
 * {@link DeclarationErrorsTest}.
 */
class FargateServiceOptionsTest {

    @Test
    void theAnnotationSetsTheDeploymentConfigurationAndTheContainersEnvironment() {
        assertAllPassed(execute(FargateServiceOptionsTestCases.Annotated.class), 1);
    }

    @Test
    void theFixtureTakesAValueKnownOnlyWhenItApplies() {
        FargateServiceOptionsTestCases.DATABASE_URL.set("jdbc:postgresql://10.0.0.7/shop");
        assertAllPassed(execute(FargateServiceOptionsTestCases.Programmatic.class), 1);
    }
}
