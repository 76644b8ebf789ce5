package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsResponse;

/**
 * RemoveTags, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RemoveTags.html">the
 * Elastic Load Balancing API reference</a> describes it.
 */
public final class RemoveTags extends ElbOperation implements Operation<RemoveTagsRequest, RemoveTagsResponse> {

    public RemoveTags(ElbBackend backend) {
        super(backend);
    }

    @Override
    public RemoveTagsResponse call(RemoveTagsRequest r, CallContext c) {
        backend.checkResources(r.resourceArns());
        for (String arn : r.resourceArns()) {
            c.authorize(PREFIX + "RemoveTags", arn, resourceKeys(arn, TagConditions.tagKeys(r.tagKeys())));
        }
        for (String arn : r.resourceArns()) {
            backend.tagStore().untag(arn, r.tagKeys());
        }
        return RemoveTagsResponse.builder().build();
    }
}
