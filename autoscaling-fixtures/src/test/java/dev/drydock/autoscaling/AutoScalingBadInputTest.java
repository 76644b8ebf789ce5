package dev.drydock.autoscaling;

import dev.drydock.core.Drydock;
import dev.drydock.core.testing.BadInputSuite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * {@link BadInputSuite} for EC2 Auto Scaling: bad input generated from its model for every operation Drydock
 * implements, and its own rules (sizes out of order, a missing launch template, two launch sources, instance weights, a group with instances deleted without
 * ForceDelete, policy members a policy type does not take), each answered with Auto Scaling's error, nothing stored. Instances are InService at once
 * ({@code autoscaling.instance-pending-time=PT0.001S}), so the state read before and after does not change by itself.
 */
class AutoScalingBadInputTest extends BadInputSuite {
    private AutoScalingClient autoscaling;

    AutoScalingBadInputTest() {
        super(AutoScalingClient.class);
    }

    @Override
    protected Drydock start() {
        return Drydock.builder()
                .setting("runtime", "simulated")
                .setting("autoscaling.instance-pending-time", "PT0.001S")
                .start();
    }

    @Override
    protected void prepare(Drydock drydock) {
        try (Ec2Client ec2 = drydock.client(Ec2Client.builder())) {
            ec2.createLaunchTemplate(r -> r.launchTemplateName("bad-input")
                    .launchTemplateData(d -> d.instanceType("m5.large").imageId("ami-12345678")));
        }
        autoscaling = drydock.client(AutoScalingClient.builder());
        autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName("bad-input")
                .launchTemplate(t -> t.launchTemplateName("bad-input"))
                .minSize(1)
                .maxSize(3)
                .availabilityZones("us-east-1a", "us-east-1b"));
        autoscaling.putScalingPolicy(r -> r.autoScalingGroupName("bad-input")
                .policyName("step")
                .policyType("StepScaling")
                .adjustmentType("ChangeInCapacity")
                .stepAdjustments(s -> s.metricIntervalLowerBound(0.0).scalingAdjustment(1)));
    }

    @Override
    protected Map<String, Object> knownValues() {
        return Map.of(
                "AutoScalingGroupName",
                "bad-input",
                "MinSize",
                1,
                "MaxSize",
                3,
                "DesiredCapacity",
                2,
                "PolicyName",
                "step");
    }

    @Override
    protected List<Case> cases() {
        var wire = service().wire();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(
                "SetDesiredCapacity above max",
                wire.query("SetDesiredCapacity", Map.of("AutoScalingGroupName", "bad-input", "DesiredCapacity", "4")),
                "ValidationError",
                "New SetDesiredCapacity value 4 is above max value 3 for the AutoScalingGroup."));
        cases.add(new Case(
                "UpdateAutoScalingGroup with a desired capacity below a new min",
                wire.query(
                        "UpdateAutoScalingGroup",
                        Map.of("AutoScalingGroupName", "bad-input", "MinSize", "2", "DesiredCapacity", "1")),
                "ValidationError",
                "Desired capacity:1 must be between the specified min size:2 and max size:3"));
        cases.add(new Case(
                "UpdateAutoScalingGroup with max below min",
                wire.query("UpdateAutoScalingGroup", Map.of("AutoScalingGroupName", "bad-input", "MaxSize", "0")),
                "ValidationError",
                "Max bound, 0, must be greater than or equal to min bound, 1"));
        cases.add(new Case(
                "CreateAutoScalingGroup with a launch template that does not exist",
                wire.query(
                        "CreateAutoScalingGroup",
                        Map.of(
                                "AutoScalingGroupName", "other",
                                "MinSize", "0",
                                "MaxSize", "1",
                                "AvailabilityZones.member.1", "us-east-1a",
                                "LaunchTemplate.LaunchTemplateName", "absent")),
                "ValidationError",
                "You must use a valid fully-formed launch template. The specified launch template, with template name "
                        + "absent, does not exist."));
        cases.add(new Case(
                "CreateAutoScalingGroup without zones or subnets",
                wire.query(
                        "CreateAutoScalingGroup",
                        Map.of(
                                "AutoScalingGroupName", "other",
                                "MinSize", "0",
                                "MaxSize", "1",
                                "LaunchTemplate.LaunchTemplateName", "bad-input")),
                "ValidationError",
                "At least one Availability Zone or VPC Subnet is required."));
        cases.add(new Case(
                "CreateAutoScalingGroup with a name in use",
                wire.query(
                        "CreateAutoScalingGroup",
                        Map.of(
                                "AutoScalingGroupName", "bad-input",
                                "MinSize", "0",
                                "MaxSize", "1",
                                "AvailabilityZones.member.1", "us-east-1a",
                                "LaunchTemplate.LaunchTemplateName", "bad-input")),
                "AlreadyExists",
                "AutoScalingGroup by this name already exists - A group with the name bad-input already exists"));
        cases.add(new Case(
                "UpdateAutoScalingGroup with both a LaunchTemplate and a MixedInstancesPolicy",
                wire.query(
                        "UpdateAutoScalingGroup",
                        Map.of(
                                "AutoScalingGroupName", "bad-input",
                                "DesiredCapacity", "2",
                                "LaunchTemplate.LaunchTemplateName", "bad-input",
                                "MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification.LaunchTemplateName",
                                        "bad-input",
                                "MixedInstancesPolicy.LaunchTemplate.Overrides.member.1.InstanceType", "c6i.large")),
                "ValidationError",
                "Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or "
                        + "MixedInstancesPolicy parameter."));
        cases.add(new Case(
                "CreateAutoScalingGroup with instance weights in its MixedInstancesPolicy",
                wire.query(
                        "CreateAutoScalingGroup",
                        Map.of(
                                "AutoScalingGroupName", "other",
                                "MinSize", "0",
                                "MaxSize", "4",
                                "AvailabilityZones.member.1", "us-east-1a",
                                "MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification.LaunchTemplateName",
                                        "bad-input",
                                "MixedInstancesPolicy.LaunchTemplate.Overrides.member.1.InstanceType", "m5.xlarge",
                                "MixedInstancesPolicy.LaunchTemplate.Overrides.member.1.WeightedCapacity", "2")),
                "ValidationError",
                "MixedInstancesPolicy.LaunchTemplate.Overrides.member.1.WeightedCapacity is 2: Drydock does not "
                        + "support instance weights yet (every instance counts as one unit of capacity): leave "
                        + "WeightedCapacity out or set it to 1."));
        cases.add(new Case(
                "DeleteAutoScalingGroup with instances, without ForceDelete",
                wire.query("DeleteAutoScalingGroup", Map.of("AutoScalingGroupName", "bad-input")),
                "ResourceInUse",
                "You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) "
                        + "still in the group."));
        cases.add(new Case(
                "SetDesiredCapacity of a group that does not exist",
                wire.query("SetDesiredCapacity", Map.of("AutoScalingGroupName", "absent", "DesiredCapacity", "1")),
                "ValidationError",
                "AutoScalingGroup name not found - AutoScalingGroup absent not found"));
        cases.add(new Case(
                "PutScalingPolicy of type StepScaling with a Cooldown",
                wire.query(
                        "PutScalingPolicy",
                        Map.of(
                                "AutoScalingGroupName", "bad-input",
                                "PolicyName", "step",
                                "PolicyType", "StepScaling",
                                "AdjustmentType", "ChangeInCapacity",
                                "Cooldown", "60",
                                "StepAdjustments.member.1.ScalingAdjustment", "3")),
                "ValidationError",
                "Cooldown is not supported for a policy of type StepScaling."));
        cases.add(new Case(
                "PutScalingPolicy of type TargetTrackingScaling without its configuration",
                wire.query(
                        "PutScalingPolicy",
                        Map.of(
                                "AutoScalingGroupName", "bad-input",
                                "PolicyName", "tt",
                                "PolicyType", "TargetTrackingScaling")),
                "ValidationError",
                "TargetTrackingConfiguration is required for a policy of type TargetTrackingScaling."));
        cases.add(new Case(
                "PutScalingPolicy with metric math",
                wire.query(
                        "PutScalingPolicy",
                        Map.of(
                                "AutoScalingGroupName", "bad-input",
                                "PolicyName", "tt",
                                "PolicyType", "TargetTrackingScaling",
                                "TargetTrackingConfiguration.TargetValue", "50",
                                "TargetTrackingConfiguration.CustomizedMetricSpecification.Metrics.member.1.Id", "m1",
                                "TargetTrackingConfiguration.CustomizedMetricSpecification.Metrics.member.1.Expression",
                                        "m2 * 2")),
                "ValidationError",
                "CustomizedMetricSpecification.Metrics (metric math) is not served by Drydock: give MetricName, "
                        + "Namespace, Dimensions and Statistic."));
        cases.add(new Case(
                "ExecutePolicy of a policy that does not exist",
                wire.query("ExecutePolicy", Map.of("AutoScalingGroupName", "bad-input", "PolicyName", "absent")),
                "ValidationError",
                "No scaling policy found for Auto Scaling group bad-input with name or ARN absent."));
        return cases;
    }

    @Override
    protected Object state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("groups", autoscaling.describeAutoScalingGroups().autoScalingGroups());
        s.put("instances", autoscaling.describeAutoScalingInstances().autoScalingInstances());
        s.put("policies", autoscaling.describePolicies().scalingPolicies());
        s.put("activities", autoscaling.describeScalingActivities().activities());
        return s;
    }
}
