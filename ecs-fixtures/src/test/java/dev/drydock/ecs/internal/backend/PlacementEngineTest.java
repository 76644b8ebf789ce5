package dev.drydock.ecs.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.spi.AwsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.VersionInfo;

/**
 * The placement engine alone (no model, no Docker): AWS's placement strategy examples
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/strategy-examples.html), the constraint and cluster
 * query language examples (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html) and
 * the failure reasons, with the placements they document.
 */
class PlacementEngineTest {
    private final List<ContainerInstanceRecord> instances = new ArrayList<>();
    private final Random random = new Random(7);

    private ContainerInstanceRecord instance(String name, String az, String type, int cpu, int memory) {
        ContainerInstanceRecord ci = new ContainerInstanceRecord(
                name,
                "arn:aws:ecs:us-east-1:123456789012:container-instance/shop/" + name,
                "shop",
                "i-" + name,
                type,
                az,
                "10.0.0." + (instances.size() + 2),
                Instant.parse("2018-06-18T22:28:28Z"),
                VersionInfo.builder().agentVersion("1.14.5").build(),
                cpu,
                memory,
                new HashSet<>(ContainerInstances.RESERVED_PORTS),
                new HashSet<>());
        ci.attributes.put("ecs.availability-zone", az);
        ci.attributes.put("ecs.instance-type", type);
        ci.attributes.put("com.amazonaws.ecs.capability.docker-remote-api.1.18", null);
        instances.add(ci);
        return ci;
    }

    private static PlacementEngine.Demand demand(int cpu, int memory, String group) {
        return new PlacementEngine.Demand(cpu, memory, Set.of(), Set.of(), Map.of(), group);
    }

    private static PlacementStrategy strategy(PlacementStrategyType type, String field) {
        return PlacementStrategy.builder().type(type).field(field).build();
    }

    private static PlacementEngine.Rules strategies(PlacementStrategy... strategies) {
        return PlacementEngine.Rules.of(List.of(), List.of(), List.of(strategies));
    }

    /** A memberOf constraint, spreading over instances so that every instance it allows gets tasks. */
    private static PlacementEngine.Rules memberOf(String expression) {
        return PlacementEngine.Rules.of(
                List.of(PlacementConstraint.builder()
                        .type(PlacementConstraintType.MEMBER_OF)
                        .expression(expression)
                        .build()),
                List.of(),
                List.of(strategy(PlacementStrategyType.SPREAD, "instanceId")));
    }

    /** Places {@code count} tasks one after the other, each taking its resources; returns the names chosen. */
    private List<String> placeAll(int count, PlacementEngine.Demand demand, PlacementEngine.Rules rules) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PlacementEngine.Decision d = PlacementEngine.place(instances, demand, rules, random);
            assertThat(d.placed()).as("task %d placed (%s)", i, d.reason()).isTrue();
            d.chosen().reserve(demand);
            chosen.add(d.chosen().id);
        }
        return chosen;
    }

    private static Map<String, Integer> counts(List<String> names) {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (String n : names) {
            result.merge(n, 1, Integer::sum);
        }
        return result;
    }

    @Test
    void spreadAcrossAvailabilityZonesPlacesTasksEvenlyOverTheZones() {
        instance("a1", "us-east-1a", "m5.large", 2048, 8192);
        instance("a2", "us-east-1a", "m5.large", 2048, 8192);
        instance("a3", "us-east-1a", "m5.large", 2048, 8192);
        instance("b1", "us-east-1b", "m5.large", 2048, 8192);
        instance("c1", "us-east-1c", "m5.large", 2048, 8192);

        List<String> chosen = placeAll(
                6,
                demand(256, 512, "service:web"),
                strategies(strategy(PlacementStrategyType.SPREAD, "attribute:ecs.availability-zone")));

        Map<String, Integer> byZone = new LinkedHashMap<>();
        for (String name : chosen) {
            byZone.merge(name.substring(0, 1), 1, Integer::sum);
        }
        assertThat(byZone).containsEntry("a", 2).containsEntry("b", 2).containsEntry("c", 2);
    }

    @Test
    void spreadAcrossInstancesPlacesTasksEvenlyOverAllInstances() {
        instance("i1", "us-east-1a", "m5.large", 2048, 8192);
        instance("i2", "us-east-1a", "m5.large", 2048, 8192);
        instance("i3", "us-east-1b", "m5.large", 2048, 8192);

        List<String> chosen = placeAll(
                7, demand(128, 256, "service:web"), strategies(strategy(PlacementStrategyType.SPREAD, "instanceId")));

        assertThat(counts(chosen).values()).containsExactlyInAnyOrder(3, 2, 2);
        assertThat(chosen.subList(0, 3)).containsExactlyInAnyOrder("i1", "i2", "i3");
    }

    @Test
    void spreadCountsOnlyTheTasksOfTheSameGroup() {
        instance("i1", "us-east-1a", "m5.large", 2048, 8192);
        instance("i2", "us-east-1b", "m5.large", 2048, 8192);
        instances.get(0).reserve(demand(128, 256, "service:other"));
        instances.get(0).reserve(demand(128, 256, "service:other"));

        List<String> chosen = placeAll(
                2, demand(128, 256, "service:web"), strategies(strategy(PlacementStrategyType.SPREAD, "instanceId")));

        assertThat(chosen).containsExactlyInAnyOrder("i1", "i2");
    }

    @Test
    void binpackOnMemoryPlacesOnTheInstanceWithTheLeastMemoryLeftThatStillFits() {
        instance("big", "us-east-1a", "m5.xlarge", 4096, 16384);
        instance("small", "us-east-1a", "m5.large", 2048, 1024);
        instance("medium", "us-east-1b", "m5.large", 2048, 4096);

        List<String> chosen = placeAll(
                5, demand(128, 512, "family:batch"), strategies(strategy(PlacementStrategyType.BINPACK, "memory")));

        // 'small' takes two tasks (1,024 MiB), then 'medium' (4,096 MiB) is the least that fits
        assertThat(chosen).containsExactly("small", "small", "medium", "medium", "medium");
        assertThat(instances.get(1).remainingMemory).isZero();
        assertThat(instances.get(2).remainingMemory).isEqualTo(4096 - 3 * 512);
    }

    @Test
    void binpackOnCpuPlacesOnTheInstanceWithTheLeastCpuLeft() {
        instance("c1", "us-east-1a", "c6i.xlarge", 4096, 8192);
        instance("c2", "us-east-1a", "c6i.large", 2048, 4096);

        List<String> chosen = placeAll(
                3, demand(1024, 128, "family:batch"), strategies(strategy(PlacementStrategyType.BINPACK, "cpu")));

        assertThat(chosen).containsExactly("c2", "c2", "c1");
    }

    @Test
    void randomPlacesOnEveryInstanceThatFitsAndOnlyThere() {
        instance("r1", "us-east-1a", "m5.large", 2048, 8192);
        instance("r2", "us-east-1a", "m5.large", 2048, 8192);
        instance("r3", "us-east-1b", "m5.large", 2048, 100);

        List<String> chosen =
                placeAll(30, demand(10, 200, "family:x"), strategies(strategy(PlacementStrategyType.RANDOM, null)));

        assertThat(counts(chosen).keySet()).containsExactlyInAnyOrder("r1", "r2");
    }

    @Test
    void spreadAcrossZonesThenAcrossInstancesWithinEachZone() {
        instance("a1", "us-east-1a", "m5.large", 2048, 8192);
        instance("a2", "us-east-1a", "m5.large", 2048, 8192);
        instance("b1", "us-east-1b", "m5.large", 2048, 8192);
        instance("b2", "us-east-1b", "m5.large", 2048, 8192);

        List<String> chosen = placeAll(
                4,
                demand(128, 256, "service:web"),
                strategies(
                        strategy(PlacementStrategyType.SPREAD, "attribute:ecs.availability-zone"),
                        strategy(PlacementStrategyType.SPREAD, "instanceId")));

        assertThat(chosen).containsExactlyInAnyOrder("a1", "a2", "b1", "b2");
    }

    @Test
    void spreadAcrossZonesThenBinpackOnMemoryWithinEachZone() {
        instance("a-roomy", "us-east-1a", "m5.large", 2048, 8192);
        instance("a-tight", "us-east-1a", "m5.large", 2048, 2048);
        instance("b-roomy", "us-east-1b", "m5.large", 2048, 8192);
        instance("b-tight", "us-east-1b", "m5.large", 2048, 2048);

        List<String> chosen = placeAll(
                4,
                demand(128, 512, "service:web"),
                strategies(
                        strategy(PlacementStrategyType.SPREAD, "attribute:ecs.availability-zone"),
                        strategy(PlacementStrategyType.BINPACK, "memory")));

        assertThat(counts(chosen)).containsEntry("a-tight", 2).containsEntry("b-tight", 2);
    }

    @Test
    void spreadAcrossInstancesThenBinpackOnMemory() {
        instance("roomy", "us-east-1a", "m5.large", 2048, 8192);
        instance("tight", "us-east-1a", "m5.large", 2048, 2048);
        instance("tighter", "us-east-1b", "m5.large", 2048, 1024);

        List<String> chosen = placeAll(
                3,
                demand(128, 512, "service:web"),
                strategies(
                        strategy(PlacementStrategyType.SPREAD, "instanceId"),
                        strategy(PlacementStrategyType.BINPACK, "memory")));

        // spread first: one per instance; among equals, the least memory left goes first
        assertThat(chosen).containsExactly("tighter", "tight", "roomy");
    }

    @Test
    void distinctInstancePlacesEachTaskOfTheGroupOnAnotherInstance() {
        instance("d1", "us-east-1a", "m5.large", 2048, 8192);
        instance("d2", "us-east-1b", "m5.large", 2048, 8192);
        PlacementEngine.Rules rules = PlacementEngine.Rules.of(
                List.of(PlacementConstraint.builder()
                        .type(PlacementConstraintType.DISTINCT_INSTANCE)
                        .build()),
                List.of(),
                List.of(strategy(PlacementStrategyType.BINPACK, "memory")));

        List<String> chosen = placeAll(2, demand(128, 256, "service:web"), rules);
        PlacementEngine.Decision third =
                PlacementEngine.place(instances, demand(128, 256, "service:web"), rules, random);
        PlacementEngine.Decision otherGroup =
                PlacementEngine.place(instances, demand(128, 256, "service:api"), rules, random);

        assertThat(chosen).containsExactlyInAnyOrder("d1", "d2");
        assertThat(third.placed()).isFalse();
        assertThat(third.reason()).isEqualTo("DistinctInstance placement constraint unsatisfied.");
        assertThat(otherGroup.placed()).isTrue();
    }

    @Test
    void memberOfKeepsTasksOnTheInstancesTheExpressionSelects() {
        instance("t2", "us-east-1a", "t2.small", 1024, 2048);
        instance("g2", "us-east-1b", "g2.2xlarge", 8192, 15360);
        instance("g2d", "us-east-1d", "g2.2xlarge", 8192, 15360);

        assertThat(placeAll(2, demand(10, 10, "g"), memberOf("attribute:ecs.instance-type == t2.small")))
                .containsOnly("t2");
        assertThat(placeAll(
                        4,
                        demand(10, 10, "g"),
                        memberOf("attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != "
                                + "us-east-1d")))
                .containsOnly("g2");
        assertThat(placeAll(
                        3,
                        demand(10, 10, "g"),
                        memberOf("attribute:ecs.availability-zone in [us-east-1a, us-east-1d]")))
                .containsOnly("t2", "g2d");
        PlacementEngine.Decision none = PlacementEngine.place(
                instances, demand(10, 10, "g"), memberOf("attribute:ecs.instance-type == m5.large"), random);
        assertThat(none.placed()).isFalse();
        assertThat(none.reason()).isEqualTo("MemberOf placement constraint unsatisfied.");
        assertThat(none.closest().id).isEqualTo("t2");
    }

    @Test
    void theQueryLanguageEvaluatesEverySubjectTheDocumentationExemplifies() {
        ContainerInstanceRecord a = instance("a", "us-east-1a", "t2.small", 1024, 2048);
        ContainerInstanceRecord b = instance("b", "us-east-1b", "t2.small", 1024, 2048);
        b.reserve(demand(10, 10, "database"));
        ContainerInstanceRecord c = new ContainerInstanceRecord(
                "c",
                "arn:aws:ecs:us-east-1:123456789012:container-instance/shop/c",
                "shop",
                "i-wxyx7890",
                "t2.small",
                "us-east-1c",
                "10.0.0.9",
                Instant.parse("2018-02-14T00:00:00Z"),
                VersionInfo.builder().agentVersion("1.9.0").build(),
                1024,
                2048,
                Set.of(),
                Set.of());
        c.agentConnected = false;

        assertThat(ClusterQuery.parse("task:group == database")).accepts(b).rejects(a, c);
        assertThat(ClusterQuery.parse("not(task:group == database)"))
                .accepts(a, c)
                .rejects(b);
        assertThat(ClusterQuery.parse("!(task:group == database)"))
                .accepts(a, c)
                .rejects(b);
        assertThat(ClusterQuery.parse("agentVersion < 1.14.5")).accepts(c).rejects(a);
        assertThat(ClusterQuery.parse("agentVersion >= 1.14.5")).accepts(a).rejects(c);
        assertThat(ClusterQuery.parse("registeredAt < 2018-02-13")).rejects(a, c);
        assertThat(ClusterQuery.parse("registeredAt > 2018-02-13T00:00:00Z")).accepts(a, c);
        assertThat(ClusterQuery.parse("registeredAt greater_than 2018-06-18T22:28:27"))
                .accepts(a)
                .rejects(c);
        assertThat(ClusterQuery.parse("ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']"))
                .accepts(c)
                .rejects(a);
        assertThat(ClusterQuery.parse("agentConnected == false")).accepts(c).rejects(a);
        assertThat(ClusterQuery.parse("attribute:ecs.instance-type exists")).accepts(a);
        assertThat(ClusterQuery.parse("attribute:stack !exists")).accepts(a);
        assertThat(ClusterQuery.parse("attribute:ecs.availability-zone not_in [us-east-1a] || task:group == database"))
                .accepts(b)
                .rejects(a);
        assertThat(ClusterQuery.parse("(attribute:ecs.availability-zone == us-east-1a or "
                        + "attribute:ecs.availability-zone == us-east-1b) and not task:group == database"))
                .accepts(a)
                .rejects(b);
        assertThat(ClusterQuery.parse("attribute:ecs.availability-zone !~ 'us-east-1[ab]'"))
                .rejects(a, b);
    }

    @Test
    void badExpressionsAndRulesAreRefusedNamingTheProblem() {
        for (String bad : List.of(
                "",
                "attribute:x ==",
                "color == red",
                "attribute:x in us-east-1a",
                "(attribute:x == y",
                "a:b ?? c",
                "attribute:x =~ [",
                "registeredAt < yesterday",
                "attribute:x == y and")) {
            assertThatThrownBy(() -> ClusterQuery.parse(bad))
                    .as(bad)
                    .isInstanceOf(AwsException.class)
                    .satisfies(e -> assertThat(((AwsException) e).errorCode()).isEqualTo("InvalidParameterException"));
        }
        assertThatThrownBy(() -> strategies(strategy(PlacementStrategyType.BINPACK, "disk")))
                .hasMessageContaining("binpack");
        assertThatThrownBy(() -> strategies(strategy(PlacementStrategyType.SPREAD, null)))
                .hasMessageContaining("spread");
        assertThatThrownBy(() -> PlacementEngine.Rules.of(
                        List.of(PlacementConstraint.builder()
                                .type(PlacementConstraintType.DISTINCT_INSTANCE)
                                .expression("attribute:x == y")
                                .build()),
                        List.of(),
                        List.of()))
                .hasMessageContaining("distinctInstance");
    }

    @Test
    void aTaskThatFitsNowhereNamesTheClosestInstanceAndWhy() {
        ContainerInstanceRecord disconnected = instance("gone", "us-east-1a", "m5.large", 2048, 8192);
        disconnected.agentConnected = false;
        assertThat(PlacementEngine.place(instances, demand(10, 10, "g"), strategies(), random))
                .satisfies(d -> assertThat(d.reason()).isEqualTo("AGENT"));

        instance("small", "us-east-1a", "t3.micro", 2048, 1024);
        PlacementEngine.Decision memory =
                PlacementEngine.place(instances, demand(256, 2048, "g"), strategies(), random);
        assertThat(memory.placed()).isFalse();
        assertThat(memory.reason()).isEqualTo("RESOURCE:MEMORY");
        assertThat(memory.closest().id).isEqualTo("small");

        assertThat(PlacementEngine.place(instances, demand(4096, 512, "g"), strategies(), random)
                        .reason())
                .isEqualTo("RESOURCE:CPU");
        PlacementEngine.Demand port22 = new PlacementEngine.Demand(10, 10, Set.of("22"), Set.of(), Map.of(), "g");
        assertThat(PlacementEngine.place(instances, port22, strategies(), random)
                        .reason())
                .isEqualTo("RESOURCE:PORTS");
        PlacementEngine.Demand port80 = new PlacementEngine.Demand(10, 10, Set.of("80"), Set.of(), Map.of(), "g");
        instances.get(1).reserve(port80);
        assertThat(PlacementEngine.place(instances, port80, strategies(), random)
                        .reason())
                .isEqualTo("RESOURCE:PORTS");
        PlacementEngine.Demand gpu =
                new PlacementEngine.Demand(10, 10, Set.of(), Set.of(), Map.of("ecs.capability.gpu", "true"), "g");
        assertThat(PlacementEngine.place(instances, gpu, strategies(), random).reason())
                .isEqualTo("ATTRIBUTE");

        // a DRAINING instance is no candidate at all
        instances.get(1).release(port80);
        instances.get(1).status = ContainerInstanceRecord.Status.DRAINING;
        PlacementEngine.Decision draining = PlacementEngine.place(instances, demand(10, 10, "g"), strategies(), random);
        assertThat(draining.placed()).isFalse();
        assertThat(draining.closest().id).isEqualTo("gone");
    }
}
