package dev.drydock.ecs.internal.backend;

import dev.drydock.ecs.internal.EcsArns;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

/**
 * The model's tasks: creating one (ARN, containers, PROVISIONING), finding one by id or ARN, DescribeTasks and
 * ListTasks, and the index of each service's tasks. How a task moves on is {@link TaskTransitions}' job. Guarded by
 * the backend's lock: callers hold it.
 */
final class Tasks {
    private final EcsArns arns;
    private final Clock clock;
    private final EcsEvents events;
    /** The Availability Zone of a subnet id, or empty when the network model does not know it. */
    private volatile Function<String, Optional<String>> subnetZones = subnet -> Optional.empty();

    private final Map<String, TaskRecord> tasks = new LinkedHashMap<>();
    /** Tasks by {@code cluster/service}, so the scheduler never scans every task for each service. */
    private final Map<String, List<TaskRecord>> byService = new HashMap<>();

    Tasks(EcsArns arns, Clock clock, EcsEvents events) {
        this.arns = arns;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A new task in PROVISIONING, with one container per container definition, placed where {@code placement} says.
     *
     * @param b what the caller decides: task definition, overrides, group, startedBy, launch type, capacity provider,
     *     awsvpc configuration, tags, service name and enableExecuteCommand
     */
    /** Where the zone of a Fargate task's subnet comes from (core's VPC model); set once at start. */
    void subnetZones(Function<String, Optional<String>> zones) {
        this.subnetZones = zones;
    }

    /**
     * A Fargate task runs in the Availability Zone of the subnet its ENI is in (the first of awsvpcConfiguration's
     * subnets, as the task's ENI attachment reports), else where the placement put it.
     */
    private String fargateZone(TaskRecord.Builder b, TaskPlacement.Placement placement) {
        if (b.awsvpc == null || !b.awsvpc.hasSubnets() || b.awsvpc.subnets().isEmpty()) {
            return placement.availabilityZone();
        }
        return subnetZones.apply(b.awsvpc.subnets().get(0)).orElse(placement.availabilityZone());
    }

    /**
     * The subnet an awsvpc task on a container instance has its network interface in: the first of
     * awsvpcConfiguration's subnets in the instance's Availability Zone (an ENI attaches only to an instance in its
     * subnet's zone), else empty (the task keeps the first subnet).
     */
    private Optional<String> ec2Subnet(TaskRecord t, ContainerInstanceRecord ci) {
        if (t.awsvpc == null || !t.awsvpc.hasSubnets()) {
            return Optional.empty();
        }
        return t.awsvpc.subnets().stream()
                .filter(s ->
                        subnetZones.apply(s).map(ci.availabilityZone::equals).orElse(false))
                .findFirst();
    }

    TaskRecord create(ClusterRecord cluster, TaskRecord.Builder b, TaskPlacement.Placement placement) {
        String id = EcsArns.newTaskId();
        b.id = id;
        b.arn = arns.task(cluster.name, id);
        b.clusterName = cluster.name;
        b.clusterArn = cluster.arn;
        // EC2 tasks (and those waiting for an Auto Scaling group's instances) have no platform version
        b.platformVersion = placement.instance() == null && !placement.awaiting() ? "1.4.0" : null;
        b.createdAt = clock.instant();
        b.availabilityZone = placement.awaiting()
                ? null
                : placement.instance() == null ? fargateZone(b, placement) : placement.availabilityZone();
        TaskRecord t = new TaskRecord(b);
        for (ContainerDefinition c : b.taskDefinition.containerDefinitions()) {
            t.containers.add(new ContainerRecord(c, arns.container(cluster.name, id), id));
        }
        tasks.put(t.arn, t);
        if (t.serviceName != null) {
            byService
                    .computeIfAbsent(serviceKey(cluster.name, t.serviceName), k -> new ArrayList<>())
                    .add(t);
        }
        t.statusListener = x -> events.task(x, clock.instant());
        t.awaitingCapacity = placement.awaiting();
        if (placement.instance() != null) {
            attach(t, placement);
        }
        events.task(t, t.createdAt);
        return t;
    }

    /**
     * A task that waited in PROVISIONING for its capacity provider's instances goes on the instance {@code placement}
     * found: it takes its resources there and will start.
     */
    void placeWaiting(TaskRecord t, TaskPlacement.Placement placement) {
        t.awaitingCapacity = false;
        t.availabilityZone = placement.availabilityZone();
        attach(t, placement);
    }

    private void attach(TaskRecord t, TaskPlacement.Placement placement) {
        ContainerInstanceRecord ci = placement.instance();
        t.containerInstance = ci;
        t.subnetId = ec2Subnet(t, ci).orElse(t.subnetId);
        t.demand = placement.demand();
        ci.reserve(placement.demand());
        ci.tasks.add(t);
        bindHostPorts(t, ci);
        t.statusListener = x -> {
            events.task(x, clock.instant());
            if (x.lastStatus == TaskStatus.STOPPED && ci.tasks.remove(x)) {
                ci.release(x.demand); // what a stopped task held on its instance is free again
                for (String p : x.dynamicPorts) {
                    ci.releasePort(Integer.parseInt(p.substring(0, p.indexOf('/'))), p.endsWith("/udp"));
                }
            }
        };
    }

    /**
     * The host ports of an EC2 task's port mappings on its instance, as ECS binds them: in bridge mode the
     * {@code hostPort} given, or for 0 (or none) a free port of the instance's ephemeral range (32768-61000); in host
     * mode the container port itself; awsvpc and none bind no host port.
     */
    private static void bindHostPorts(TaskRecord t, ContainerInstanceRecord ci) {
        NetworkMode mode = t.taskDefinition.networkMode() == null ? NetworkMode.BRIDGE : t.taskDefinition.networkMode();
        if (mode != NetworkMode.BRIDGE && mode != NetworkMode.HOST) {
            return;
        }
        List<String> dynamic = new ArrayList<>();
        for (ContainerRecord c : t.containers) {
            List<NetworkBinding> bindings = new ArrayList<>();
            for (PortMapping p : c.definition.portMappings()) {
                if (p.containerPort() == null) {
                    continue;
                }
                boolean udp = p.protocol() == TransportProtocol.UDP;
                int host;
                if (mode == NetworkMode.HOST) {
                    host = p.containerPort();
                } else if (p.hostPort() == null || p.hostPort() == 0) {
                    host = ci.takeEphemeralPort(udp);
                    dynamic.add(host + (udp ? "/udp" : "/tcp"));
                } else {
                    host = p.hostPort();
                }
                bindings.add(NetworkBinding.builder()
                        .bindIP("0.0.0.0")
                        .containerPort(p.containerPort())
                        .hostPort(host)
                        .protocol(udp ? TransportProtocol.UDP : TransportProtocol.TCP)
                        .build());
            }
            c.networkBindings = List.copyOf(bindings);
        }
        t.dynamicPorts = List.copyOf(dynamic);
    }

    /** The task of {@code cluster} an id or ARN (also the old format without the cluster) names, or {@code null}. */
    TaskRecord lookup(ClusterRecord cluster, String ref) {
        if (ref == null) {
            return null;
        }
        String arn = ref.startsWith("arn:") ? ref : arns.task(cluster.name, ref);
        TaskRecord t = tasks.get(arn);
        if (t == null && ref.startsWith("arn:")) {
            // old-format ARN without the cluster name: arn:aws:ecs:region:account:task/<id>
            Optional<String> id = arns.resource(ref, "task");
            if (id.isPresent() && !id.get().contains("/")) {
                t = tasks.get(arns.task(cluster.name, id.get()));
            }
        }
        return t != null && t.clusterName.equals(cluster.name) ? t : null;
    }

    /** The task with this ARN, or {@code null}. */
    TaskRecord get(String arn) {
        return tasks.get(arn);
    }

    /** Every task, in creation order (the live collection: copy it before the lock is released). */
    Collection<TaskRecord> all() {
        return tasks.values();
    }

    /** Every task a service of this cluster and name ever started (the live index list; empty when none). */
    List<TaskRecord> ofService(String cluster, String service) {
        return byService.getOrDefault(serviceKey(cluster, service), List.of());
    }

    /** DescribeTasks: unknown ids come back as failures with reason MISSING. */
    EcsBackend.Described<Task> describe(ClusterRecord cluster, List<String> refs, boolean includeTags) {
        List<Task> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : refs) {
            TaskRecord t = lookup(cluster, ref);
            if (t == null) {
                failures.add(EcsBackend.missing(ref.startsWith("arn:") ? ref : arns.task(cluster.name, ref)));
            } else {
                found.add(t.toModel(includeTags));
            }
        }
        return new EcsBackend.Described<>(found, failures);
    }

    /**
     * ListTasks: ARNs of the cluster's tasks that match every filter given; {@code desiredStatus} defaults to
     * RUNNING.
     */
    List<String> arns(
            ClusterRecord cluster,
            String family,
            String serviceName,
            String startedBy,
            String desiredStatus,
            String launchType) {
        DesiredStatus wanted = desiredStatus == null ? DesiredStatus.RUNNING : DesiredStatus.fromValue(desiredStatus);
        LaunchType wantedLaunchType = LaunchType.fromValue(launchType);
        if (serviceName != null && serviceName.startsWith("arn:")) {
            serviceName = serviceName.substring(serviceName.lastIndexOf('/') + 1); // a service ARN names it too
        }
        List<String> result = new ArrayList<>();
        Collection<TaskRecord> candidates = serviceName == null ? tasks.values() : ofService(cluster.name, serviceName);
        for (TaskRecord t : candidates) {
            boolean match = t.clusterName.equals(cluster.name)
                    && statusMatches(t, wanted)
                    && (family == null || family.equals(t.taskDefinition.family()))
                    && (serviceName == null || serviceName.equals(t.serviceName))
                    && (startedBy == null || startedBy.equals(t.startedBy))
                    && (wantedLaunchType == null
                            || wantedLaunchType == t.launchType
                            || (wantedLaunchType == LaunchType.FARGATE && t.capacityProviderName != null));
            if (match) {
                result.add(t.arn);
            }
        }
        return result;
    }

    private static boolean statusMatches(TaskRecord t, DesiredStatus wanted) {
        if (wanted == DesiredStatus.PENDING) {
            return t.desiredStatus == DesiredStatus.RUNNING && t.lastStatus.pending();
        }
        return wanted == t.desiredStatus;
    }

    /** The cluster's RUNNING tasks and those not running yet. */
    Clusters.TaskCounts counts(String cluster) {
        int running = 0;
        int pending = 0;
        for (TaskRecord t : tasks.values()) {
            if (t.clusterName.equals(cluster)) {
                if (t.lastStatus == TaskStatus.RUNNING) {
                    running++;
                } else if (t.lastStatus.pending()) {
                    pending++;
                }
            }
        }
        return new Clusters.TaskCounts(running, pending);
    }

    /** Whether the cluster has a task that is not STOPPED. */
    boolean anyActive(String cluster) {
        for (TaskRecord t : tasks.values()) {
            if (t.clusterName.equals(cluster) && t.lastStatus != TaskStatus.STOPPED) {
                return true;
            }
        }
        return false;
    }

    private static String serviceKey(String cluster, String service) {
        return cluster + "/" + service;
    }
}
