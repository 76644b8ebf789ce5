package dev.drydock.autoscaling.internal.operations;

import dev.drydock.autoscaling.internal.AutoScalingErrors;
import dev.drydock.autoscaling.internal.backend.AutoScalingGroups;
import dev.drydock.autoscaling.internal.backend.ScalingPolicies;
import dev.drydock.autoscaling.internal.support.AutoScalingOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.core.spi.VpcModel;
import java.util.List;
import software.amazon.awssdk.services.autoscaling.model.DescribePoliciesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribePoliciesResponse;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;

/**
 * DescribePolicies, as <a href="https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribePolicies.html">the
 * EC2 Auto Scaling API reference</a> describes it: the policies of a group (or of all groups), by names or ARNs and
 * types when given; MaxRecords (default 50, at most 100) and NextToken. IAM: {@code autoscaling:DescribePolicies} on
 * {@code *}.
 */
public final class DescribePolicies extends AutoScalingOperation
        implements Operation<DescribePoliciesRequest, DescribePoliciesResponse> {

    public DescribePolicies(AutoScalingGroups groups, ScalingPolicies policies, VpcModel vpc) {
        super(groups, policies, vpc);
    }

    @Override
    public DescribePoliciesResponse call(DescribePoliciesRequest r, CallContext c) {
        authorizeAll(c, "DescribePolicies");
        List<ScalingPolicy> all = policies.describe(
                r.autoScalingGroupName(),
                r.hasPolicyNames() ? r.policyNames() : List.of(),
                r.hasPolicyTypes() ? r.policyTypes() : List.of());
        Page<ScalingPolicy> page = AutoScalingErrors.RECORDS.page(all, r.maxRecords(), r.nextToken());
        return DescribePoliciesResponse.builder()
                .scalingPolicies(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
