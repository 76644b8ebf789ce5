package dev.drydock.kms.internal.operations;

import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.Operation;
import dev.drydock.core.internal.service.Paging;
import dev.drydock.kms.internal.KeyAccess;
import dev.drydock.kms.internal.KeyShapes;
import dev.drydock.kms.internal.KmsRequests;
import dev.drydock.kms.internal.backend.KmsKey;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.ListResourceTagsRequest;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * ListResourceTags, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html">the AWS
 * KMS API reference</a> describes it ({@code Limit} 1-50, default 50). {@code kms:ListResourceTags} on the key.
 */
public final class ListResourceTags implements Operation<ListResourceTagsRequest, ListResourceTagsResponse> {
    private final KeyAccess access;

    public ListResourceTags(KeyAccess access) {
        this.access = access;
    }

    @Override
    public ListResourceTagsResponse call(ListResourceTagsRequest r, CallContext c) {
        KmsKey key = access.backend().key(r.keyId(), false);
        access.authorize(c, "kms:ListResourceTags", key, Map.of());
        Paging.Page<Tag> page = KmsRequests.page(
                KeyShapes.tags(key.tags()),
                r.limit() == null ? 50 : r.limit(),
                r.marker(),
                "ListResourceTags:" + key.keyId());
        return ListResourceTagsResponse.builder()
                .tags(page.items())
                .nextMarker(page.nextToken())
                .truncated(page.nextToken() != null)
                .build();
    }
}
