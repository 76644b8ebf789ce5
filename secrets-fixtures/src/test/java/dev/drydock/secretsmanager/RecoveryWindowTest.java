package dev.drydock.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Recovery windows and pending deletions end: with the setting {@code secrets.day-length} a day lasts 100 ms, so a
 * 7-day window passes in 0.7 s and the secret (or key) is gone.
 */
class RecoveryWindowTest extends SecretsFamilyTestBase {

    @Override
    protected Drydock.Builder configure(Drydock.Builder builder) {
        return builder.setting("secrets.day-length", "PT0.1S");
    }

    @Test
    void aSecretIsGoneWhenItsRecoveryWindowHasPassed() throws Exception {
        sm.createSecret(r -> r.name("short-lived").secretString("v"));
        Instant deletion = sm.deleteSecret(r -> r.secretId("short-lived").recoveryWindowInDays(7L))
                .deletionDate();
        assertThat(Duration.between(Instant.now(), deletion)).isLessThan(Duration.ofSeconds(1));
        assertThat(sm.describeSecret(r -> r.secretId("short-lived")).deletedDate())
                .isNotNull();
        Thread.sleep(Duration.between(Instant.now(), deletion).toMillis() + 200);
        assertError(
                ResourceNotFoundException.class,
                "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.",
                () -> sm.describeSecret(r -> r.secretId("short-lived")));
        sm.createSecret(r -> r.name("short-lived").secretString("again"));
        assertThat(sm.getSecretValue(r -> r.secretId("short-lived")).secretString())
                .isEqualTo("again");
    }

    @Test
    void aKeyIsGoneWhenItsPendingDeletionHasPassed() throws Exception {
        String keyId =
                kms.createKey(r -> r.description("short-lived")).keyMetadata().keyId();
        kms.createAlias(r -> r.aliasName("alias/short-lived").targetKeyId(keyId));
        Instant deletion = kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7))
                .deletionDate();
        Thread.sleep(Duration.between(Instant.now(), deletion).toMillis() + 200);
        assertError(KmsException.class, "NotFoundException", null, () -> kms.describeKey(r -> r.keyId(keyId)));
        assertThat(kms.listAliases().aliases()).noneMatch(a -> a.aliasName().equals("alias/short-lived"));
    }
}
