package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.KmsErrors;
import dev.drydock.kms.internal.backend.KmsAlias;
import dev.drydock.kms.internal.backend.KmsBackend;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.UpdateAliasRequest;
import software.amazon.awssdk.services.kms.model.UpdateAliasResponse;

/**
 * UpdateAlias, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html">the AWS KMS API
 * reference</a> describes it: points an alias at another key; {@code kms:UpdateAlias} on the alias, the current key
 * and the new key.
 */
public final class UpdateAlias implements Operation<UpdateAliasRequest, UpdateAliasResponse> {
    private final KeyAccess access;

    public UpdateAlias(KeyAccess access) {
        this.access = access;
    }

    @Override
    public UpdateAliasResponse call(UpdateAliasRequest r, CallContext c) {
        KmsBackend.checkAliasName(r.aliasName());
        KmsBackend backend = access.backend();
        KmsAlias alias = backend.alias(r.aliasName())
                .orElseThrow(() -> KmsErrors.aliasNotFound(backend.aliasArn(r.aliasName())));
        KmsKey target = backend.key(r.targetKeyId(), false);
        c.authorize("kms:UpdateAlias", alias.arn());
        backend.find(alias.targetKeyId())
                .ifPresent(current -> access.authorize(c, "kms:UpdateAlias", current, Map.of()));
        access.authorize(c, "kms:UpdateAlias", target, Map.of());
        backend.updateAlias(r.aliasName(), target.keyId());
        return UpdateAliasResponse.builder().build();
    }
}
