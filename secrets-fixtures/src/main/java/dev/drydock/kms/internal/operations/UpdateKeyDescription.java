package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.UpdateKeyDescriptionRequest;
import software.amazon.awssdk.services.kms.model.UpdateKeyDescriptionResponse;

/**
 * UpdateKeyDescription, as
 * <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html">the AWS KMS API
 * reference</a> describes it. {@code kms:UpdateKeyDescription} on the key.
 */
public final class UpdateKeyDescription
        implements Operation<UpdateKeyDescriptionRequest, UpdateKeyDescriptionResponse> {
    private final KeyAccess access;

    public UpdateKeyDescription(KeyAccess access) {
        this.access = access;
    }

    @Override
    public UpdateKeyDescriptionResponse call(UpdateKeyDescriptionRequest r, CallContext c) {
        KmsKey key = access.backend().key(r.keyId(), false);
        access.authorize(c, "kms:UpdateKeyDescription", key, Map.of());
        access.backend().updateDescription(key.keyId(), r.description());
        return UpdateKeyDescriptionResponse.builder().build();
    }
}
