package dev.drydock.autoscaling.internal.operations;

import static dev.drydock.autoscaling.internal.AutoScalingErrors.validation;

import dev.drydock.autoscaling.internal.AutoScalingErrors;
import dev.drydock.autoscaling.internal.backend.AutoScalingGroups;
import dev.drydock.autoscaling.internal.backend.ScalingPolicies;
import dev.drydock.autoscaling.internal.support.AutoScalingOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.core.spi.VpcModel;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;

/**
 * DescribeAutoScalingGroups, as <a href="https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeAutoScalingGroups.html">the
 * EC2 Auto Scaling API reference</a> describes it: the groups named (names that do not exist are left out) or all,
 * with their LaunchTemplate or MixedInstancesPolicy (InstancesDistribution with AWS's defaults filled in) and their
 * instances (instance type, lifecycle state, zone, launch template and version launched from, scale-in protection); MaxRecords (default 50,
 * at most 100) and NextToken. Filters are refused with a message saying so (not supported yet). IAM:
 * {@code autoscaling:DescribeAutoScalingGroups} on {@code *}.
 */
public final class DescribeAutoScalingGroups extends AutoScalingOperation
        implements Operation<DescribeAutoScalingGroupsRequest, DescribeAutoScalingGroupsResponse> {

    public DescribeAutoScalingGroups(AutoScalingGroups groups, ScalingPolicies policies, VpcModel vpc) {
        super(groups, policies, vpc);
    }

    @Override
    public DescribeAutoScalingGroupsResponse call(DescribeAutoScalingGroupsRequest r, CallContext c) {
        authorizeAll(c, "DescribeAutoScalingGroups");
        if (r.hasFilters() && !r.filters().isEmpty()) {
            throw validation("Drydock does not support DescribeAutoScalingGroups Filters yet: name the groups in "
                    + "AutoScalingGroupNames.");
        }
        Page<AutoScalingGroup> page = AutoScalingErrors.RECORDS.page(
                groups.describe(r.autoScalingGroupNames()), r.maxRecords(), r.nextToken());
        return DescribeAutoScalingGroupsResponse.builder()
                .autoScalingGroups(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
