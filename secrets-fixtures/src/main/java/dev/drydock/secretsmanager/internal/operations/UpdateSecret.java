package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.KeyEncryption.EncryptionKey;
import dev.drydock.core.spi.Operation;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.backend.SecretVersion;
import dev.drydock.secretsmanager.internal.backend.SecretsBackend.NewVersion;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import dev.drydock.secretsmanager.internal.support.SecretValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;

/**
 * UpdateSecret, as <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_UpdateSecret.html">the
 * Secrets Manager API reference</a> describes it: a new description; a new KMS key, under which the labelled versions
 * are re-encrypted (needs {@code kms:Decrypt} on the old key and {@code kms:GenerateDataKey} on the new one); a new
 * value, which becomes a new {@code AWSCURRENT} version. {@code secretsmanager:UpdateSecret} with
 * {@code secretsmanager:Description} and {@code secretsmanager:KmsKeyId}.
 */
public final class UpdateSecret implements Operation<UpdateSecretRequest, UpdateSecretResponse> {
    private final SecretAccess access;

    public UpdateSecret(SecretAccess access) {
        this.access = access;
    }

    @Override
    public UpdateSecretResponse call(UpdateSecretRequest r, CallContext c) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        if (r.description() != null) {
            keys.put("secretsmanager:Description", List.of(r.description()));
        }
        if (r.kmsKeyId() != null) {
            keys.put("secretsmanager:KmsKeyId", List.of(r.kmsKeyId()));
        }
        access.authorize(c, "secretsmanager:UpdateSecret", r.secretId(), keys);
        Secret secret = access.backend().secret(r.secretId(), false);
        SecretValues.Value value = SecretValues.of(r.secretString(), r.secretBinary(), false);
        String versionId = r.clientRequestToken() == null ? UUID.randomUUID().toString() : r.clientRequestToken();
        if (value != null) {
            access.backend().retried(secret, versionId, value.digest());
        }
        EncryptionKey key = r.kmsKeyId() == null ? null : access.key(r.kmsKeyId());
        Map<String, byte[]> reencrypted = new LinkedHashMap<>();
        if (key != null && !key.equals(secret.key())) {
            for (SecretVersion v : secret.versions()) {
                if (!v.stages().isEmpty()) {
                    byte[] plain = access.decrypt(c, secret, v);
                    reencrypted.put(v.versionId(), access.encrypt(c, secret.arn(), v.versionId(), key, plain));
                }
            }
        }
        EncryptionKey newKey = key == null ? secret.key() : key;
        NewVersion version = null;
        if (value != null
                && secret.versions().stream().noneMatch(v -> v.versionId().equals(versionId))) {
            byte[] ciphertext = access.encrypt(c, secret.arn(), versionId, newKey, value.bytes());
            version = new NewVersion(versionId, ciphertext, value.binary(), value.digest(), newKey);
        }
        if (!reencrypted.isEmpty()) {
            access.backend().reencrypt(secret, reencrypted, key);
        }
        access.backend().update(secret, r.description(), r.kmsKeyId(), key);
        if (version != null) {
            access.backend().putVersion(secret, version, null);
        }
        return UpdateSecretResponse.builder()
                .arn(secret.arn())
                .name(secret.name())
                .versionId(value == null ? null : versionId)
                .build();
    }
}
