package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.execute;
import static dev.drydock.junit.FixtureRuns.failureOf;
import static dev.drydock.junit.FixtureRuns.failures;
import static dev.drydock.junit.FixtureRuns.publishedOnce;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @ActingAs("role")} clients sign as a session of the role, so IAM evaluates the role's policies. */
class ActingAsTest {
    private static final String SESSION_ARN = "arn:aws:sts::123456789012:assumed-role/cluster-reader/drydock-test";

    @Test
    void aClientActingAsARoleIsAllowedAndDeniedByItsPolicy() {
        EngineExecutionResults results = execute(ActingAsTestCases.ActingAsARole.class);

        assertThat(failures(results.allEvents())).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(4);
        assertThat(publishedOnce(results, "deniedPrincipal")).isEqualTo(SESSION_ARN);
        assertThat(publishedOnce(results, "deniedDecision")).isEqualTo("implicitDeny");
        assertThat(publishedOnce(results, "deniedResource"))
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/guarded");
        assertThat(publishedOnce(results, "callerArn")).isEqualTo(SESSION_ARN);
    }

    @Test
    void anUndeclaredRoleIsExplained() {
        EngineExecutionResults results = execute(ActingAsTestCases.ActingAsAnUndeclaredRole.class);

        assertThat(failureOf(results, "injected"))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("There is no IAM role 'nobody' to act as")
                .hasMessageContaining("@IamRole(name = \"nobody\")");
    }

    @Test
    void actingAsOnAParameterThatIsNotAClientIsRefused() {
        EngineExecutionResults results = execute(ActingAsTestCases.ActingAsOnSomethingElse.class);

        assertThat(failureOf(results, "injected"))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("@ActingAs applies to injected clients")
                .hasMessageContaining("DecisionLog");
    }
}
