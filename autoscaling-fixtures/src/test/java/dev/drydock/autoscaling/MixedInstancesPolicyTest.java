package dev.drydock.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.InstancesDistribution;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides;
import software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;

/**
 * Groups with a MixedInstancesPolicy through the real SDK v2 clients, without Docker: instances get the first
 * override's instance type (the default {@code prioritized} allocation) and the override's own launch template when it
 * names one, DescribeAutoScalingGroups echoes the policy with AWS's InstancesDistribution defaults, the ECS agent
 * registers each instance with its type's CPU and memory, and what Drydock does not model (weights, attribute-based
 * types) or AWS refuses (two launch sources) is refused with nothing stored; a capacity provider task too big for the
 * template's own type runs on an instance of the override's type. The scaling clock runs a minute a second
 * ({@link CapacityFixtures#fastScaling()}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MixedInstancesPolicyTest {
    Drydock drydock;
    Ec2Client ec2;
    AutoScalingClient autoscaling;
    EcsClient ecs;
    String baseId;
    String otherId;

    @BeforeAll
    void start() {
        drydock = CapacityFixtures.fastScaling();
        ec2 = drydock.client(Ec2Client.builder());
        autoscaling = drydock.client(AutoScalingClient.builder());
        ecs = drydock.client(EcsClient.builder());
        ecs.createCluster(r -> r.clusterName("orders"));
        CapacityFixtures.launchTemplate(ec2, "mixed-base", "orders");
        baseId = ec2.describeLaunchTemplates(r -> r.launchTemplateNames("mixed-base"))
                .launchTemplates()
                .get(0)
                .launchTemplateId();
        // a second version, so that "the group's version" and "the template's latest" differ
        ec2.createLaunchTemplateVersion(r -> r.launchTemplateName("mixed-base")
                .launchTemplateData(d -> d.instanceType("m5.large").imageId("ami-0abcdef1234567890")));
        otherId = ec2.createLaunchTemplate(r -> r.launchTemplateName("mixed-other")
                        .launchTemplateData(d -> d.instanceType("t3.micro").imageId("ami-0fedcba9876543210")))
                .launchTemplate()
                .launchTemplateId();
    }

    @AfterAll
    void stop() {
        ecs.close();
        autoscaling.close();
        ec2.close();
        drydock.close();
    }

    private static MixedInstancesPolicy policy(LaunchTemplateOverrides... overrides) {
        return MixedInstancesPolicy.builder()
                .launchTemplate(t -> t.launchTemplateSpecification(
                                s -> s.launchTemplateName("mixed-base").version("1"))
                        .overrides(overrides))
                .build();
    }

    private static LaunchTemplateOverrides type(String instanceType) {
        return LaunchTemplateOverrides.builder().instanceType(instanceType).build();
    }

    private void create(String name, int desired, MixedInstancesPolicy policy) {
        autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName(name)
                .mixedInstancesPolicy(policy)
                .minSize(0)
                .maxSize(4)
                .desiredCapacity(desired)
                .availabilityZones("us-east-1a", "us-east-1b"));
    }

    private AutoScalingGroup group(String name) {
        return autoscaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
                .autoScalingGroups()
                .get(0);
    }

    @Test
    void instancesGetTheFirstOverridesTypeAndTheGroupEchoesThePolicyWithAwsDefaults() {
        create("mixed-first", 2, policy(type("c6i.xlarge"), type("m5.large")));

        AutoScalingGroup g = group("mixed-first");
        assertThat(g.launchTemplate()).isNull();
        assertThat(g.mixedInstancesPolicy().launchTemplate().overrides())
                .extracting(LaunchTemplateOverrides::instanceType)
                .containsExactly("c6i.xlarge", "m5.large");
        assertThat(g.mixedInstancesPolicy()
                        .launchTemplate()
                        .launchTemplateSpecification()
                        .launchTemplateName())
                .isEqualTo("mixed-base");
        InstancesDistribution d = g.mixedInstancesPolicy().instancesDistribution();
        assertThat(d.onDemandAllocationStrategy()).isEqualTo("prioritized");
        assertThat(d.onDemandBaseCapacity()).isZero();
        assertThat(d.onDemandPercentageAboveBaseCapacity()).isEqualTo(100);
        assertThat(d.spotAllocationStrategy()).isEqualTo("lowest-price");
        assertThat(d.spotInstancePools()).isEqualTo(2);

        assertThat(g.instances()).hasSize(2).allSatisfy(i -> {
            assertThat(i.instanceType()).isEqualTo("c6i.xlarge");
            assertThat(i.launchTemplate().launchTemplateId()).isEqualTo(baseId);
            assertThat(i.launchTemplate().launchTemplateName()).isEqualTo("mixed-base");
            assertThat(i.launchTemplate().version()).isEqualTo("1");
        });
        List<String> ids = g.instances().stream().map(Instance::instanceId).toList();
        assertThat(autoscaling
                        .describeAutoScalingInstances(r -> r.instanceIds(ids))
                        .autoScalingInstances())
                .hasSize(2)
                .allSatisfy(i -> {
                    assertThat(i.instanceType()).isEqualTo("c6i.xlarge");
                    assertThat(i.launchTemplate().launchTemplateId()).isEqualTo(baseId);
                });
        autoscaling.deleteAutoScalingGroup(
                r -> r.autoScalingGroupName("mixed-first").forceDelete(true));
    }

    @Test
    void aGivenDistributionIsKeptAndAnOverridesOwnLaunchTemplateIsLaunched() {
        MixedInstancesPolicy policy = policy(
                        LaunchTemplateOverrides.builder()
                                .instanceType("t3.medium")
                                .weightedCapacity("1")
                                .launchTemplateSpecification(s -> s.launchTemplateId(otherId))
                                .build(),
                        type("m5.large"))
                .toBuilder()
                .instancesDistribution(d -> d.onDemandBaseCapacity(1)
                        .onDemandPercentageAboveBaseCapacity(50)
                        .spotAllocationStrategy("price-capacity-optimized"))
                .build();
        create("mixed-own-template", 1, policy);

        AutoScalingGroup g = group("mixed-own-template");
        InstancesDistribution d = g.mixedInstancesPolicy().instancesDistribution();
        assertThat(d.onDemandBaseCapacity()).isEqualTo(1);
        assertThat(d.onDemandPercentageAboveBaseCapacity()).isEqualTo(50);
        assertThat(d.spotAllocationStrategy()).isEqualTo("price-capacity-optimized");
        assertThat(d.spotInstancePools()).as("only with lowest-price").isNull();
        assertThat(d.onDemandAllocationStrategy()).isEqualTo("prioritized");
        assertThat(g.mixedInstancesPolicy().launchTemplate().overrides().get(0).weightedCapacity())
                .isEqualTo("1");
        Instance i = g.instances().get(0);
        assertThat(i.instanceType())
                .as("the override's type, not its template's t3.micro")
                .isEqualTo("t3.medium");
        assertThat(i.launchTemplate().launchTemplateId()).isEqualTo(otherId);
        assertThat(i.launchTemplate().launchTemplateName()).isEqualTo("mixed-other");
        assertThat(i.launchTemplate().version()).isEqualTo("1");
        autoscaling.deleteAutoScalingGroup(
                r -> r.autoScalingGroupName("mixed-own-template").forceDelete(true));
    }

    @Test
    void updateSwitchesBetweenALaunchTemplateAndAPolicyForInstancesLaunchedFromThenOn() {
        autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName("mixed-update")
                .launchTemplate(t -> t.launchTemplateName("mixed-base").version("1"))
                .minSize(0)
                .maxSize(4)
                .desiredCapacity(1)
                .availabilityZones("us-east-1a"));
        autoscaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("mixed-update")
                .mixedInstancesPolicy(policy(type("r6i.large")))
                .desiredCapacity(2));

        AutoScalingGroup g = group("mixed-update");
        assertThat(g.launchTemplate()).isNull();
        assertThat(g.mixedInstancesPolicy()).isNotNull();
        assertThat(g.instances()).extracting(Instance::instanceType).containsExactlyInAnyOrder("m5.large", "r6i.large");

        autoscaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("mixed-update")
                .launchTemplate(t -> t.launchTemplateName("mixed-base").version("1"))
                .desiredCapacity(3));
        g = group("mixed-update");
        assertThat(g.mixedInstancesPolicy()).isNull();
        assertThat(g.launchTemplate().launchTemplateName()).isEqualTo("mixed-base");
        assertThat(g.instances())
                .extracting(Instance::instanceType)
                .containsExactlyInAnyOrder("m5.large", "r6i.large", "m5.large");
        autoscaling.deleteAutoScalingGroup(
                r -> r.autoScalingGroupName("mixed-update").forceDelete(true));
    }

    @Test
    void eachInstanceRegistersWithEcsWithItsOwnTypesCpuAndMemory() {
        create("mixed-ecs", 1, policy(type("c6i.xlarge"), type("m5.large")));
        autoscaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("mixed-ecs")
                .mixedInstancesPolicy(policy(type("t3.medium"), type("c6i.xlarge")))
                .desiredCapacity(2));
        Map<String, String> types = group("mixed-ecs").instances().stream()
                .collect(Collectors.toMap(Instance::instanceId, Instance::instanceType));
        assertThat(types.values()).containsExactlyInAnyOrder("c6i.xlarge", "t3.medium");

        // other tests' groups launch into the same cluster: look at this group's instances only
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(containerInstances(types.keySet())).hasSize(2));
        Map<String, ContainerInstance> byType = containerInstances(types.keySet()).stream()
                .collect(Collectors.toMap(ci -> types.get(ci.ec2InstanceId()), ci -> ci));
        assertThat(byType.keySet()).containsExactlyInAnyOrder("c6i.xlarge", "t3.medium");
        byType.forEach((type, ci) -> assertThat(ci.attributes())
                .anySatisfy(a -> assertThat(a.name() + "=" + a.value()).isEqualTo("ecs.instance-type=" + type)));
        assertThat(resource(byType.get("c6i.xlarge"), "CPU")).isEqualTo(4096);
        assertThat(resource(byType.get("t3.medium"), "CPU")).isEqualTo(2048);
        assertThat(resource(byType.get("c6i.xlarge"), "MEMORY"))
                .as("8 GiB against 4 GiB, less what the agent reserves")
                .isGreaterThan(resource(byType.get("t3.medium"), "MEMORY") + 3000);
        autoscaling.deleteAutoScalingGroup(
                r -> r.autoScalingGroupName("mixed-ecs").forceDelete(true));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(containerInstances(types.keySet())).isEmpty());
    }

    @Test
    void aCapacityProviderTaskTooBigForTheTemplatesTypeRunsOnTheOverridesType() {
        ecs.createCluster(r -> r.clusterName("mixed-cp"));
        CapacityFixtures.launchTemplate(ec2, "mixed-cp", "mixed-cp");
        autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName("mixed-cp-asg")
                .mixedInstancesPolicy(MixedInstancesPolicy.builder()
                        .launchTemplate(t -> t.launchTemplateSpecification(s -> s.launchTemplateName("mixed-cp"))
                                .overrides(type("r6i.large"), type("m5.large")))
                        .build())
                .minSize(0)
                .maxSize(2)
                .desiredCapacity(0)
                .availabilityZones("us-east-1a"));
        ecs.createCapacityProvider(
                r -> r.name("mixed-cp").autoScalingGroupProvider(p -> p.autoScalingGroupArn("mixed-cp-asg")));
        ecs.putClusterCapacityProviders(r -> r.cluster("mixed-cp")
                .capacityProviders("mixed-cp")
                .defaultCapacityProviderStrategy(
                        s -> s.capacityProvider("mixed-cp").weight(1)));
        // 12,000 MiB fits an r6i.large (16 GiB), not the template's m5.large (8 GiB)
        ecs.registerTaskDefinition(r -> r.family("mixed-big")
                .requiresCompatibilitiesWithStrings("EC2")
                .networkMode("bridge")
                .containerDefinitions(c -> c.name("app").image("busybox").memory(12_000)));
        String task = ecs.runTask(r -> r.cluster("mixed-cp").taskDefinition("mixed-big"))
                .tasks()
                .get(0)
                .taskArn();

        autoscaling.setDesiredCapacity(
                r -> r.autoScalingGroupName("mixed-cp-asg").desiredCapacity(1));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                ecs.describeTasks(r -> r.cluster("mixed-cp").tasks(task))
                                        .tasks()
                                        .get(0)
                                        .lastStatus())
                        .isEqualTo("RUNNING"));
        String host = ecs.describeTasks(r -> r.cluster("mixed-cp").tasks(task))
                .tasks()
                .get(0)
                .containerInstanceArn();
        ContainerInstance ci = ecs.describeContainerInstances(
                        r -> r.cluster("mixed-cp").containerInstances(host))
                .containerInstances()
                .get(0);
        assertThat(ci.capacityProviderName()).isEqualTo("mixed-cp");
        assertThat(ci.attributes())
                .anySatisfy(a -> assertThat(a.name() + "=" + a.value()).isEqualTo("ecs.instance-type=r6i.large"));
        ecs.stopTask(r -> r.cluster("mixed-cp").task(task));
    }

    private static int resource(ContainerInstance ci, String name) {
        return ci.registeredResources().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow()
                .integerValue();
    }

    private List<ContainerInstance> containerInstances(Set<String> ec2InstanceIds) {
        List<String> arns = ecs.listContainerInstances(r -> r.cluster("orders")).containerInstanceArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecs
                .describeContainerInstances(r -> r.cluster("orders").containerInstances(arns))
                .containerInstances()
                .stream()
                .filter(ci -> ec2InstanceIds.contains(ci.ec2InstanceId()))
                .toList();
    }

    private String refused(Consumer<CreateAutoScalingGroupRequest.Builder> request) {
        AutoScalingException e = catchThrowableOfType(
                () -> autoscaling.createAutoScalingGroup(r -> {
                    r.autoScalingGroupName("mixed-refused")
                            .minSize(0)
                            .maxSize(2)
                            .availabilityZones("us-east-1a");
                    request.accept(r);
                }),
                AutoScalingException.class);
        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(autoscaling
                        .describeAutoScalingGroups(r -> r.autoScalingGroupNames("mixed-refused"))
                        .autoScalingGroups())
                .isEmpty();
        return e.awsErrorDetails().errorMessage();
    }

    @Test
    void refusedPoliciesStoreNothingAndNameTheMemberAtFault() {
        String oneSource = "Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or "
                + "MixedInstancesPolicy parameter.";
        assertThat(refused(r -> r.mixedInstancesPolicy(policy(type("m5.large")))
                        .launchTemplate(t -> t.launchTemplateName("mixed-base"))))
                .isEqualTo(oneSource);
        assertThat(refused(r -> {})).isEqualTo(oneSource);
        assertThat(refused(r -> r.mixedInstancesPolicy(policy(
                        type("m5.large"),
                        LaunchTemplateOverrides.builder()
                                .instanceType("c6i.xlarge")
                                .weightedCapacity("2")
                                .build()))))
                .contains("MixedInstancesPolicy.LaunchTemplate.Overrides.member.2.WeightedCapacity")
                .contains("set it to 1");
        assertThat(refused(r -> r.mixedInstancesPolicy(policy(LaunchTemplateOverrides.builder()
                        .instanceRequirements(q -> q.vCpuCount(v -> v.min(2)).memoryMiB(m -> m.min(4096)))
                        .build()))))
                .contains("MixedInstancesPolicy.LaunchTemplate.Overrides.member.1.InstanceRequirements")
                .contains("InstanceType");
        assertThat(refused(r -> r.mixedInstancesPolicy(policy(LaunchTemplateOverrides.builder()
                        .instanceType("m5.large")
                        .launchTemplateSpecification(s -> s.launchTemplateName("no-such-template"))
                        .build()))))
                .startsWith("You must use a valid fully-formed launch template.")
                .contains("no-such-template");
        assertThat(refused(r -> r.mixedInstancesPolicy(MixedInstancesPolicy.builder()
                        .launchTemplate(t -> t.launchTemplateSpecification(
                                        s -> s.launchTemplateId(baseId).launchTemplateName("mixed-base"))
                                .overrides(type("m5.large")))
                        .build())))
                .isEqualTo("Valid requests must contain either launchTemplateId or LaunchTemplateName");
        assertThat(refused(r -> r.mixedInstancesPolicy(MixedInstancesPolicy.builder()
                        .instancesDistribution(d -> d.onDemandBaseCapacity(1))
                        .build())))
                .contains("MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification");
    }

    @Test
    void anUpdateGivingBothSourcesChangesNothing() {
        create("mixed-both", 1, policy(type("c6i.xlarge")));
        AutoScalingException e = catchThrowableOfType(
                () -> autoscaling.updateAutoScalingGroup(r -> r.autoScalingGroupName("mixed-both")
                        .launchTemplate(t -> t.launchTemplateName("mixed-base"))
                        .mixedInstancesPolicy(policy(type("m5.large")))
                        .desiredCapacity(2)),
                AutoScalingException.class);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Valid requests must contain either LaunchTemplate");
        AutoScalingGroup g = group("mixed-both");
        assertThat(g.desiredCapacity()).isEqualTo(1);
        assertThat(g.mixedInstancesPolicy().launchTemplate().overrides())
                .extracting(LaunchTemplateOverrides::instanceType)
                .containsExactly("c6i.xlarge");
        autoscaling.deleteAutoScalingGroup(
                r -> r.autoScalingGroupName("mixed-both").forceDelete(true));
    }
}
