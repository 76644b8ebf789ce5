package dev.drydock.core.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.iam.policy.DecisionType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The failure report's IAM part: a task role's decisions and the denials stay in it however many calls the test
 * principal makes after them (a test's polling), which are counted by action instead.
 */
class DecisionLogSummaryTest {
    private static final String TEST_PRINCIPAL = "arn:aws:iam::123456789012:user/drydock-test";
    private static final String TASK_ROLE = "arn:aws:sts::123456789012:assumed-role/orders-task/0a1b2c";

    @Test
    void theTestPrincipalsPollingCannotPushOutTheDecisionsThatMatter() {
        DecisionLog log = new DecisionLog();
        log.record(decision(TASK_ROLE, "ecs:ListClusters", DecisionType.ALLOWED));
        log.record(decision(TASK_ROLE, "ecs:DeleteCluster", DecisionType.IMPLICIT_DENY));
        for (int i = 0; i < 500; i++) {
            log.record(decision(TEST_PRINCIPAL, "ecs:DescribeServices", DecisionType.ALLOWED));
            log.record(
                    decision(TEST_PRINCIPAL, i % 2 == 0 ? "ecs:ListTasks" : "ecs:DescribeTasks", DecisionType.ALLOWED));
        }

        String summary = log.summary(10, TEST_PRINCIPAL);

        assertThat(summary.lines())
                .containsExactly(
                        "1002 decisions, 1 denied",
                        "denied (last 1):",
                        "  implicitDeny ecs:DeleteCluster on * by " + TASK_ROLE,
                        "allowed for roles and sessions:",
                        "  allowed ecs:ListClusters on * by " + TASK_ROLE,
                        "allowed for the test principal " + TEST_PRINCIPAL + ": 500 x ecs:DescribeServices, 250 x "
                                + "ecs:ListTasks, 250 x ecs:DescribeTasks");
        assertThat(log.summary(10))
                .as("the summary that lists the latest decisions")
                .doesNotContain("ecs:ListClusters");
    }

    private static AuthorizationDecision decision(String principal, String action, DecisionType type) {
        return new AuthorizationDecision(
                Instant.parse("2026-12-07T10:00:00Z"),
                "req",
                "ecs",
                action.substring(4),
                principal,
                action,
                "*",
                type,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Map.of());
    }
}
