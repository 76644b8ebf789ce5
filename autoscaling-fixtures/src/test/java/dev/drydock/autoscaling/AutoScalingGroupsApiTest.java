package dev.drydock.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * EC2 Auto Scaling groups through the real SDK v2 clients against Drydock's endpoint, without Docker: a launch
 * template created with the EC2 client, a group launching, balancing and terminating instances from it. The scaling
 * clock runs a minute a second and instances are Pending for five (AWS) minutes, so Pending and InService are both seen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutoScalingGroupsApiTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    Drydock drydock;
    Ec2Client ec2;
    AutoScalingClient autoscaling;
    String templateId;

    @BeforeAll
    void start() {
        drydock = Drydock.builder()
                .runtime(SimulatedRuntime::new)
                .setting("scaling.time-scale", "1/60")
                .setting("autoscaling.instance-pending-time", "PT5M")
                .start();
        ec2 = drydock.client(Ec2Client.builder());
        autoscaling = drydock.client(AutoScalingClient.builder());
        templateId = ec2.createLaunchTemplate(r -> r.launchTemplateName("ecs-capacity")
                        .launchTemplateData(d -> d.instanceType("m5.large").imageId("ami-0abcdef1234567890")))
                .launchTemplate()
                .launchTemplateId();
    }

    @AfterAll
    void stop() {
        autoscaling.close();
        ec2.close();
        drydock.close();
    }

    private String createGroup(int min, int max, Integer desired, String... zones) {
        String name = "asg-" + NAMES.incrementAndGet();
        autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName(name)
                .launchTemplate(t -> t.launchTemplateName("ecs-capacity").version("$Latest"))
                .minSize(min)
                .maxSize(max)
                .desiredCapacity(desired)
                .availabilityZones(zones));
        return name;
    }

    private AutoScalingGroup group(String name) {
        return autoscaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
                .autoScalingGroups()
                .get(0);
    }

    private static Map<String, Long> perZone(AutoScalingGroup g) {
        return g.instances().stream().collect(Collectors.groupingBy(Instance::availabilityZone, Collectors.counting()));
    }

    @Test
    void aGroupLaunchesItsDesiredCapacityBalancedAcrossZonesPendingThenInService() {
        String name = createGroup(1, 6, 4, "us-east-1a", "us-east-1b");
        AutoScalingGroup g = group(name);

        assertThat(g.autoScalingGroupARN())
                .matches("arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:[0-9a-f-]{36}"
                        + ":autoScalingGroupName/" + name);
        assertThat(g.minSize()).isEqualTo(1);
        assertThat(g.maxSize()).isEqualTo(6);
        assertThat(g.desiredCapacity()).isEqualTo(4);
        assertThat(g.launchTemplate().launchTemplateName()).isEqualTo("ecs-capacity");
        assertThat(g.instances()).hasSize(4).allSatisfy(i -> {
            assertThat(i.instanceId()).matches("i-[0-9a-f]{17}");
            assertThat(i.instanceType()).isEqualTo("m5.large");
            assertThat(i.launchTemplate().launchTemplateId()).isEqualTo(templateId);
            assertThat(i.launchTemplate().version()).isEqualTo("1");
            assertThat(i.lifecycleState()).isEqualTo(LifecycleState.PENDING);
        });
        assertThat(perZone(g)).containsExactlyInAnyOrderEntriesOf(Map.of("us-east-1a", 2L, "us-east-1b", 2L));

        // five minutes of the scaling clock are five seconds of the wall clock
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(group(name).instances())
                        .extracting(Instance::lifecycleStateAsString)
                        .containsOnly("InService"));
        assertThat(autoscaling
                        .describeAutoScalingInstances(
                                r -> r.instanceIds(g.instances().get(0).instanceId()))
                        .autoScalingInstances())
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.autoScalingGroupName()).isEqualTo(name);
                    assertThat(i.lifecycleState()).isEqualTo("InService");
                    assertThat(i.healthStatus()).isEqualTo("HEALTHY");
                });
    }

    @Test
    void setDesiredCapacityLaunchesAndTerminatesKeepingZonesBalanced() {
        String name = createGroup(0, 6, 0, "us-east-1a", "us-east-1b", "us-east-1c");
        assertThat(group(name).instances()).isEmpty();

        autoscaling.setDesiredCapacity(r -> r.autoScalingGroupName(name).desiredCapacity(5));
        AutoScalingGroup five = group(name);
        assertThat(five.instances()).hasSize(5);
        assertThat(perZone(five).values()).containsExactlyInAnyOrder(2L, 2L, 1L);

        autoscaling.setDesiredCapacity(r -> r.autoScalingGroupName(name).desiredCapacity(3));
        AutoScalingGroup three = group(name);
        assertThat(perZone(three))
                .containsOnly(Map.entry("us-east-1a", 1L), Map.entry("us-east-1b", 1L), Map.entry("us-east-1c", 1L));
        assertThat(five.instances().stream().map(Instance::instanceId))
                .as("scale-in terminates instances of the group, launches none")
                .containsAll(
                        three.instances().stream().map(Instance::instanceId).toList());

        AutoScalingException above = catchThrowableOfType(
                AutoScalingException.class,
                () -> autoscaling.setDesiredCapacity(
                        r -> r.autoScalingGroupName(name).desiredCapacity(7)));
        assertThat(above.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(above.awsErrorDetails().errorMessage())
                .isEqualTo("New SetDesiredCapacity value 7 is above max value 6 for the AutoScalingGroup.");
        assertThat(group(name).instances()).hasSize(3);
    }

    @Test
    void updateMovesTheDesiredCapacityWithNewBoundsAndNewInstancesUseTheNewTemplateVersion() {
        String versioned = ec2.createLaunchTemplate(
                        r -> r.launchTemplateName("versioned").launchTemplateData(d -> d.instanceType("m5.large")))
                .launchTemplate()
                .launchTemplateId();
        String name = "asg-" + NAMES.incrementAndGet();
        autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName(name)
                .launchTemplate(t -> t.launchTemplateId(versioned).version("$Latest"))
                .minSize(1)
                .maxSize(4)
                .desiredCapacity(2)
                .availabilityZones("us-east-1a"));
        ec2.createLaunchTemplateVersion(r ->
                r.launchTemplateId(versioned).sourceVersion("1").launchTemplateData(d -> d.instanceType("m5.xlarge")));

        autoscaling.updateAutoScalingGroup(r -> r.autoScalingGroupName(name).minSize(3));
        AutoScalingGroup g = group(name);
        assertThat(g.desiredCapacity())
                .as("a new min above the size raises the desired capacity")
                .isEqualTo(3);
        Map<String, Instance> byId =
                g.instances().stream().collect(Collectors.toMap(Instance::instanceId, Function.identity()));
        assertThat(byId.values())
                .extracting(Instance::instanceType)
                .containsExactlyInAnyOrder("m5.large", "m5.large", "m5.xlarge");

        autoscaling.updateAutoScalingGroup(
                r -> r.autoScalingGroupName(name).minSize(1).maxSize(1));
        AutoScalingGroup one = group(name);
        assertThat(one.desiredCapacity())
                .as("a new max below the size lowers it")
                .isEqualTo(1);
        assertThat(one.instances())
                .singleElement()
                .satisfies(i -> assertThat(i.instanceType())
                        .as("the newest template version is kept (oldest version terminated first)")
                        .isEqualTo("m5.xlarge"));
    }

    @Test
    void subnetsGiveTheGroupTheirZones() {
        String name = "asg-subnets-" + NAMES.incrementAndGet();
        autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName(name)
                .launchTemplate(t -> t.launchTemplateId(templateId))
                .minSize(2)
                .maxSize(2)
                .vpcZoneIdentifier("subnet-0000000000000000a,subnet-0000000000000000b"));
        AutoScalingGroup g = group(name);
        assertThat(g.vpcZoneIdentifier()).isEqualTo("subnet-0000000000000000a,subnet-0000000000000000b");
        assertThat(g.availabilityZones()).hasSize(2).doesNotHaveDuplicates();
        assertThat(perZone(g).values()).containsOnly(1L);
    }

    @Test
    void deleteNeedsForceDeleteWhileInstancesRemain() {
        String name = createGroup(1, 2, 1, "us-east-1a");
        AutoScalingException inUse = catchThrowableOfType(
                AutoScalingException.class,
                () -> autoscaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName(name)));
        assertThat(inUse.awsErrorDetails().errorCode()).isEqualTo("ResourceInUse");
        String instance = group(name).instances().get(0).instanceId();

        autoscaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName(name).forceDelete(true));
        assertThat(autoscaling
                        .describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
                        .autoScalingGroups())
                .isEmpty();
        List<AutoScalingInstanceDetails> left = autoscaling
                .describeAutoScalingInstances(r -> r.instanceIds(instance))
                .autoScalingInstances();
        assertThat(left).isEmpty();
    }

    @Test
    void aLaunchTemplateThatDoesNotExistIsRefusedAndNothingIsCreated() {
        AutoScalingException e = catchThrowableOfType(
                AutoScalingException.class,
                () -> autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName("no-template")
                        .launchTemplate(t -> t.launchTemplateId("lt-0123456789abcdef0"))
                        .minSize(0)
                        .maxSize(1)
                        .availabilityZones("us-east-1a")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("You must use a valid fully-formed launch template. The specified launch template, with "
                        + "template ID lt-0123456789abcdef0, does not exist.");
        assertThat(autoscaling
                        .describeAutoScalingGroups(r -> r.autoScalingGroupNames("no-template"))
                        .autoScalingGroups())
                .isEmpty();
    }

    private List<String> ids(String name) {
        return group(name).instances().stream().map(Instance::instanceId).toList();
    }

    private void awaitInService(String name) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(group(name).instances())
                        .extracting(Instance::lifecycleStateAsString)
                        .containsOnly("InService"));
    }

    @Test
    void scaleInNeverTerminatesAProtectedInstanceAndTheGroupStaysAboveDesiredUntilProtectionIsCleared() {
        String name = "asg-" + NAMES.incrementAndGet();
        autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName(name)
                .launchTemplate(t -> t.launchTemplateName("ecs-capacity"))
                .minSize(0)
                .maxSize(4)
                .desiredCapacity(2)
                .newInstancesProtectedFromScaleIn(true)
                .availabilityZones("us-east-1a", "us-east-1b"));
        assertThat(group(name).instances())
                .extracting(Instance::protectedFromScaleIn)
                .containsOnly(true);
        List<String> protectedOnes = ids(name);

        AutoScalingException pending = catchThrowableOfType(
                AutoScalingException.class,
                () -> autoscaling.setInstanceProtection(r -> r.autoScalingGroupName(name)
                        .instanceIds(protectedOnes.get(0))
                        .protectedFromScaleIn(false)));
        assertThat(pending.awsErrorDetails().errorMessage())
                .isEqualTo(
                        "The instance " + protectedOnes.get(0) + " is not in InService or EnteringStandby or Standby.");

        autoscaling.updateAutoScalingGroup(r -> r.autoScalingGroupName(name).newInstancesProtectedFromScaleIn(false));
        autoscaling.setDesiredCapacity(r -> r.autoScalingGroupName(name).desiredCapacity(3));
        String unprotected = ids(name).stream()
                .filter(i -> !protectedOnes.contains(i))
                .findFirst()
                .orElseThrow();
        awaitInService(name);

        // scale-in takes the unprotected instance, whatever its zone, and keeps the protected two above desired
        autoscaling.setDesiredCapacity(r -> r.autoScalingGroupName(name).desiredCapacity(0));
        AutoScalingGroup g = group(name);
        assertThat(g.desiredCapacity()).isEqualTo(0);
        assertThat(ids(name)).containsExactlyInAnyOrderElementsOf(protectedOnes).doesNotContain(unprotected);

        autoscaling.setInstanceProtection(r ->
                r.autoScalingGroupName(name).instanceIds(protectedOnes.get(0)).protectedFromScaleIn(false));
        assertThat(ids(name)).containsExactly(protectedOnes.get(1));
        assertThat(autoscaling
                        .describeAutoScalingInstances(r -> r.instanceIds(protectedOnes.get(1)))
                        .autoScalingInstances())
                .singleElement()
                .satisfies(i -> assertThat(i.protectedFromScaleIn()).isTrue());

        AutoScalingException stranger = catchThrowableOfType(
                AutoScalingException.class,
                () -> autoscaling.setInstanceProtection(r -> r.autoScalingGroupName(name)
                        .instanceIds(protectedOnes.get(1), "i-0123456789abcdef0")
                        .protectedFromScaleIn(false)));
        assertThat(stranger.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(stranger.awsErrorDetails().errorMessage())
                .isEqualTo("The instance i-0123456789abcdef0 is not part of Auto Scaling group " + name + ".");
        assertThat(ids(name)).as("a refused request changes nothing").containsExactly(protectedOnes.get(1));
    }
}
