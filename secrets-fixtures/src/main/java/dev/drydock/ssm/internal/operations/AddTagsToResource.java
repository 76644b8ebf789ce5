package dev.drydock.ssm.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.ssm.internal.SsmErrors;
import dev.drydock.ssm.internal.support.ParameterAccess;
import dev.drydock.ssm.internal.support.ResourceIds;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.ssm.model.AddTagsToResourceResponse;

/**
 * AddTagsToResource, as
 * <a href="https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_AddTagsToResource.html">the AWS Systems
 * Manager API reference</a> describes it, for parameters ({@code ResourceType} {@code Parameter}, {@code ResourceId}
 * its name): adds or replaces tags, at most 50. {@code ssm:AddTagsToResource} on the parameter with request tags.
 */
public final class AddTagsToResource implements Operation<AddTagsToResourceRequest, AddTagsToResourceResponse> {
    private final ParameterAccess access;

    public AddTagsToResource(ParameterAccess access) {
        this.access = access;
    }

    @Override
    public AddTagsToResourceResponse call(AddTagsToResourceRequest r, CallContext c) {
        String name = ResourceIds.parameter(access, r.resourceTypeAsString(), r.resourceId());
        Map<String, String> tags = SsmErrors.TAGS.checkEach(r.tags());
        access.authorize(c, "ssm:AddTagsToResource", name, TagConditions.request(tags));
        access.store().tag(name, tags);
        return AddTagsToResourceResponse.builder().build();
    }
}
