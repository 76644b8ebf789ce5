package dev.drydock.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** The programmatic twin of {@code @IamRole}: roles from policy files, and clear errors for bad ones. */
class IamFixturesTest {

    @Test
    void createsARoleFromAPolicyFileTrustedByEcsTasks() {
        try (Drydock drydock = Drydock.builder()
                        .setting("runtime", "simulated")
                        .fixture(IamFixtures.role("reader")
                                .policy("fixtures/list-clusters.json")
                                .tag("team", "shop"))
                        .start();
                IamClient iam = drydock.client(IamClient.builder())) {
            var role = iam.getRole(r -> r.roleName("reader")).role();
            assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/reader");
            assertThat(URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
                    .contains("ecs-tasks.amazonaws.com");
            assertThat(iam.listRolePolicies(r -> r.roleName("reader")).policyNames())
                    .containsExactly("list-clusters");
        }
    }

    @Test
    void aMalformedPolicyNamesTheFileTheReasonAndThePlace() {
        assertThatThrownBy(() -> Drydock.builder()
                        .setting("runtime", "simulated")
                        .fixture(IamFixtures.role("broken").policy("fixtures/malformed-policy.json"))
                        .start())
                .isInstanceOf(DrydockException.class)
                .hasMessageStartingWith("IamFixtures.role(\"broken\"): IAM refuses the policy in "
                        + "'fixtures/malformed-policy.json': MalformedPolicyDocument: Syntax errors in policy. ")
                .hasMessageContaining("Perhaps")
                .hasMessageContaining("line 3")
                .hasMessageContaining("Fix the document in src/test/resources/fixtures/malformed-policy.json");
    }

    @Test
    void aMissingPolicyFileSaysWhereToPutIt() {
        assertThatThrownBy(() -> Drydock.builder()
                        .setting("runtime", "simulated")
                        .fixture(IamFixtures.role("lost").policy("fixtures/nope.json"))
                        .start())
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("'fixtures/nope.json' is not on the test classpath")
                .hasMessageContaining("src/test/resources/fixtures/nope.json");
    }

    @Test
    void aRoleTheApiRefusesIsRefusedWithTheApisError() {
        assertThatThrownBy(() -> Drydock.builder()
                        .setting("runtime", "simulated")
                        .fixture(IamFixtures.role("no spaces allowed"))
                        .start())
                .isInstanceOf(DrydockException.class)
                .hasMessageStartingWith(
                        "IamFixtures.role(\"no spaces allowed\"): IAM refuses the role: ValidationError: ");
    }

    @Test
    void aRefusedPolicyLeavesNoHalfMadeRoleAndFixturesAreNotInTheDecisionLog() {
        try (Drydock drydock = Drydock.builder().setting("runtime", "simulated").start();
                IamClient iam = drydock.client(IamClient.builder())) {
            assertThatThrownBy(() -> drydock.apply(IamFixtures.role("half")
                            .policy("fixtures/list-clusters.json")
                            .policy("fixtures/malformed-policy.json")))
                    .isInstanceOf(DrydockException.class)
                    .hasMessageContaining("IAM refuses the policy in 'fixtures/malformed-policy.json'");
            assertThatThrownBy(() -> iam.getRole(r -> r.roleName("half"))).isInstanceOf(NoSuchEntityException.class);
            int decisions = drydock.decisionLog().size();
            drydock.apply(IamFixtures.role("whole").policy("fixtures/list-clusters.json"));
            assertThat(drydock.decisionLog().size()).isEqualTo(decisions);
            assertThat(iam.listRolePolicies(r -> r.roleName("whole")).policyNames())
                    .containsExactly("list-clusters");
        }
    }
}
