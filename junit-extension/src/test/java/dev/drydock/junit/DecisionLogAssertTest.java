package dev.drydock.junit;

import static dev.drydock.junit.DrydockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.iam.DecisionLog;
import dev.drydock.core.iam.policy.DecisionType;
import dev.drydock.core.iam.policy.Effect;
import dev.drydock.core.iam.policy.MatchedStatement;
import dev.drydock.core.iam.policy.PolicySourceType;
import dev.drydock.core.iam.policy.PolicyType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link DrydockAssertions#assertThat(DecisionLog)}: each assertion passes, and fails listing the decisions. */
class DecisionLogAssertTest {
    private static final String READER_SESSION = "arn:aws:sts::123456789012:assumed-role/cluster-reader/drydock-test";
    private static final String TEST_USER = "arn:aws:iam::123456789012:user/drydock-test";
    private static final String SHOP = "arn:aws:ecs:us-east-1:123456789012:cluster/shop";
    private static final String DEPOT = "arn:aws:ecs:us-east-1:123456789012:cluster/depot";

    private final DecisionLog log = new DecisionLog();

    @BeforeEach
    void decisions() {
        log.record(decision(READER_SESSION, "ecs:ListClusters", "*", DecisionType.ALLOWED));
        log.record(decision(READER_SESSION, "ecs:DeleteCluster", SHOP, DecisionType.IMPLICIT_DENY));
        log.record(decision(TEST_USER, "ecs:DeleteCluster", DEPOT, DecisionType.ALLOWED));
    }

    @Test
    void hasAllowed() {
        assertThat(log).hasAllowed("ecs:ListClusters").hasAllowed("ecs:listclusters");

        assertThatThrownBy(() -> assertThat(log).hasAllowed("ecs:RunTask"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected an allowed ecs:RunTask for all principals, but the decisions were:")
                .hasMessageContaining("allowed ecs:ListClusters on * by " + READER_SESSION)
                .hasMessageContaining("implicitDeny ecs:DeleteCluster on " + SHOP + " by " + READER_SESSION)
                .hasMessageContaining("allowed ecs:DeleteCluster on " + DEPOT + " by " + TEST_USER);
    }

    @Test
    void hasDenied() {
        assertThat(log).hasDenied("ecs:DeleteCluster");

        assertThatThrownBy(() -> assertThat(log).hasDenied("ecs:ListClusters"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(
                        "Expected a denied ecs:ListClusters for all principals, but the decisions were:")
                .hasMessageContaining("allowed ecs:ListClusters on * by " + READER_SESSION);
    }

    @Test
    void neverAllowed() {
        assertThat(log)
                .neverAllowed("ecs:RunTask")
                .forPrincipal("cluster-reader")
                .neverAllowed("ecs:DeleteCluster");

        assertThatThrownBy(() -> assertThat(log).neverAllowed("ecs:DeleteCluster"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(
                        "Expected ecs:DeleteCluster never to be allowed for all principals, but it was:")
                .hasMessageContaining("allowed ecs:DeleteCluster on " + DEPOT + " by " + TEST_USER)
                .hasMessageNotContaining("implicitDeny");
    }

    @Test
    void hasNoDenials() {
        assertThat(log).forPrincipal(TEST_USER).hasNoDenials();

        assertThatThrownBy(() -> assertThat(log).hasNoDenials())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected no denied requests for all principals, but these were denied:")
                .hasMessageContaining("implicitDeny ecs:DeleteCluster on " + SHOP + " by " + READER_SESSION)
                .hasMessageNotContaining("ecs:ListClusters");
    }

    @Test
    void forPrincipalByRoleNameArnOrUserName() {
        assertThat(log)
                .forPrincipal("cluster-reader")
                .hasAllowed("ecs:ListClusters")
                .hasDenied("ecs:DeleteCluster");
        assertThat(log).forPrincipal(READER_SESSION).hasDenied("ecs:DeleteCluster");
        assertThat(log)
                .forPrincipal("drydock-test")
                .hasAllowed("ecs:DeleteCluster")
                .hasNoDenials();

        assertThatThrownBy(() -> assertThat(log).forPrincipal("cluster-reader").hasAllowed("ecs:DeleteCluster"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected an allowed ecs:DeleteCluster for principal cluster-reader, but the "
                        + "decisions were:")
                .hasMessageContaining("implicitDeny ecs:DeleteCluster on " + SHOP)
                .hasMessageNotContaining(TEST_USER);
        assertThatThrownBy(() -> assertThat(log).forPrincipal("nobody").hasAllowed("ecs:ListClusters"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("for principal nobody, but the decisions were:")
                .hasMessageContaining("(none)");
    }

    @Test
    void forPrincipalByTheNameOfAUserWithAPath() {
        log.record(decision("arn:aws:iam::123456789012:user/ops/alice", "ecs:RunTask", "*", DecisionType.ALLOWED));

        assertThat(log)
                .forPrincipal("alice")
                .hasAllowed("ecs:RunTask")
                .decisions()
                .hasSize(1);
        assertThat(log).forPrincipal("ops").decisions().isEmpty();
    }

    @Test
    void onResource() {
        assertThat(log).onResource(SHOP).hasDenied("ecs:DeleteCluster").neverAllowed("ecs:DeleteCluster");
        assertThat(log).onResource(DEPOT).hasAllowed("ecs:DeleteCluster");

        assertThatThrownBy(() -> assertThat(log).onResource(SHOP).hasAllowed("ecs:DeleteCluster"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected an allowed ecs:DeleteCluster for resource " + SHOP)
                .hasMessageContaining("implicitDeny ecs:DeleteCluster on " + SHOP)
                .hasMessageNotContaining(DEPOT);
    }

    @Test
    void narrowingTwiceNamesBoth() {
        assertThatThrownBy(() -> assertThat(log)
                        .forPrincipal("cluster-reader")
                        .onResource(DEPOT)
                        .hasAllowed("ecs:DeleteCluster"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(
                        "Expected an allowed ecs:DeleteCluster for principal cluster-reader and resource " + DEPOT
                                + ", but the decisions were:\n  (none)");
    }

    @Test
    void decisionsForAssertJsListAssertions() {
        assertThat(log)
                .forPrincipal("cluster-reader")
                .decisions()
                .hasSize(2)
                .extracting(AuthorizationDecision::action)
                .containsExactly("ecs:ListClusters", "ecs:DeleteCluster");
    }

    @Test
    void anEmptyLog() {
        assertThat(new DecisionLog()).hasNoDenials().neverAllowed("ecs:DeleteCluster");

        assertThatThrownBy(() -> assertThat(new DecisionLog()).hasDenied("ecs:DeleteCluster"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected a denied ecs:DeleteCluster for all principals, but the decisions were:%n  (none)"
                        .formatted());
    }

    private static AuthorizationDecision decision(String principal, String action, String resource, DecisionType type) {
        boolean allowed = type == DecisionType.ALLOWED;
        List<MatchedStatement> matched = allowed
                ? List.of(new MatchedStatement(
                        "cluster-reader",
                        PolicySourceType.values()[0],
                        PolicyType.values()[0],
                        "ReadClusters",
                        0,
                        Effect.ALLOW,
                        null))
                : List.of();
        return new AuthorizationDecision(
                Instant.parse("2026-11-29T10:00:00Z"),
                "req-" + action,
                "ecs",
                action.substring(4),
                principal,
                action,
                resource,
                type,
                matched,
                allowed ? Optional.empty() : Optional.of("identity-based policy"),
                allowed ? Optional.empty() : Optional.of("not authorized"),
                Map.of());
    }
}
