package dev.drydock.ecs;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.Fixture;
import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsServiceModule;
import dev.drydock.ecs.internal.fixtures.TaskDefinitionFiles;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * ECS infrastructure to declare in a {@link Drydock} instance: the programmatic twins of {@code @EcsCluster} and
 * {@code @FargateService}.
 *
 * <pre>{@code
 * Drydock drydock = Drydock.builder()
 *         .fixture(EcsFixtures.cluster("shop"))
 *         .fixture(EcsFixtures.fargateService("shop", "web", "ecs/web.json").desiredCount(2))
 *         .start();
 * }</pre>
 */
public final class EcsFixtures {
    /** The subnet services use unless told otherwise; any syntactically valid subnet id works in Drydock. */
    public static final String DEFAULT_SUBNET = "subnet-0d2c4a1e5b6f70819";

    private EcsFixtures() {}

    /**
     * A cluster (CreateCluster; creating an existing active cluster again is a no-op, as in ECS).
     *
     * @param name the cluster name: up to 255 letters, digits, hyphens and underscores
     */
    public static Fixture cluster(String name) {
        return new Fixture() {
            @Override
            public void apply(Drydock drydock) {
                try {
                    module(drydock)
                            .adminCalls()
                            .call(
                                    "ecs",
                                    CreateClusterRequest.builder()
                                            .clusterName(name)
                                            .build(),
                                    CreateClusterResponse.class);
                } catch (AwsException e) {
                    throw new DrydockException(
                            "ECS refuses to create the cluster: " + e.errorCode() + ": " + e.getMessage(), e);
                }
            }

            @Override
            public String describe() {
                return "EcsFixtures.cluster(\"" + name + "\")";
            }
        };
    }

    /**
     * A task definition registered from a classpath resource in the JSON format that
     * {@code aws ecs register-task-definition --cli-input-json} takes (each registration is the family's next
     * revision), before the class's first test: {@code DrydockExtension.builder().fixture(EcsFixtures.taskDefinition(
     * "ecs/orders-cli.json"))}. To register it from a test, use {@link #taskDefinitionRequest(String)}.
     *
     * @param resource e.g. {@code ecs/orders-cli.json} for {@code src/test/resources/ecs/orders-cli.json}
     */
    public static Fixture taskDefinition(String resource) {
        return new Fixture() {
            @Override
            public void apply(Drydock drydock) {
                register(drydock, resource);
            }

            @Override
            public String describe() {
                return "EcsFixtures.taskDefinition(\"" + resource + "\")";
            }
        };
    }

    /**
     * The RegisterTaskDefinition request a task definition file holds (the JSON of
     * {@code aws ecs register-task-definition --cli-input-json}), for a test to register itself:
     *
     * <pre>{@code ecs.registerTaskDefinition(EcsFixtures.taskDefinitionRequest("ecs/orders-cli.json"));}</pre>
     *
     * @param resource a classpath resource, e.g. {@code ecs/orders-cli.json} for
     *     {@code src/test/resources/ecs/orders-cli.json}
     * @throws DrydockException when the resource is missing or not JSON, or has members RegisterTaskDefinition does not
     *     take (such as those DescribeTaskDefinition adds: {@code taskDefinitionArn}, {@code revision} ...), naming them
     */
    public static RegisterTaskDefinitionRequest taskDefinitionRequest(String resource) {
        return TaskDefinitionFiles.readResource(resource);
    }

    /**
     * A REPLICA service on Fargate running the task definition in {@code taskDefinitionResource} (registered as the
     * family's next revision), with desired count 1 unless set.
     *
     * @param cluster the cluster's name; it must be declared (or created) before
     * @param name the service name
     * @param taskDefinitionResource classpath resource holding RegisterTaskDefinition JSON, e.g. {@code ecs/web.json}
     */
    public static FargateServiceFixture fargateService(String cluster, String name, String taskDefinitionResource) {
        return new FargateServiceFixture(cluster, name, taskDefinitionResource);
    }

    /**
     * EC2 capacity: {@code count} container instances of {@code instanceType} registered to {@code cluster}, as the ECS
     * agent registers them, spread over the region's availability zones {@code a}, {@code b} and {@code c} unless
     * {@link ContainerInstancesFixture#availabilityZones} says otherwise.
     *
     * @param cluster the cluster's name; it must be declared (or created) before
     * @param count how many instances, at least 1
     * @param instanceType an EC2 instance type whose size Drydock knows: t3, m5, m6i, c6i and r6i sizes (large to
     *     4xlarge; t3 from micro), e.g. {@code m5.large} (2 vCPUs = 2,048 CPU units, 8,192 MiB)
     */
    public static ContainerInstancesFixture containerInstances(String cluster, int count, String instanceType) {
        return new ContainerInstancesFixture(cluster, count, instanceType);
    }

    static EcsServiceModule module(Drydock drydock) {
        return EcsServiceModule.of(drydock);
    }

    /** RegisterTaskDefinition of a task definition file, as the test principal. */
    static TaskDefinition register(Drydock drydock, String resource) {
        return register(drydock, TaskDefinitionFiles.readResource(resource), resource);
    }

    /** RegisterTaskDefinition, as the test principal; {@code resource} names where the request came from. */
    static TaskDefinition register(Drydock drydock, RegisterTaskDefinitionRequest request, String resource) {
        try {
            return module(drydock)
                    .adminCalls()
                    .call("ecs", request, RegisterTaskDefinitionResponse.class)
                    .taskDefinition();
        } catch (AwsException e) {
            throw new DrydockException(
                    "ECS refuses the task definition in '" + resource + "': " + e.errorCode() + ": " + e.getMessage(),
                    e);
        }
    }
}
