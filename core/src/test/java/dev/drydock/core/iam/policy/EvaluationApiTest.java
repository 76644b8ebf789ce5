package dev.drydock.core.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Public API behaviour of requests, policy sets and decisions outside the case table. */
class EvaluationApiTest {

    private static final String ALLOW_RUN =
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"Run\",\"Effect\":\"Allow\","
                    + "\"Action\":\"ecs:RunTask\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"ecs:cluster\":\"c\"}}}}";

    @Test
    void decisionTypesUseSimulatorStrings() {
        assertThat(DecisionType.ALLOWED.simulatorValue()).isEqualTo("allowed");
        assertThat(DecisionType.EXPLICIT_DENY.simulatorValue()).isEqualTo("explicitDeny");
        assertThat(DecisionType.IMPLICIT_DENY.simulatorValue()).isEqualTo("implicitDeny");
        assertThat(DecisionType.fromSimulatorValue("explicitdeny")).isEqualTo(DecisionType.EXPLICIT_DENY);
        assertThatThrownBy(() -> DecisionType.fromSimulatorValue("maybe")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PolicySourceType.fromValue("AWS-Managed")).isEqualTo(PolicySourceType.AWS_MANAGED);
        assertThat(PolicySourceType.USER_MANAGED.value()).isEqualTo("user-managed");
        assertThat(Effect.DENY.jsonValue()).isEqualTo("Deny");
    }

    @Test
    void allowedDecisionHasNoAccessDeniedMessage() {
        Decision d = PolicyEvaluator.evaluate(
                AuthorizationRequest.builder()
                        .principal("arn:aws:iam::123456789012:user/u")
                        .action("ecs:RunTask")
                        .context("ecs:cluster", "c")
                        .build(),
                PolicySet.builder()
                        .identityPolicy(NamedPolicy.of("p", "user", PolicyDocument.parse(ALLOW_RUN)))
                        .build());
        assertThat(d.isAllowed()).isTrue();
        assertThat(d.deniedBy()).isEmpty();
        assertThat(d.decidingStatement()).hasValueSatisfying(m -> {
            assertThat(m.policyId()).isEqualTo("p");
            assertThat(m.sourceType()).isEqualTo(PolicySourceType.USER);
            assertThat(m.policyType()).isEqualTo(PolicyType.IDENTITY_BASED);
            assertThat(m.sid()).isEqualTo("Run");
            assertThat(m.statementIndex()).isZero();
            assertThat(m.effect()).isEqualTo(Effect.ALLOW);
            assertThat(m.position().startLine()).isEqualTo(1);
        });
        assertThatThrownBy(() -> d.accessDeniedMessage("a", "b", "c")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void missingContextValuesAreReportedWithPolicySpelling() {
        Decision d = PolicyEvaluator.evaluate(
                AuthorizationRequest.builder()
                        .principal("arn:aws:iam::123456789012:user/u")
                        .action("ECS:runtask")
                        .build(),
                PolicySet.builder()
                        .identityPolicy(NamedPolicy.of("p", "user", PolicyDocument.parse(ALLOW_RUN)))
                        .build());
        assertThat(d.type()).isEqualTo(DecisionType.IMPLICIT_DENY);
        assertThat(d.missingContextValues()).containsExactly("ecs:cluster");
        assertThat(d.matchedStatements()).isEmpty();
    }

    @Test
    void requestValidationAndDefaults() {
        assertThatThrownBy(() ->
                        AuthorizationRequest.builder().action("ecs:RunTask").build())
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuthorizationRequest.builder()
                        .principal("arn:aws:iam::1:user/u")
                        .action("RunTask")
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        AuthorizationRequest r = AuthorizationRequest.builder()
                .principal("arn:aws:sts::123456789012:assumed-role/r/s")
                .action("ecs:RunTask")
                .context(Map.of("aws:TagKeys", List.of("a", "b")))
                .build();
        assertThat(r.resource()).isEqualTo("*");
        assertThat(r.principalAccount()).isEqualTo("123456789012");
        assertThat(r.context()).containsEntry("aws:TagKeys", List.of("a", "b"));
        assertThatThrownBy(() -> r.context().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void derivedGlobalKeysCanBeOverridden() {
        String policy =
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ecs:*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalType\":\"AssumedRole\",\"aws:PrincipalArn\":\"arn:aws:iam::123456789012:role/path/r\"}}}}";
        PolicySet set = PolicySet.builder()
                .roleArn("arn:aws:iam::123456789012:role/path/r")
                .identityPolicy(NamedPolicy.of("p", "role", PolicyDocument.parse(policy)))
                .build();
        AuthorizationRequest.Builder b = AuthorizationRequest.builder()
                .principal("arn:aws:sts::123456789012:assumed-role/r/s")
                .action("ecs:ListClusters");
        assertThat(PolicyEvaluator.evaluate(b.build(), set).isAllowed()).isTrue();
        assertThat(PolicyEvaluator.evaluate(
                                b.context("aws:PrincipalType", "User").build(), set)
                        .isAllowed())
                .isFalse();
    }

    @Test
    void messageFormsForEveryPolicyType() {
        Decision implicitBoundary = new Decision(
                DecisionType.IMPLICIT_DENY, List.of(), null, PolicyType.PERMISSIONS_BOUNDARY, false, List.of());
        assertThat(implicitBoundary.accessDeniedMessage(
                        "arn:aws:iam::123456789012:user/JohnDoe",
                        "codedeploy:ListDeployments",
                        "arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:*"))
                .isEqualTo("User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: "
                        + "codedeploy:ListDeployments on resource: arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:* "
                        + "because no permissions boundary allows the codedeploy:ListDeployments action");
        Decision explicitTrust =
                new Decision(DecisionType.EXPLICIT_DENY, List.of(), null, PolicyType.RESOURCE_BASED, true, List.of());
        assertThat(explicitTrust.accessDeniedMessage("arn:aws:iam::777788889999:user/JohnDoe", "sts:AssumeRole", null))
                .isEqualTo("User: arn:aws:iam::777788889999:user/JohnDoe is not authorized to perform: sts:AssumeRole "
                        + "with an explicit deny in the role trust policy");
        Decision implicitResource =
                new Decision(DecisionType.IMPLICIT_DENY, List.of(), null, PolicyType.RESOURCE_BASED, false, List.of());
        assertThat(implicitResource.accessDeniedMessage(
                        "arn:aws:iam::123456789012:user/JohnDoe", "secretsmanager:GetSecretValue", ""))
                .isEqualTo("User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: "
                        + "secretsmanager:GetSecretValue because no resource-based policy allows the "
                        + "secretsmanager:GetSecretValue action");
    }
}
