package dev.drydock.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** Every Secrets Manager operation Drydock implements, through the real SDK v2 {@code SecretsManagerClient}. */
class SecretsManagerApiTest extends SecretsFamilyTestBase {

    @Test
    void createSecretGivesAnArnWithSixRandomCharactersAndAFirstCurrentVersion() {
        String name = unique("orders/db");
        CreateSecretResponse created = sm.createSecret(r -> r.name(name)
                .description("the orders database")
                .secretString("{\"username\":\"app\",\"password\":\"s3cr3t\"}"));
        assertThat(created.arn())
                .matches("arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name + "-[A-Za-z0-9]{6}");
        assertThat(created.name()).isEqualTo(name);
        assertThat(created.versionId()).isNotNull();

        GetSecretValueResponse value = sm.getSecretValue(r -> r.secretId(name));
        assertThat(value.secretString()).isEqualTo("{\"username\":\"app\",\"password\":\"s3cr3t\"}");
        assertThat(value.versionStages()).containsExactly("AWSCURRENT");
        assertThat(value.versionId()).isEqualTo(created.versionId());
        assertThat(value.arn()).isEqualTo(created.arn());
        assertThat(sm.getSecretValue(r -> r.secretId(created.arn())).secretString())
                .isEqualTo(value.secretString());
        // the ARN without its random suffix names the secret too
        String partial = created.arn().substring(0, created.arn().length() - 7);
        assertThat(sm.getSecretValue(r -> r.secretId(partial)).arn()).isEqualTo(created.arn());

        DescribeSecretResponse described = sm.describeSecret(r -> r.secretId(name));
        assertThat(described.description()).isEqualTo("the orders database");
        assertThat(described.kmsKeyId()).isNull();
        assertThat(described.versionIdsToStages()).containsEntry(created.versionId(), List.of("AWSCURRENT"));
        assertThat(described.lastAccessedDate()).isNotNull();
        assertThat(described.createdDate()).isNotNull();

        assertError(
                ResourceExistsException.class,
                "ResourceExistsException",
                "The operation failed because the secret " + name + " already exists.",
                () -> sm.createSecret(r -> r.name(name).secretString("other")));
    }

    @Test
    void binarySecretsRoundTrip() {
        String name = unique("binary");
        byte[] bytes = {0, 1, 2, (byte) 0xff};
        sm.createSecret(r -> r.name(name).secretBinary(SdkBytes.fromByteArray(bytes)));
        GetSecretValueResponse v = sm.getSecretValue(r -> r.secretId(name));
        assertThat(v.secretBinary().asByteArray()).containsExactly(bytes);
        assertThat(v.secretString()).isNull();
    }

    @Test
    void putSecretValueMovesTheStagesAndIsIdempotentOnItsToken() {
        String name = unique("rotating");
        String v1 = sm.createSecret(r -> r.name(name).secretString("one")).versionId();
        String token = "00000000-0000-0000-0000-000000000002";
        var put = sm.putSecretValue(r -> r.secretId(name).secretString("two").clientRequestToken(token));
        assertThat(put.versionId()).isEqualTo(token);
        assertThat(put.versionStages()).containsExactly("AWSCURRENT");
        // the same request again changes nothing
        assertThat(sm.putSecretValue(r -> r.secretId(name).secretString("two").clientRequestToken(token))
                        .versionId())
                .isEqualTo(token);
        assertError(
                ResourceExistsException.class,
                "ResourceExistsException",
                "You can't modify an existing version, you can only create a new version.",
                () -> sm.putSecretValue(
                        r -> r.secretId(name).secretString("changed").clientRequestToken(token)));

        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("two");
        assertThat(sm.getSecretValue(r -> r.secretId(name).versionStage("AWSPREVIOUS"))
                        .secretString())
                .isEqualTo("one");
        assertThat(sm.getSecretValue(r -> r.secretId(name).versionId(v1)).secretString())
                .isEqualTo("one");

        String pending = "00000000-0000-0000-0000-000000000003";
        sm.putSecretValue(r -> r.secretId(name)
                .secretString("three")
                .clientRequestToken(pending)
                .versionStages("AWSPENDING"));
        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("two");
        assertThat(sm.getSecretValue(r -> r.secretId(name).versionStage("AWSPENDING"))
                        .secretString())
                .isEqualTo("three");

        // promote the pending version as a rotation does
        sm.updateSecretVersionStage(r -> r.secretId(name)
                .versionStage("AWSCURRENT")
                .removeFromVersionId(token)
                .moveToVersionId(pending));
        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("three");
        assertThat(sm.getSecretValue(r -> r.secretId(name).versionStage("AWSPREVIOUS"))
                        .secretString())
                .isEqualTo("two");
        assertThat(sm.describeSecret(r -> r.secretId(name)).versionIdsToStages())
                .containsEntry(pending, List.of("AWSPENDING", "AWSCURRENT"))
                .containsEntry(token, List.of("AWSPREVIOUS"))
                .doesNotContainKey(v1);

        List<SecretVersionsListEntry> all = sm.listSecretVersionIds(
                        r -> r.secretId(name).includeDeprecated(true))
                .versions();
        assertThat(all).extracting(SecretVersionsListEntry::versionId).containsExactly(v1, token, pending);
        assertThat(sm.listSecretVersionIds(r -> r.secretId(name)).versions()).hasSize(2);

        assertError(
                InvalidParameterException.class,
                "InvalidParameterException",
                null,
                () -> sm.updateSecretVersionStage(
                        r -> r.secretId(name).versionStage("AWSCURRENT").moveToVersionId(v1)));
        assertError(
                ResourceNotFoundException.class,
                "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret value for staging label: NOPE",
                () -> sm.getSecretValue(r -> r.secretId(name).versionStage("NOPE")));
    }

    @Test
    void updateSecretChangesDescriptionAndValue() {
        String name = unique("updated");
        sm.createSecret(r -> r.name(name).secretString("one"));
        var updated = sm.updateSecret(r -> r.secretId(name).description("new").secretString("two"));
        assertThat(updated.versionId()).isNotNull();
        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("two");
        assertThat(sm.describeSecret(r -> r.secretId(name)).description()).isEqualTo("new");
        assertThat(sm.updateSecret(r -> r.secretId(name).description("only")).versionId())
                .isNull();
    }

    @Test
    void deletedSecretsAreRecoverableUntilTheirWindowEnds() {
        String name = unique("deleted");
        sm.createSecret(r -> r.name(name).secretString("v"));
        var deleted = sm.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(7L));
        assertThat(deleted.deletionDate()).isAfter(java.time.Instant.now().plusSeconds(6 * 86400));

        assertError(
                InvalidRequestException.class,
                "InvalidRequestException",
                "You can't perform this operation on the secret because it was marked for deletion.",
                () -> sm.getSecretValue(r -> r.secretId(name)));
        assertThat(sm.describeSecret(r -> r.secretId(name)).deletedDate()).isNotNull();
        assertThat(names(sm.listSecrets(r -> r.filters(nameFilter(name))))).isEmpty();
        assertThat(names(sm.listSecrets(r -> r.filters(nameFilter(name)).includePlannedDeletion(true))))
                .containsExactly(name);
        assertError(
                InvalidRequestException.class,
                "InvalidRequestException",
                "You can't create this secret because a secret with this name is already scheduled for deletion.",
                () -> sm.createSecret(r -> r.name(name).secretString("again")));

        sm.restoreSecret(r -> r.secretId(name));
        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("v");

        sm.deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));
        assertError(
                ResourceNotFoundException.class,
                "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.",
                () -> sm.describeSecret(r -> r.secretId(name)));
        sm.createSecret(r -> r.name(name).secretString("reborn"));
        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("reborn");
    }

    @Test
    void deleteSecretRefusesBadWindows() {
        String name = unique("window");
        sm.createSecret(r -> r.name(name).secretString("v"));
        assertError(
                InvalidParameterException.class,
                "InvalidParameterException",
                "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).",
                () -> sm.deleteSecret(r -> r.secretId(name).recoveryWindowInDays(3L)));
        assertError(
                InvalidParameterException.class,
                "InvalidParameterException",
                "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
                () -> sm.deleteSecret(
                        r -> r.secretId(name).recoveryWindowInDays(7L).forceDeleteWithoutRecovery(true)));
        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("v");
    }

    @Test
    void listSecretsFiltersAndPages() {
        String prefix = unique("listed");
        for (int i = 0; i < 5; i++) {
            int n = i;
            sm.createSecret(r -> r.name(prefix + "/s" + n)
                    .secretString("v")
                    .tags(Tag.builder()
                            .key("team")
                            .value(n % 2 == 0 ? "even" : "odd")
                            .build()));
        }
        List<String> all = names(sm.listSecrets(r -> r.filters(nameFilter(prefix))));
        assertThat(all).containsExactly(prefix + "/s0", prefix + "/s1", prefix + "/s2", prefix + "/s3", prefix + "/s4");
        assertThat(names(sm.listSecrets(r -> r.filters(nameFilter(prefix)).sortOrder(SortOrderType.DESC))))
                .first()
                .isEqualTo(prefix + "/s4");
        assertThat(names(sm.listSecrets(r -> r.filters(
                        nameFilter(prefix),
                        Filter.builder()
                                .key(FilterNameStringType.TAG_VALUE)
                                .values("odd")
                                .build()))))
                .containsExactly(prefix + "/s1", prefix + "/s3");
        assertThat(names(sm.listSecrets(r -> r.filters(
                        nameFilter(prefix),
                        Filter.builder()
                                .key(FilterNameStringType.TAG_VALUE)
                                .values("!odd")
                                .build()))))
                .containsExactly(prefix + "/s0", prefix + "/s2", prefix + "/s4");

        var first = sm.listSecrets(r -> r.filters(nameFilter(prefix)).maxResults(2));
        assertThat(names(first)).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        List<String> paged = sm
                .listSecretsPaginator(r -> r.filters(nameFilter(prefix)).maxResults(2))
                .stream()
                .flatMap(p -> p.secretList().stream())
                .map(SecretListEntry::name)
                .toList();
        assertThat(paged).isEqualTo(all);
        assertError(
                SecretsManagerException.class,
                "InvalidNextTokenException",
                null,
                () -> sm.listSecrets(r -> r.nextToken("bogus")));
    }

    @Test
    void tagsAreAddedReplacedAndRemoved() {
        String name = unique("tagged");
        sm.createSecret(r -> r.name(name)
                .secretString("v")
                .tags(Tag.builder().key("a").value("1").build()));
        sm.tagResource(r -> r.secretId(name)
                .tags(
                        Tag.builder().key("a").value("2").build(),
                        Tag.builder().key("b").value("3").build()));
        assertThat(sm.describeSecret(r -> r.secretId(name)).tags())
                .extracting(Tag::key, Tag::value)
                .containsExactly(tuple("a", "2"), tuple("b", "3"));
        sm.untagResource(r -> r.secretId(name).tagKeys("a"));
        assertThat(sm.describeSecret(r -> r.secretId(name)).tags())
                .extracting(Tag::key)
                .containsExactly("b");
    }

    @Test
    void resourcePoliciesArePutReadAndDeleted() {
        String name = unique("with-policy");
        String arn = sm.createSecret(r -> r.name(name).secretString("v")).arn();
        assertThat(sm.getResourcePolicy(r -> r.secretId(name)).resourcePolicy()).isNull();
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::123456789012:root\"},\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";
        assertThat(sm.putResourcePolicy(r -> r.secretId(name).resourcePolicy(policy))
                        .arn())
                .isEqualTo(arn);
        assertThat(sm.getResourcePolicy(r -> r.secretId(name)).resourcePolicy()).isEqualTo(policy);
        assertThat(sm.validateResourcePolicy(r -> r.secretId(name).resourcePolicy(policy))
                        .policyValidationPassed())
                .isTrue();
        String open = policy.replace("\"arn:aws:iam::123456789012:root\"", "\"*\"");
        assertThat(sm.validateResourcePolicy(r -> r.resourcePolicy(open)).policyValidationPassed())
                .isFalse();
        assertError(
                SecretsManagerException.class,
                "PublicPolicyException",
                null,
                () -> sm.putResourcePolicy(
                        r -> r.secretId(name).resourcePolicy(open).blockPublicPolicy(true)));
        assertError(
                SecretsManagerException.class,
                "MalformedPolicyDocumentException",
                null,
                () -> sm.putResourcePolicy(r -> r.secretId(name).resourcePolicy("{\"Version\":\"2012-10-17\"}")));
        assertThat(sm.getResourcePolicy(r -> r.secretId(name)).resourcePolicy()).isEqualTo(policy);
        sm.deleteResourcePolicy(r -> r.secretId(name));
        assertThat(sm.getResourcePolicy(r -> r.secretId(name)).resourcePolicy()).isNull();
    }

    @Test
    void getRandomPasswordHonoursItsOptions() {
        String p = sm.getRandomPassword(r -> r.passwordLength(40L).excludePunctuation(true))
                .randomPassword();
        assertThat(p).hasSize(40).matches("[A-Za-z0-9]+").matches(".*[a-z].*").matches(".*[A-Z].*");
        assertThat(sm.getRandomPassword(r -> r.excludeCharacters("abc")).randomPassword())
                .hasSize(32)
                .doesNotContain("a", "b", "c");
        assertError(
                InvalidParameterException.class,
                "InvalidParameterException",
                null,
                () -> sm.getRandomPassword(r -> r.excludeLowercase(true)
                        .excludeUppercase(true)
                        .excludeNumbers(true)
                        .excludePunctuation(true)));
    }

    @Test
    void batchGetSecretValueReportsEachSecret() {
        String a = unique("batch");
        sm.createSecret(r -> r.name(a).secretString("A"));
        var batch = sm.batchGetSecretValue(r -> r.secretIdList(a, "missing-" + a));
        assertThat(batch.secretValues())
                .singleElement()
                .satisfies(v -> assertThat(v.secretString()).isEqualTo("A"));
        assertThat(batch.errors()).singleElement().satisfies(e -> {
            assertThat(e.secretId()).isEqualTo("missing-" + a);
            assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
        });
        var filtered = sm.batchGetSecretValue(r -> r.filters(nameFilter(a)));
        assertThat(filtered.secretValues()).extracting(v -> v.name()).containsExactly(a);
    }

    @Test
    void valuesAreEncryptedThroughKmsUnderTheAwsManagedKeyCreatedOnFirstUse() {
        String name = unique("encrypted");
        String arn = sm.createSecret(r -> r.name(name).secretString("plain text value"))
                .arn();
        String version = sm.getSecretValue(r -> r.secretId(name)).versionId();
        var aliases = kms.listAliases().aliases();
        assertThat(aliases)
                .filteredOn(a -> a.aliasName().equals("alias/aws/secretsmanager"))
                .singleElement()
                .satisfies(a -> assertThat(a.targetKeyId()).isNotNull());
        assertThat(drydock.decisionLog().decisions())
                .filteredOn(d -> d.action().equals("kms:GenerateDataKey"))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.context())
                        .containsEntry("kms:ViaService", List.of("secretsmanager.us-east-1.amazonaws.com")));
        assertThat(drydock.decisionLog().decisions())
                .filteredOn(d -> d.action().equals("kms:Decrypt")
                        && d.context()
                                .getOrDefault("kms:EncryptionContext:SecretARN", List.of())
                                .contains(arn))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.allowed()).isTrue();
                    assertThat(d.service()).isEqualTo("kms");
                    assertThat(d.operation()).isEqualTo("Decrypt");
                    assertThat(d.context()).containsEntry("kms:EncryptionContext:SecretVersionId", List.of(version));
                });
    }

    private static Filter nameFilter(String prefix) {
        return Filter.builder().key(FilterNameStringType.NAME).values(prefix).build();
    }

    private static List<String> names(ListSecretsResponse r) {
        return r.secretList().stream().map(SecretListEntry::name).toList();
    }
}
