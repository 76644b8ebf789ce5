package dev.drydock.ecs.internal.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ecs.internal.capacity.CapacityProviderReservation.Inputs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CapacityProviderReservation formula and its cases, as ECS's cluster auto scaling pages give them. */
class CapacityProviderReservationTest {
    private static final int[] M5_LARGE = {2048, 7680};

    @Test
    void scaleFromZeroIs200AndNothingAtAllIs100() {
        assertThat(CapacityProviderReservation.value(new Inputs(0, 0, null, List.of(new int[] {256, 512}), 1, 10000)))
                .isEqualTo(200);
        assertThat(CapacityProviderReservation.value(new Inputs(0, 0, null, List.of(), 1, 10000)))
                .isEqualTo(100);
    }

    @Test
    void instancesInUseOverInstancesInTheGroup() {
        assertThat(CapacityProviderReservation.value(new Inputs(2, 2, M5_LARGE, List.of(), 1, 10000)))
                .isEqualTo(100);
        assertThat(CapacityProviderReservation.value(new Inputs(4, 1, M5_LARGE, List.of(), 1, 10000)))
                .isEqualTo(25);
        assertThat(CapacityProviderReservation.value(new Inputs(3, 0, M5_LARGE, List.of(), 1, 10000)))
                .as("no task: the group may scale in")
                .isZero();
    }

    @Test
    void provisioningTasksArePackedOntoInstancesWithinTheStepSizes() {
        List<int[]> fiveTasksOf3GiB = List.of(
                new int[] {512, 3072}, new int[] {512, 3072}, new int[] {512, 3072}, new int[] {512, 3072}, new int[] {
                    512, 3072
                });
        assertThat(CapacityProviderReservation.additional(new Inputs(1, 1, M5_LARGE, fiveTasksOf3GiB, 1, 10000)))
                .as("two of 3 GiB fit an m5.large's 7.5 GiB")
                .isEqualTo(3);
        assertThat(CapacityProviderReservation.value(new Inputs(1, 1, M5_LARGE, fiveTasksOf3GiB, 1, 10000)))
                .isEqualTo(400);
        assertThat(CapacityProviderReservation.additional(new Inputs(1, 1, M5_LARGE, fiveTasksOf3GiB, 1, 2)))
                .as("at most maximumScalingStepSize")
                .isEqualTo(2);
        assertThat(CapacityProviderReservation.additional(
                        new Inputs(1, 1, M5_LARGE, List.of(new int[] {256, 512}), 4, 10000)))
                .as("at least minimumScalingStepSize")
                .isEqualTo(4);
        assertThat(CapacityProviderReservation.additional(
                        new Inputs(1, 0, null, List.of(new int[] {256, 512}, new int[] {256, 512}), 1, 10000)))
                .as("no instance to size from: the minimum step")
                .isEqualTo(1);
    }
}
