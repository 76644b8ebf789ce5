package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import dev.drydock.secretsmanager.internal.support.SecretShapes;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;

/**
 * DescribeSecret, as
 * <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DescribeSecret.html">the Secrets Manager
 * API reference</a> describes it: a secret's details without its value, also while it is scheduled for deletion
 * ({@code DeletedDate}). {@code secretsmanager:DescribeSecret} on the secret.
 */
public final class DescribeSecret implements Operation<DescribeSecretRequest, DescribeSecretResponse> {
    private final SecretAccess access;

    public DescribeSecret(SecretAccess access) {
        this.access = access;
    }

    @Override
    public DescribeSecretResponse call(DescribeSecretRequest r, CallContext c) {
        access.authorize(c, "secretsmanager:DescribeSecret", r.secretId(), Map.of());
        Secret s = access.backend().secret(r.secretId(), true);
        return DescribeSecretResponse.builder()
                .arn(s.arn())
                .name(s.name())
                .description(s.description())
                .kmsKeyId(s.kmsKeyId())
                .rotationEnabled(false)
                .lastChangedDate(s.lastChangedDate())
                .lastAccessedDate(s.lastAccessedDate())
                .deletedDate(s.deletedDate())
                .tags(SecretShapes.tags(s.tags()))
                .versionIdsToStages(s.versionStages(false))
                .createdDate(s.createdDate())
                .build();
    }
}
