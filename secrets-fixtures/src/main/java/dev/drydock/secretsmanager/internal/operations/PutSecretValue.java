package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.backend.SecretVersion;
import dev.drydock.secretsmanager.internal.backend.SecretsBackend.NewVersion;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import dev.drydock.secretsmanager.internal.support.SecretValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;

/**
 * PutSecretValue, as
 * <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_PutSecretValue.html">the Secrets Manager
 * API reference</a> describes it: a new version (id {@code ClientRequestToken}) with {@code VersionStages}
 * ({@code AWSCURRENT} by default; the version that had it becomes {@code AWSPREVIOUS}). Repeating a request with the
 * same token and value changes nothing; the same token with another value is ResourceExistsException.
 * {@code secretsmanager:PutSecretValue} on the secret, then {@code kms:GenerateDataKey} on its key.
 */
public final class PutSecretValue implements Operation<PutSecretValueRequest, PutSecretValueResponse> {
    private final SecretAccess access;

    public PutSecretValue(SecretAccess access) {
        this.access = access;
    }

    @Override
    public PutSecretValueResponse call(PutSecretValueRequest r, CallContext c) {
        access.authorize(c, "secretsmanager:PutSecretValue", r.secretId(), Map.of());
        Secret secret = access.backend().secret(r.secretId(), false);
        SecretValues.Value value = SecretValues.of(r.secretString(), r.secretBinary(), true);
        String versionId = r.clientRequestToken() == null ? UUID.randomUUID().toString() : r.clientRequestToken();
        Optional<SecretVersion> retried = access.backend().retried(secret, versionId, value.digest());
        SecretVersion version;
        if (retried.isPresent()) {
            version = retried.get();
        } else {
            byte[] ciphertext = access.encrypt(c, secret.arn(), versionId, secret.key(), value.bytes());
            version = access.backend()
                    .putVersion(
                            secret,
                            new NewVersion(versionId, ciphertext, value.binary(), value.digest(), secret.key()),
                            r.hasVersionStages() ? r.versionStages() : null);
        }
        return PutSecretValueResponse.builder()
                .arn(secret.arn())
                .name(secret.name())
                .versionId(version.versionId())
                .versionStages(List.copyOf(version.stages()))
                .build();
    }
}
