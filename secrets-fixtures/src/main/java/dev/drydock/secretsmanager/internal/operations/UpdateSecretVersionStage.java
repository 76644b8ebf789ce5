package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageResponse;

/**
 * UpdateSecretVersionStage, as
 * <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_UpdateSecretVersionStage.html">the
 * Secrets Manager API reference</a> describes it: moves a staging label from {@code RemoveFromVersionId} (which must
 * be the version that has it) to {@code MoveToVersionId}; moving {@code AWSCURRENT} leaves {@code AWSPREVIOUS} on
 * the version that had it. {@code secretsmanager:UpdateSecretVersionStage} with {@code secretsmanager:VersionStage}.
 */
public final class UpdateSecretVersionStage
        implements Operation<UpdateSecretVersionStageRequest, UpdateSecretVersionStageResponse> {
    private final SecretAccess access;

    public UpdateSecretVersionStage(SecretAccess access) {
        this.access = access;
    }

    @Override
    public UpdateSecretVersionStageResponse call(UpdateSecretVersionStageRequest r, CallContext c) {
        access.authorize(
                c,
                "secretsmanager:UpdateSecretVersionStage",
                r.secretId(),
                Map.of("secretsmanager:VersionStage", List.of(r.versionStage())));
        Secret s = access.backend().secret(r.secretId(), false);
        access.backend().moveStage(s, r.versionStage(), r.removeFromVersionId(), r.moveToVersionId());
        return UpdateSecretVersionStageResponse.builder()
                .arn(s.arn())
                .name(s.name())
                .build();
    }
}
