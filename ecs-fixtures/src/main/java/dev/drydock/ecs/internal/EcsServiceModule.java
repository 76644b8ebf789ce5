package dev.drydock.ecs.internal;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.report.Report;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.JsonService;
import dev.drydock.core.spi.ReportContributor;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.TargetRegistry;
import dev.drydock.ecs.EcsModule;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.backend.TaskRecord;
import dev.drydock.ecs.internal.backend.TaskStatus;
import dev.drydock.ecs.internal.lifecycle.ServiceScheduler;
import dev.drydock.ecs.internal.lifecycle.TaskCredentials;
import dev.drydock.ecs.internal.lifecycle.TaskLauncher;
import dev.drydock.ecs.internal.lifecycle.TaskMetadataEndpoint;
import dev.drydock.ecs.internal.support.AccountPrincipals;
import dev.drydock.ecs.internal.support.TaskRoles;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

/**
 * The ECS module: builds the ECS model, registers its routing table ({@link EcsApi}), the container credentials
 * and task metadata endpoints, and runs tasks through the {@link TaskLauncher}. Found by {@link java.util.ServiceLoader};
 * its public face is {@link EcsModule}.
 */
public final class EcsServiceModule implements EcsModule, ReportContributor {
    /**
     * The setting for how long a service task without container health checks must have been RUNNING before it counts
     * as healthy (ECS: 40 seconds), as an ISO-8601 duration or seconds.
     */
    static final String TASK_HEALTHY_AFTER_RUNNING = "ecs.task-healthy-after-running";

    private EcsBackend backend;
    private TaskLauncher launcher;
    private ServiceScheduler scheduler;
    private JsonService api;
    private ServiceContext context;
    private TaskCredentials credentials;
    private TaskRoles taskRoles;

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
        api = EcsApi.routingTable(backend, taskRoles, new AccountPrincipals(context.iam()), context.clock());
        context.register(api);
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
    public String diagnostics() {
        return backend == null ? "" : EcsDiagnostics.report(backend, context.runtimeIfReady());
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.close();
        }
        if (launcher != null) {
            launcher.close();
        }
    }
}
