package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.KmsErrors;
import dev.drydock.kms.internal.backend.KmsAlias;
import dev.drydock.kms.internal.backend.KmsBackend;
import dev.drydock.kms.internal.support.KeyAccess;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.DeleteAliasRequest;
import software.amazon.awssdk.services.kms.model.DeleteAliasResponse;

/**
 * DeleteAlias, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html">the AWS KMS API
 * reference</a> describes it: {@code kms:DeleteAlias} on the alias and on its key. AWS managed aliases
 * ({@code alias/aws/...}) cannot be deleted.
 */
public final class DeleteAlias implements Operation<DeleteAliasRequest, DeleteAliasResponse> {
    private final KeyAccess access;

    public DeleteAlias(KeyAccess access) {
        this.access = access;
    }

    @Override
    public DeleteAliasResponse call(DeleteAliasRequest r, CallContext c) {
        KmsBackend.checkAliasName(r.aliasName());
        KmsBackend backend = access.backend();
        KmsAlias alias = backend.alias(r.aliasName())
                .orElseThrow(() -> KmsErrors.aliasNotFound(backend.aliasArn(r.aliasName())));
        c.authorize("kms:DeleteAlias", alias.arn());
        backend.find(alias.targetKeyId()).ifPresent(key -> access.authorize(c, "kms:DeleteAlias", key, Map.of()));
        backend.deleteAlias(r.aliasName());
        return DeleteAliasResponse.builder().build();
    }
}
