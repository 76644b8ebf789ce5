package dev.drydock.ssm.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ssm.internal.SsmErrors;
import dev.drydock.ssm.internal.support.ParameterAccess;
import dev.drydock.ssm.internal.support.ResourceIds;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ssm.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * ListTagsForResource, as
 * <a href="https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_ListTagsForResource.html">the AWS Systems
 * Manager API reference</a> describes it, for parameters. {@code ssm:ListTagsForResource} on the parameter.
 */
public final class ListTagsForResource implements Operation<ListTagsForResourceRequest, ListTagsForResourceResponse> {
    private final ParameterAccess access;

    public ListTagsForResource(ParameterAccess access) {
        this.access = access;
    }

    @Override
    public ListTagsForResourceResponse call(ListTagsForResourceRequest r, CallContext c) {
        String name = ResourceIds.parameter(access, r.resourceTypeAsString(), r.resourceId());
        access.authorize(c, "ssm:ListTagsForResource", name, Map.of());
        var p = access.store().find(name).orElseThrow(SsmErrors::invalidResourceId);
        return ListTagsForResourceResponse.builder()
                .tagList(access.store().tags(p).entrySet().stream()
                        .map(e -> Tag.builder()
                                .key(e.getKey())
                                .value(e.getValue())
                                .build())
                        .toList())
                .build();
    }
}
