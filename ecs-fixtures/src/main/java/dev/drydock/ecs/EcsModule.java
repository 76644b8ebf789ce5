package dev.drydock.ecs;

import dev.drydock.core.DrydockException;
import dev.drydock.core.spi.JsonService;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.ServiceModule;
import dev.drydock.ecs.internal.EcsApi;
import dev.drydock.ecs.internal.EcsArns;
import dev.drydock.ecs.internal.EcsDiagnostics;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.lifecycle.ServiceScheduler;
import dev.drydock.ecs.internal.lifecycle.TaskCredentials;
import dev.drydock.ecs.internal.lifecycle.TaskLauncher;
import dev.drydock.ecs.internal.lifecycle.TaskMetadataEndpoint;
import dev.drydock.ecs.internal.support.TaskRoles;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

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
        api = EcsApi.routingTable(backend, taskRoles, context.clock());
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
