package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionResponse;

/**
 * CancelKeyDeletion, as
 * <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_CancelKeyDeletion.html">the AWS KMS API
 * reference</a> describes it: a key pending deletion becomes Disabled. {@code kms:CancelKeyDeletion} on the key.
 */
public final class CancelKeyDeletion implements Operation<CancelKeyDeletionRequest, CancelKeyDeletionResponse> {
    private final KeyAccess access;

    public CancelKeyDeletion(KeyAccess access) {
        this.access = access;
    }

    @Override
    public CancelKeyDeletionResponse call(CancelKeyDeletionRequest r, CallContext c) {
        KmsKey key = access.backend().key(r.keyId(), false);
        access.authorize(c, "kms:CancelKeyDeletion", key, Map.of());
        return CancelKeyDeletionResponse.builder()
                .keyId(access.backend().cancelDeletion(key.keyId()).arn())
                .build();
    }
}
