package dev.drydock.ecs.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;

/** How tasks spread over a strategy's capacity providers: base first, then by weight. */
class CapacityProviderStrategiesTest {
    private static CapacityProviderStrategyItem item(String provider, Integer base, Integer weight) {
        return CapacityProviderStrategyItem.builder()
                .capacityProvider(provider)
                .base(base)
                .weight(weight)
                .build();
    }

    private static Map<String, Long> counts(List<String> providers) {
        Map<String, Long> result = new HashMap<>();
        providers.forEach(p -> result.merge(p, 1L, Long::sum));
        return result;
    }

    @Test
    void theBaseComesFirstThenTheWeights() {
        List<String> ten = CapacityProviderStrategies.distribute(
                List.of(item("FARGATE", 2, 1), item("FARGATE_SPOT", null, 3)), 10);

        assertThat(ten.subList(0, 2)).containsOnly("FARGATE");
        assertThat(counts(ten)).containsOnly(Map.entry("FARGATE", 4L), Map.entry("FARGATE_SPOT", 6L));
    }

    @Test
    void weightsOneToFourGiveFourSpotTasksForEachOnDemandOne() {
        List<String> providers = CapacityProviderStrategies.distribute(
                List.of(item("FARGATE", null, 1), item("FARGATE_SPOT", null, 4)), 15);

        assertThat(counts(providers)).containsOnly(Map.entry("FARGATE", 3L), Map.entry("FARGATE_SPOT", 12L));
        // every prefix stays as close to 1:4 as whole tasks allow
        for (int n = 1; n <= 15; n++) {
            long onDemand = counts(providers.subList(0, n)).getOrDefault("FARGATE", 0L);
            assertThat((double) onDemand).isBetween(n / 5.0 - 1, n / 5.0 + 1);
        }
    }

    @Test
    void aBaseLargerThanTheCountTakesEveryTaskAndWeightZeroTakesNoneBeyondItsBase() {
        assertThat(CapacityProviderStrategies.distribute(
                        List.of(item("FARGATE_SPOT", null, 1), item("FARGATE", 5, 0)), 3))
                .containsOnly("FARGATE");
        assertThat(counts(CapacityProviderStrategies.distribute(
                        List.of(item("FARGATE_SPOT", null, 1), item("FARGATE", 1, 0)), 6)))
                .containsOnly(Map.entry("FARGATE", 1L), Map.entry("FARGATE_SPOT", 5L));
    }

    @Test
    void aSingleProviderOfWeightZeroTakesEveryTask() {
        assertThat(CapacityProviderStrategies.distribute(List.of(item("FARGATE_SPOT", null, null)), 3))
                .containsExactly("FARGATE_SPOT", "FARGATE_SPOT", "FARGATE_SPOT");
    }

    @Test
    void runningTasksCountTowardTheRatio() {
        Map<String, Integer> running = new HashMap<>(Map.of("FARGATE", 2, "FARGATE_SPOT", 5));
        // a FARGATE_SPOT task was interrupted (5 of 6 left): its replacement goes to FARGATE_SPOT again
        assertThat(CapacityProviderStrategies.next(
                        List.of(item("FARGATE", 2, 0), item("FARGATE_SPOT", null, 1)), running))
                .isEqualTo("FARGATE_SPOT");
        // the base is refilled first
        running.put("FARGATE", 1);
        assertThat(CapacityProviderStrategies.next(
                        List.of(item("FARGATE", 2, 0), item("FARGATE_SPOT", null, 1)), running))
                .isEqualTo("FARGATE");
    }
}
