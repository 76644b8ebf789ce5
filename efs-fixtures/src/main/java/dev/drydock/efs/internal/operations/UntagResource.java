package dev.drydock.efs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.efs.internal.EfsErrors;
import dev.drydock.efs.internal.backend.EfsBackend;
import software.amazon.awssdk.services.efs.model.UntagResourceRequest;
import software.amazon.awssdk.services.efs.model.UntagResourceResponse;

/**
 * UntagResource, as <a href="https://docs.aws.amazon.com/efs/latest/ug/API_UntagResource.html">
 * the EFS API reference</a> describes it.
 */
public final class UntagResource implements Operation<UntagResourceRequest, UntagResourceResponse> {
    private final EfsBackend backend;

    public UntagResource(EfsBackend backend) {
        this.backend = backend;
    }

    @Override
    public UntagResourceResponse call(UntagResourceRequest r, CallContext c) {
        if (!r.hasTagKeys() || r.tagKeys().isEmpty()) {
            throw EfsErrors.badRequest("TagKeys must hold at least one tag key.");
        }
        c.authorize(
                "elasticfilesystem:UntagResource",
                backend.resourceArn(r.resourceId()),
                TagConditions.tagKeys(r.tagKeys()));
        backend.untag(r.resourceId(), r.tagKeys());
        return UntagResourceResponse.builder().build();
    }
}
