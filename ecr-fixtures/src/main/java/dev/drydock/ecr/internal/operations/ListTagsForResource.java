package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.EcrBackend.RepositoryRecord;
import dev.drydock.ecr.internal.support.EcrOperation;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecr.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecr.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * ListTagsForResource (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ListTagsForResource.html).
 *
 * <p>On a repository ARN.
 */
public final class ListTagsForResource extends EcrOperation
        implements Operation<ListTagsForResourceRequest, ListTagsForResourceResponse> {
    public ListTagsForResource(EcrBackend backend) {
        super(backend);
    }

    @Override
    public ListTagsForResourceResponse call(ListTagsForResourceRequest request, CallContext context) {
        RepositoryRecord r = byArn(request.resourceArn());
        authorize(context, "ecr:ListTagsForResource", r.name);
        List<Tag> tags = new ArrayList<>();
        backend.tags()
                .tags(r.arn)
                .forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        return ListTagsForResourceResponse.builder().tags(tags).build();
    }
}
