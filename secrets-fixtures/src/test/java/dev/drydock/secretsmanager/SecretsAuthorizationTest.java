package dev.drydock.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.iam.policy.DecisionType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * What IAM decides for Secrets Manager calls made by role sessions (STS AssumeRole), as the Service Authorization
 * Reference for AWS Secrets Manager and "Secret encryption and decryption in AWS Secrets Manager" describe it:
 * identity policies, resource policies, condition keys, and the KMS key policy of a secret's key.
 */
class SecretsAuthorizationTest extends SecretsFamilyTestBase {
    private static final String SM = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";

    @BeforeEach
    void forget() {
        drydock.decisionLog().clear();
    }

    private static String allow(String actions, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + actions
                + ",\"Resource\":\"" + resource + "\"}]}";
    }

    @Test
    void aRoleWithoutPermissionIsDeniedAndTheMessageNamesTheSecretAsGiven() {
        String name = unique("locked");
        String arn = sm.createSecret(r -> r.name(name).secretString("v")).arn();
        Session s = role(unique("nobody"), null);
        SecretsManagerClient as = s.sm();

        var e = assertError(
                SecretsManagerException.class,
                "AccessDeniedException",
                "User: " + s.arn + " is not authorized to perform: secretsmanager:GetSecretValue on resource: " + name
                        + " because no identity-based policy allows the secretsmanager:GetSecretValue action",
                () -> as.getSecretValue(r -> r.secretId(name)));
        assertThat(e).isNotNull();
        assertThat(decisions(s.role)).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo("secretsmanager:GetSecretValue");
            assertThat(d.resource()).isEqualTo(arn);
            assertThat(d.decision()).isEqualTo(DecisionType.IMPLICIT_DENY);
            assertThat(d.context())
                    .containsEntry("secretsmanager:SecretId", List.of(name))
                    .containsEntry("secretsmanager:VersionStage", List.of("AWSCURRENT"));
        });
        // by ARN, the message names the ARN
        assertError(
                SecretsManagerException.class,
                "AccessDeniedException",
                "User: " + s.arn + " is not authorized to perform: secretsmanager:DescribeSecret on resource: " + arn
                        + " because no identity-based policy allows the secretsmanager:DescribeSecret action",
                () -> as.describeSecret(r -> r.secretId(arn)));
        // a secret that does not exist is denied too: the caller learns nothing
        assertError(
                SecretsManagerException.class,
                "AccessDeniedException",
                null,
                () -> as.getSecretValue(r -> r.secretId("does-not-exist")));
    }

    @Test
    void identityPoliciesScopeBySecretArnWithItsRandomSuffix() {
        String mine = unique("app/mine");
        String other = unique("app/other");
        sm.createSecret(r -> r.name(mine).secretString("mine"));
        sm.createSecret(r -> r.name(other).secretString("other"));
        Session s = role(unique("reader"), allow("\"secretsmanager:GetSecretValue\"", SM + mine + "-??????"));
        SecretsManagerClient as = s.sm();

        assertThat(as.getSecretValue(r -> r.secretId(mine)).secretString()).isEqualTo("mine");
        assertError(
                SecretsManagerException.class,
                "AccessDeniedException",
                null,
                () -> as.getSecretValue(r -> r.secretId(other)));
        // a secret read under aws/secretsmanager needs no KMS permission of the caller: the AWS managed key's policy
        // allows every principal of the account through Secrets Manager
        assertThat(decisions(s.role))
                .extracting(AuthorizationDecision::action, AuthorizationDecision::decision)
                .contains(tuple("kms:Decrypt", DecisionType.ALLOWED));
    }

    @Test
    void resourceTagsAreConditionKeys() {
        String tagged = unique("tagged");
        String untagged = unique("untagged");
        sm.createSecret(r -> r.name(tagged)
                .secretString("t")
                .tags(Tag.builder().key("team").value("orders").build()));
        sm.createSecret(r -> r.name(untagged).secretString("u"));
        Session s = role(
                unique("team-reader"),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"secretsmanager:GetSecretValue\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                        + "{\"aws:ResourceTag/team\":\"orders\"}}}]}");
        SecretsManagerClient as = s.sm();
        assertThat(as.getSecretValue(r -> r.secretId(tagged)).secretString()).isEqualTo("t");
        assertError(
                SecretsManagerException.class,
                "AccessDeniedException",
                null,
                () -> as.getSecretValue(r -> r.secretId(untagged)));
        assertThat(decisions(s.role).get(0).context())
                .containsEntry("aws:ResourceTag/team", List.of("orders"))
                .containsEntry("secretsmanager:ResourceTag/team", List.of("orders"));
    }

    @Test
    void aResourcePolicyGrantsAndDeniesAsTheSecretsOwnPolicy() {
        String name = unique("shared");
        sm.createSecret(r -> r.name(name).secretString("shared"));
        String roleName = unique("granted");
        Session s = role(roleName, null);
        SecretsManagerClient as = s.sm();
        assertError(
                SecretsManagerException.class,
                "AccessDeniedException",
                null,
                () -> as.getSecretValue(r -> r.secretId(name)));

        sm.putResourcePolicy(r -> r.secretId(name)
                .resourcePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"AWS\":\"arn:aws:iam::123456789012:role/" + roleName + "\"},\"Action\":"
                        + "\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}"));
        assertThat(as.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("shared");

        // an explicit deny in the resource policy wins over the administrator's identity policy
        sm.putResourcePolicy(r -> r.secretId(name)
                .resourcePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":"
                        + "{\"AWS\":\"*\"},\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}"));
        assertError(
                SecretsManagerException.class,
                "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/drydock-test is not authorized to perform: "
                        + "secretsmanager:GetSecretValue on resource: " + name
                        + " with an explicit deny in a resource-based policy",
                () -> sm.getSecretValue(r -> r.secretId(name)));
        sm.deleteResourcePolicy(r -> r.secretId(name));
        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("shared");
    }

    @Test
    void aSecretUnderACustomerManagedKeyNeedsKmsDecryptFromTheKeyPolicyAndTheIdentityPolicy() {
        String alias = "alias/" + unique("orders");
        String keyId = kms.createKey(r -> r.description("orders")).keyMetadata().keyId();
        kms.createAlias(r -> r.aliasName(alias).targetKeyId(keyId));
        String name = unique("cmk-secret");
        sm.createSecret(r -> r.name(name).secretString("under cmk").kmsKeyId(alias));
        assertThat(sm.describeSecret(r -> r.secretId(name)).kmsKeyId()).isEqualTo(alias);

        Session noKms = role(unique("no-kms"), allow("\"secretsmanager:GetSecretValue\"", "*"));
        assertError(
                SecretsManagerException.class,
                "AccessDeniedException",
                "Access to KMS is not allowed",
                () -> noKms.sm().getSecretValue(r -> r.secretId(name)));
        assertThat(decisions(noKms.role))
                .filteredOn(d -> d.action().equals("kms:Decrypt"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.resource()).isEqualTo("arn:aws:kms:us-east-1:123456789012:key/" + keyId);
                    assertThat(d.decision()).isEqualTo(DecisionType.IMPLICIT_DENY);
                    assertThat(d.context())
                            .containsEntry("kms:ViaService", List.of("secretsmanager.us-east-1.amazonaws.com"))
                            .containsEntry("kms:CallerAccount", List.of(ACCOUNT));
                });

        // the default key policy lets IAM policies grant kms:Decrypt
        Session withKms = role(
                unique("with-kms"),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Action\":"
                        + "\"kms:Decrypt\",\"Resource\":\"arn:aws:kms:us-east-1:123456789012:key/" + keyId + "\"}]}");
        assertThat(withKms.sm().getSecretValue(r -> r.secretId(name)).secretString())
                .isEqualTo("under cmk");

        // a key policy that does not allow the account leaves identity policies without effect
        String adminOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::123456789012:user/drydock-test\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        kms.putKeyPolicy(r -> r.keyId(keyId).policyName("default").policy(adminOnly));
        drydock.decisionLog().clear();
        assertError(
                SecretsManagerException.class,
                "AccessDeniedException",
                "Access to KMS is not allowed",
                () -> withKms.sm().getSecretValue(r -> r.secretId(name)));
        assertThat(decisions(withKms.role))
                .filteredOn(d -> d.action().equals("kms:Decrypt"))
                .singleElement()
                .satisfies(d -> assertThat(d.message().orElseThrow())
                        .endsWith("because no resource-based policy allows the kms:Decrypt action"));
        // the administrator, whom the key policy names, still reads it
        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("under cmk");

        // a key policy naming the role lets it decrypt without any KMS permission in its identity policy
        kms.putKeyPolicy(r -> r.keyId(keyId)
                .policyName("default")
                .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                        + "\"arn:aws:iam::123456789012:user/drydock-test\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                        + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:role/"
                        + noKms.role + "\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}"));
        assertThat(noKms.sm().getSecretValue(r -> r.secretId(name)).secretString())
                .isEqualTo("under cmk");
    }

    @Test
    void writingUnderACustomerManagedKeyNeedsGenerateDataKey() {
        String keyId = kms.createKey(r -> r.description("writes")).keyMetadata().keyId();
        String name = unique("cmk-write");
        sm.createSecret(r -> r.name(name).secretString("one").kmsKeyId(keyId));
        Session writer = role(unique("writer"), allow("\"secretsmanager:PutSecretValue\"", "*"));
        assertError(
                SecretsManagerException.class,
                "AccessDeniedException",
                "Access to KMS is not allowed",
                () -> writer.sm().putSecretValue(r -> r.secretId(name).secretString("two")));
        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("one");
        assertThat(sm.listSecretVersionIds(r -> r.secretId(name)).versions()).hasSize(1);
    }

    @Test
    void aDisabledKeyLeavesTheSecretUnreadable() {
        String keyId = kms.createKey(r -> r.description("disabled later"))
                .keyMetadata()
                .keyId();
        String name = unique("cmk-disabled");
        sm.createSecret(r -> r.name(name).secretString("v").kmsKeyId(keyId));
        kms.disableKey(r -> r.keyId(keyId));
        assertError(
                SecretsManagerException.class,
                "DecryptionFailureException",
                "Secrets Manager can't decrypt the protected secret text using the provided KMS key.",
                () -> sm.getSecretValue(r -> r.secretId(name)));
        kms.enableKey(r -> r.keyId(keyId));
        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("v");
    }
}
