package dev.drydock.ecs.internal.imds;

import dev.drydock.core.spi.Settings;
import dev.drydock.ecs.internal.backend.Ec2Instance;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/**
 * Which tasks reach their container instance's metadata service, as on AWS
 * (https://repost.aws/knowledge-center/ecs-container-ec2-metadata,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ec2-security-considerations.html, and the ECS agent's
 * {@code ECS_AWSVPC_BLOCK_IMDS}, default {@code false}):
 *
 * <ul>
 *   <li>Fargate tasks never (no instance profile reaches a Fargate task);
 *   <li>EC2 tasks in {@code host} mode always (AWS: it cannot be prevented, the agent needs the host's namespace);
 *   <li>EC2 tasks in {@code bridge} mode (the default network mode on EC2) unless {@value #BLOCK_BRIDGE} is
 *       {@code true}: what AWS's documented iptables rule ({@code DOCKER-USER -d 169.254.169.254/32 -j DROP}) does;
 *   <li>EC2 tasks in {@code awsvpc} mode unless {@value #BLOCK_AWSVPC} is {@code true}: the agent's
 *       {@code ECS_AWSVPC_BLOCK_IMDS=true};
 *   <li>{@code none} mode never (no network).
 * </ul>
 */
public final class ImdsReach {
    /** The setting standing for the agent's ECS_AWSVPC_BLOCK_IMDS: awsvpc tasks on EC2 cannot reach IMDS. */
    public static final String BLOCK_AWSVPC = "ecs.awsvpc-block-imds";
    /** The setting standing for AWS's iptables rule for bridge networks: bridge tasks cannot reach IMDS. */
    public static final String BLOCK_BRIDGE = "ecs.bridge-block-imds";

    private final boolean blockAwsvpc;
    private final boolean blockBridge;

    ImdsReach(boolean blockAwsvpc, boolean blockBridge) {
        this.blockAwsvpc = blockAwsvpc;
        this.blockBridge = blockBridge;
    }

    /** The rules as the settings say. */
    public static ImdsReach of(Settings settings) {
        return new ImdsReach(
                Boolean.parseBoolean(settings.get(BLOCK_AWSVPC, "false")),
                Boolean.parseBoolean(settings.get(BLOCK_BRIDGE, "false")));
    }

    /** The instance whose metadata the task reaches, or empty when it reaches none. */
    public Optional<Ec2Instance> instanceFor(TaskRecord task) {
        if (task.launchType() != LaunchType.EC2) {
            return Optional.empty();
        }
        return task.ec2Instance().filter(i -> reaches(task.taskDefinition().networkMode()));
    }

    /** Whether an EC2 task of this network mode ({@code null}: bridge, the EC2 default) reaches IMDS. */
    boolean reaches(NetworkMode mode) {
        if (mode == null || mode == NetworkMode.BRIDGE) {
            return !blockBridge;
        }
        return switch (mode) {
            case HOST -> true;
            case AWSVPC -> !blockAwsvpc;
            default -> false;
        };
    }
}
