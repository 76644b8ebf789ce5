package dev.drydock.efs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.efs.internal.EfsErrors;
import dev.drydock.efs.internal.backend.EfsBackend;
import software.amazon.awssdk.services.efs.model.TagResourceRequest;
import software.amazon.awssdk.services.efs.model.TagResourceResponse;

/**
 * TagResource, as <a href="https://docs.aws.amazon.com/efs/latest/ug/API_TagResource.html">
 * the EFS API reference</a> describes it.
 */
public final class TagResource implements Operation<TagResourceRequest, TagResourceResponse> {
    private final EfsBackend backend;

    public TagResource(EfsBackend backend) {
        this.backend = backend;
    }

    @Override
    public TagResourceResponse call(TagResourceRequest r, CallContext c) {
        if (!r.hasTags() || r.tags().isEmpty()) {
            throw EfsErrors.badRequest("Tags must hold at least one tag.");
        }
        c.authorize(
                "elasticfilesystem:TagResource", backend.resourceArn(r.resourceId()), TagConditions.request(r.tags()));
        backend.tag(r.resourceId(), r.tags());
        return TagResourceResponse.builder().build();
    }
}
