package dev.drydock.junit;

import dev.drydock.core.iam.DecisionLog;

/**
 * AssertJ entry points for Drydock's state.
 *
 * <pre>{@code
 * DrydockAssertions.assertThat(decisions)
 *         .forPrincipal("orders-task")
 *         .hasAllowed("ecs:ListClusters")
 *         .hasDenied("ecs:DeleteCluster");
 * }</pre>
 *
 * <p>Needs AssertJ (3.x) on the test classpath.
 */
public final class DrydockAssertions {
    static {
        // AssertJ is an optional dependency of Drydock: say what to add rather than fail on a missing superclass.
        if (DrydockAssertions.class.getClassLoader().getResource("org/assertj/core/api/AbstractAssert.class") == null) {
            throw new NoClassDefFoundError("DrydockAssertions needs AssertJ, which Drydock does not bring: add"
                    + " org.assertj:assertj-core (3.24 or newer) to your test dependencies");
        }
    }

    private DrydockAssertions() {}

    /** Assertions on the IAM decisions Drydock recorded. */
    public static DecisionLogAssert assertThat(DecisionLog log) {
        return new DecisionLogAssert(log.decisions(), DecisionLogAssert.ALL);
    }
}
