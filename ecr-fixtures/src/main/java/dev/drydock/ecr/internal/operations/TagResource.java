package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.EcrBackend.RepositoryRecord;
import dev.drydock.ecr.internal.support.EcrOperation;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecr.model.TagResourceRequest;
import software.amazon.awssdk.services.ecr.model.TagResourceResponse;

/**
 * TagResource (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_TagResource.html).
 *
 * <p>On a repository ARN.
 */
public final class TagResource extends EcrOperation implements Operation<TagResourceRequest, TagResourceResponse> {
    public TagResource(EcrBackend backend) {
        super(backend);
    }

    @Override
    public TagResourceResponse call(TagResourceRequest request, CallContext context) {
        RepositoryRecord r = byArn(request.resourceArn());
        Map<String, String> tags = tags(request.tags());
        Map<String, List<String>> keys = TagConditions.request(tags);
        keys.putIfAbsent("aws:TagKeys", List.of());
        authorize(context, "ecr:TagResource", r.name, keys);
        backend.update(r.name, rec -> {
            backend.tags().tag(rec.arn, tags);
            return null;
        });
        return TagResourceResponse.builder().build();
    }
}
