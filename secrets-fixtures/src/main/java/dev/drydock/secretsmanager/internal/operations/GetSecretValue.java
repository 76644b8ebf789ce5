package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.backend.SecretVersion;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * GetSecretValue, as
 * <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html">the Secrets Manager
 * API reference</a> describes it: the version {@code VersionId} or {@code VersionStage} names ({@code AWSCURRENT} by
 * default), decrypted as the caller. {@code secretsmanager:GetSecretValue} on the secret with
 * {@code secretsmanager:VersionId} and {@code secretsmanager:VersionStage}, then {@code kms:Decrypt} on its key.
 */
public final class GetSecretValue implements Operation<GetSecretValueRequest, GetSecretValueResponse> {
    private final SecretAccess access;

    public GetSecretValue(SecretAccess access) {
        this.access = access;
    }

    @Override
    public GetSecretValueResponse call(GetSecretValueRequest r, CallContext c) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        if (r.versionId() != null) {
            keys.put("secretsmanager:VersionId", List.of(r.versionId()));
        }
        keys.put("secretsmanager:VersionStage", List.of(r.versionStage() == null ? "AWSCURRENT" : r.versionStage()));
        access.authorize(c, "secretsmanager:GetSecretValue", r.secretId(), keys);
        Secret secret = access.backend().secret(r.secretId(), false);
        SecretVersion version = access.backend().version(secret, r.versionId(), r.versionStage());
        byte[] value = access.decrypt(c, secret, version);
        access.backend().accessed(secret, version);
        return GetSecretValueResponse.builder()
                .arn(secret.arn())
                .name(secret.name())
                .versionId(version.versionId())
                .secretString(version.binary() ? null : new String(value, StandardCharsets.UTF_8))
                .secretBinary(version.binary() ? SdkBytes.fromByteArray(value) : null)
                .versionStages(List.copyOf(version.stages()))
                .createdDate(version.createdDate())
                .build();
    }
}
