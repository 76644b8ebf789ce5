package dev.drydock.ecs.internal.backend;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.CRC32;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.NetworkInterface;

/** One container of a task. Guarded by the backend's lock. */
public final class ContainerRecord {
    /** A container's last status (the SDK has no enum for it). */
    public enum Status {
        PENDING,
        RUNNING,
        STOPPED
    }

    final ContainerDefinition definition;
    /** Host port bindings on the container instance (EC2 bridge and host modes), described once RUNNING. */
    List<NetworkBinding> networkBindings = List.of();

    final String arn;
    Status lastStatus = Status.PENDING;
    Integer exitCode;
    String reason;
    String runtimeId;
    String imageDigest;
    List<String> lastLogLines = List.of();
    /** HEALTHY, UNHEALTHY or UNKNOWN (no check, or no result yet). */
    HealthStatus healthStatus = HealthStatus.UNKNOWN;

    Instant healthSince;
    Instant createdAt;
    Instant startedAt;
    Instant finishedAt;
    final String metadataId;

    ContainerRecord(ContainerDefinition definition, String arn, String taskId) {
        this.definition = definition;
        this.arn = arn;
        CRC32 crc = new CRC32();
        crc.update(arn.getBytes(StandardCharsets.UTF_8));
        this.metadataId = taskId + "-" + crc.getValue();
    }

    /** The container's ARN. */
    public String arn() {
        return arn;
    }

    /**
     * The id Fargate gives the container in its task metadata ({@code DockerId}) and metadata URI:
     * {@code <task id>-<number>}.
     */
    public String metadataId() {
        return metadataId;
    }

    /** Whether the container definition has a health check (only those are watched, as on ECS). */
    public boolean hasHealthCheck() {
        return hasHealthCheck(definition);
    }

    /** Whether a container definition has a health check with a command. */
    public static boolean hasHealthCheck(ContainerDefinition definition) {
        return definition.healthCheck() != null
                && definition.healthCheck().hasCommand()
                && !definition.healthCheck().command().isEmpty();
    }

    /** HEALTHY, UNHEALTHY or UNKNOWN. */
    public HealthStatus healthStatus() {
        return healthStatus;
    }

    /** The container definition as registered. */
    public ContainerDefinition definition() {
        return definition;
    }

    /** The container definition's name. */
    /**
     * The container's host port bindings on its container instance (bridge and host mode), as placement bound them
     * (DescribeTasks shows them once the container runs); empty on Fargate and in awsvpc and none mode.
     */
    public List<NetworkBinding> networkBindings() {
        return networkBindings;
    }

    public String name() {
        return definition.name();
    }

    /** Whether the task stops when this container exits (ECS's default is true). */
    public boolean essential() {
        return definition.essential() == null || definition.essential();
    }

    /** The runtime's container id, once created. */
    public String runtimeId() {
        return runtimeId;
    }

    /** PENDING, RUNNING or STOPPED. */
    public Status lastStatus() {
        return lastStatus;
    }

    public Integer exitCode() {
        return exitCode;
    }

    public String reason() {
        return reason;
    }

    /** The last log lines captured when the container stopped (empty while it runs). */
    public List<String> lastLogLines() {
        return lastLogLines;
    }

    Container toModel(String taskArn, String privateIp, String attachmentId) {
        Container.Builder b = Container.builder()
                .containerArn(arn)
                .taskArn(taskArn)
                .name(definition.name())
                .image(definition.image())
                .lastStatus(lastStatus.name())
                .networkBindings(lastStatus == Status.RUNNING ? networkBindings : List.of())
                .healthStatus(healthStatus)
                .cpu(Integer.toString(definition.cpu() == null ? 0 : definition.cpu()));
        if (definition.memory() != null) {
            b.memory(definition.memory().toString());
        }
        if (definition.memoryReservation() != null) {
            b.memoryReservation(definition.memoryReservation().toString());
        }
        if (runtimeId != null) {
            b.runtimeId(runtimeId);
        }
        if (imageDigest != null) {
            b.imageDigest(imageDigest);
        }
        if (exitCode != null) {
            b.exitCode(exitCode);
        }
        if (reason != null) {
            b.reason(reason);
        }
        if (privateIp != null) {
            b.networkInterfaces(NetworkInterface.builder()
                    .attachmentId(attachmentId)
                    .privateIpv4Address(privateIp)
                    .build());
        }
        return b.build();
    }
}
