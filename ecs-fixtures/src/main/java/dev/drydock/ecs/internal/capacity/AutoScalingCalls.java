package dev.drydock.ecs.internal.capacity;

import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.backend.EcsCapacityProviders.Group;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingInstancesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingInstancesResponse;

/**
 * What ECS asks EC2 Auto Scaling for its Auto Scaling group capacity providers, as AWS's ECS does with its
 * service-linked role: here through core's {@link AdminCalls} to drydock-autoscaling-fixtures' handlers (the same
 * checks as an API call). Without that module (no {@code autoscaling} service registered) every call is answered with
 * a ClientException naming the artifact to add.
 */
public final class AutoScalingCalls {
    private static final String SIGNING_NAME = "autoscaling";
    private static final String GROUP_NAME = ":autoScalingGroupName/";

    private final Supplier<AdminCalls> calls;

    /** @param calls the admin calls of the ECS module's context, looked up on use */
    public AutoScalingCalls(Supplier<AdminCalls> calls) {
        this.calls = calls;
    }

    /**
     * The group an {@code autoScalingGroupArn} member names: "The Amazon Resource Name (ARN) that identifies the Auto
     * Scaling group, or the Auto Scaling group name." (API_AutoScalingGroupProvider)
     *
     * @throws AwsException ClientException when no group has that name or ARN (Drydock's words: ECS's text is not
     *     documented), or when EC2 Auto Scaling is not on the classpath
     */
    public Group group(String nameOrArn) {
        String name = nameOrArn.startsWith("arn:")
                ? nameOrArn.substring(
                        nameOrArn.indexOf(GROUP_NAME) < 0 ? 0 : nameOrArn.indexOf(GROUP_NAME) + GROUP_NAME.length())
                : nameOrArn;
        Optional<AutoScalingGroup> found = describe(name);
        if (found.isEmpty()
                || (nameOrArn.startsWith("arn:")
                        && !nameOrArn.equals(found.get().autoScalingGroupARN()))) {
            throw AwsException.client(
                    "ClientException",
                    "The specified Auto Scaling group '" + nameOrArn + "' was not found. Specify the ARN or name of an "
                            + "existing Auto Scaling group and try again.");
        }
        AutoScalingGroup g = found.get();
        return new Group(
                g.autoScalingGroupARN(),
                g.autoScalingGroupName(),
                Boolean.TRUE.equals(g.newInstancesProtectedFromScaleIn()));
    }

    /** The group of that name as DescribeAutoScalingGroups describes it, if it exists. */
    public Optional<AutoScalingGroup> describe(String name) {
        List<AutoScalingGroup> groups = call(
                        DescribeAutoScalingGroupsRequest.builder()
                                .autoScalingGroupNames(name)
                                .build(),
                        DescribeAutoScalingGroupsResponse.class)
                .autoScalingGroups();
        return groups.stream().findFirst();
    }

    /** The name of the group an EC2 instance belongs to, if Auto Scaling knows the instance. */
    public Optional<String> groupOfInstance(String ec2InstanceId) {
        List<AutoScalingInstanceDetails> details = call(
                        DescribeAutoScalingInstancesRequest.builder()
                                .instanceIds(ec2InstanceId)
                                .build(),
                        DescribeAutoScalingInstancesResponse.class)
                .autoScalingInstances();
        return details.stream().findFirst().map(AutoScalingInstanceDetails::autoScalingGroupName);
    }

    /**
     * The name of the group an EC2 instance belongs to; empty when Auto Scaling does not know the instance or is not
     * on the classpath (an instance registered by hand, as ECS sees one launched outside Auto Scaling).
     */
    public Optional<String> groupOfInstanceIfKnown(String ec2InstanceId) {
        try {
            return groupOfInstance(ec2InstanceId);
        } catch (AwsException e) {
            return Optional.empty();
        }
    }

    /**
     * One call to EC2 Auto Scaling.
     *
     * @throws AwsException Auto Scaling's error, or ClientException naming drydock-autoscaling-fixtures when it is not
     *     on the classpath
     */
    public <O extends SdkPojo> O call(SdkPojo request, Class<O> responseType) {
        try {
            return calls.get().call(SIGNING_NAME, request, responseType);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || !e.getMessage().contains("serves no service")) {
                throw e;
            }
            throw AwsException.client(
                    "ClientException",
                    "Amazon EC2 Auto Scaling is not available: add dev.drydock:drydock-autoscaling-fixtures to the test "
                            + "classpath to use Auto Scaling group capacity providers.");
        }
    }
}
