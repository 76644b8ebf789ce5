package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import dev.drydock.kms.internal.support.KmsRequests;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.TagResourceRequest;
import software.amazon.awssdk.services.kms.model.TagResourceResponse;

/**
 * TagResource, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html">the AWS KMS API
 * reference</a> describes it: adds or replaces tags (at most 50 per key). {@code kms:TagResource} on the key with
 * {@code aws:RequestTag/*} and {@code aws:TagKeys}.
 */
public final class TagResource implements Operation<TagResourceRequest, TagResourceResponse> {
    private final KeyAccess access;

    public TagResource(KeyAccess access) {
        this.access = access;
    }

    @Override
    public TagResourceResponse call(TagResourceRequest r, CallContext c) {
        Map<String, String> tags = KmsRequests.tags(r.tags(), false);
        KmsKey key = access.backend().key(r.keyId(), false);
        access.authorize(c, "kms:TagResource", key, TagConditions.request(tags));
        access.backend().tag(key.keyId(), tags);
        return TagResourceResponse.builder().build();
    }
}
