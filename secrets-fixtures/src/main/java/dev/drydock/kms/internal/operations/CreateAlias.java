package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.backend.KmsBackend;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateAliasResponse;

/**
 * CreateAlias, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html">the AWS KMS API
 * reference</a> describes it: {@code kms:CreateAlias} on the alias (identity-based policies: aliases have no policy)
 * and on the target key (its key policy too). The target is a key id or key ARN, not an alias; {@code alias/aws/} is
 * reserved.
 */
public final class CreateAlias implements Operation<CreateAliasRequest, CreateAliasResponse> {
    private final KeyAccess access;

    public CreateAlias(KeyAccess access) {
        this.access = access;
    }

    @Override
    public CreateAliasResponse call(CreateAliasRequest r, CallContext c) {
        KmsBackend.checkAliasName(r.aliasName());
        KmsKey key = access.backend().key(r.targetKeyId(), false);
        c.authorize("kms:CreateAlias", access.backend().aliasArn(r.aliasName()));
        access.authorize(c, "kms:CreateAlias", key, Map.of());
        access.backend().createAlias(r.aliasName(), key.keyId());
        return CreateAliasResponse.builder().build();
    }
}
