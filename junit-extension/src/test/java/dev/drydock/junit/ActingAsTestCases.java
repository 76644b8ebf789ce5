package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Drydock;
import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.iam.DecisionLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;
import software.amazon.awssdk.services.sts.StsClient;

/** Fixtures for {@link ActingAsTest}; run only through it. */
class ActingAsTestCases {

    /** iam/cluster-reader.json allows ecs:ListClusters and ecs:DescribeClusters, nothing else. */
    @IamRole(name = "cluster-reader", policy = "iam/cluster-reader.json")
    @EcsCluster(name = "guarded")
    static class ActingAsARole {

        @Test
        void theRolesPolicyDecides(
                @ActingAs("cluster-reader") EcsClient reader,
                EcsClient admin,
                DecisionLog decisions,
                TestReporter reporter) {
            assertThat(reader.listClusters().clusterArns()).hasSize(1);

            assertThatThrownBy(() -> reader.deleteCluster(r -> r.cluster("guarded")))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("ecs:DeleteCluster");
            assertThat(admin.describeClusters(r -> r.clusters("guarded"))
                            .clusters()
                            .get(0)
                            .status())
                    .isEqualTo("ACTIVE");

            AuthorizationDecision denied = decisions
                    .decisions(d -> d.action().equals("ecs:DeleteCluster"))
                    .get(0);
            reporter.publishEntry("deniedPrincipal", denied.principalArn());
            reporter.publishEntry("deniedDecision", denied.decision().simulatorValue());
            reporter.publishEntry("deniedResource", denied.resource());
            DrydockAssertions.assertThat(decisions)
                    .forPrincipal("cluster-reader")
                    .hasAllowed("ecs:ListClusters")
                    .hasDenied("ecs:DeleteCluster")
                    .neverAllowed("ecs:DeleteCluster");
        }

        @Test
        void aRoleClientIsNotTheAdministratorsClient(
                @ActingAs("cluster-reader") EcsClient reader,
                EcsClient admin,
                @ActingAs("cluster-reader") EcsClient readerAgain) {
            assertThat(reader).isNotSameAs(admin).isSameAs(readerAgain);
        }

        @Test
        void theRoleByArn(
                @ActingAs("arn:aws:iam::123456789012:role/cluster-reader") EcsClient reader,
                DecisionLog decisions,
                Drydock drydock) {
            assertThatThrownBy(() -> reader.createCluster(r -> r.clusterName("another")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(decisions.decisions(d -> d.action().equals("ecs:CreateCluster")))
                    .singleElement()
                    .satisfies(d -> assertThat(d.principalArn())
                            .startsWith("arn:aws:sts::" + drydock.accountId() + ":assumed-role/cluster-reader/"));
        }

        @Test
        void stsSeesTheRolesSession(@ActingAs("cluster-reader") StsClient sts, TestReporter reporter) {
            reporter.publishEntry("callerArn", sts.getCallerIdentity().arn());
        }
    }

    @EcsCluster(name = "guarded")
    static class ActingAsAnUndeclaredRole {
        @Test
        void injected(@ActingAs("nobody") EcsClient ecs) {
            throw new AssertionError("there is no role 'nobody' to act as");
        }
    }

    @IamRole(name = "cluster-reader", policy = "iam/cluster-reader.json")
    static class ActingAsOnSomethingElse {
        @Test
        void injected(@ActingAs("cluster-reader") DecisionLog decisions) {
            throw new AssertionError("@ActingAs on a DecisionLog means nothing");
        }
    }
}
