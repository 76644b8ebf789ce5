package dev.drydock.ecs.internal.backend;

import java.time.Instant;
import java.util.Optional;

/**
 * The EC2 host a container instance stands for, as its instance metadata service describes it: what the instance
 * identity document says, and the role of its instance profile. Immutable; a container instance whose instance
 * profile changes gets a new value.
 *
 * @param containerInstanceArn the container instance's ARN in ECS
 * @param instanceId the EC2 instance id ({@code i-...})
 * @param instanceType e.g. {@code m5.large}; {@code null} when the identity document gave none
 * @param availabilityZone e.g. {@code us-east-1a}
 * @param privateIp the instance's private IPv4 address
 * @param imageId the AMI id ({@code ami-...})
 * @param architecture {@code x86_64} or {@code arm64}
 * @param region the region, e.g. {@code us-east-1}
 * @param accountId the 12-digit account
 * @param pendingTime when the instance was launched (Drydock: registered)
 * @param instanceProfileRoleArn the role of the instance profile, or {@code null} without an instance profile
 */
public record Ec2Instance(
        String containerInstanceArn,
        String instanceId,
        String instanceType,
        String availabilityZone,
        String privateIp,
        String imageId,
        String architecture,
        String region,
        String accountId,
        Instant pendingTime,
        String instanceProfileRoleArn) {

    /** The role of the instance profile, when the instance has one. */
    public Optional<String> instanceProfileRole() {
        return Optional.ofNullable(instanceProfileRoleArn);
    }

    /** The same instance with the instance profile of {@code roleArn} ({@code null}: none). */
    public Ec2Instance withInstanceProfileRole(String roleArn) {
        return new Ec2Instance(
                containerInstanceArn,
                instanceId,
                instanceType,
                availabilityZone,
                privateIp,
                imageId,
                architecture,
                region,
                accountId,
                pendingTime,
                roleArn);
    }
}
