package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import software.amazon.awssdk.services.ecs.model.ManagedScaling;

/**
 * ECS's rules for Auto Scaling group capacity providers (pure: no model state) and its errors for them. Where ECS's
 * text is known it is quoted with where users quote it; the others are Drydock's words, marked so.
 */
final class AsgProviderRules {
    /** ManagedScaling's defaults (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedScaling.html). */
    static final int DEFAULT_TARGET_CAPACITY = 100;

    static final int DEFAULT_MINIMUM_STEP = 1;
    static final int DEFAULT_MAXIMUM_STEP = 10000;
    static final int DEFAULT_INSTANCE_WARMUP_SECONDS = 300;

    private AsgProviderRules() {}

    /**
     * The name CreateCapacityProvider takes.
     *
     * @throws AwsException ClientException with ECS's text, as CDK's users quote it
     *     (github.com/aws/aws-cdk/issues/29151)
     */
    static void checkName(String name) {
        if (!AutoScalingProviders.validName(name)) {
            throw AwsException.client(
                    "ClientException",
                    "The specified capacity provider name is invalid. Up to 255 characters are allowed, including "
                            + "letters (upper and lowercase), numbers, underscores, and hyphens. The name cannot be "
                            + "prefixed with \"aws\", \"ecs\", or \"fargate\". Specify a valid name and try again.");
        }
    }

    /** ECS's text, as users quote it: github.com/aws/containers-roadmap/issues/688. */
    static AwsException alreadyExists() {
        return AwsException.client(
                "ClientException",
                "The specified capacity provider already exists. To change the configuration of an existing capacity "
                        + "provider, update the capacity provider.");
    }

    /** ECS's text, as users quote it: github.com/aws/containers-roadmap/issues/632. */
    static AwsException groupInUse() {
        return AwsException.client(
                "ClientException",
                "The specified Auto Scaling group ARN is already being used by another capacity provider. Specify a "
                        + "unique Auto Scaling group ARN and try again.");
    }

    /** Drydock's words (ECS's text for an unknown provider is not documented). */
    static AwsException notFound() {
        return AwsException.client(
                "ClientException",
                "The specified capacity provider does not exist. Specify a valid name or ARN and try again.");
    }

    /** Drydock's words: AWS's Fargate capacity providers are not the account's to change. */
    static AwsException fargateIsAws(String name) {
        return AwsException.client(
                "ClientException",
                "The capacity provider " + name + " is an AWS Fargate capacity provider, which every account has and "
                        + "cannot be updated or deleted. Specify an Auto Scaling group capacity provider.");
    }

    /** Drydock's words (DeleteCapacityProvider's page asks to disassociate the provider first). */
    static AwsException associated(String provider, String cluster) {
        return AwsException.client(
                "ResourceInUseException",
                "The specified capacity provider " + provider + " is in use by the cluster " + cluster
                        + ". Remove it from the cluster's capacity providers (PutClusterCapacityProviders) and try "
                        + "again.");
    }

    /**
     * Managed scaling with AWS's defaults for the members left out: status DISABLED when {@code managedScaling} is
     * absent or has no status, targetCapacity 100, minimumScalingStepSize 1, maximumScalingStepSize 10000,
     * instanceWarmupPeriod 300 seconds (API_ManagedScaling). The model's ranges (1-100, 1-10000, 0-10000) are checked
     * before the handler runs.
     *
     * @throws AwsException ClientException when minimumScalingStepSize is above maximumScalingStepSize (Drydock's
     *     words)
     */
    static ManagedScaling settings(ManagedScaling given) {
        ManagedScaling.Builder b = ManagedScaling.builder()
                .status("DISABLED")
                .targetCapacity(DEFAULT_TARGET_CAPACITY)
                .minimumScalingStepSize(DEFAULT_MINIMUM_STEP)
                .maximumScalingStepSize(DEFAULT_MAXIMUM_STEP)
                .instanceWarmupPeriod(DEFAULT_INSTANCE_WARMUP_SECONDS);
        return merge(b.build(), given);
    }

    /** {@code current} with the members {@code given} sets (null: none), checked as {@link #settings} checks. */
    static ManagedScaling merge(ManagedScaling current, ManagedScaling given) {
        if (given == null) {
            return current;
        }
        ManagedScaling.Builder b = current.toBuilder();
        if (given.statusAsString() != null) {
            b.status(given.statusAsString());
        }
        if (given.targetCapacity() != null) {
            b.targetCapacity(given.targetCapacity());
        }
        if (given.minimumScalingStepSize() != null) {
            b.minimumScalingStepSize(given.minimumScalingStepSize());
        }
        if (given.maximumScalingStepSize() != null) {
            b.maximumScalingStepSize(given.maximumScalingStepSize());
        }
        if (given.instanceWarmupPeriod() != null) {
            b.instanceWarmupPeriod(given.instanceWarmupPeriod());
        }
        ManagedScaling result = b.build();
        if (result.minimumScalingStepSize() > result.maximumScalingStepSize()) {
            throw AwsException.client(
                    "ClientException",
                    "The managed scaling setting minimumScalingStepSize (" + result.minimumScalingStepSize()
                            + ") is greater than maximumScalingStepSize (" + result.maximumScalingStepSize()
                            + "). Specify a minimum step size no greater than the maximum and try again.");
        }
        return result;
    }

    /**
     * Managed termination protection needs managed scaling ("When using managed termination protection, managed scaling
     * must also be used otherwise managed termination protection doesn't work.", API_AutoScalingGroupProvider; the
     * refusal is in Drydock's words) and a group whose new instances are protected from scale in (ECS's text, as users
     * quote it: github.com/ansible/ansible/issues/68625).
     *
     * @throws AwsException ClientException
     */
    static void checkProtection(AutoScalingProviders.Provider p, EcsCapacityProviders.Group group) {
        if (!p.managedTerminationProtectionEnabled()) {
            return;
        }
        if (!p.managedScalingEnabled()) {
            throw AwsException.client(
                    "ClientException",
                    "The managed termination protection setting for the capacity provider is invalid. To enable "
                            + "managed termination protection for a capacity provider, managed scaling must be "
                            + "enabled too (managedScaling.status ENABLED).");
        }
        if (!group.newInstancesProtectedFromScaleIn()) {
            throw AwsException.client(
                    "ClientException",
                    "The managed termination protection setting for the capacity provider is invalid. To enable "
                            + "managed termination protection for a capacity provider, the Auto Scaling group must have "
                            + "instance protection from scale in enabled.");
        }
    }

    /** {@code value}, or {@code otherwise} when it is null. */
    static String or(String value, String otherwise) {
        return value != null ? value : otherwise;
    }
}
