package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionPlacementConstraint;
import software.amazon.awssdk.services.ecs.model.TaskOverride;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

/**
 * Where ECS places a task among a cluster's container instances, as "Amazon ECS task placement" describes it
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html): only ACTIVE instances are
 * candidates; an instance is out when its agent is disconnected ({@code AGENT}), when it lacks an attribute the task
 * definition requires ({@code ATTRIBUTE}), when it has too little CPU or memory left or a fixed host port is taken
 * ({@code RESOURCE:CPU}, {@code RESOURCE:MEMORY}, {@code RESOURCE:PORTS}, {@code RESOURCE:PORTS_UDP}) or an awsvpc
 * task finds no network interface left ({@code RESOURCE:ENI}), then when it
 * fails a placement constraint ({@code memberOf} with the {@link ClusterQuery cluster query language},
 * {@code distinctInstance}); the strategies then rank the instances left, in order, each keeping the best ones for the
 * next (binpack on cpu or memory: least remaining; spread on {@code instanceId}/{@code host} or any
 * {@code attribute:<name>}: the value with fewest tasks of the task's group; random), and the first instance left is
 * chosen (a random one under {@code random}). Constraints bind; strategies are best effort. Pure: it reads the
 * instances and never changes them.
 */
final class PlacementEngine {
    /** ECS's failure reasons (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/api_failures_messages.html). */
    static final String AGENT = "AGENT";

    static final String ATTRIBUTE = "ATTRIBUTE";
    static final String RESOURCE_CPU = "RESOURCE:CPU";
    static final String RESOURCE_MEMORY = "RESOURCE:MEMORY";
    static final String RESOURCE_PORTS = "RESOURCE:PORTS";
    static final String RESOURCE_PORTS_UDP = "RESOURCE:PORTS_UDP";
    /**
     * No network interface left on the instance for an awsvpc task ("API failure reasons": "RESOURCE:ENI ... your
     * cluster doesn't have any available elastic network interface attachment points").
     */
    static final String RESOURCE_ENI = "RESOURCE:ENI";
    /**
     * As RunTask answers it (quoted from ECS in https://github.com/aws/amazon-ecs-agent/pull/3044 and "API failure
     * reasons": "TaskFailedToStart: MemberOf placement constraint unsatisfied").
     */
    static final String MEMBER_OF = "MemberOf placement constraint unsatisfied.";
    /** Worded as ECS words {@link #MEMBER_OF}. */
    static final String DISTINCT_INSTANCE = "DistinctInstance placement constraint unsatisfied.";

    /** At most 10 constraints and 5 strategies per task or service (the API reference's limits). */
    static final int MAX_CONSTRAINTS = 10;

    static final int MAX_STRATEGIES = 5;

    /** RunTask's and the service event's words when a cluster has no ACTIVE container instance. */
    static final String NO_INSTANCES = "No Container Instances were found in your cluster.";

    /**
     * What one task asks of an instance.
     *
     * @param cpu CPU units (the task's {@code cpu}, else the sum of its containers')
     * @param memory MiB (the task's {@code memory}, else the sum over its containers of {@code memoryReservation}, or
     *     {@code memory} where no reservation is given)
     * @param tcpPorts fixed host ports (TCP), as strings
     * @param udpPorts fixed host ports (UDP), as strings
     * @param requiredAttributes attribute names the task definition requires ({@code requiresAttributes}, with values
     *     where given: {@code name=value})
     * @param group the task group, e.g. {@code service:web} or {@code family:web}
     * @param enis the network interfaces the task attaches to the instance: 1 in awsvpc mode, else 0
     */
    record Demand(
            int cpu,
            int memory,
            Set<String> tcpPorts,
            Set<String> udpPorts,
            Map<String, String> requiredAttributes,
            String group,
            int enis) {
        /** A task that attaches no network interface (bridge, host, none). */
        Demand(
                int cpu,
                int memory,
                Set<String> tcpPorts,
                Set<String> udpPorts,
                Map<String, String> requiredAttributes,
                String group) {
            this(cpu, memory, tcpPorts, udpPorts, requiredAttributes, group, 0);
        }
    }

    /**
     * Parsed placement rules: the constraints (RunTask's or the service's, and the task definition's memberOf ones)
     * and the strategies.
     */
    record Rules(List<ClusterQuery> memberOf, boolean distinctInstance, List<PlacementStrategy> strategies) {
        /** No constraint, no strategy: the first instance that fits. */
        static final Rules NONE = new Rules(List.of(), false, List.of());

        /** A service's default, when it gives no strategy: spread over availability zones. */
        static final List<PlacementStrategy> SERVICE_DEFAULT = List.of(PlacementStrategy.builder()
                .type(PlacementStrategyType.SPREAD)
                .field("attribute:ecs.availability-zone")
                .build());

        /**
         * Checks and parses placement constraints and strategies.
         *
         * @throws AwsException InvalidParameterException for too many, an unknown type, a memberOf without an
         *     expression or a distinctInstance with one, an invalid expression, or a strategy field that does not fit
         *     its type
         */
        static Rules of(
                List<PlacementConstraint> constraints,
                List<TaskDefinitionPlacementConstraint> taskDefinitionConstraints,
                List<PlacementStrategy> strategies) {
            if (constraints.size() > MAX_CONSTRAINTS) {
                throw EcsErrors.invalidParameter(
                        "placementConstraints can have at most " + MAX_CONSTRAINTS + " items.");
            }
            if (strategies.size() > MAX_STRATEGIES) {
                throw EcsErrors.invalidParameter("placementStrategy can have at most " + MAX_STRATEGIES + " items.");
            }
            List<ClusterQuery> memberOf = new ArrayList<>();
            boolean distinct = false;
            for (PlacementConstraint c : constraints) {
                if (c.type() == PlacementConstraintType.DISTINCT_INSTANCE) {
                    if (c.expression() != null && !c.expression().isEmpty()) {
                        throw EcsErrors.invalidParameter(
                                "An expression can not be given for a distinctInstance placement constraint.");
                    }
                    distinct = true;
                } else if (c.type() == PlacementConstraintType.MEMBER_OF) {
                    memberOf.add(ClusterQuery.parse(c.expression()));
                } else {
                    throw EcsErrors.invalidParameter("Invalid placement constraint type '" + c.typeAsString()
                            + "'. Valid values: distinctInstance, memberOf.");
                }
            }
            for (TaskDefinitionPlacementConstraint c : taskDefinitionConstraints) {
                memberOf.add(ClusterQuery.parse(c.expression()));
            }
            for (PlacementStrategy s : strategies) {
                checkStrategy(s);
            }
            return new Rules(List.copyOf(memberOf), distinct, List.copyOf(strategies));
        }

        private static void checkStrategy(PlacementStrategy s) {
            String field = s.field();
            if (s.type() == PlacementStrategyType.BINPACK) {
                if (!"cpu".equalsIgnoreCase(field) && !"memory".equalsIgnoreCase(field)) {
                    throw EcsErrors.invalidParameter("Invalid field '" + field + "' for the binpack placement "
                            + "strategy. Valid values: cpu, memory.");
                }
            } else if (s.type() == PlacementStrategyType.SPREAD) {
                if (field == null
                        || !(field.equalsIgnoreCase("instanceId")
                                || field.equalsIgnoreCase("host")
                                || (field.startsWith("attribute:") && field.length() > "attribute:".length()))) {
                    throw EcsErrors.invalidParameter("Invalid field '" + field + "' for the spread placement "
                            + "strategy. Valid values: instanceId, host, attribute:<attribute name>.");
                }
            } else if (s.type() == PlacementStrategyType.RANDOM) {
                if (field != null && !field.isEmpty()) {
                    throw EcsErrors.invalidParameter("The random placement strategy takes no field.");
                }
            } else {
                throw EcsErrors.invalidParameter("Invalid placement strategy type '" + s.typeAsString()
                        + "'. Valid values: random, spread, binpack.");
            }
        }
    }

    /**
     * The answer for one task.
     *
     * @param chosen the instance the task goes to, or {@code null}
     * @param closest when none fits, the instance that came closest (passed the most checks; the first registered among
     *     equals), or {@code null} when there is no ACTIVE instance
     * @param reason when none fits, the closest instance's failure reason
     */
    record Decision(ContainerInstanceRecord chosen, ContainerInstanceRecord closest, String reason) {
        boolean placed() {
            return chosen != null;
        }
    }

    private PlacementEngine() {}

    /**
     * Places one task among {@code instances} (a cluster's registered instances, in registration order).
     *
     * @param random draws for the random strategy (seeded in tests)
     */
    static Decision place(List<ContainerInstanceRecord> instances, Demand demand, Rules rules, Random random) {
        List<ContainerInstanceRecord> fit = new ArrayList<>();
        ContainerInstanceRecord closest = null;
        int closestStage = -1;
        String closestReason = null;
        for (ContainerInstanceRecord ci : instances) {
            if (!ci.active()) {
                continue;
            }
            Rejection r = check(ci, demand, rules);
            if (r == null) {
                fit.add(ci);
            } else if (r.stage() > closestStage) {
                closest = ci;
                closestStage = r.stage();
                closestReason = r.reason();
            }
        }
        if (fit.isEmpty()) {
            return new Decision(null, closest, closestReason);
        }
        for (PlacementStrategy s : rules.strategies()) {
            if (fit.size() == 1) {
                break;
            }
            if (s.type() == PlacementStrategyType.RANDOM) {
                return new Decision(fit.get(random.nextInt(fit.size())), null, null);
            }
            fit = s.type() == PlacementStrategyType.BINPACK
                    ? binpack(fit, s.field())
                    : spread(instances, fit, s.field(), demand.group());
        }
        return new Decision(fit.get(0), null, null);
    }

    /**
     * Why a task cannot go to one instance, whatever its status (StartTask names its instances).
     *
     * @param stage how far the instance got: AGENT 0, ATTRIBUTE 1, CPU 2, MEMORY 3, ports 4, ENI 5, memberOf 6,
     *     distinctInstance 7
     * @param reason ECS's failure reason
     */
    record Rejection(int stage, String reason) {}

    /** Whether the task fits on {@code ci}: {@code null} when it does, else why not. */
    static Rejection check(ContainerInstanceRecord ci, Demand demand, Rules rules) {
        if (!ci.agentConnected) {
            return new Rejection(0, AGENT);
        }
        if (!hasAttributes(ci, demand.requiredAttributes())) {
            return new Rejection(1, ATTRIBUTE);
        }
        if (ci.remainingCpu < demand.cpu()) {
            return new Rejection(2, RESOURCE_CPU);
        }
        if (ci.remainingMemory < demand.memory()) {
            return new Rejection(3, RESOURCE_MEMORY);
        }
        if (taken(ci.reservedPorts, ci.usedPorts, demand.tcpPorts())) {
            return new Rejection(4, RESOURCE_PORTS);
        }
        if (taken(ci.reservedUdpPorts, ci.usedUdpPorts, demand.udpPorts())) {
            return new Rejection(4, RESOURCE_PORTS_UDP);
        }
        if (demand.enis() > 0 && !ci.hasFreeEnis(demand.enis())) {
            return new Rejection(5, RESOURCE_ENI);
        }
        if (!memberOf(ci, rules.memberOf())) {
            return new Rejection(6, MEMBER_OF);
        }
        if (rules.distinctInstance() && ci.groups.getOrDefault(demand.group(), 0) > 0) {
            return new Rejection(7, DISTINCT_INSTANCE);
        }
        return null;
    }

    /**
     * What a task of {@code td} (with RunTask's {@code overrides}, or {@code null}) asks of an instance: the task's cpu
     * and memory when set, else the sums over its containers (memory: {@code memoryReservation}, else
     * {@code memory}); its fixed host ports (bridge: {@code hostPort} when not 0; host: the container port; awsvpc
     * and none: no host ports); its {@code requiresAttributes}; in awsvpc mode one network interface.
     */
    static Demand demand(TaskDefinition td, TaskOverride overrides, String group) {
        Map<String, ContainerOverride> byName = new HashMap<>();
        if (overrides != null) {
            for (ContainerOverride o : overrides.containerOverrides()) {
                byName.put(o.name(), o);
            }
        }
        int cpu = 0;
        int memory = 0;
        Set<String> tcp = new TreeSet<>();
        Set<String> udp = new TreeSet<>();
        NetworkMode mode = td.networkMode() == null ? NetworkMode.BRIDGE : td.networkMode();
        for (ContainerDefinition c : td.containerDefinitions()) {
            ContainerOverride o = byName.get(c.name());
            Integer containerCpu = o != null && o.cpu() != null ? o.cpu() : c.cpu();
            Integer hard = o != null && o.memory() != null ? o.memory() : c.memory();
            Integer soft = o != null && o.memoryReservation() != null ? o.memoryReservation() : c.memoryReservation();
            cpu += containerCpu == null ? 0 : containerCpu;
            memory += soft != null ? soft : hard == null ? 0 : hard;
            for (PortMapping p : c.portMappings()) {
                Integer host = mode == NetworkMode.HOST ? p.containerPort() : p.hostPort();
                if ((mode == NetworkMode.BRIDGE || mode == NetworkMode.HOST) && host != null && host > 0) {
                    (p.protocol() == TransportProtocol.UDP ? udp : tcp).add(Integer.toString(host));
                }
            }
        }
        String taskCpu = overrides != null && overrides.cpu() != null ? overrides.cpu() : td.cpu();
        String taskMemory = overrides != null && overrides.memory() != null ? overrides.memory() : td.memory();
        if (taskCpu != null) {
            cpu = Integer.parseInt(TaskDefinitions.normalizeCpu(taskCpu));
        }
        if (taskMemory != null) {
            memory = Integer.parseInt(TaskDefinitions.normalizeMemory(taskMemory));
        }
        Map<String, String> required = new LinkedHashMap<>();
        for (Attribute a : td.requiresAttributes()) {
            required.put(a.name(), a.value());
        }
        int enis = mode == NetworkMode.AWSVPC ? 1 : 0;
        return new Demand(cpu, memory, Set.copyOf(tcp), Set.copyOf(udp), required, group, enis);
    }

    /**
     * The service event ECS records when a task of a service could not be placed on its container instances
     * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html), without the
     * {@code service <name>} prefix.
     *
     * @param failure the placement failure: the closest instance's ARN and its reason, or no instance at all
     */
    static String serviceEvent(Failure failure) {
        String prefix = "was unable to place a task because no container instance met all of its requirements.";
        if (NO_INSTANCES.equals(failure.reason())) {
            return prefix + " Reason: " + NO_INSTANCES;
        }
        String instance = failure.arn().substring(failure.arn().lastIndexOf('/') + 1);
        String closest = " The closest matching container-instance " + instance;
        String more = " For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";
        return switch (failure.reason()) {
            case RESOURCE_MEMORY -> prefix + closest + " has insufficient memory available." + more;
            case RESOURCE_CPU -> prefix + closest + " has insufficient CPU units available." + more;
            case RESOURCE_PORTS, RESOURCE_PORTS_UDP ->
                prefix + closest + " is already using a port required by your task." + more;
            case ATTRIBUTE -> prefix + closest + " is missing an attribute required by your task." + more;
            default -> prefix + closest + " encountered error \"" + failure.reason() + "\".";
        };
    }

    private static boolean hasAttributes(ContainerInstanceRecord ci, Map<String, String> required) {
        for (Map.Entry<String, String> e : required.entrySet()) {
            if (!ci.attributes.containsKey(e.getKey())) {
                return false;
            }
            if (e.getValue() != null && !e.getValue().equals(ci.attributes.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean taken(Set<String> reserved, Set<String> used, Set<String> wanted) {
        for (String p : wanted) {
            if (reserved.contains(p) || used.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean memberOf(ContainerInstanceRecord ci, List<ClusterQuery> queries) {
        for (ClusterQuery q : queries) {
            if (!q.test(ci)) {
                return false;
            }
        }
        return true;
    }

    /** The instances with the least remaining CPU or memory (they all fit). */
    private static List<ContainerInstanceRecord> binpack(List<ContainerInstanceRecord> fit, String field) {
        boolean cpu = "cpu".equalsIgnoreCase(field);
        int least = Integer.MAX_VALUE;
        List<ContainerInstanceRecord> best = new ArrayList<>();
        for (ContainerInstanceRecord ci : fit) {
            int remaining = cpu ? ci.remainingCpu : ci.remainingMemory;
            if (remaining < least) {
                least = remaining;
                best.clear();
            }
            if (remaining == least) {
                best.add(ci);
            }
        }
        return best;
    }

    /**
     * The instances whose value of {@code field} holds the fewest tasks of {@code group}, counted over every registered
     * instance with that value (instances without the attribute share the value "none").
     */
    private static List<ContainerInstanceRecord> spread(
            List<ContainerInstanceRecord> all, List<ContainerInstanceRecord> fit, String field, String group) {
        // the attribute's name once, not per instance (spread runs over every instance for every task)
        String attribute = field.equalsIgnoreCase("instanceId") || field.equalsIgnoreCase("host")
                ? null
                : field.substring("attribute:".length());
        Map<String, Integer> tasksByValue = new HashMap<>();
        for (ContainerInstanceRecord ci : all) {
            if (ci.status != ContainerInstanceRecord.Status.INACTIVE) {
                tasksByValue.merge(value(ci, attribute), ci.groups.getOrDefault(group, 0), Integer::sum);
            }
        }
        int least = Integer.MAX_VALUE;
        List<ContainerInstanceRecord> best = new ArrayList<>();
        for (ContainerInstanceRecord ci : fit) {
            int count = tasksByValue.getOrDefault(value(ci, attribute), 0);
            if (count < least) {
                least = count;
                best.clear();
            }
            if (count == least) {
                best.add(ci);
            }
        }
        return best;
    }

    /** The instance's ARN ({@code attribute} null: instanceId or host), else its attribute's value. */
    private static String value(ContainerInstanceRecord ci, String attribute) {
        if (attribute == null) {
            return ci.arn;
        }
        String v = ci.attributes.get(attribute);
        return v == null ? "\u0000none" : v;
    }
}
