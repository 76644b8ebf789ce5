package dev.drydock.scaling.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.scaling.internal.ScalingErrors;
import dev.drydock.scaling.internal.backend.ScalingBackend;
import dev.drydock.scaling.internal.support.ScalingOperation;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesResponse;

/**
 * DescribeScalingPolicies, as <a
 * href="https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DescribeScalingPolicies.html">the
 * Application Auto Scaling API reference</a> describes it: a namespace's policies filtered by names, resource id and
 * dimension, with their alarms. IAM: {@code application-autoscaling:DescribeScalingPolicies} on {@code *}.
 */
public final class DescribeScalingPolicies extends ScalingOperation
        implements Operation<DescribeScalingPoliciesRequest, DescribeScalingPoliciesResponse> {

    public DescribeScalingPolicies(ScalingBackend backend) {
        super(backend);
    }

    @Override
    public DescribeScalingPoliciesResponse call(DescribeScalingPoliciesRequest r, CallContext c) {
        authorizeDescribe(c, "DescribeScalingPolicies");
        var all = backend.policies(p -> p.serviceNamespaceAsString().equals(r.serviceNamespaceAsString())
                && (!r.hasPolicyNames()
                        || r.policyNames().isEmpty()
                        || r.policyNames().contains(p.policyName()))
                && (r.resourceId() == null || r.resourceId().equals(p.resourceId()))
                && (r.scalableDimensionAsString() == null
                        || r.scalableDimensionAsString().equals(p.scalableDimensionAsString())));
        var page = ScalingErrors.PAGINATOR.page(all, r.maxResults(), r.nextToken());
        return DescribeScalingPoliciesResponse.builder()
                .scalingPolicies(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
