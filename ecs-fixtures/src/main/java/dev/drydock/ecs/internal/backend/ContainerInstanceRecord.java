package dev.drydock.ecs.internal.backend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TargetType;
import software.amazon.awssdk.services.ecs.model.VersionInfo;

/**
 * One container instance's state: the EC2 host it stands for, its registered and remaining resources (CPU units, MiB,
 * TCP and UDP ports), its attributes and the tasks placed on it. Guarded by the backend's lock.
 */
final class ContainerInstanceRecord {
    /** A container instance's status (the SDK's ContainerInstanceStatus is a request enum only). */
    enum Status {
        ACTIVE,
        DRAINING,
        INACTIVE
    }

    final String id;
    final String arn;
    final String clusterName;
    final String ec2InstanceId;
    final String instanceType;
    final String availabilityZone;
    /** The Auto Scaling group capacity provider whose group launched its EC2 instance, or null. */
    String capacityProviderName;
    /**
     * The instance's private IPv4 address: first the model's (or the identity document's), then, once the instance has
     * a footprint on a real container runtime, its address on Drydock's network (see {@code EcsBackend.instanceAddress}).
     */
    String privateIp;

    final Instant registeredAt;
    final VersionInfo versionInfo;
    /** Registered CPU units and MiB. */
    final int cpu;

    final int memory;
    /** Ports the instance reserves (the agent's ECS_RESERVED_PORTS and ECS_RESERVED_PORTS_UDP). */
    final Set<String> reservedPorts;

    final Set<String> reservedUdpPorts;
    /** Attributes by name (value {@code null} for a name-only attribute), built-in ones first. */
    final Map<String, String> attributes = new LinkedHashMap<>();

    final List<Tag> tags = new ArrayList<>();
    /** The tasks placed here that are not STOPPED yet, in placement order. */
    final Set<TaskRecord> tasks = new LinkedHashSet<>();
    /** How many of those tasks each task group has ({@code service:web}, {@code family:web} ...). */
    final Map<String, Integer> groups = new HashMap<>();

    /** The EC2 host as its instance metadata describes it, with its instance profile's role. */
    volatile Ec2Instance ec2Instance;

    Status status = Status.ACTIVE;
    boolean agentConnected = true;
    long version = 1;
    int remainingCpu;
    int remainingMemory;
    /** Host ports in use by tasks (reserved ports excluded). */
    final Set<String> usedPorts = new TreeSet<>();

    final Set<String> usedUdpPorts = new TreeSet<>();

    /** {@link #taskEniLimit} of an instance whose type Drydock does not know: not limited. */
    static final int UNLIMITED_ENIS = -1;

    /**
     * The network interfaces awsvpc tasks may attach: the instance type's maximum minus the primary interface, as
     * "Increasing Amazon ECS Linux container instance network interfaces" counts them
     * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html); ENI trunking
     * ({@code awsvpcTrunking}) is not modelled. {@link #UNLIMITED_ENIS} for a type Drydock does not know.
     */
    int taskEniLimit = UNLIMITED_ENIS;
    /** The network interfaces of awsvpc tasks placed here and not STOPPED yet. */
    int usedEnis;

    ContainerInstanceRecord(
            String id,
            String arn,
            String clusterName,
            String ec2InstanceId,
            String instanceType,
            String availabilityZone,
            String privateIp,
            Instant registeredAt,
            VersionInfo versionInfo,
            int cpu,
            int memory,
            Set<String> reservedPorts,
            Set<String> reservedUdpPorts) {
        this.id = id;
        this.arn = arn;
        this.clusterName = clusterName;
        this.ec2InstanceId = ec2InstanceId;
        this.instanceType = instanceType;
        this.availabilityZone = availabilityZone;
        this.privateIp = privateIp;
        this.registeredAt = registeredAt;
        this.versionInfo = versionInfo;
        this.cpu = cpu;
        this.memory = memory;
        this.reservedPorts = reservedPorts;
        this.reservedUdpPorts = reservedUdpPorts;
        this.remainingCpu = cpu;
        this.remainingMemory = memory;
    }

    boolean active() {
        return status == Status.ACTIVE;
    }

    /** Takes what a task placed here uses: CPU, memory, its fixed host ports and a place in its group's count. */
    void reserve(PlacementEngine.Demand demand) {
        remainingCpu -= demand.cpu();
        remainingMemory -= demand.memory();
        usedPorts.addAll(demand.tcpPorts());
        usedUdpPorts.addAll(demand.udpPorts());
        groups.merge(demand.group(), 1, Integer::sum);
        usedEnis += demand.enis();
        version++;
    }

    /** Whether {@code enis} more network interfaces can be attached for tasks. */
    boolean hasFreeEnis(int enis) {
        return taskEniLimit == UNLIMITED_ENIS || usedEnis + enis <= taskEniLimit;
    }

    /** Gives back what {@link #reserve} took, when the task stops. */
    void release(PlacementEngine.Demand demand) {
        remainingCpu += demand.cpu();
        remainingMemory += demand.memory();
        usedPorts.removeAll(demand.tcpPorts());
        usedUdpPorts.removeAll(demand.udpPorts());
        groups.computeIfPresent(demand.group(), (k, n) -> n <= 1 ? null : n - 1);
        usedEnis -= demand.enis();
        version++;
    }

    /** The ephemeral host port range dynamic port mappings use on an ECS-optimized AMI. */
    static final int EPHEMERAL_FIRST = 32768;

    static final int EPHEMERAL_LAST = 61000;

    private int nextEphemeral = EPHEMERAL_FIRST;

    /**
     * A free host port from the ephemeral range for a dynamic port mapping ({@code hostPort} 0 in bridge mode), taken
     * until {@link #releasePort}; {@code -1} when the range is exhausted.
     */
    int takeEphemeralPort(boolean udp) {
        Set<String> reserved = udp ? reservedUdpPorts : reservedPorts;
        Set<String> used = udp ? usedUdpPorts : usedPorts;
        int span = EPHEMERAL_LAST - EPHEMERAL_FIRST + 1;
        for (int i = 0; i < span; i++) {
            int port = nextEphemeral;
            nextEphemeral = port == EPHEMERAL_LAST ? EPHEMERAL_FIRST : port + 1;
            String p = Integer.toString(port);
            if (!reserved.contains(p) && used.add(p)) {
                version++;
                return port;
            }
        }
        return -1;
    }

    /** Gives back a port {@link #takeEphemeralPort} took. */
    void releasePort(int port, boolean udp) {
        (udp ? usedUdpPorts : usedPorts).remove(Integer.toString(port));
    }

    int runningTasksCount() {
        int n = 0;
        for (TaskRecord t : tasks) {
            if (t.lastStatus == TaskStatus.RUNNING) {
                n++;
            }
        }
        return n;
    }

    int pendingTasksCount() {
        return tasks.size() - runningTasksCount();
    }

    /** The attributes as ECS lists them, targetType {@code container-instance} with this instance's ARN. */
    List<Attribute> attributeModels(boolean withTarget) {
        List<Attribute> result = new ArrayList<>();
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            Attribute.Builder b = Attribute.builder().name(e.getKey()).value(e.getValue());
            if (withTarget) {
                b.targetType(TargetType.CONTAINER_INSTANCE).targetId(arn);
            }
            result.add(b.build());
        }
        return result;
    }

    /** As DescribeContainerInstances answers it. */
    ContainerInstance toModel(boolean includeTags) {
        ContainerInstance.Builder b = ContainerInstance.builder()
                .capacityProviderName(capacityProviderName)
                .containerInstanceArn(arn)
                .ec2InstanceId(ec2InstanceId)
                .version(version)
                .versionInfo(versionInfo)
                .status(status.name())
                .agentConnected(agentConnected)
                .runningTasksCount(runningTasksCount())
                .pendingTasksCount(pendingTasksCount())
                .registeredAt(registeredAt)
                .attributes(attributeModels(false))
                .registeredResources(resources(cpu, memory, reservedPorts, reservedUdpPorts))
                .remainingResources(resources(
                        remainingCpu,
                        remainingMemory,
                        union(reservedPorts, usedPorts),
                        union(reservedUdpPorts, usedUdpPorts)))
                .attachments(List.of());
        if (includeTags) {
            b.tags(tags);
        }
        return b.build();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> result = new LinkedHashSet<>(a);
        result.addAll(b);
        return result;
    }

    /**
     * The resources as the agent reports them: CPU and MEMORY as INTEGER, PORTS and PORTS_UDP as STRINGSET (the ports
     * taken: reserved, and in remainingResources also those in use).
     */
    private static List<Resource> resources(int cpu, int memory, Set<String> ports, Set<String> udpPorts) {
        return List.of(
                integer("CPU", cpu),
                integer("MEMORY", memory),
                Resource.builder()
                        .name("PORTS")
                        .type("STRINGSET")
                        .doubleValue(0.0)
                        .longValue(0L)
                        .integerValue(0)
                        .stringSetValue(ports)
                        .build(),
                Resource.builder()
                        .name("PORTS_UDP")
                        .type("STRINGSET")
                        .doubleValue(0.0)
                        .longValue(0L)
                        .integerValue(0)
                        .stringSetValue(udpPorts)
                        .build());
    }

    private static Resource integer(String name, int value) {
        return Resource.builder()
                .name(name)
                .type("INTEGER")
                .doubleValue(0.0)
                .longValue(0L)
                .integerValue(value)
                .build();
    }
}
