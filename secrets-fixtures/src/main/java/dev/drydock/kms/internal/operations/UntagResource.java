package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import software.amazon.awssdk.services.kms.model.UntagResourceRequest;
import software.amazon.awssdk.services.kms.model.UntagResourceResponse;

/**
 * UntagResource, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html">the AWS KMS
 * API reference</a> describes it. {@code kms:UntagResource} on the key with {@code aws:TagKeys}.
 */
public final class UntagResource implements Operation<UntagResourceRequest, UntagResourceResponse> {
    private final KeyAccess access;

    public UntagResource(KeyAccess access) {
        this.access = access;
    }

    @Override
    public UntagResourceResponse call(UntagResourceRequest r, CallContext c) {
        KmsKey key = access.backend().key(r.keyId(), false);
        access.authorize(c, "kms:UntagResource", key, TagConditions.tagKeys(r.tagKeys()));
        access.backend().untag(key.keyId(), r.tagKeys());
        return UntagResourceResponse.builder().build();
    }
}
