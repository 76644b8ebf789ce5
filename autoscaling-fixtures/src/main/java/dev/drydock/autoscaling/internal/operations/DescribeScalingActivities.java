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
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesResponse;

/**
 * DescribeScalingActivities, as <a href="https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeScalingActivities.html">the
 * EC2 Auto Scaling API reference</a> describes it: the activities of a group (or of all groups), newest first, by
 * ActivityIds when given, those of deleted groups only with IncludeDeletedGroups (with AutoScalingGroupState
 * {@code Deleted}); MaxRecords (default 100, at most 100) and NextToken. Each launch and termination is one activity
 * with AWS's Description and Cause texts (see the groups' {@code Activities}). IAM:
 * {@code autoscaling:DescribeScalingActivities} on {@code *}.
 */
public final class DescribeScalingActivities extends AutoScalingOperation
        implements Operation<DescribeScalingActivitiesRequest, DescribeScalingActivitiesResponse> {
    public DescribeScalingActivities(AutoScalingGroups groups, ScalingPolicies policies, VpcModel vpc) {
        super(groups, policies, vpc);
    }

    @Override
    public DescribeScalingActivitiesResponse call(DescribeScalingActivitiesRequest r, CallContext c) {
        authorizeAll(c, "DescribeScalingActivities");
        List<Activity> all = groups.activities(
                r.autoScalingGroupName(),
                r.hasActivityIds() ? r.activityIds() : List.of(),
                Boolean.TRUE.equals(r.includeDeletedGroups()));
        Page<Activity> page = AutoScalingErrors.ACTIVITY_RECORDS.page(all, r.maxRecords(), r.nextToken());
        return DescribeScalingActivitiesResponse.builder()
                .activities(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
