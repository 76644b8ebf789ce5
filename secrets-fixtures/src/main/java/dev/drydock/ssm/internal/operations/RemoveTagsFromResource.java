package dev.drydock.ssm.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.ssm.internal.support.ParameterAccess;
import dev.drydock.ssm.internal.support.ResourceIds;
import software.amazon.awssdk.services.ssm.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.ssm.model.RemoveTagsFromResourceResponse;

/**
 * RemoveTagsFromResource, as
 * <a href="https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_RemoveTagsFromResource.html">the AWS
 * Systems Manager API reference</a> describes it, for parameters. {@code ssm:RemoveTagsFromResource} with
 * {@code aws:TagKeys}.
 */
public final class RemoveTagsFromResource
        implements Operation<RemoveTagsFromResourceRequest, RemoveTagsFromResourceResponse> {
    private final ParameterAccess access;

    public RemoveTagsFromResource(ParameterAccess access) {
        this.access = access;
    }

    @Override
    public RemoveTagsFromResourceResponse call(RemoveTagsFromResourceRequest r, CallContext c) {
        String name = ResourceIds.parameter(access, r.resourceTypeAsString(), r.resourceId());
        access.authorize(c, "ssm:RemoveTagsFromResource", name, TagConditions.tagKeys(r.tagKeys()));
        access.store().untag(name, r.tagKeys());
        return RemoveTagsFromResourceResponse.builder().build();
    }
}
