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
    private DrydockAssertions() {}

    /** Assertions on the IAM decisions Drydock recorded. */
    public static DecisionLogAssert assertThat(DecisionLog log) {
        return new DecisionLogAssert(log.decisions(), DecisionLogAssert.ALL);
    }
}
