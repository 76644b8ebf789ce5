package dev.drydock.core.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keeps the benchmark honest: its requests must take the paths they claim to measure. */
class BenchmarkPolicySanityTest {

    @Test
    void benchmarkRequestsDecideAsIntended() {
        PolicyEvaluationBenchmark b = new PolicyEvaluationBenchmark();
        b.setUp();
        Decision allowed = b.allowedRunTask();
        assertThat(allowed.type()).as(allowed.toString()).isEqualTo(DecisionType.ALLOWED);
        assertThat(allowed.matchedStatements())
                .extracting(MatchedStatement::sid)
                .contains("S1", "S3", "S9");
        Decision denied = b.explicitDenyDeleteCluster();
        assertThat(denied.type()).isEqualTo(DecisionType.EXPLICIT_DENY);
        assertThat(denied.decidingStatement().orElseThrow().sid()).isEqualTo("S4");
        assertThat(b.parseTenStatements().statements()).hasSize(10);
    }
}
