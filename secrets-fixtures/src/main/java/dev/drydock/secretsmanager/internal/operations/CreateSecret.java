package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.KeyEncryption.EncryptionKey;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.secretsmanager.internal.SecretsErrors;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.backend.SecretsBackend;
import dev.drydock.secretsmanager.internal.backend.SecretsBackend.NewVersion;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import dev.drydock.secretsmanager.internal.support.SecretValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;

/**
 * CreateSecret, as <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html">the
 * Secrets Manager API reference</a> describes it: a new secret with an ARN ending in six random characters, with a
 * first version ({@code AWSCURRENT}, id {@code ClientRequestToken}) when a value is given, encrypted under
 * {@code KmsKeyId} or {@code aws/secretsmanager}. {@code secretsmanager:CreateSecret} on the new ARN with
 * {@code secretsmanager:Name}, {@code secretsmanager:Description}, {@code secretsmanager:KmsKeyId}, request tags (and
 * {@code secretsmanager:TagResource} when tags are given). Replica regions and managed external secrets are refused.
 */
public final class CreateSecret implements Operation<CreateSecretRequest, CreateSecretResponse> {
    private final SecretAccess access;

    public CreateSecret(SecretAccess access) {
        this.access = access;
    }

    @Override
    public CreateSecretResponse call(CreateSecretRequest r, CallContext c) {
        SecretsBackend backend = access.backend();
        SecretsBackend.checkName(r.name());
        if (r.hasAddReplicaRegions() && !r.addReplicaRegions().isEmpty()) {
            throw SecretsErrors.invalidParameter("Drydock models one region; AddReplicaRegions is not supported.");
        }
        SecretValues.Value value = SecretValues.of(r.secretString(), r.secretBinary(), false);
        Map<String, String> tags = SecretsErrors.TAGS.check(r.tags());
        String arn = backend.newArn(r.name());
        Map<String, List<String>> keys = new LinkedHashMap<>(TagConditions.request(tags));
        keys.put("secretsmanager:Name", List.of(r.name()));
        if (r.description() != null) {
            keys.put("secretsmanager:Description", List.of(r.description()));
        }
        if (r.kmsKeyId() != null) {
            keys.put("secretsmanager:KmsKeyId", List.of(r.kmsKeyId()));
        }
        c.authorize("secretsmanager:CreateSecret", arn, keys);
        if (!tags.isEmpty()) {
            c.authorize("secretsmanager:TagResource", arn, TagConditions.request(tags));
        }
        backend.checkAvailable(r.name());
        EncryptionKey key = access.key(r.kmsKeyId());
        NewVersion first = null;
        String versionId = r.clientRequestToken() == null ? UUID.randomUUID().toString() : r.clientRequestToken();
        if (value != null) {
            byte[] ciphertext = access.encrypt(c, arn, versionId, key, value.bytes());
            first = new NewVersion(versionId, ciphertext, value.binary(), value.digest(), key);
        }
        Secret secret = backend.create(r.name(), arn, r.description(), r.kmsKeyId(), key, tags, first);
        return CreateSecretResponse.builder()
                .arn(secret.arn())
                .name(secret.name())
                .versionId(first == null ? null : versionId)
                .build();
    }
}
