package dev.drydock.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * EC2 Auto Scaling's calls are authorized with IAM as the Service Authorization Reference lists them
 * ({@code autoscaling:<Operation>} on the group's ARN with {@code autoscaling:MaxSize}; scaling policies on their
 * group's ARN), refused with the query protocol's {@code AccessDenied} (403), and recorded in the decision log.
 */
class AutoScalingIamTest {

    @Test
    void aRoleLimitedToSmallGroupsCannotCreateALargeOneOrDeleteAny() {
        try (Drydock drydock = Drydock.builder()
                        .runtime(SimulatedRuntime::new)
                        .fixture(IamFixtures.role("small-groups").policy("iam/asg-small-groups.json"))
                        .start();
                Ec2Client ec2 = drydock.client(Ec2Client.builder());
                AutoScalingClient role = drydock.clientActingAs("small-groups", AutoScalingClient.builder())) {
            ec2.createLaunchTemplate(
                    r -> r.launchTemplateName("capacity").launchTemplateData(d -> d.instanceType("m5.large")));

            AutoScalingException large = catchThrowableOfType(
                    AutoScalingException.class,
                    () -> role.createAutoScalingGroup(r -> r.autoScalingGroupName("large")
                            .launchTemplate(t -> t.launchTemplateName("capacity"))
                            .minSize(0)
                            .maxSize(10)
                            .availabilityZones("us-east-1a")));
            assertThat(large.statusCode()).isEqualTo(403);
            assertThat(large.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(large.awsErrorDetails().errorMessage())
                    .contains(
                            "is not authorized to perform: autoscaling:CreateAutoScalingGroup on resource: "
                                    + "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:*:autoScalingGroupName/large");

            role.createAutoScalingGroup(r -> r.autoScalingGroupName("small")
                    .launchTemplate(t -> t.launchTemplateName("capacity"))
                    .minSize(0)
                    .maxSize(3)
                    .availabilityZones("us-east-1a"));
            AutoScalingException delete = catchThrowableOfType(
                    AutoScalingException.class,
                    () -> role.deleteAutoScalingGroup(r -> r.autoScalingGroupName("small")));
            assertThat(delete.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");

            assertThat(role.describeAutoScalingGroups().autoScalingGroups())
                    .extracting(g -> g.autoScalingGroupName())
                    .containsExactly("small");
            List<AuthorizationDecision> decisions = drydock.decisionLog()
                    .decisions(d ->
                            d.action().startsWith("autoscaling:") && !d.action().contains("Describe"));
            assertThat(decisions)
                    .extracting(d -> d.action() + " " + d.allowed())
                    .containsExactly(
                            "autoscaling:CreateAutoScalingGroup false",
                            "autoscaling:CreateAutoScalingGroup true",
                            "autoscaling:DeleteAutoScalingGroup false");
            assertThat(decisions.get(1).context().get("autoscaling:MaxSize")).containsExactly("3");
        }
    }

    @Test
    void scalingPolicyCallsAreAuthorizedOnTheGroupsArn() {
        try (Drydock drydock = Drydock.builder()
                        .runtime(SimulatedRuntime::new)
                        .fixture(IamFixtures.role("one-group").policy("iam/asg-scale-one-group.json"))
                        .start();
                Ec2Client ec2 = drydock.client(Ec2Client.builder());
                AutoScalingClient admin = drydock.client(AutoScalingClient.builder());
                AutoScalingClient role = drydock.clientActingAs("one-group", AutoScalingClient.builder())) {
            ec2.createLaunchTemplate(
                    r -> r.launchTemplateName("capacity").launchTemplateData(d -> d.instanceType("m5.large")));
            for (String name : List.of("mine", "theirs")) {
                admin.createAutoScalingGroup(r -> r.autoScalingGroupName(name)
                        .launchTemplate(t -> t.launchTemplateName("capacity"))
                        .minSize(0)
                        .maxSize(2)
                        .availabilityZones("us-east-1a"));
            }

            role.putScalingPolicy(r -> r.autoScalingGroupName("mine")
                    .policyName("add")
                    .adjustmentType("ChangeInCapacity")
                    .scalingAdjustment(1));
            AutoScalingException theirs = catchThrowableOfType(
                    AutoScalingException.class,
                    () -> role.putScalingPolicy(r -> r.autoScalingGroupName("theirs")
                            .policyName("add")
                            .adjustmentType("ChangeInCapacity")
                            .scalingAdjustment(1)));
            assertThat(theirs.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(theirs.awsErrorDetails().errorMessage())
                    .contains("autoscaling:PutScalingPolicy on resource: arn:aws:autoscaling:us-east-1:123456789012:"
                            + "autoScalingGroup:")
                    .contains(":autoScalingGroupName/theirs");
            assertThat(admin.describePolicies(r -> r.autoScalingGroupName("theirs"))
                            .scalingPolicies())
                    .isEmpty();

            role.executePolicy(r -> r.autoScalingGroupName("mine").policyName("add"));
            assertThat(admin.describeAutoScalingGroups(r -> r.autoScalingGroupNames("mine"))
                            .autoScalingGroups()
                            .get(0)
                            .desiredCapacity())
                    .isEqualTo(1);
            List<AuthorizationDecision> decisions = drydock.decisionLog()
                    .decisions(d -> d.action().endsWith("Policy") && !d.action().contains("Describe"));
            assertThat(decisions)
                    .extracting(d -> d.action() + " " + d.allowed())
                    .containsExactly(
                            "autoscaling:PutScalingPolicy true",
                            "autoscaling:PutScalingPolicy false",
                            "autoscaling:ExecutePolicy true");
        }
    }
}
