package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsArns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStatus;
import software.amazon.awssdk.services.ecs.model.CapacityProviderType;
import software.amazon.awssdk.services.ecs.model.CapacityProviderUpdateStatus;
import software.amazon.awssdk.services.ecs.model.ManagedScaling;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * The account's Auto Scaling group capacity providers (CreateCapacityProvider): name, ARN
 * ({@code arn:aws:ecs:<region>:<account>:capacity-provider/<name>}), the group, its managed scaling, termination
 * protection and draining settings, and tags. Guarded by the backend's lock: callers hold it. AWS's own Fargate
 * providers are not stored here; {@link #model} describes them too.
 */
final class AutoScalingProviders {
    /**
     * "Up to 255 characters are allowed. They include letters (both upper and lowercase letters), numbers, underscores
     * (_), and hyphens (-). The name can't be prefixed with "aws", "ecs", or "fargate"."
     * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html; case-insensitively,
     * as CDK's users found: github.com/aws/aws-cdk/pull/36584)
     */
    private static final Pattern NAME = Pattern.compile("(?i)(?!aws|ecs|fargate)[a-zA-Z0-9_-]{1,255}");

    /** One capacity provider. */
    static final class Provider {
        final String name;
        final String arn;
        final String groupArn;
        final String groupName;
        ManagedScaling managedScaling;
        String managedTerminationProtection;
        String managedDraining;
        List<Tag> tags;
        CapacityProviderUpdateStatus updateStatus = CapacityProviderUpdateStatus.CREATE_COMPLETE;
        String updateStatusReason;
        /** The name of the target tracking policy ECS put on the group, while managed scaling is on. */
        String scalingPolicyName;

        Provider(String name, String arn, String groupArn, String groupName) {
            this.name = name;
            this.arn = arn;
            this.groupArn = groupArn;
            this.groupName = groupName;
        }

        boolean managedScalingEnabled() {
            return "ENABLED".equals(managedScaling.statusAsString());
        }

        boolean managedTerminationProtectionEnabled() {
            return "ENABLED".equals(managedTerminationProtection);
        }

        boolean managedDrainingEnabled() {
            return "ENABLED".equals(managedDraining);
        }

        int targetCapacity() {
            return managedScaling.targetCapacity();
        }
    }

    private final EcsArns arns;
    private final Map<String, Provider> providers = new LinkedHashMap<>();

    AutoScalingProviders(EcsArns arns) {
        this.arns = arns;
    }

    /** Whether {@code name} is a capacity provider CreateCapacityProvider accepts. */
    static boolean validName(String name) {
        return NAME.matcher(name).matches();
    }

    /** The provider a name or ARN refers to, or {@code null}. */
    Provider lookup(String ref) {
        if (ref == null) {
            return null;
        }
        if (ref.startsWith("arn:")) {
            return arns.resource(ref, "capacity-provider").map(providers::get).orElse(null);
        }
        return providers.get(ref);
    }

    /** The provider using this Auto Scaling group (by ARN), or {@code null}. */
    Provider ofGroup(String groupArn) {
        for (Provider p : providers.values()) {
            if (p.groupArn.equals(groupArn)) {
                return p;
            }
        }
        return null;
    }

    List<Provider> all() {
        return new ArrayList<>(providers.values());
    }

    void add(Provider p) {
        providers.put(p.name, p);
    }

    void remove(Provider p) {
        providers.remove(p.name);
    }

    /** The ARN of a capacity provider given by name or ARN. */
    String arnOf(String ref) {
        return ref.startsWith("arn:") ? ref : arns.capacityProvider(ref);
    }

    /**
     * A capacity provider as DescribeCapacityProviders describes it.
     *
     * @throws AwsException never
     */
    CapacityProvider model(Provider p, boolean includeTags) {
        CapacityProvider.Builder b = CapacityProvider.builder()
                .capacityProviderArn(p.arn)
                .name(p.name)
                .status(CapacityProviderStatus.ACTIVE)
                .type(CapacityProviderType.EC2_AUTOSCALING)
                .updateStatus(p.updateStatus)
                .updateStatusReason(p.updateStatusReason)
                .autoScalingGroupProvider(AutoScalingGroupProvider.builder()
                        .autoScalingGroupArn(p.groupArn)
                        .managedScaling(p.managedScaling)
                        .managedTerminationProtection(p.managedTerminationProtection)
                        .managedDraining(p.managedDraining)
                        .build());
        if (includeTags && !p.tags.isEmpty()) {
            b.tags(p.tags);
        }
        return b.build();
    }

    /** AWS's own FARGATE or FARGATE_SPOT capacity provider, as DescribeCapacityProviders describes it. */
    CapacityProvider fargate(String name) {
        return CapacityProvider.builder()
                .capacityProviderArn(arns.capacityProvider(name))
                .name(name)
                .status(CapacityProviderStatus.ACTIVE)
                .type(name)
                .build();
    }
}
