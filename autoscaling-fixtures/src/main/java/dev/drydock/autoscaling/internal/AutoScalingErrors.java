package dev.drydock.autoscaling.internal;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Paginator;

/**
 * EC2 Auto Scaling's errors, as its API reference lists them per operation
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/CommonErrors.html and each operation's Errors section):
 * {@code ValidationError}, {@code AlreadyExists}, {@code ResourceInUse}, {@code InvalidNextToken}, all HTTP 400. The
 * texts users quote from AWS are kept ("Desired capacity:10 must be between the specified min size:1 and max size:1",
 * traveloka/terraform-aws-autoscaling#56); where AWS's wording is not documented, the message says what is wrong and
 * how to fix it.
 */
public final class AutoScalingErrors {

    /** DescribeAutoScalingGroups', DescribeAutoScalingInstances' and DescribePolicies' paging: MaxRecords default 50, at most 100. */
    public static final Paginator RECORDS = records(50);

    /** DescribeScalingActivities' paging: MaxRecords default 100, at most 100. */
    public static final Paginator ACTIVITY_RECORDS = records(100);

    private static Paginator records(int defaultSize) {
        return Paginator.builder(defaultSize)
                .maxPageSize(100)
                .pageSizeError(size -> validation("MaxRecords must be between 1 and 100; it is " + size + "."))
                .tokenError(token -> AwsException.client("InvalidNextToken", "The NextToken value is invalid."))
                .build();
    }

    private AutoScalingErrors() {}

    public static AwsException validation(String message) {
        return AwsException.client("ValidationError", message);
    }

    public static AwsException groupNotFound(String name) {
        return validation("AutoScalingGroup name not found - AutoScalingGroup " + name + " not found");
    }

    public static AwsException alreadyExists(String name) {
        return AwsException.client(
                "AlreadyExists",
                "AutoScalingGroup by this name already exists - A group with the name " + name + " already exists");
    }

    /**
     * A group given a launch configuration or an instance to copy: Drydock launches from a launch template (plain or in
     * a MixedInstancesPolicy) only (AWS no longer offers launch configurations to new accounts).
     */
    public static AwsException launchTemplateOnly() {
        return validation("Drydock launches Auto Scaling instances from a LaunchTemplate or a MixedInstancesPolicy "
                + "only: LaunchConfigurationName and InstanceId are not supported yet.");
    }

    /**
     * A group given none, or more than one, of LaunchTemplate, MixedInstancesPolicy, LaunchConfigurationName and
     * InstanceId: "You must specify one of the following parameters in your request: LaunchConfigurationName,
     * LaunchTemplate, InstanceId, or MixedInstancesPolicy."
     * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html); the error AWS returns
     * says it as below.
     */
    public static AwsException oneLaunchSource() {
        return validation("Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or "
                + "MixedInstancesPolicy parameter.");
    }

    /** ExecutePolicy with HonorCooldown during the cooldown (HTTP 400, as the operation's Errors section lists it). */
    public static AwsException scalingActivityInProgress(String message) {
        return AwsException.client("ScalingActivityInProgress", message);
    }

    public static AwsException resourceInUse(String message) {
        return AwsException.client("ResourceInUse", message);
    }
}
