package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyResponse;

/**
 * DisableKey, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html">the AWS KMS API
 * reference</a> describes it: an Enabled key becomes Disabled (it cannot encrypt or decrypt: DisabledException); one pending deletion answers
 * KMSInvalidStateException. {@code kms:DisableKey} on the key.
 */
public final class DisableKey implements Operation<DisableKeyRequest, DisableKeyResponse> {
    private final KeyAccess access;

    public DisableKey(KeyAccess access) {
        this.access = access;
    }

    @Override
    public DisableKeyResponse call(DisableKeyRequest r, CallContext c) {
        KmsKey key = access.backend().key(r.keyId(), false);
        access.authorize(c, "kms:DisableKey", key, Map.of());
        access.backend().disable(key.keyId());
        return DisableKeyResponse.builder().build();
    }
}
