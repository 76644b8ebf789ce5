package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;

/** Fixtures for {@link Ec2CapacityDeclarationTest}; run only through it. */
class Ec2CapacityDeclarationTestCases {

    /** The attribute's value, {@code "<name only>"} for a name-only attribute, {@code "<absent>"} without it. */
    static String attribute(ContainerInstance ci, String name) {
        for (Attribute a : ci.attributes()) {
            if (a.name().equals(name)) {
                return a.value() == null ? "<name only>" : a.value();
            }
        }
        return "<absent>";
    }

    @EcsCluster(
            name = "shop",
            containerInstances = {
                @ContainerInstances(
                        count = 3,
                        instanceType = "m5.large",
                        availabilityZones = {"us-east-1a", "us-east-1b"},
                        attributes = {"stack=prod", "gpu"}),
                @ContainerInstances(instanceType = "r6i.large")
            })
    @EcsCluster(name = "fargate-only")
    static class Annotated {
        @Test
        void theClusterHasTheDeclaredInstances(EcsClient ecs) {
            List<String> arns =
                    ecs.listContainerInstances(r -> r.cluster("shop")).containerInstanceArns();
            List<ContainerInstance> instances = ecs.describeContainerInstances(
                            r -> r.cluster("shop").containerInstances(arns))
                    .containerInstances();

            assertThat(instances).hasSize(4);
            Map<String, Long> byZoneAndType = instances.stream()
                    .collect(Collectors.groupingBy(
                            ci -> attribute(ci, "ecs.instance-type") + "@" + attribute(ci, "ecs.availability-zone"),
                            Collectors.counting()));
            assertThat(byZoneAndType)
                    .containsOnly(
                            Map.entry("m5.large@us-east-1a", 2L),
                            Map.entry("m5.large@us-east-1b", 1L),
                            Map.entry("r6i.large@us-east-1a", 1L));
            for (ContainerInstance ci : instances) {
                boolean m5 = attribute(ci, "ecs.instance-type").equals("m5.large");
                assertThat(attribute(ci, "stack")).isEqualTo(m5 ? "prod" : "<absent>");
                assertThat(attribute(ci, "gpu")).isEqualTo(m5 ? "<name only>" : "<absent>");
            }
            assertThat(ecs.listContainerInstances(r -> r.cluster("fargate-only").filter("attribute:stack == prod"))
                            .containerInstanceArns())
                    .isEmpty();
            assertThat(ecs.listContainerInstances(r -> r.cluster("shop").filter("attribute:stack == prod"))
                            .containerInstanceArns())
                    .hasSize(3);
        }
    }

    /** A test in each wrong declaration: it must never run. */
    abstract static class NeverRuns {
        @Test
        void neverRuns() {
            throw new AssertionError("a class with a declaration error must not run its tests");
        }
    }

    @EcsCluster(name = "shop", containerInstances = @ContainerInstances(count = 0, instanceType = "m5.large"))
    static class ZeroCount extends NeverRuns {}

    @EcsCluster(name = "shop", containerInstances = @ContainerInstances(instanceType = "m5.huge"))
    static class UnknownInstanceType extends NeverRuns {}

    @EcsCluster(
            name = "shop",
            containerInstances = @ContainerInstances(instanceType = "m5.large", instanceProfile = "missing-role"))
    static class InstanceProfileOfNoRole extends NeverRuns {}

    @EcsCluster(
            name = "shop",
            containerInstances = @ContainerInstances(instanceType = "m5.large", availabilityZones = "eu-west-1a"))
    static class ZoneOfAnotherRegion extends NeverRuns {}

    @EcsCluster(
            name = "shop",
            containerInstances = @ContainerInstances(instanceType = "m5.large", attributes = "=prod"))
    static class AttributeWithoutName extends NeverRuns {}

    @EcsCluster(
            name = "shop",
            containerInstances = @ContainerInstances(instanceType = "m5.large", attributes = "stack name=prod"))
    static class AttributeEcsRefuses extends NeverRuns {}
}
