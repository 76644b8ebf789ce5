package dev.drydock.efs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.efs.internal.EfsErrors;
import dev.drydock.efs.internal.backend.EfsBackend;
import java.util.List;
import software.amazon.awssdk.services.efs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.efs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.efs.model.Tag;

/**
 * ListTagsForResource, as <a href="https://docs.aws.amazon.com/efs/latest/ug/API_ListTagsForResource.html">
 * the EFS API reference</a> describes it.
 */
public final class ListTagsForResource implements Operation<ListTagsForResourceRequest, ListTagsForResourceResponse> {
    private final EfsBackend backend;

    public ListTagsForResource(EfsBackend backend) {
        this.backend = backend;
    }

    @Override
    public ListTagsForResourceResponse call(ListTagsForResourceRequest r, CallContext c) {
        c.authorize("elasticfilesystem:ListTagsForResource", backend.resourceArn(r.resourceId()));
        List<Tag> tags = backend.tags(r.resourceId()).entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
        Page<Tag> page = EfsErrors.PAGINATOR.page(tags, r.maxResults(), r.nextToken());
        return ListTagsForResourceResponse.builder()
                .tags(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
