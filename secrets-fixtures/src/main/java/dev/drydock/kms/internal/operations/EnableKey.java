package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.EnableKeyRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyResponse;

/**
 * EnableKey, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html">the AWS KMS API
 * reference</a> describes it: a Disabled key becomes Enabled; one pending deletion answers
 * KMSInvalidStateException. {@code kms:EnableKey} on the key.
 */
public final class EnableKey implements Operation<EnableKeyRequest, EnableKeyResponse> {
    private final KeyAccess access;

    public EnableKey(KeyAccess access) {
        this.access = access;
    }

    @Override
    public EnableKeyResponse call(EnableKeyRequest r, CallContext c) {
        KmsKey key = access.backend().key(r.keyId(), false);
        access.authorize(c, "kms:EnableKey", key, Map.of());
        access.backend().enable(key.keyId());
        return EnableKeyResponse.builder().build();
    }
}
