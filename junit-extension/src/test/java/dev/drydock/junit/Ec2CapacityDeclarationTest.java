package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.assertAllPassed;
import static dev.drydock.junit.FixtureRuns.declarationFailure;
import static dev.drydock.junit.FixtureRuns.execute;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link EcsCluster#containerInstances()}: EC2 capacity declared with {@link ContainerInstances}, and wrong
 * declarations failing the class with a message naming the annotation and its attribute.
 */
class Ec2CapacityDeclarationTest {

    @Test
    void theDeclaredInstancesAreRegisteredInTheirZonesWithTheirAttributes() {
        assertAllPassed(execute(Ec2CapacityDeclarationTestCases.Annotated.class), 1);
    }

    @Test
    void aCountBelowOne() {
        assertThat(failureOf(Ec2CapacityDeclarationTestCases.ZeroCount.class))
                .hasMessageStartingWith("ZeroCount: @EcsCluster(name = \"shop\"): @ContainerInstances(count = 0, "
                        + "instanceType = \"m5.large\"): count is 0; it must be 1 or more.");
    }

    @Test
    void anInstanceTypeWhoseSizeIsUnknown() {
        assertThat(failureOf(Ec2CapacityDeclarationTestCases.UnknownInstanceType.class))
                .hasMessageContaining("@ContainerInstances(count = 1, instanceType = \"m5.huge\"): instanceType is "
                        + "'m5.huge', whose size Drydock does not know. Use one of ")
                .hasMessageContaining("m5.large")
                .hasMessageContaining("RegisterContainerInstance and totalResources");
    }

    @Test
    void anInstanceProfileOfARoleThatDoesNotExist() {
        assertThat(failureOf(Ec2CapacityDeclarationTestCases.InstanceProfileOfNoRole.class))
                .hasMessageContaining("@ContainerInstances(count = 1, instanceType = \"m5.large\"): ")
                .hasMessageContaining("missing-role does not exist");
    }

    @Test
    void aZoneOfAnotherRegion() {
        assertThat(failureOf(Ec2CapacityDeclarationTestCases.ZoneOfAnotherRegion.class))
                .hasMessageContaining("availabilityZones has 'eu-west-1a', which is not an availability zone of the "
                        + "region us-east-1: name zones such as us-east-1a, us-east-1b.");
    }

    @Test
    void anAttributeEntryWithoutAName() {
        assertThat(failureOf(Ec2CapacityDeclarationTestCases.AttributeWithoutName.class))
                .hasMessageContaining("the attributes entry \"=prod\" is not name=value or a bare name, e.g. "
                        + "\"stack=prod\" or \"gpu\".");
    }

    @Test
    void anAttributeEcsRefusesRegistersNoInstance() {
        assertThat(failureOf(Ec2CapacityDeclarationTestCases.AttributeEcsRefuses.class))
                .hasMessageContaining("@ContainerInstances(count = 1, instanceType = \"m5.large\"): ECS refuses the "
                        + "container instance: InvalidParameterException");
    }

    private static Throwable failureOf(Class<?> fixture) {
        return declarationFailure(fixture);
    }
}
