package dev.drydock.ecs;

import dev.drydock.core.DrydockException;
import dev.drydock.core.spi.JsonService;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.ServiceModule;
import dev.drydock.ecs.internal.EcsArns;
import dev.drydock.ecs.internal.EcsDiagnostics;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.EcsRequestChecks;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.lifecycle.ServiceScheduler;
import dev.drydock.ecs.internal.lifecycle.TaskCredentials;
import dev.drydock.ecs.internal.lifecycle.TaskLauncher;
import dev.drydock.ecs.internal.lifecycle.TaskMetadataEndpoint;
import dev.drydock.ecs.internal.operations.CreateCluster;
import dev.drydock.ecs.internal.operations.CreateService;
import dev.drydock.ecs.internal.operations.DeleteCluster;
import dev.drydock.ecs.internal.operations.DeleteService;
import dev.drydock.ecs.internal.operations.DeregisterTaskDefinition;
import dev.drydock.ecs.internal.operations.DescribeClusters;
import dev.drydock.ecs.internal.operations.DescribeServices;
import dev.drydock.ecs.internal.operations.DescribeTaskDefinition;
import dev.drydock.ecs.internal.operations.DescribeTasks;
import dev.drydock.ecs.internal.operations.ListClusters;
import dev.drydock.ecs.internal.operations.ListContainerInstances;
import dev.drydock.ecs.internal.operations.ListServices;
import dev.drydock.ecs.internal.operations.ListTagsForResource;
import dev.drydock.ecs.internal.operations.ListTaskDefinitionFamilies;
import dev.drydock.ecs.internal.operations.ListTaskDefinitions;
import dev.drydock.ecs.internal.operations.ListTasks;
import dev.drydock.ecs.internal.operations.RegisterTaskDefinition;
import dev.drydock.ecs.internal.operations.RunTask;
import dev.drydock.ecs.internal.operations.StopTask;
import dev.drydock.ecs.internal.operations.TagResource;
import dev.drydock.ecs.internal.operations.TaskRoles;
import dev.drydock.ecs.internal.operations.UntagResource;
import dev.drydock.ecs.internal.operations.UpdateService;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteClusterRequest;
import software.amazon.awssdk.services.ecs.model.DeleteServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * Amazon ECS in a Drydock instance: the ECS API (JSON 1.1, {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.*})
 * on Drydock's endpoint, the model behind it, and tasks run as Docker containers. Found on the classpath by
 * {@link java.util.ServiceLoader}; reach it with {@code drydock.service(EcsModule.class)}.
 *
 * <p>Implemented operations: clusters (Create, Describe, List, Delete), task definitions (Register, Describe, List,
 * ListFamilies, Deregister), tasks (Run, Stop, Describe, List), services (Create, Describe, Update, Delete, List),
 * tags, and ListContainerInstances (always empty: Fargate has none). Others answer {@code NotImplementedException}
 * (HTTP 501) naming the operation; docs/ecs-operations.md has the table.
 */
public final class EcsModule implements ServiceModule {
    /** The {@code X-Amz-Target} prefix of the ECS API. */
    public static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113";

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
        backend = new EcsBackend(new EcsArns(context.region(), context.accountId()), context.clock());
        backend.events(context.events());
        credentials = new TaskCredentials(context.iam(), context.clock(), taskCredentialsLifetime(context));
        context.registerPath(TaskCredentials.PATH, credentials::handle);
        context.resourceTags(arn -> backend.tagMap(arn));
        launcher = new TaskLauncher(context, backend, credentials);
        context.registerPath(TaskMetadataEndpoint.PATH, launcher.metadata()::handle);
        context.registerPath(TaskMetadataEndpoint.PATH_V3, launcher.metadata()::handle);
        backend.lifecycle(launcher);
        scheduler = new ServiceScheduler(backend, context.clock());
        taskRoles = new TaskRoles(context.iam());
        api = JsonService.builder("ecs", TARGET_PREFIX, EcsClient.class)
                .clock(context.clock())
                .missingMemberError(EcsErrors::missingMember)
                .requestCheck(EcsRequestChecks::check)
                .operation("CreateCluster", CreateClusterRequest.class, new CreateCluster(backend))
                .operation("DescribeClusters", DescribeClustersRequest.class, new DescribeClusters(backend))
                .operation("ListClusters", ListClustersRequest.class, new ListClusters(backend))
                .operation("DeleteCluster", DeleteClusterRequest.class, new DeleteCluster(backend))
                .operation(
                        "RegisterTaskDefinition",
                        RegisterTaskDefinitionRequest.class,
                        new RegisterTaskDefinition(backend))
                .operation(
                        "DescribeTaskDefinition",
                        DescribeTaskDefinitionRequest.class,
                        new DescribeTaskDefinition(backend))
                .operation("ListTaskDefinitions", ListTaskDefinitionsRequest.class, new ListTaskDefinitions(backend))
                .operation(
                        "ListTaskDefinitionFamilies",
                        ListTaskDefinitionFamiliesRequest.class,
                        new ListTaskDefinitionFamilies(backend))
                .operation(
                        "DeregisterTaskDefinition",
                        DeregisterTaskDefinitionRequest.class,
                        new DeregisterTaskDefinition(backend))
                .operation("RunTask", RunTaskRequest.class, new RunTask(backend, taskRoles))
                .operation("StopTask", StopTaskRequest.class, new StopTask(backend))
                .operation("DescribeTasks", DescribeTasksRequest.class, new DescribeTasks(backend))
                .operation("ListTasks", ListTasksRequest.class, new ListTasks(backend))
                .operation("CreateService", CreateServiceRequest.class, new CreateService(backend, taskRoles))
                .operation("DescribeServices", DescribeServicesRequest.class, new DescribeServices(backend))
                .operation("UpdateService", UpdateServiceRequest.class, new UpdateService(backend, taskRoles))
                .operation("DeleteService", DeleteServiceRequest.class, new DeleteService(backend))
                .operation("ListServices", ListServicesRequest.class, new ListServices(backend))
                .operation(
                        "ListContainerInstances",
                        ListContainerInstancesRequest.class,
                        new ListContainerInstances(backend))
                .operation("TagResource", TagResourceRequest.class, new TagResource(backend))
                .operation("UntagResource", UntagResourceRequest.class, new UntagResource(backend))
                .operation("ListTagsForResource", ListTagsForResourceRequest.class, new ListTagsForResource(backend))
                .build();
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
     * Checks that tasks can run at all (a container runtime answers, the task sandbox image is there), so a
     * declaration fails at once with the fix rather than after its service retried for minutes.
     *
     * @throws dev.drydock.core.DrydockException saying what is missing and how to fix it
     */
    public void preflight() {
        launcher.preflight();
    }

    /** The task role check RunTask and CreateService make, for Drydock's own fixtures. Not a stable API. */
    public TaskRoles taskRoles() {
        return taskRoles;
    }

    /** The model, for Drydock's own fixtures and reports. Not a stable API. */
    public EcsBackend backend() {
        return backend;
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
