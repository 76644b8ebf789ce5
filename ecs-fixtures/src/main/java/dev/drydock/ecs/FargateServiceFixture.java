package dev.drydock.ecs;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.Fixture;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.TargetRegistry;
import dev.drydock.ecs.internal.fixtures.TaskDefinitionFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * A Fargate service to create: registers the task definition file, then CreateService with launch type FARGATE and
 * an awsvpc network configuration. See {@link EcsFixtures#fargateService}.
 *
 * <pre>{@code
 * EcsFixtures.fargateService("shop", "orders", "ecs/orders.json")
 *         .desiredCount(2)
 *         .minimumHealthyPercent(50)
 *         .circuitBreaker(true)                                   // with rollback
 *         .environment("app", "DATABASE_URL", () -> postgres.getJdbcUrl())
 * }</pre>
 */
public final class FargateServiceFixture implements Fixture {
    private final String cluster;
    private final String name;
    private final String taskDefinitionResource;
    private int desiredCount = 1;
    private List<String> subnets = List.of(EcsFixtures.DEFAULT_SUBNET);
    private final DeploymentConfiguration.Builder deployment = DeploymentConfiguration.builder();
    private boolean deploymentSet;
    /** Environment to add, by container name ({@code null}: every container), in the order given. */
    private final List<EnvironmentEntry> environment = new ArrayList<>();

    /** Load balancers to register the service's tasks with: target group (name or ARN), container, port. */
    private final List<LoadBalancerEntry> loadBalancers = new ArrayList<>();

    private Integer healthCheckGracePeriodSeconds;

    private record EnvironmentEntry(String container, String name, Supplier<String> value) {}

    private record LoadBalancerEntry(String targetGroup, String containerName, int containerPort) {}

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

    /**
     * The deployment configuration of CreateService (ECS's defaults when not set: minimum healthy 100%, maximum 200%,
     * no circuit breaker), e.g. {@code d -> d.minimumHealthyPercent(50).deploymentCircuitBreaker(b ->
     * b.enable(true).rollback(true))}. Adds to what {@link #minimumHealthyPercent}, {@link #maximumPercent} and
     * {@link #circuitBreaker} set.
     */
    public FargateServiceFixture deploymentConfiguration(Consumer<DeploymentConfiguration.Builder> configuration) {
        configuration.accept(deployment);
        deploymentSet = true;
        return this;
    }

    /**
     * The lower limit of running tasks during a deployment, in percent of the desired count (ECS's default: 100).
     */
    public FargateServiceFixture minimumHealthyPercent(int percent) {
        return deploymentConfiguration(d -> d.minimumHealthyPercent(percent));
    }

    /** The upper limit of running or pending tasks during a deployment, in percent of the desired count (200). */
    public FargateServiceFixture maximumPercent(int percent) {
        return deploymentConfiguration(d -> d.maximumPercent(percent));
    }

    /**
     * Turns on the deployment circuit breaker: a deployment whose tasks keep failing fails (rolloutState FAILED)
     * instead of retrying for ever, and with {@code rollback} the service returns to its last completed deployment.
     */
    public FargateServiceFixture circuitBreaker(boolean rollback) {
        return deploymentConfiguration(
                d -> d.deploymentCircuitBreaker(b -> b.enable(true).rollback(rollback)));
    }

    /**
     * An environment variable for one container of the service's tasks (for example a database URL that a
     * Testcontainers container has only once started). It is written into that container definition's
     * {@code environment} (replacing a variable of the same name) in the task definition revision the fixture
     * registers: in ECS a service's tasks get their environment from their task definition (CreateService has no
     * container overrides), so {@code DescribeTaskDefinition} shows it too.
     *
     * @param container the container definition's name
     * @param value asked when the fixture applies (before the class's first test)
     */
    public FargateServiceFixture environment(String container, String name, Supplier<String> value) {
        environment.add(new EnvironmentEntry(
                Objects.requireNonNull(container, "container"),
                Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(value, "value")));
        return this;
    }

    /** {@link #environment(String, String, Supplier)} with a value known now. */
    public FargateServiceFixture environment(String container, String name, String value) {
        Objects.requireNonNull(value, "value");
        return environment(container, name, () -> value);
    }

    /** An environment variable for every container of the service's tasks; see {@link #environment(String, String, Supplier)}. */
    public FargateServiceFixture environment(String name, String value) {
        Objects.requireNonNull(value, "value");
        environment.add(new EnvironmentEntry(null, Objects.requireNonNull(name, "name"), () -> value));
        return this;
    }

    /**
     * Puts the service behind a load balancer ({@code loadBalancers} of CreateService): each task, once RUNNING, is
     * registered in the target group as its private IP and {@code containerPort}, counted only when healthy there,
     * and deregistered and drained before it stops. Up to 5. Needs drydock-elb-fixtures and the target group declared
     * before (e.g. {@code @ElbTargetGroup} with target type {@code ip}, attached to a load balancer's listener).
     *
     * @param targetGroup the target group's name or ARN
     * @param containerName a container of the task definition
     * @param containerPort a {@code containerPort} of that container's port mappings
     */
    public FargateServiceFixture loadBalancer(String targetGroup, String containerName, int containerPort) {
        loadBalancers.add(new LoadBalancerEntry(
                Objects.requireNonNull(targetGroup, "targetGroup"),
                Objects.requireNonNull(containerName, "containerName"),
                containerPort));
        return this;
    }

    /**
     * How long, in seconds, ECS ignores failing ELB health checks of a new task ({@code healthCheckGracePeriodSeconds};
     * default 0). Shortened by the ELB time scale like ELB's own periods.
     */
    public FargateServiceFixture healthCheckGracePeriodSeconds(int seconds) {
        if (seconds < 0) {
            throw new DrydockException(
                    describe() + ": healthCheckGracePeriodSeconds is " + seconds + "; it must be 0 " + "or more.");
        }
        this.healthCheckGracePeriodSeconds = seconds;
        return this;
    }

    @Override
    public void apply(Drydock drydock) {
        if (desiredCount > 0) {
            EcsFixtures.module(drydock).preflight();
        }
        TaskDefinition td = EcsFixtures.register(
                drydock,
                withEnvironment(TaskDefinitionFiles.readResource(taskDefinitionResource)),
                taskDefinitionResource);
        CreateServiceRequest.Builder request = CreateServiceRequest.builder()
                .cluster(cluster)
                .serviceName(name)
                .taskDefinition(td.taskDefinitionArn())
                .desiredCount(desiredCount)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(
                        n -> n.awsvpcConfiguration(v -> v.subnets(subnets).assignPublicIp(AssignPublicIp.DISABLED)));
        if (deploymentSet) {
            request.deploymentConfiguration(deployment.build());
        }
        if (!loadBalancers.isEmpty()) {
            request.loadBalancers(loadBalancers(drydock));
        }
        request.healthCheckGracePeriodSeconds(healthCheckGracePeriodSeconds);
        try {
            EcsFixtures.module(drydock).adminCalls().call("ecs", request.build(), CreateServiceResponse.class);
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

    /** The load balancers, target groups named by ARN (a name is looked up in Elastic Load Balancing). */
    private List<LoadBalancer> loadBalancers(Drydock drydock) {
        TargetRegistry elb;
        try {
            elb = drydock.service(TargetRegistry.class);
        } catch (DrydockException e) {
            throw new DrydockException(
                    describe() + " names load balancers, but Elastic Load Balancing is not on the classpath: add "
                            + TargetRegistry.ARTIFACT + " to the test's dependencies.",
                    e);
        }
        List<LoadBalancer> result = new ArrayList<>();
        for (LoadBalancerEntry e : loadBalancers) {
            String arn = elb.targetGroup(e.targetGroup())
                    .map(TargetRegistry.TargetGroup::arn)
                    .orElseThrow(() -> new DrydockException(describe() + ": there is no target group '"
                            + e.targetGroup() + "': declare it first, e.g. @ElbTargetGroup(name = \"" + e.targetGroup()
                            + "\") or ElbFixtures.targetGroup(\"" + e.targetGroup() + "\")."));
            result.add(LoadBalancer.builder()
                    .targetGroupArn(arn)
                    .containerName(e.containerName())
                    .containerPort(e.containerPort())
                    .build());
        }
        return result;
    }

    /** The task definition with the environment variables added; refuses a container name it does not have. */
    private RegisterTaskDefinitionRequest withEnvironment(RegisterTaskDefinitionRequest request) {
        if (environment.isEmpty()) {
            return request;
        }
        List<String> names = request.containerDefinitions().stream()
                .map(ContainerDefinition::name)
                .toList();
        for (EnvironmentEntry e : environment) {
            if (e.container() != null && !names.contains(e.container())) {
                throw new DrydockException("the environment variable " + e.name() + " is for the container '"
                        + e.container() + "', which " + taskDefinitionResource + " does not define; its containers are "
                        + names + ".");
            }
        }
        List<ContainerDefinition> containers = new ArrayList<>();
        for (ContainerDefinition c : request.containerDefinitions()) {
            Map<String, String> env = new LinkedHashMap<>();
            for (KeyValuePair pair : c.environment()) {
                env.put(pair.name(), pair.value());
            }
            for (EnvironmentEntry e : environment) {
                if (e.container() == null || e.container().equals(c.name())) {
                    String value = e.value().get();
                    if (value == null) {
                        throw new DrydockException("the environment variable " + e.name() + " for the container '"
                                + c.name() + "' has no value (its supplier answered null).");
                    }
                    env.remove(e.name()); // a replaced variable moves to the end, as a later declaration
                    env.put(e.name(), value);
                }
            }
            List<KeyValuePair> pairs = new ArrayList<>();
            env.forEach(
                    (k, v) -> pairs.add(KeyValuePair.builder().name(k).value(v).build()));
            containers.add(c.toBuilder().environment(pairs).build());
        }
        return request.toBuilder().containerDefinitions(containers).build();
    }

    @Override
    public String describe() {
        return "EcsFixtures.fargateService(\"" + cluster + "\", \"" + name + "\", \"" + taskDefinitionResource + "\")";
    }
}
