package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.kms.internal.KmsErrors;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import dev.drydock.kms.internal.support.KeyShapes;
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
        Page<Tag> page = KmsErrors.PAGINATOR.page(
                KeyShapes.tags(access.backend().tags(key)), r.limit() == null ? 50 : r.limit(), r.marker());
        return ListResourceTagsResponse.builder()
                .tags(page.items())
                .nextMarker(page.nextToken())
                .truncated(page.nextToken() != null)
                .build();
    }
}
