package dev.drydock.autoscaling.internal.operations;

import dev.drydock.autoscaling.internal.AutoScalingErrors;
import dev.drydock.autoscaling.internal.backend.AutoScalingGroups;
import dev.drydock.autoscaling.internal.backend.ScalingPolicies;
import dev.drydock.autoscaling.internal.support.AutoScalingOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.core.spi.VpcModel;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingInstancesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingInstancesResponse;

/**
 * DescribeAutoScalingInstances, as <a href="https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeAutoScalingInstances.html">the
 * EC2 Auto Scaling API reference</a> describes it: the instances named (ids not in a group are left out) or all, with
 * group, zone, lifecycle state ({@code Pending}, then {@code InService}), health ({@code HEALTHY}), instance type, launch
 * template and version and scale-in protection; MaxRecords (default 50) and NextToken. IAM:
 * {@code autoscaling:DescribeAutoScalingInstances} on {@code *}.
 */
public final class DescribeAutoScalingInstances extends AutoScalingOperation
        implements Operation<DescribeAutoScalingInstancesRequest, DescribeAutoScalingInstancesResponse> {

    public DescribeAutoScalingInstances(AutoScalingGroups groups, ScalingPolicies policies, VpcModel vpc) {
        super(groups, policies, vpc);
    }

    @Override
    public DescribeAutoScalingInstancesResponse call(DescribeAutoScalingInstancesRequest r, CallContext c) {
        authorizeAll(c, "DescribeAutoScalingInstances");
        Page<AutoScalingInstanceDetails> page =
                AutoScalingErrors.RECORDS.page(groups.instances(r.instanceIds()), r.maxRecords(), r.nextToken());
        return DescribeAutoScalingInstancesResponse.builder()
                .autoScalingInstances(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
