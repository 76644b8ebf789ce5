package dev.drydock.autoscaling.internal;

import dev.drydock.autoscaling.internal.backend.AutoScalingGroups;
import dev.drydock.autoscaling.internal.backend.ScalingPolicies;
import dev.drydock.autoscaling.internal.operations.CreateAutoScalingGroup;
import dev.drydock.autoscaling.internal.operations.DeleteAutoScalingGroup;
import dev.drydock.autoscaling.internal.operations.DeletePolicy;
import dev.drydock.autoscaling.internal.operations.DescribeAutoScalingGroups;
import dev.drydock.autoscaling.internal.operations.DescribeAutoScalingInstances;
import dev.drydock.autoscaling.internal.operations.DescribePolicies;
import dev.drydock.autoscaling.internal.operations.DescribeScalingActivities;
import dev.drydock.autoscaling.internal.operations.ExecutePolicy;
import dev.drydock.autoscaling.internal.operations.PutScalingPolicy;
import dev.drydock.autoscaling.internal.operations.SetDesiredCapacity;
import dev.drydock.autoscaling.internal.operations.SetInstanceProtection;
import dev.drydock.autoscaling.internal.operations.UpdateAutoScalingGroup;
import dev.drydock.core.spi.QueryService;
import dev.drydock.core.spi.VpcModel;
import java.time.Clock;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.DeletePolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingInstancesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribePoliciesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesRequest;
import software.amazon.awssdk.services.autoscaling.model.ExecutePolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.SetDesiredCapacityRequest;
import software.amazon.awssdk.services.autoscaling.model.SetInstanceProtectionRequest;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;

/**
 * EC2 Auto Scaling's routing table: the query protocol, signing name {@code autoscaling}, version
 * {@code 2011-01-01}, XML namespace {@code http://autoscaling.amazonaws.com/doc/2011-01-01/}; one handler per
 * operation (in {@code operations}). Requests that break the model are refused before any handler runs with
 * {@code ValidationError}, the query protocol's default; the other operations answer HTTP 501 naming themselves.
 */
public final class AutoScalingApi {
    /** The API version. */
    public static final String VERSION = "2011-01-01";

    private AutoScalingApi() {}

    /** The Auto Scaling service for {@code groups} and their scaling {@code policies}. */
    public static QueryService routingTable(
            AutoScalingGroups groups, ScalingPolicies policies, VpcModel vpc, Clock clock) {
        return QueryService.builder(
                        "autoscaling",
                        VERSION,
                        "http://autoscaling.amazonaws.com/doc/2011-01-01/",
                        AutoScalingClient.class)
                .clock(clock)
                .operation(
                        "CreateAutoScalingGroup",
                        CreateAutoScalingGroupRequest.class,
                        new CreateAutoScalingGroup(groups, policies, vpc))
                .operation(
                        "UpdateAutoScalingGroup",
                        UpdateAutoScalingGroupRequest.class,
                        new UpdateAutoScalingGroup(groups, policies, vpc))
                .operation(
                        "SetDesiredCapacity",
                        SetDesiredCapacityRequest.class,
                        new SetDesiredCapacity(groups, policies, vpc))
                .operation(
                        "DescribeAutoScalingGroups",
                        DescribeAutoScalingGroupsRequest.class,
                        new DescribeAutoScalingGroups(groups, policies, vpc))
                .operation(
                        "DescribeAutoScalingInstances",
                        DescribeAutoScalingInstancesRequest.class,
                        new DescribeAutoScalingInstances(groups, policies, vpc))
                .operation(
                        "DeleteAutoScalingGroup",
                        DeleteAutoScalingGroupRequest.class,
                        new DeleteAutoScalingGroup(groups, policies, vpc))
                .operation(
                        "PutScalingPolicy", PutScalingPolicyRequest.class, new PutScalingPolicy(groups, policies, vpc))
                .operation(
                        "DescribePolicies", DescribePoliciesRequest.class, new DescribePolicies(groups, policies, vpc))
                .operation("DeletePolicy", DeletePolicyRequest.class, new DeletePolicy(groups, policies, vpc))
                .operation("ExecutePolicy", ExecutePolicyRequest.class, new ExecutePolicy(groups, policies, vpc))
                .operation(
                        "SetInstanceProtection",
                        SetInstanceProtectionRequest.class,
                        new SetInstanceProtection(groups, policies, vpc))
                .operation(
                        "DescribeScalingActivities",
                        DescribeScalingActivitiesRequest.class,
                        new DescribeScalingActivities(groups, policies, vpc))
                .build();
    }
}
