package dev.drydock.core.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * KMS key policies ({@link PolicyKind#KEY}) gate identity policies, as "AWS KMS key access and permissions" describes:
 * a key policy that allows the account lets identity policies grant; one that names only other principals leaves them
 * without effect; one that names the caller's role grants without an identity policy.
 */
class KeyPolicyEvaluationTest {
    private static final String SESSION = "arn:aws:sts::123456789012:assumed-role/app/s1";
    private static final String ROLE = "arn:aws:iam::123456789012:role/app";
    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String ALLOW_DECRYPT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}";

    private static String keyPolicy(String principal) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal
                + "\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    }

    private static Decision decide(String keyPolicy, boolean identityAllows) {
        PolicySet.Builder set = PolicySet.builder()
                .roleArn(ROLE)
                .resourcePolicy(
                        NamedPolicy.of("key", "resource", PolicyDocument.parse(keyPolicy, PolicyKind.KEY)),
                        "123456789012");
        if (identityAllows) {
            set.identityPolicy(NamedPolicy.of("inline", "role", PolicyDocument.parse(ALLOW_DECRYPT)));
        }
        return PolicyEvaluator.evaluate(
                AuthorizationRequest.builder()
                        .principal(SESSION)
                        .action("kms:Decrypt")
                        .resource(KEY)
                        .build(),
                set.build());
    }

    @Test
    void theDefaultKeyPolicyLetsIdentityPoliciesGrant() {
        String account = keyPolicy("arn:aws:iam::123456789012:root");
        assertThat(decide(account, true).isAllowed()).isTrue();
        assertThat(decide(account, false).deniedBy()).contains(PolicyType.IDENTITY_BASED);
    }

    @Test
    void aKeyPolicyThatDoesNotAllowTheAccountLeavesIdentityPoliciesWithoutEffect() {
        Decision d = decide(keyPolicy("arn:aws:iam::123456789012:user/admin"), true);
        assertThat(d.isAllowed()).isFalse();
        assertThat(d.deniedBy()).contains(PolicyType.RESOURCE_BASED);
        assertThat(d.accessDeniedMessage(SESSION, "kms:Decrypt", KEY))
                .endsWith("because no resource-based policy allows the kms:Decrypt action");
    }

    @Test
    void aKeyPolicyNamingTheRoleGrantsWithoutAnIdentityPolicy() {
        assertThat(decide(keyPolicy(ROLE), false).isAllowed()).isTrue();
    }

    @Test
    void aResourcePolicyOfAnotherKindDoesNotGate() {
        PolicySet set = PolicySet.builder()
                .roleArn(ROLE)
                .identityPolicy(NamedPolicy.of("inline", "role", PolicyDocument.parse(ALLOW_DECRYPT)))
                .resourcePolicy(
                        NamedPolicy.of(
                                "other",
                                "resource",
                                PolicyDocument.parse(
                                        keyPolicy("arn:aws:iam::123456789012:user/admin"), PolicyKind.RESOURCE)),
                        "123456789012")
                .build();
        assertThat(PolicyEvaluator.evaluate(
                                AuthorizationRequest.builder()
                                        .principal(SESSION)
                                        .action("kms:Decrypt")
                                        .resource(KEY)
                                        .build(),
                                set)
                        .isAllowed())
                .isTrue();
    }
}
