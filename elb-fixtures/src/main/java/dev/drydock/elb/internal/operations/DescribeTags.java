package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;

/**
 * DescribeTags, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTags.html">the
 * Elastic Load Balancing API reference</a> describes it.
 */
public final class DescribeTags extends ElbOperation implements Operation<DescribeTagsRequest, DescribeTagsResponse> {

    public DescribeTags(ElbBackend backend) {
        super(backend);
    }

    @Override
    public DescribeTagsResponse call(DescribeTagsRequest r, CallContext c) {
        authorizeDescribe(c, "DescribeTags");
        backend.checkResources(r.resourceArns());
        List<TagDescription> result = new ArrayList<>();
        for (String arn : r.resourceArns()) {
            List<Tag> tags = new ArrayList<>();
            backend.tagStore()
                    .tags(arn)
                    .forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
            result.add(TagDescription.builder().resourceArn(arn).tags(tags).build());
        }
        return DescribeTagsResponse.builder().tagDescriptions(result).build();
    }
}
