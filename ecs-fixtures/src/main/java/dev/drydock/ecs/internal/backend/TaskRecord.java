package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.TargetRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Connectivity;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.EphemeralStorage;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/** One task's state. Fields are guarded by the backend's lock; read it through {@link EcsBackend}. */
public final class TaskRecord {
    /** The status of a task's ENI attachment (the SDK has no enum for it), as ECS moves it. */
    enum AttachmentStatus {
        PRECREATED,
        ATTACHED,
        DETACHED,
        DELETED
    }

    final String id;
    final String arn;
    final String clusterName;
    final String clusterArn;
    final TaskDefinition taskDefinition;
    final TaskOverride overrides;
    final String group;
    final String startedBy;
    final LaunchType launchType;
    final String capacityProviderName;
    final String platformVersion;
    final AwsVpcConfiguration awsvpc;
    final List<Tag> mutableTags;
    final Instant createdAt;
    final String serviceName;
    final boolean enableExecuteCommand;
    /** Set when placed: a task waiting for capacity has none yet. */
    String availabilityZone;
    /** Waiting in PROVISIONING for its Auto Scaling group capacity provider's instances (not launched yet). */
    boolean awaitingCapacity;
    /** The placement rules it was created with, for a task placed later. */
    PlacementEngine.Rules placementRules;

    final List<ContainerRecord> containers = new ArrayList<>();
    final List<TimelineEntry> timeline = new ArrayList<>();

    long version = 1;
    TaskStatus lastStatus = TaskStatus.PROVISIONING;
    DesiredStatus desiredStatus = DesiredStatus.RUNNING;
    TaskStopCode stopCode;
    String stoppedReason;
    Instant pullStartedAt;
    Instant pullStoppedAt;
    Instant startedAt;
    Instant connectivityAt;
    Instant stoppingAt;
    Instant executionStoppedAt;
    Instant stoppedAt;
    boolean reachedRunning;
    boolean failureCounted;
    boolean successCounted;
    /** Whether the task was registered in its service's target groups (once, when it reached RUNNING). */
    boolean targetsRegistered;
    /** Where the task is registered as a load balancer target. */
    final List<Registration> registrations = new ArrayList<>();
    /** Told to stop while registered: it is to be deregistered and drained before its containers stop. */
    boolean drainPending;
    /** When its deregistration ends at the latest (set when it was deregistered). */
    Instant drainEndsAt;
    /** Told of every lastStatus change, under the backend's lock (the backend emits task state change events). */
    Consumer<TaskRecord> statusListener;

    final String attachmentId = UUID.randomUUID().toString();
    AttachmentStatus attachmentStatus = AttachmentStatus.PRECREATED;
    String subnetId;
    String eniId;
    String macAddress;
    String privateIp;
    String sandboxRuntimeId;
    Map<String, Integer> hostPorts = Map.of();
    /** The container instance the task was placed on (EC2), and what it takes there; else {@code null}. */
    ContainerInstanceRecord containerInstance;

    PlacementEngine.Demand demand;
    /** Dynamic host ports taken on the instance ({@code <port>/tcp} or {@code <port>/udp}), given back at STOPPED. */
    List<String> dynamicPorts = List.of();

    TaskRecord(Builder b) {
        this.id = b.id;
        this.arn = b.arn;
        this.clusterName = b.clusterName;
        this.clusterArn = b.clusterArn;
        this.taskDefinition = b.taskDefinition;
        this.overrides = b.overrides;
        this.group = b.group;
        this.startedBy = b.startedBy;
        this.launchType = b.launchType;
        this.capacityProviderName = b.capacityProviderName;
        this.platformVersion = b.platformVersion;
        this.awsvpc = b.awsvpc;
        this.mutableTags = new ArrayList<>(b.tags);
        this.createdAt = b.createdAt;
        this.serviceName = b.serviceName;
        this.enableExecuteCommand = b.enableExecuteCommand;
        this.availabilityZone = b.availabilityZone;
        this.subnetId = awsvpc == null || awsvpc.subnets().isEmpty()
                ? null
                : awsvpc.subnets().get(0);
        timeline.add(new TimelineEntry(createdAt, "PROVISIONING", "task created (desiredStatus RUNNING)"));
    }

    public String arn() {
        return arn;
    }

    public String id() {
        return id;
    }

    public String clusterName() {
        return clusterName;
    }

    public TaskDefinition taskDefinition() {
        return taskDefinition;
    }

    public TaskStatus lastStatus() {
        return lastStatus;
    }

    /** RUNNING, or STOPPED once the task was told to stop. */
    public String desiredStatus() {
        return desiredStatus.toString();
    }

    /** Whether the task was told to stop (desiredStatus STOPPED). */
    public boolean stopRequested() {
        return desiredStatus == DesiredStatus.STOPPED;
    }

    public String startedBy() {
        return startedBy;
    }

    public String serviceName() {
        return serviceName;
    }

    public String group() {
        return group;
    }

    /** Why the task was told to stop ({@code UserInitiated} ...), or {@code null}. */
    public String stopCode() {
        return stopCode == null ? null : stopCode.toString();
    }

    public String stoppedReason() {
        return stoppedReason;
    }

    public boolean reachedRunning() {
        return reachedRunning;
    }

    public List<ContainerRecord> containers() {
        return Collections.unmodifiableList(containers);
    }

    public String privateIp() {
        return privateIp;
    }

    public String sandboxRuntimeId() {
        return sandboxRuntimeId;
    }

    /** The ARN of the container instance the task was placed on (EC2), or {@code null} (Fargate). */
    public String containerInstanceArn() {
        return containerInstance == null ? null : containerInstance.arn;
    }

    /** The EC2 instance id of the container instance the task was placed on, or {@code null} (Fargate). */
    public String ec2InstanceId() {
        return containerInstance == null ? null : containerInstance.ec2InstanceId;
    }

    /**
     * The task's network mode as ECS applies it: the task definition's, else {@code awsvpc} on Fargate and
     * {@code bridge} on a container instance (the default of Linux container instances).
     */
    public NetworkMode networkMode() {
        if (taskDefinition.networkMode() != null
                && taskDefinition.networkMode() != NetworkMode.UNKNOWN_TO_SDK_VERSION) {
            return taskDefinition.networkMode();
        }
        return containerInstance == null ? NetworkMode.AWSVPC : NetworkMode.BRIDGE;
    }

    /** Container ports ({@code 80/tcp}) to the host loopback ports they are published on. */
    public Map<String, Integer> hostPorts() {
        return hostPorts;
    }

    public List<TimelineEntry> timeline() {
        return Collections.unmodifiableList(timeline);
    }

    /**
     * The EC2 host of the container instance the task was placed on (launch type EC2), with its instance profile; empty
     * for a Fargate task or one not placed yet.
     */
    public Optional<Ec2Instance> ec2Instance() {
        ContainerInstanceRecord ci = containerInstance;
        return ci == null ? Optional.empty() : Optional.ofNullable(ci.ec2Instance);
    }

    /** The launch type the task runs with ({@code FARGATE} or {@code EC2}). */
    public LaunchType launchType() {
        return launchType;
    }

    public AwsVpcConfiguration awsvpc() {
        return awsvpc;
    }

    /** The task-level memory in MiB (RunTask's override first), or {@code null} when the task has none. */
    public Integer taskMemoryMiB() {
        String m = overrides != null && overrides.memory() != null ? overrides.memory() : taskDefinition.memory();
        return m == null ? null : Integer.valueOf(TaskDefinitions.normalizeMemory(m));
    }

    /** The task-level CPU in CPU units, 1024 per vCPU (RunTask's override first), or {@code null} when it has none. */
    public Integer taskCpuUnits() {
        String c = overrides != null && overrides.cpu() != null ? overrides.cpu() : taskDefinition.cpu();
        return c == null ? null : Integer.valueOf(TaskDefinitions.normalizeCpu(c));
    }

    /** RunTask's overrides, or {@code null}. */
    public TaskOverride overrides() {
        return overrides;
    }

    /** The container overrides for {@code containerName}, if RunTask gave any. */
    public ContainerOverride overrideFor(String containerName) {
        if (overrides == null) {
            return null;
        }
        for (ContainerOverride o : overrides.containerOverrides()) {
            if (containerName.equals(o.name())) {
                return o;
            }
        }
        return null;
    }

    /**
     * The task's health, from its essential containers' health checks (its other containers' when no essential one
     * has a check): UNHEALTHY if one is unhealthy, else UNKNOWN if one has no result yet, else HEALTHY; UNKNOWN
     * without checks (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Task.html, healthStatus).
     */
    HealthStatus healthStatus() {
        List<ContainerRecord> checked = containers.stream()
                .filter(c -> c.essential() && c.hasHealthCheck())
                .toList();
        if (checked.isEmpty()) {
            checked =
                    containers.stream().filter(ContainerRecord::hasHealthCheck).toList();
        }
        if (checked.isEmpty()) {
            return HealthStatus.UNKNOWN;
        }
        if (checked.stream().anyMatch(c -> c.healthStatus == HealthStatus.UNHEALTHY)) {
            return HealthStatus.UNHEALTHY;
        }
        return checked.stream().allMatch(c -> c.healthStatus == HealthStatus.HEALTHY)
                ? HealthStatus.HEALTHY
                : HealthStatus.UNKNOWN;
    }

    ContainerRecord container(String name) {
        for (ContainerRecord c : containers) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Moves the task forward to {@code next}; never backwards. Returns whether it moved. */
    boolean advance(TaskStatus next, Instant now, String detail) {
        if (next.ordinal() <= lastStatus.ordinal()) {
            return false;
        }
        lastStatus = next;
        version++;
        timeline.add(new TimelineEntry(now, next.name(), detail));
        if (statusListener != null) {
            statusListener.accept(this);
        }
        return true;
    }

    void note(Instant now, String event, String detail) {
        timeline.add(new TimelineEntry(now, event, detail));
    }

    /** Task CPU in units, as ECS reports it (an override of "1 vCPU" is 1024). */
    String cpu() {
        if (overrides != null && overrides.cpu() != null) {
            return TaskDefinitions.normalizeCpu(overrides.cpu());
        }
        return taskDefinition.cpu();
    }

    /** Task memory in MiB, as ECS reports it (an override of "2 GB" is 2048). */
    String memory() {
        if (overrides != null && overrides.memory() != null) {
            return TaskDefinitions.normalizeMemory(overrides.memory());
        }
        return taskDefinition.memory();
    }

    Task toModel(boolean includeTags) {
        List<Container> containerModels = new ArrayList<>();
        for (ContainerRecord c : containers) {
            containerModels.add(c.toModel(arn, awsvpc == null ? null : privateIp, attachmentId));
        }
        List<KeyValuePair> details = new ArrayList<>();
        if (subnetId != null) {
            details.add(KeyValuePair.builder().name("subnetId").value(subnetId).build());
        }
        if (eniId != null) {
            details.add(KeyValuePair.builder()
                    .name("networkInterfaceId")
                    .value(eniId)
                    .build());
            details.add(
                    KeyValuePair.builder().name("macAddress").value(macAddress).build());
            details.add(KeyValuePair.builder()
                    .name("privateDnsName")
                    .value(privateDnsName())
                    .build());
            details.add(KeyValuePair.builder()
                    .name("privateIPv4Address")
                    .value(privateIp)
                    .build());
        }
        Task.Builder b = Task.builder()
                .taskArn(arn)
                .clusterArn(clusterArn)
                .taskDefinitionArn(taskDefinition.taskDefinitionArn())
                .overrides(overridesModel())
                .lastStatus(lastStatus.name())
                .desiredStatus(desiredStatus.toString())
                .cpu(cpu())
                .memory(memory())
                .containers(containerModels)
                .version(version)
                .createdAt(createdAt)
                .group(group)
                .launchType(launchType)
                .platformVersion(platformVersion)
                .platformFamily("Linux")
                .availabilityZone(availabilityZone)
                .healthStatus(healthStatus())
                .enableExecuteCommand(enableExecuteCommand)
                .attachments(
                        awsvpc == null
                                ? List.of()
                                : List.of(Attachment.builder()
                                        .id(attachmentId)
                                        .type("ElasticNetworkInterface")
                                        .status(attachmentStatus.name())
                                        .details(details)
                                        .build()))
                .attributes(Attribute.builder()
                        .name("ecs.cpu-architecture")
                        .value("x86_64")
                        .build())
                .ephemeralStorage(EphemeralStorage.builder().sizeInGiB(20).build());
        if (capacityProviderName != null) {
            b.capacityProviderName(capacityProviderName);
        }
        if (containerInstance != null) {
            b.containerInstanceArn(containerInstance.arn);
        }
        if (startedBy != null) {
            b.startedBy(startedBy);
        }
        if (includeTags) {
            b.tags(mutableTags);
        }
        if (stopCode != null) {
            b.stopCode(stopCode);
        }
        if (stoppedReason != null) {
            b.stoppedReason(stoppedReason);
        }
        if (connectivityAt != null) {
            b.connectivity(Connectivity.CONNECTED).connectivityAt(connectivityAt);
        }
        if (pullStartedAt != null) {
            b.pullStartedAt(pullStartedAt);
        }
        if (pullStoppedAt != null) {
            b.pullStoppedAt(pullStoppedAt);
        }
        if (startedAt != null) {
            b.startedAt(startedAt);
        }
        if (stoppingAt != null) {
            b.stoppingAt(stoppingAt);
        }
        if (executionStoppedAt != null) {
            b.executionStoppedAt(executionStoppedAt);
        }
        if (stoppedAt != null) {
            b.stoppedAt(stoppedAt);
        }
        return b.build();
    }

    /** RunTask's overrides as ECS reports them: one container override per container, named, even when empty. */
    private TaskOverride overridesModel() {
        List<ContainerOverride> perContainer = new ArrayList<>();
        for (ContainerRecord c : containers) {
            ContainerOverride given = overrideFor(c.name());
            perContainer.add(
                    given != null
                            ? given
                            : ContainerOverride.builder().name(c.name()).build());
        }
        TaskOverride.Builder b = overrides == null ? TaskOverride.builder() : overrides.toBuilder();
        return b.containerOverrides(perContainer)
                .inferenceAcceleratorOverrides(List.of())
                .build();
    }

    String privateDnsName() {
        if (privateIp == null) {
            return null;
        }
        return "ip-" + privateIp.replace('.', '-')
                + ("us-east-1".equals(regionOf(arn)) ? ".ec2.internal" : "." + regionOf(arn) + ".compute.internal");
    }

    private static String regionOf(String arn) {
        return arn.split(":")[3];
    }

    /**
     * One entry of a task's state timeline.
     *
     * @param at when it happened
     * @param event a task status ({@code RUNNING}) or a container event ({@code container web RUNNING})
     * @param detail what happened, in words
     */
    public record TimelineEntry(Instant at, String event, String detail) {}

    static Builder builder() {
        return new Builder();
    }

    /**
     * A task's registration as a load balancer target.
     *
     * @param targetGroupArn the target group
     * @param target the target: the task's private IP and the container port
     */
    record Registration(String targetGroupArn, TargetRegistry.Target target) {}

    static final class Builder {
        String id;
        String arn;
        String clusterName;
        String clusterArn;
        TaskDefinition taskDefinition;
        TaskOverride overrides;
        String group;
        String startedBy;
        LaunchType launchType;
        String capacityProviderName;
        String platformVersion;
        AwsVpcConfiguration awsvpc;
        List<Tag> tags = List.of();
        Instant createdAt;
        String serviceName;
        boolean enableExecuteCommand;
        String availabilityZone;
    }
}
