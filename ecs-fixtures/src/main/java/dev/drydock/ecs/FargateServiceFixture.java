package dev.drydock.ecs;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.Fixture;
import dev.drydock.core.spi.AwsException;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * A Fargate service to create: registers the task definition file, then CreateService with launch type FARGATE and
 * an awsvpc network configuration. See {@link EcsFixtures#fargateService}.
 */
public final class FargateServiceFixture implements Fixture {
    private final String cluster;
    private final String name;
    private final String taskDefinitionResource;
    private int desiredCount = 1;
    private List<String> subnets = List.of(EcsFixtures.DEFAULT_SUBNET);

    FargateServiceFixture(String cluster, String name, String taskDefinitionResource) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.name = Objects.requireNonNull(name, "name");
        this.taskDefinitionResource = Objects.requireNonNull(taskDefinitionResource, "taskDefinitionResource");
    }

    /** How many tasks the service keeps running (default 1, at least 0). */
    public FargateServiceFixture desiredCount(int desiredCount) {
        if (desiredCount < 0) {
            throw new DrydockException(describe() + ": desiredCount is " + desiredCount + "; it must be 0 or more.");
        }
        this.desiredCount = desiredCount;
        return this;
    }

    /** The subnets of the service's awsvpc configuration (default: {@link EcsFixtures#DEFAULT_SUBNET}). */
    public FargateServiceFixture subnets(String... subnets) {
        this.subnets = List.of(subnets);
        return this;
    }

    @Override
    public void apply(Drydock drydock) {
        if (desiredCount > 0) {
            EcsFixtures.module(drydock).preflight();
        }
        TaskDefinition td = EcsFixtures.register(drydock, taskDefinitionResource);
        CreateServiceRequest request = CreateServiceRequest.builder()
                .cluster(cluster)
                .serviceName(name)
                .taskDefinition(td.taskDefinitionArn())
                .desiredCount(desiredCount)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(
                        n -> n.awsvpcConfiguration(v -> v.subnets(subnets).assignPublicIp(AssignPublicIp.DISABLED)))
                .build();
        try {
            EcsFixtures.module(drydock).adminCalls().call("ecs", request, CreateServiceResponse.class);
        } catch (AwsException e) {
            String hint = "ClusterNotFoundException".equals(e.errorCode())
                    ? " Declare the cluster first, e.g. @EcsCluster(name = \"" + cluster + "\")."
                    : e.getMessage().startsWith("Task definition does not support launch_type FARGATE")
                            ? " A Fargate task definition needs \"requiresCompatibilities\": [\"FARGATE\"], \"networkMode\": "
                                    + "\"awsvpc\" and task-level \"cpu\" and \"memory\"."
                            : e.getMessage().startsWith("ECS was unable to assume the role")
                                    ? " Declare the role, e.g. @IamRole(name = ...), with a trust policy that allows "
                                            + "ecs-tasks.amazonaws.com (the default)."
                                    : "";
            throw new DrydockException(
                    "ECS refuses to create the service: " + e.errorCode() + ": " + e.getMessage() + hint, e);
        }
    }

    @Override
    public String describe() {
        return "EcsFixtures.fargateService(\"" + cluster + "\", \"" + name + "\", \"" + taskDefinitionResource + "\")";
    }
}
