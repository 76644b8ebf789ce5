package dev.drydock.scaling.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.scaling.internal.ScalingErrors;
import dev.drydock.scaling.internal.backend.ScalingBackend;
import dev.drydock.scaling.internal.support.ScalingOperation;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsResponse;

/**
 * DescribeScalableTargets, as <a
 * href="https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DescribeScalableTargets.html">the
 * Application Auto Scaling API reference</a> describes it: a namespace's targets, filtered by resource ids and
 * dimension, MaxResults up to 50. IAM: {@code application-autoscaling:DescribeScalableTargets} on {@code *}.
 */
public final class DescribeScalableTargets extends ScalingOperation
        implements Operation<DescribeScalableTargetsRequest, DescribeScalableTargetsResponse> {

    public DescribeScalableTargets(ScalingBackend backend) {
        super(backend);
    }

    @Override
    public DescribeScalableTargetsResponse call(DescribeScalableTargetsRequest r, CallContext c) {
        authorizeDescribe(c, "DescribeScalableTargets");
        var all = backend.targets(t -> t.serviceNamespaceAsString().equals(r.serviceNamespaceAsString())
                && (!r.hasResourceIds()
                        || r.resourceIds().isEmpty()
                        || r.resourceIds().contains(t.resourceId()))
                && (r.scalableDimensionAsString() == null
                        || r.scalableDimensionAsString().equals(t.scalableDimensionAsString())));
        var page = ScalingErrors.PAGINATOR.page(all, r.maxResults(), r.nextToken());
        return DescribeScalableTargetsResponse.builder()
                .scalableTargets(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
