package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.elb.internal.ElbErrors;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsResponse;

/**
 * AddTags, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_AddTags.html">the
 * Elastic Load Balancing API reference</a> describes it: on load balancers, target groups, listeners and rules; at most 50 tags per resource.
 */
public final class AddTags extends ElbOperation implements Operation<AddTagsRequest, AddTagsResponse> {

    public AddTags(ElbBackend backend) {
        super(backend);
    }

    @Override
    public AddTagsResponse call(AddTagsRequest r, CallContext c) {
        Map<String, String> added = ElbBackend.requestTags(r.tags());
        backend.checkResources(r.resourceArns());
        for (String arn : r.resourceArns()) {
            c.authorize(PREFIX + "AddTags", arn, resourceKeys(arn, TagConditions.request(r.tags())));
        }
        for (String arn : r.resourceArns()) {
            Map<String, String> merged = new LinkedHashMap<>(backend.tagStore().tags(arn));
            merged.putAll(added);
            ElbErrors.TAG_RULES.checkCount(merged.size());
        }
        for (String arn : r.resourceArns()) {
            backend.tagStore().tag(arn, added);
        }
        return AddTagsResponse.builder().build();
    }
}
