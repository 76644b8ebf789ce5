package dev.drydock.ecs.internal;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.report.Report;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.EcsAgent;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.core.spi.ReportContributor;
import dev.drydock.core.spi.ServiceCapacity;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.TargetRegistry;
import dev.drydock.ecs.EcsModule;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.Ec2Instance;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.backend.TaskRecord;
import dev.drydock.ecs.internal.backend.TaskStatus;
import dev.drydock.ecs.internal.capacity.AutoScalingCalls;
import dev.drydock.ecs.internal.capacity.ManagedDraining;
import dev.drydock.ecs.internal.capacity.ManagedScalingPolicies;
import dev.drydock.ecs.internal.capacity.ReservationMetrics;
import dev.drydock.ecs.internal.imds.InstanceMetadataService;
import dev.drydock.ecs.internal.lifecycle.ServiceScheduler;
import dev.drydock.ecs.internal.lifecycle.TaskCredentials;
import dev.drydock.ecs.internal.lifecycle.TaskLauncher;
import dev.drydock.ecs.internal.lifecycle.TaskMetadataEndpoint;
import dev.drydock.ecs.internal.metrics.ServiceMetrics;
import dev.drydock.ecs.internal.support.AccountPrincipals;
import dev.drydock.ecs.internal.support.TaskRoles;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.services.ecs.model.DeregisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterContainerInstanceResponse;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * The ECS module: builds the ECS model, registers its routing table ({@link EcsApi}), the container credentials
 * and task metadata endpoints, and runs tasks through the {@link TaskLauncher}. Found by {@link java.util.ServiceLoader};
 * its public face is {@link EcsModule}.
 */
public final class EcsServiceModule implements EcsModule, ServiceCapacity, ReportContributor, EcsAgent {
    /**
     * The setting for how long a service task without container health checks must have been RUNNING before it counts
     * as healthy (ECS: 40 seconds), as an ISO-8601 duration or seconds.
     */
    static final String TASK_HEALTHY_AFTER_RUNNING = "ecs.task-healthy-after-running";

    /**
     * The setting for how long a task of an Auto Scaling group capacity provider may wait in PROVISIONING for an
     * instance before it stops (30 minutes by default), as an ISO-8601 duration or seconds.
     */
    static final String PROVISIONING_TIMEOUT = "ecs.provisioning-timeout";

    private EcsBackend backend;
    private TaskLauncher launcher;
    private ServiceScheduler scheduler;
    private ServiceMetrics metrics;
    private ServiceContext context;
    private TaskCredentials credentials;
    private TaskRoles taskRoles;
    private AutoScalingCalls autoScaling;
    private ManagedScalingPolicies policies;
    private ReservationMetrics reservations;
    private ManagedDraining draining;

    @Override
    public String name() {
        return "ecs";
    }

    @Override
    public List<String> sdkEndpointSuffixes() {
        return List.of("Ecs");
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        backend = new EcsBackend(
                new EcsArns(context.region(), context.accountId()),
                context.clock(),
                context.settings().duration(TASK_HEALTHY_AFTER_RUNNING, Duration.ofSeconds(40)));
        backend.provisioningTimeout(context.settings().duration(PROVISIONING_TIMEOUT, Duration.ofMinutes(30)));
        backend.events(context.events());
        backend.targetRegistry(() -> context.module(TargetRegistry.class));
        backend.instances(context.vpc()::putInstance);
        backend.subnetZones(subnet -> context.vpc().isSubnetId(subnet)
                ? Optional.of(context.vpc().subnet(subnet).availabilityZone())
                : Optional.empty());
        credentials = new TaskCredentials(context.iam(), context.clock(), taskCredentialsLifetime(context));
        context.registerPath(TaskCredentials.PATH, credentials::handle);
        context.resourceTags(arn -> backend.tagMap(arn));
        launcher = new TaskLauncher(context, backend, credentials);
        context.registerPath(TaskMetadataEndpoint.PATH, launcher.metadata()::handle);
        context.registerPath(TaskMetadataEndpoint.PATH_V3, launcher.metadata()::handle);
        backend.lifecycle(launcher);
        scheduler = new ServiceScheduler(backend, context.clock());
        taskRoles = new TaskRoles(context.iam());
        // the routing table (and every request class) is built on first use or by the warm-up right after start, as
        // ECR's is: building it here cost about 60 ms of a fresh JVM's Drydock.start()
        autoScaling = new AutoScalingCalls(context::adminCalls);
        draining = new ManagedDraining(backend, context::adminCalls, this::deregisterContainerInstance);
        reservations = new ReservationMetrics(context, backend.capacityProviders(), autoScaling, context.scalingTime());
        policies = new ManagedScalingPolicies(autoScaling, backend.capacityProviders(), reservations::start);
        context.registerOnFirstUse(
                "ecs",
                EcsModule.TARGET_PREFIX,
                () -> EcsApi.routingTable(
                        backend,
                        taskRoles,
                        new AccountPrincipals(context.iam()),
                        context.clock(),
                        autoScaling,
                        policies));
        metrics = new ServiceMetrics(context, backend, context.scalingTime());
    }

    /**
     * How long task role credentials live: the setting {@code ecs.task-credentials-lifetime} (an ISO-8601 duration
     * such as {@code PT6H}, or seconds), 6 hours by default as on ECS.
     */
    private static Duration taskCredentialsLifetime(ServiceContext context) {
        String value = context.settings().get("ecs.task-credentials-lifetime", "PT6H");
        try {
            return value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new DrydockException(
                    "drydock.ecs.task-credentials-lifetime is '" + value
                            + "': use an ISO-8601 duration such as PT6H, or a number of seconds.",
                    e);
        }
    }

    /**
     * The ECS module of a Drydock instance, for Drydock's own fixtures, tests and benchmarks. Not a stable API.
     *
     * @throws dev.drydock.core.DrydockException when drydock-ecs-fixtures is not on the classpath
     */
    public static EcsServiceModule of(Drydock drydock) {
        return (EcsServiceModule) drydock.service(EcsModule.class);
    }

    /**
     * Gives a registered container instance an instance profile with {@code role} (what launching the EC2 instance
     * with an instance profile does): its instance metadata service serves the role's credentials to the tasks that
     * reach it. The instance profile is named after the role.
     *
     * @param containerInstanceArn the container instance
     * @param role the role's name or ARN; it must exist and trust {@code ec2.amazonaws.com}
     * @throws DrydockException when the role does not exist or does not trust EC2, saying how to fix it
     */
    public void instanceProfile(String containerInstanceArn, String role) {
        backend.capacity().instanceProfile(containerInstanceArn, instanceProfileRoleArn(role));
    }

    private String instanceProfileRoleArn(String role) {
        String roleArn = context.iam()
                .roleArn(role)
                .orElseThrow(() -> new DrydockException("The instance profile role " + role + " does not exist:"
                        + " declare it (@IamRole or IamFixtures.role) before the container instances."));
        if (!context.iam().trustsService(roleArn, "ec2.amazonaws.com")) {
            throw new DrydockException("The instance profile role " + role + " does not trust EC2: its trust policy"
                    + " must allow the service principal ec2.amazonaws.com sts:AssumeRole, or EC2 cannot give its"
                    + " credentials to the instance.");
        }
        return roleArn;
    }

    /**
     * The instance metadata service of a container instance, as the tasks on it reach it at 169.254.169.254, for
     * Drydock's own tests. Not a stable API.
     *
     * @throws IllegalArgumentException when no container instance has that ARN
     */
    public InstanceMetadataService instanceMetadata(String containerInstanceArn) {
        Ec2Instance instance = backend.capacity().ec2Instance(containerInstanceArn);
        if (instance == null) {
            throw new IllegalArgumentException("No container instance " + containerInstanceArn + " is registered.");
        }
        return launcher.instanceMetadata().service(instance);
    }

    /**
     * Makes the instance metadata service of a container instance answer at 169.254.169.254 inside the network
     * namespace of a running container on Drydock's network, as it does for the EC2 tasks on the instance; for
     * Drydock's own tests and network modes. Not a stable API. Waits for the container runtime.
     *
     * @throws IllegalArgumentException when no container instance has that ARN
     * @throws dev.drydock.core.runtime.RuntimeFailure when the namespace cannot be routed
     */
    public void attachInstanceMetadata(String namespaceContainerId, String containerInstanceArn) {
        Ec2Instance instance = backend.capacity().ec2Instance(containerInstanceArn);
        if (instance == null) {
            throw new IllegalArgumentException("No container instance " + containerInstanceArn + " is registered.");
        }
        launcher.instanceMetadata().attach(context.runtime(), namespaceContainerId, instance);
    }

    @Override
    public void preflight() {
        launcher.preflight();
    }

    /** The ECS API's operations, called as the test principal: what {@code EcsFixtures} use. */
    public AdminCalls adminCalls() {
        return context.adminCalls();
    }

    /** The model, for tests and reports. Not a stable API. */
    public EcsBackend backend() {
        return backend;
    }

    @Override
    public void contribute(Report report) {
        if (backend != null) {
            EcsReport.contribute(report, backend, context.runtimeIfReady());
        }
    }

    @Override
    public List<String> containerOutput(String cluster, String task, String container) {
        String clusterName = cluster.substring(cluster.lastIndexOf('/') + 1);
        String taskId = task.substring(task.lastIndexOf('/') + 1);
        ContainerRecord c = backend.read(() -> {
            for (TaskRecord t : backend.allTasks()) {
                if (t.clusterName().equals(clusterName) && t.id().equals(taskId)) {
                    for (ContainerRecord r : t.containers()) {
                        if (r.name().equals(container)) {
                            return r;
                        }
                    }
                    throw new IllegalArgumentException("The task " + taskId + " has no container named " + container
                            + "; its containers: "
                            + t.containers().stream().map(ContainerRecord::name).toList() + ".");
                }
            }
            throw new IllegalArgumentException("The cluster " + clusterName + " has no task " + taskId + ".");
        });
        if (c.lastStatus() == ContainerRecord.Status.RUNNING && c.runtimeId() != null) {
            return context.runtime().runtime().logTail(c.runtimeId(), OUTPUT_LINES);
        }
        return c.lastLogLines();
    }

    @Override
    public void disconnectAgent(String cluster, String containerInstance) {
        agentConnected(cluster, containerInstance, false);
    }

    @Override
    public void reconnectAgent(String cluster, String containerInstance) {
        agentConnected(cluster, containerInstance, true);
    }

    private void agentConnected(String cluster, String containerInstance, boolean connected) {
        try {
            backend.capacity().agentConnected(cluster, containerInstance, connected);
        } catch (AwsException e) {
            throw new IllegalArgumentException("No cluster " + cluster + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> interruptFargateSpotTasks(String cluster, String service, int count) {
        try {
            return backend.capacityProviders().interruptSpotTasks(cluster, service, count).stream()
                    .map(Task::taskArn)
                    .toList();
        } catch (AwsException e) {
            throw new IllegalArgumentException(
                    "There is no ACTIVE cluster " + cluster + " to interrupt Fargate Spot tasks in: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void simulateUtilization(String cluster, String service, double cpuPercent, double memoryPercent) {
        if (context.runtimeIfReady().map(s -> s.runtime().realContainers()).orElse(false)) {
            throw new IllegalStateException("Tasks run as real containers: their utilization is measured from their "
                    + "stats. simulateUtilization is for the simulated runtime (setting runtime=simulated).");
        }
        metrics.simulate(lastSegment(cluster), lastSegment(service), cpuPercent, memoryPercent);
    }

    @Override
    public OptionalInt desiredCount(String cluster, String service) {
        try {
            var found =
                    backend.describeServices(cluster, List.of(service), false).found();
            return found.isEmpty() || !"ACTIVE".equals(found.get(0).status())
                    ? OptionalInt.empty()
                    : OptionalInt.of(found.get(0).desiredCount());
        } catch (AwsException e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public void desiredCount(String cluster, String service, int count) {
        try {
            backend.updateService(
                    UpdateServiceRequest.builder()
                            .cluster(cluster)
                            .service(service)
                            .desiredCount(count)
                            .build(),
                    null);
        } catch (AwsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String lastSegment(String nameOrArn) {
        return nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
    }

    @Override
    public InetSocketAddress taskAddress(String cluster, String task, int containerPort) {
        String clusterName = cluster.substring(cluster.lastIndexOf('/') + 1);
        String taskId = task.substring(task.lastIndexOf('/') + 1);
        String[] ipAndPort = backend.read(() -> {
            for (TaskRecord t : backend.allTasks()) {
                if (t.clusterName().equals(clusterName) && t.id().equals(taskId)) {
                    return addressOf(t, containerPort);
                }
            }
            throw new IllegalArgumentException("The cluster " + clusterName + " has no task " + taskId + ".");
        });
        return context.runtime().engine().taskAddress(ipAndPort[0], Integer.parseInt(ipAndPort[1]));
    }

    /** The address and port another container connects to: the ENI's (awsvpc), else the instance's and host port. */
    private String[] addressOf(TaskRecord t, int containerPort) {
        if (t.lastStatus().ordinal() > TaskStatus.RUNNING.ordinal() || t.privateIp() == null) {
            throw new IllegalArgumentException(
                    "The task " + t.id() + " is " + t.lastStatus() + ": only a running task has an address.");
        }
        NetworkMode mode = t.networkMode();
        if (mode == NetworkMode.AWSVPC) {
            return new String[] {t.privateIp(), Integer.toString(containerPort)};
        }
        for (ContainerRecord c : t.containers()) {
            for (NetworkBinding b : c.networkBindings()) {
                if (b.containerPort() == containerPort && b.protocol() != TransportProtocol.UDP) {
                    return new String[] {backend.capacity().instancePrivateIp(t), Integer.toString(b.hostPort())};
                }
            }
        }
        throw new IllegalArgumentException("The task " + t.id() + " (network mode " + mode + ") binds no TCP port "
                + containerPort + " on its container instance: add {\"containerPort\": " + containerPort
                + "} to its container's portMappings.");
    }

    @Override
    public String containerInstanceAddress(String cluster, String containerInstance) {
        return backend.capacity().containerInstanceAddress(cluster, containerInstance);
    }

    @Override
    public String registerContainerInstance(
            String cluster,
            String ec2InstanceId,
            String instanceType,
            String availabilityZone,
            String imageId,
            String instanceProfileRole) {
        String roleArn = instanceProfileRole == null ? null : instanceProfileRoleArn(instanceProfileRole);
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("accountId", context.accountId());
        identity.put("architecture", "x86_64");
        identity.put("availabilityZone", availabilityZone);
        if (imageId != null) {
            identity.put("imageId", imageId);
        }
        identity.put("instanceId", ec2InstanceId);
        identity.put("instanceType", instanceType);
        identity.put("region", context.region());
        String arn = adminCalls()
                .call(
                        "ecs",
                        RegisterContainerInstanceRequest.builder()
                                .cluster(cluster)
                                .instanceIdentityDocument(new String(JsonTree.write(identity), StandardCharsets.UTF_8))
                                .build(),
                        RegisterContainerInstanceResponse.class)
                .containerInstance()
                .containerInstanceArn();
        if (roleArn != null) {
            backend.capacity().instanceProfile(arn, roleArn);
        }
        return arn;
    }

    @Override
    public void deregisterContainerInstance(String cluster, String containerInstanceArn) {
        adminCalls()
                .call(
                        "ecs",
                        DeregisterContainerInstanceRequest.builder()
                                .cluster(cluster)
                                .containerInstance(containerInstanceArn)
                                .force(true)
                                .build(),
                        DeregisterContainerInstanceResponse.class);
    }

    /**
     * With a capacity provider whose managed draining is ENABLED, the container instance is drained first
     * ({@link ManagedDraining}); otherwise it is deregistered with force, and the instance may go at once.
     */
    @Override
    public CompletionStage<Void> instanceTerminating(String cluster, String containerInstanceArn) {
        try {
            if (draining.applies(cluster, containerInstanceArn)) {
                return draining.drain(cluster, containerInstanceArn);
            }
            deregisterContainerInstance(cluster, containerInstanceArn);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String diagnostics() {
        return backend == null ? "" : EcsDiagnostics.report(backend, context.runtimeIfReady());
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
        if (reservations != null) {
            reservations.close();
        }
        if (draining != null) {
            draining.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        if (launcher != null) {
            launcher.close();
        }
    }
}
