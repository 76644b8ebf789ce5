package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.EcrBackend.RepositoryRecord;
import dev.drydock.ecr.internal.support.EcrOperation;
import software.amazon.awssdk.services.ecr.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecr.model.UntagResourceResponse;

/**
 * UntagResource (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_UntagResource.html).
 *
 * <p>On a repository ARN.
 */
public final class UntagResource extends EcrOperation
        implements Operation<UntagResourceRequest, UntagResourceResponse> {
    public UntagResource(EcrBackend backend) {
        super(backend);
    }

    @Override
    public UntagResourceResponse call(UntagResourceRequest request, CallContext context) {
        RepositoryRecord r = byArn(request.resourceArn());
        authorize(context, "ecr:UntagResource", r.name, TagConditions.tagKeys(request.tagKeys()));
        backend.update(r.name, rec -> {
            backend.tags().untag(rec.arn, request.tagKeys());
            return null;
        });
        return UntagResourceResponse.builder().build();
    }
}
