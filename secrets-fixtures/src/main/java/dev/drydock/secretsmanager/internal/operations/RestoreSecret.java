package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretResponse;

/**
 * RestoreSecret, as <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_RestoreSecret.html">the
 * Secrets Manager API reference</a> describes it: cancels a scheduled deletion (a secret not scheduled for deletion
 * is left as it is). {@code secretsmanager:RestoreSecret} on the secret.
 */
public final class RestoreSecret implements Operation<RestoreSecretRequest, RestoreSecretResponse> {
    private final SecretAccess access;

    public RestoreSecret(SecretAccess access) {
        this.access = access;
    }

    @Override
    public RestoreSecretResponse call(RestoreSecretRequest r, CallContext c) {
        access.authorize(c, "secretsmanager:RestoreSecret", r.secretId(), Map.of());
        Secret s = access.backend().secret(r.secretId(), true);
        access.backend().restore(s);
        return RestoreSecretResponse.builder().arn(s.arn()).name(s.name()).build();
    }
}
