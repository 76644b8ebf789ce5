package dev.drydock.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ManagedScaling;
import software.amazon.awssdk.services.ecs.model.ResourceInUseException;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * ECS's Auto Scaling group capacity providers through the SDK (CreateCapacityProvider, DescribeCapacityProviders,
 * UpdateCapacityProvider, DeleteCapacityProvider, PutClusterCapacityProviders with them) against real Auto Scaling
 * groups: ECS reads each group from EC2 Auto Scaling, fills in AWS's defaults and refuses what ECS refuses, in its
 * words. Simulated runtime; one Drydock for the class, each test with its own groups and names.
 */
class CapacityProvidersApiTest {
    private static final AtomicInteger N = new AtomicInteger();
    private static Drydock drydock;
    private static EcsClient ecs;
    private static AutoScalingClient autoscaling;

    @BeforeAll
    static void start() {
        drydock = Drydock.builder()
                .runtime(SimulatedRuntime::new)
                .fixture(IamFixtures.role("cp-reader").policy("iam/ecs-capacity-provider-reader.json"))
                .start();
        ecs = drydock.client(EcsClient.builder());
        autoscaling = drydock.client(AutoScalingClient.builder());
        try (Ec2Client ec2 = drydock.client(Ec2Client.builder())) {
            ec2.createLaunchTemplate(
                    r -> r.launchTemplateName("capacity").launchTemplateData(d -> d.instanceType("m5.large")));
        }
    }

    @AfterAll
    static void stop() {
        ecs.close();
        autoscaling.close();
        drydock.close();
    }

    /** A new empty group (0-3 instances); its ARN. */
    static String group(boolean protectedFromScaleIn) {
        String name = "asg-" + N.incrementAndGet();
        autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName(name)
                .launchTemplate(t -> t.launchTemplateName("capacity"))
                .minSize(0)
                .maxSize(3)
                .newInstancesProtectedFromScaleIn(protectedFromScaleIn)
                .availabilityZones("us-east-1a"));
        return autoscaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
                .autoScalingGroups()
                .get(0)
                .autoScalingGroupARN();
    }

    static CapacityProvider create(String name, AutoScalingGroupProvider provider) {
        return ecs.createCapacityProvider(r -> r.name(name).autoScalingGroupProvider(provider))
                .capacityProvider();
    }

    static String message(EcsException e) {
        return e.awsErrorDetails().errorMessage();
    }

    @Test
    void aProviderGetsAwsDefaultsAndIsDescribedByNameArnOrAmongAll() {
        String groupArn = group(false);
        String name = "orders-" + N.incrementAndGet();
        CapacityProvider created = ecs.createCapacityProvider(r -> r.name(name)
                        .autoScalingGroupProvider(p -> p.autoScalingGroupArn(groupArn))
                        .tags(Tag.builder().key("team").value("orders").build()))
                .capacityProvider();

        assertThat(created.capacityProviderArn())
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:capacity-provider/" + name);
        assertThat(created.statusAsString()).isEqualTo("ACTIVE");
        assertThat(created.typeAsString()).isEqualTo("EC2_AUTOSCALING");
        assertThat(created.updateStatusAsString()).isEqualTo("CREATE_COMPLETE");
        AutoScalingGroupProvider asg = created.autoScalingGroupProvider();
        assertThat(asg.autoScalingGroupArn()).isEqualTo(groupArn);
        assertThat(asg.managedScaling())
                .isEqualTo(ManagedScaling.builder()
                        .status("DISABLED")
                        .targetCapacity(100)
                        .minimumScalingStepSize(1)
                        .maximumScalingStepSize(10000)
                        .instanceWarmupPeriod(300)
                        .build());
        assertThat(asg.managedTerminationProtectionAsString()).isEqualTo("DISABLED");
        assertThat(asg.managedDrainingAsString()).isEqualTo("ENABLED");

        DescribeCapacityProvidersResponse byName =
                ecs.describeCapacityProviders(r -> r.capacityProviders(name).include(CapacityProviderField.TAGS));
        assertThat(byName.capacityProviders()).containsExactly(created);
        assertThat(ecs.describeCapacityProviders(r -> r.capacityProviders(created.capacityProviderArn()))
                        .capacityProviders()
                        .get(0)
                        .tags())
                .as("tags only with include TAGS")
                .isEmpty();
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(created.capacityProviderArn()))
                        .tags())
                .containsExactly(Tag.builder().key("team").value("orders").build());

        List<String> all = ecs.describeCapacityProviders(r -> r.maxResults(10)).capacityProviders().stream()
                .map(CapacityProvider::name)
                .toList();
        assertThat(all).startsWith("FARGATE", "FARGATE_SPOT").contains(name);
        DescribeCapacityProvidersResponse missing =
                ecs.describeCapacityProviders(r -> r.capacityProviders("FARGATE", "nothing-here"));
        assertThat(missing.capacityProviders())
                .extracting(CapacityProvider::name)
                .containsExactly("FARGATE");
        assertThat(missing.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("MISSING");
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:capacity-provider/nothing-here");
        });
    }

    @Test
    void aGroupNamedByItsNameWorksAndServesOneProviderOnly() {
        String groupArn = group(false);
        String groupName = groupArn.substring(groupArn.lastIndexOf('/') + 1);
        String first = "by-name-" + N.incrementAndGet();
        assertThat(create(
                                first,
                                AutoScalingGroupProvider.builder()
                                        .autoScalingGroupArn(groupName)
                                        .build())
                        .autoScalingGroupProvider()
                        .autoScalingGroupArn())
                .isEqualTo(groupArn);

        ClientException taken = catchThrowableOfType(
                ClientException.class,
                () -> create(
                        "second-" + N.incrementAndGet(),
                        AutoScalingGroupProvider.builder()
                                .autoScalingGroupArn(groupArn)
                                .build()));
        assertThat(message(taken))
                .isEqualTo("The specified Auto Scaling group ARN is already being used by another capacity provider. "
                        + "Specify a unique Auto Scaling group ARN and try again.");
        ClientException exists = catchThrowableOfType(
                ClientException.class,
                () -> create(
                        first,
                        AutoScalingGroupProvider.builder()
                                .autoScalingGroupArn(group(false))
                                .build()));
        assertThat(message(exists))
                .isEqualTo("The specified capacity provider already exists. To change the configuration of an "
                        + "existing capacity provider, update the capacity provider.");
        ClientException unknown = catchThrowableOfType(
                ClientException.class,
                () -> create(
                        "unknown-" + N.incrementAndGet(),
                        AutoScalingGroupProvider.builder()
                                .autoScalingGroupArn("no-such-group")
                                .build()));
        assertThat(message(unknown)).contains("'no-such-group' was not found");
        String otherAccountsArn = groupArn.replace(":autoScalingGroup:", ":autoScalingGroup:0");
        assertThat(catchThrowableOfType(
                        ClientException.class,
                        () -> create(
                                "wrong-arn-" + N.incrementAndGet(),
                                AutoScalingGroupProvider.builder()
                                        .autoScalingGroupArn(otherAccountsArn)
                                        .build())))
                .as("an ARN whose id is not the group's")
                .isNotNull();
    }

    @Test
    void managedTerminationProtectionNeedsManagedScalingAndAProtectedGroup() {
        String unprotected = group(false);
        ClientException withoutScaling = catchThrowableOfType(
                ClientException.class,
                () -> create(
                        "mtp-" + N.incrementAndGet(),
                        AutoScalingGroupProvider.builder()
                                .autoScalingGroupArn(group(true))
                                .managedTerminationProtection("ENABLED")
                                .build()));
        assertThat(message(withoutScaling)).contains("managed scaling must be enabled too");
        ClientException notProtected = catchThrowableOfType(
                ClientException.class,
                () -> create(
                        "mtp-" + N.incrementAndGet(),
                        AutoScalingGroupProvider.builder()
                                .autoScalingGroupArn(unprotected)
                                .managedScaling(s -> s.status("ENABLED"))
                                .managedTerminationProtection("ENABLED")
                                .build()));
        assertThat(message(notProtected))
                .isEqualTo("The managed termination protection setting for the capacity provider is invalid. To "
                        + "enable managed termination protection for a capacity provider, the Auto Scaling group must "
                        + "have instance protection from scale in enabled.");

        String name = "mtp-" + N.incrementAndGet();
        create(
                name,
                AutoScalingGroupProvider.builder()
                        .autoScalingGroupArn(unprotected)
                        .build());
        assertThat(catchThrowableOfType(
                        ClientException.class,
                        () -> ecs.updateCapacityProvider(r -> r.name(name)
                                .autoScalingGroupProvider(p -> p.managedScaling(s -> s.status("ENABLED"))
                                        .managedTerminationProtection("ENABLED")))))
                .as("refused while the group's new instances are not protected")
                .isNotNull();
        assertThat(describe(name).autoScalingGroupProvider().managedTerminationProtectionAsString())
                .as("nothing changed")
                .isEqualTo("DISABLED");

        String groupName = unprotected.substring(unprotected.lastIndexOf('/') + 1);
        autoscaling.updateAutoScalingGroup(
                r -> r.autoScalingGroupName(groupName).newInstancesProtectedFromScaleIn(true));
        CapacityProvider updated = ecs.updateCapacityProvider(r -> r.name(name)
                        .autoScalingGroupProvider(p -> p.managedScaling(s ->
                                        s.status("ENABLED").targetCapacity(80).maximumScalingStepSize(2))
                                .managedTerminationProtection("ENABLED")
                                .managedDraining("DISABLED")))
                .capacityProvider();
        assertThat(updated.updateStatusAsString()).isEqualTo("UPDATE_COMPLETE");
        assertThat(updated.autoScalingGroupProvider().managedScaling())
                .isEqualTo(ManagedScaling.builder()
                        .status("ENABLED")
                        .targetCapacity(80)
                        .minimumScalingStepSize(1)
                        .maximumScalingStepSize(2)
                        .instanceWarmupPeriod(300)
                        .build());
        assertThat(updated.autoScalingGroupProvider().managedTerminationProtectionAsString())
                .isEqualTo("ENABLED");
        assertThat(updated.autoScalingGroupProvider().managedDrainingAsString()).isEqualTo("DISABLED");
        assertThat(describe(name)).isEqualTo(updated);
    }

    @Test
    void aProviderServesOneClusterCannotBeMixedWithFargateAndIsDeletedOnlyWhenNoClusterUsesIt() {
        String name = "cluster-cp-" + N.incrementAndGet();
        create(
                name,
                AutoScalingGroupProvider.builder()
                        .autoScalingGroupArn(group(false))
                        .build());
        String cluster = "cp-cluster-" + N.incrementAndGet();
        ecs.createCluster(r -> r.clusterName(cluster));
        assertThat(ecs.putClusterCapacityProviders(r -> r.cluster(cluster)
                                .capacityProviders(name, "FARGATE")
                                .defaultCapacityProviderStrategy(
                                        s -> s.capacityProvider(name).weight(1)))
                        .cluster()
                        .capacityProviders())
                .containsExactly(name, "FARGATE");

        InvalidParameterException mixed = catchThrowableOfType(
                InvalidParameterException.class,
                () -> ecs.putClusterCapacityProviders(r -> r.cluster(cluster)
                        .capacityProviders(name, "FARGATE")
                        .defaultCapacityProviderStrategy(
                                s -> s.capacityProvider(name).weight(1),
                                s -> s.capacityProvider("FARGATE").weight(1))));
        assertThat(message(mixed))
                .isEqualTo("A capacity provider strategy cannot contain a mix of capacity providers using Auto "
                        + "Scaling groups and Fargate providers. Specify one or the other and try again.");
        InvalidParameterException second = catchThrowableOfType(
                InvalidParameterException.class,
                () -> ecs.createCluster(
                        r -> r.clusterName("other-" + N.incrementAndGet()).capacityProviders(name)));
        assertThat(message(second)).contains("is already associated with the cluster " + cluster);

        ResourceInUseException inUse = catchThrowableOfType(
                ResourceInUseException.class, () -> ecs.deleteCapacityProvider(r -> r.capacityProvider(name)));
        assertThat(message(inUse)).contains("is in use by the cluster " + cluster);
        assertThat(describe(name).statusAsString()).isEqualTo("ACTIVE");

        ecs.putClusterCapacityProviders(
                r -> r.cluster(cluster).capacityProviders("FARGATE").defaultCapacityProviderStrategy(List.of()));
        CapacityProvider deleted =
                ecs.deleteCapacityProvider(r -> r.capacityProvider(name)).capacityProvider();
        assertThat(deleted.statusAsString()).isEqualTo("INACTIVE");
        assertThat(deleted.updateStatusAsString()).isEqualTo("DELETE_IN_PROGRESS");
        assertThat(ecs.describeCapacityProviders(r -> r.capacityProviders(name)).failures())
                .extracting(f -> f.reason())
                .containsExactly("MISSING");
    }

    @Test
    void aRoleSeesProvidersAndUpdatesOnlyThoseOfItsTeam() {
        String ours = "team-" + N.incrementAndGet();
        String theirs = "team-" + N.incrementAndGet();
        ecs.createCapacityProvider(r -> r.name(ours)
                .autoScalingGroupProvider(p -> p.autoScalingGroupArn(group(false)))
                .tags(Tag.builder().key("team").value("orders").build()));
        create(
                theirs,
                AutoScalingGroupProvider.builder()
                        .autoScalingGroupArn(group(false))
                        .build());
        try (EcsClient role = drydock.clientActingAs("cp-reader", EcsClient.builder())) {
            assertThat(role.describeCapacityProviders(r -> r.capacityProviders(ours, theirs))
                            .capacityProviders())
                    .hasSize(2);
            role.updateCapacityProvider(r -> r.name(ours).autoScalingGroupProvider(p -> p.managedDraining("DISABLED")));
            EcsException denied = catchThrowableOfType(
                    EcsException.class,
                    () -> role.updateCapacityProvider(
                            r -> r.name(theirs).autoScalingGroupProvider(p -> p.managedDraining("DISABLED"))));
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(message(denied))
                    .contains("ecs:UpdateCapacityProvider on resource: "
                            + "arn:aws:ecs:us-east-1:123456789012:capacity-provider/" + theirs);
        }
        assertThat(describe(theirs).autoScalingGroupProvider().managedDrainingAsString())
                .isEqualTo("ENABLED");
    }

    static CapacityProvider describe(String name) {
        return ecs.describeCapacityProviders(r -> r.capacityProviders(name))
                .capacityProviders()
                .get(0);
    }
}
