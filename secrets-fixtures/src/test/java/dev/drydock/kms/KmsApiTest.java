package dev.drydock.kms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.secretsmanager.SecretsFamilyTestBase;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.Tag;

/** Every KMS operation Drydock implements, through the real SDK v2 {@code KmsClient}. */
class KmsApiTest extends SecretsFamilyTestBase {

    @Test
    void createKeyDescribesItAndGivesTheDefaultKeyPolicy() {
        KeyMetadata key = kms.createKey(r -> r.description("orders")).keyMetadata();
        assertThat(key.keyId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(key.arn()).isEqualTo("arn:aws:kms:us-east-1:123456789012:key/" + key.keyId());
        assertThat(key.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(key.keyManager()).isEqualTo(KeyManagerType.CUSTOMER);
        assertThat(key.keySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(key.awsAccountId()).isEqualTo(ACCOUNT);

        String policy = kms.getKeyPolicy(r -> r.keyId(key.keyId()).policyName("default"))
                .policy();
        assertThat(policy).contains("\"arn:aws:iam::123456789012:root\"").contains("\"kms:*\"");
        assertThat(kms.listKeyPolicies(r -> r.keyId(key.keyId())).policyNames()).containsExactly("default");
        assertThat(kms.listKeys().keys()).extracting(KeyListEntry::keyId).contains(key.keyId());
        assertThat(kms.describeKey(r -> r.keyId(key.arn())).keyMetadata().description())
                .isEqualTo("orders");

        kms.updateKeyDescription(r -> r.keyId(key.keyId()).description("renamed"));
        assertThat(kms.describeKey(r -> r.keyId(key.keyId())).keyMetadata().description())
                .isEqualTo("renamed");
    }

    @Test
    void aliasesNameKeys() {
        String a = kms.createKey(r -> r.description("a")).keyMetadata().keyId();
        String b = kms.createKey(r -> r.description("b")).keyMetadata().keyId();
        String alias = "alias/" + unique("app");
        kms.createAlias(r -> r.aliasName(alias).targetKeyId(a));
        assertThat(kms.describeKey(r -> r.keyId(alias)).keyMetadata().keyId()).isEqualTo(a);
        assertThat(kms.describeKey(r -> r.keyId("arn:aws:kms:us-east-1:123456789012:" + alias))
                        .keyMetadata()
                        .keyId())
                .isEqualTo(a);
        assertThat(kms.listAliases(r -> r.keyId(a)).aliases())
                .extracting(AliasListEntry::aliasName)
                .containsExactly(alias);
        kms.updateAlias(r -> r.aliasName(alias).targetKeyId(b));
        assertThat(kms.describeKey(r -> r.keyId(alias)).keyMetadata().keyId()).isEqualTo(b);
        assertError(
                KmsException.class,
                "AlreadyExistsException",
                "An alias with the name arn:aws:kms:us-east-1:123456789012:" + alias + " already exists",
                () -> kms.createAlias(r -> r.aliasName(alias).targetKeyId(a)));
        assertError(
                KmsException.class,
                "InvalidAliasNameException",
                null,
                () -> kms.createAlias(r -> r.aliasName("alias/aws/mine").targetKeyId(a)));
        kms.deleteAlias(r -> r.aliasName(alias));
        assertError(
                KmsException.class,
                "NotFoundException",
                "Alias arn:aws:kms:us-east-1:123456789012:" + alias + " is not found.",
                () -> kms.describeKey(r -> r.keyId(alias)));
        // AWS's predefined aliases for its managed keys are listed
        assertThat(kms.listAliases().aliases())
                .extracting(AliasListEntry::aliasName)
                .contains("alias/aws/secretsmanager", "alias/aws/ssm");
    }

    @Test
    void encryptDecryptRoundTripsBoundToTheKeyAndTheEncryptionContext() {
        String a = kms.createKey(r -> r.description("a")).keyMetadata().keyId();
        String b = kms.createKey(r -> r.description("b")).keyMetadata().keyId();
        SdkBytes plaintext = SdkBytes.fromString("hello", StandardCharsets.UTF_8);
        Map<String, String> context = Map.of("purpose", "test");
        var encrypted = kms.encrypt(r -> r.keyId(a).plaintext(plaintext).encryptionContext(context));
        assertThat(encrypted.keyId()).endsWith(a);
        var decrypted =
                kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(context));
        assertThat(decrypted.plaintext().asUtf8String()).isEqualTo("hello");
        assertThat(decrypted.keyId()).endsWith(a);

        assertError(
                KmsException.class,
                "InvalidCiphertextException",
                null,
                () -> kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob())));
        assertError(
                KmsException.class,
                "IncorrectKeyException",
                null,
                () -> kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob())
                        .encryptionContext(context)
                        .keyId(b)));
        byte[] altered = encrypted.ciphertextBlob().asByteArray();
        altered[altered.length - 1] ^= 1;
        assertError(
                KmsException.class,
                "InvalidCiphertextException",
                null,
                () -> kms.decrypt(
                        r -> r.ciphertextBlob(SdkBytes.fromByteArray(altered)).encryptionContext(context)));

        var moved = kms.reEncrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob())
                .sourceEncryptionContext(context)
                .destinationKeyId(b));
        assertThat(kms.decrypt(r -> r.ciphertextBlob(moved.ciphertextBlob())).keyId())
                .endsWith(b);
    }

    @Test
    void dataKeysAndRandomBytes() {
        String k = kms.createKey(r -> r.description("dk")).keyMetadata().keyId();
        var dk = kms.generateDataKey(r -> r.keyId(k).keySpec(DataKeySpec.AES_256));
        assertThat(dk.plaintext().asByteArray()).hasSize(32);
        assertThat(kms.decrypt(r -> r.ciphertextBlob(dk.ciphertextBlob())).plaintext())
                .isEqualTo(dk.plaintext());
        var blind = kms.generateDataKeyWithoutPlaintext(r -> r.keyId(k).numberOfBytes(16));
        assertThat(kms.decrypt(r -> r.ciphertextBlob(blind.ciphertextBlob()))
                        .plaintext()
                        .asByteArray())
                .hasSize(16);
        assertThat(kms.generateRandom(r -> r.numberOfBytes(64)).plaintext().asByteArray())
                .hasSize(64);
        assertError(
                KmsException.class,
                "ValidationException",
                "Please specify either number of bytes or key spec.",
                () -> kms.generateDataKey(r -> r.keyId(k)));
    }

    @Test
    void keyStatesDisableAndScheduleDeletion() {
        String k = kms.createKey(r -> r.description("states")).keyMetadata().keyId();
        kms.disableKey(r -> r.keyId(k));
        assertThat(kms.describeKey(r -> r.keyId(k)).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);
        assertError(
                KmsException.class,
                "DisabledException",
                "arn:aws:kms:us-east-1:123456789012:key/" + k + " is disabled.",
                () -> kms.encrypt(r -> r.keyId(k).plaintext(SdkBytes.fromUtf8String("x"))));
        kms.enableKey(r -> r.keyId(k));
        var scheduled = kms.scheduleKeyDeletion(r -> r.keyId(k).pendingWindowInDays(7));
        assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(scheduled.pendingWindowInDays()).isEqualTo(7);
        assertThat(scheduled.deletionDate()).isAfter(java.time.Instant.now().plusSeconds(6 * 86400));
        assertError(
                KmsException.class,
                "KMSInvalidStateException",
                "arn:aws:kms:us-east-1:123456789012:key/" + k + " is pending deletion.",
                () -> kms.encrypt(r -> r.keyId(k).plaintext(SdkBytes.fromUtf8String("x"))));
        kms.cancelKeyDeletion(r -> r.keyId(k));
        assertThat(kms.describeKey(r -> r.keyId(k)).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);
        assertError(
                KmsException.class,
                "ValidationException",
                null,
                () -> kms.scheduleKeyDeletion(r -> r.keyId(k).pendingWindowInDays(3)));
    }

    @Test
    void tagsOnKeys() {
        String k = kms.createKey(
                        r -> r.tags(Tag.builder().tagKey("team").tagValue("a").build()))
                .keyMetadata()
                .keyId();
        kms.tagResource(r ->
                r.keyId(k).tags(Tag.builder().tagKey("env").tagValue("test").build()));
        assertThat(kms.listResourceTags(r -> r.keyId(k)).tags())
                .extracting(Tag::tagKey)
                .containsExactly("team", "env");
        kms.untagResource(r -> r.keyId(k).tagKeys("team"));
        assertThat(kms.listResourceTags(r -> r.keyId(k)).tags())
                .extracting(Tag::tagKey)
                .containsExactly("env");
        assertError(
                KmsException.class,
                "TagException",
                null,
                () -> kms.tagResource(r -> r.keyId(k)
                        .tags(Tag.builder().tagKey("aws:x").tagValue("v").build())));
    }

    @Test
    void predefinedAwsManagedAliasesCreateTheirKeyOnFirstUse() {
        var managed = kms.describeKey(r -> r.keyId("alias/aws/ssm")).keyMetadata();
        assertThat(managed.keyManager()).isEqualTo(KeyManagerType.AWS);
        assertThat(managed.description())
                .isEqualTo("Default key that protects my SSM parameters when no other key is " + "defined");
        assertThat(kms.describeKey(r -> r.keyId("alias/aws/ssm")).keyMetadata().keyId())
                .isEqualTo(managed.keyId());
        assertThat(kms.getKeyPolicy(r -> r.keyId(managed.keyId())).policy())
                .contains("\"kms:ViaService\" : \"ssm.us-east-1.amazonaws.com\"");
        // naming the AWS managed key explicitly works as leaving it out
        String name = unique("explicit-managed");
        sm.createSecret(r -> r.name(name).secretString("v").kmsKeyId("alias/aws/secretsmanager"));
        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("v");
    }

    @Test
    void unknownAndMalformedKeyIds() {
        assertError(
                KmsException.class,
                "NotFoundException",
                "Key 'arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000' does not exist",
                () -> kms.describeKey(r -> r.keyId("00000000-0000-0000-0000-000000000000")));
        assertError(
                KmsException.class,
                "NotFoundException",
                "Invalid keyId 'nonsense'",
                () -> kms.describeKey(r -> r.keyId("nonsense")));
    }

    @Test
    void keyPoliciesGateAccessAndTheLockoutCheckProtectsThem() {
        String k = kms.createKey(r -> r.description("gated")).keyMetadata().keyId();
        String noAccount = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::123456789012:role/somebody-else\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        assertError(
                KmsException.class,
                "MalformedPolicyDocumentException",
                "The new key policy will not allow you to update the key policy in the future.",
                () -> kms.putKeyPolicy(r -> r.keyId(k).policyName("default").policy(noAccount)));
        Session user = role(
                unique("kms-user"),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\","
                        + "\"Resource\":\"*\"}]}");
        assertThat(user.kms().describeKey(r -> r.keyId(k)).keyMetadata().keyId())
                .isEqualTo(k);
        kms.putKeyPolicy(r -> r.keyId(k).policyName("default").policy(noAccount).bypassPolicyLockoutSafetyCheck(true));
        assertError(
                KmsException.class,
                "AccessDeniedException",
                "User: " + user.arn + " is not authorized to perform: kms:DescribeKey on resource: "
                        + "arn:aws:kms:us-east-1:123456789012:key/" + k
                        + " because no resource-based policy allows the kms:DescribeKey action",
                () -> user.kms().describeKey(r -> r.keyId(k)));
        // the AWS managed keys' policies allow no one to change them
        sm.createSecret(r -> r.name(unique("makes-managed-key")).secretString("v"));
        String managed = kms.describeKey(r -> r.keyId("alias/aws/secretsmanager"))
                .keyMetadata()
                .keyId();
        assertThat(kms.describeKey(r -> r.keyId(managed)).keyMetadata().keyManager())
                .isEqualTo(KeyManagerType.AWS);
        assertError(KmsException.class, "AccessDeniedException", null, () -> kms.disableKey(r -> r.keyId(managed)));
    }
}
