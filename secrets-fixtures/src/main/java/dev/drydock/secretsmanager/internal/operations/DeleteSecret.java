package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.secretsmanager.internal.SecretsErrors;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;

/**
 * DeleteSecret, as <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html">the
 * Secrets Manager API reference</a> describes it: schedules deletion after {@code RecoveryWindowInDays} (7-30, default
 * 30) days, during which RestoreSecret brings it back, or deletes at once with {@code ForceDeleteWithoutRecovery}
 * (not both). {@code secretsmanager:DeleteSecret} with {@code secretsmanager:RecoveryWindowInDays} and
 * {@code secretsmanager:ForceDeleteWithoutRecovery}.
 */
public final class DeleteSecret implements Operation<DeleteSecretRequest, DeleteSecretResponse> {
    private final SecretAccess access;

    public DeleteSecret(SecretAccess access) {
        this.access = access;
    }

    @Override
    public DeleteSecretResponse call(DeleteSecretRequest r, CallContext c) {
        boolean force = Boolean.TRUE.equals(r.forceDeleteWithoutRecovery());
        if (force && r.recoveryWindowInDays() != null) {
            throw SecretsErrors.invalidParameter(
                    "You can't use ForceDeleteWithoutRecovery in conjunction with " + "RecoveryWindowInDays.");
        }
        long days = r.recoveryWindowInDays() == null ? 30 : r.recoveryWindowInDays();
        if (!force && (days < 7 || days > 30)) {
            throw SecretsErrors.invalidParameter(
                    "The RecoveryWindowInDays value must be between 7 and 30 days " + "(inclusive).");
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("secretsmanager:ForceDeleteWithoutRecovery", List.of(Boolean.toString(force)));
        if (!force) {
            keys.put("secretsmanager:RecoveryWindowInDays", List.of(Long.toString(days)));
        }
        access.authorize(c, "secretsmanager:DeleteSecret", r.secretId(), keys);
        Secret s = access.backend().secret(r.secretId(), true);
        Instant when =
                force ? access.backend().forceDelete(s) : access.backend().scheduleDeletion(s, (int) days);
        return DeleteSecretResponse.builder()
                .arn(s.arn())
                .name(s.name())
                .deletionDate(when)
                .build();
    }
}
