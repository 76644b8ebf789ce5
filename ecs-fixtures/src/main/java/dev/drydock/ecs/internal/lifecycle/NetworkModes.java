package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/**
 * The task network by the task's network mode: awsvpc (Fargate, and EC2 tasks with an ENI of their own) on
 * {@link AwsvpcNetwork}; bridge, host and none on the task's container instance ({@link InstanceNetworks}). Both share
 * one {@link SandboxPool}.
 */
final class NetworkModes implements TaskNetwork {
    private final AwsvpcNetwork awsvpc;
    private final InstanceNetworks instance;

    NetworkModes(ServiceContext context, EcsBackend backend, ExecutorService executor) {
        SandboxPool pool = new SandboxPool(context, executor);
        this.awsvpc = new AwsvpcNetwork(pool);
        this.instance = new InstanceNetworks(context, pool, new ContainerInstanceSandboxes(context, backend, pool));
    }

    private TaskNetwork of(TaskRecord task) {
        return task.networkMode() == NetworkMode.AWSVPC
                        || task.containerInstanceArn() == null && task.networkMode() != NetworkMode.NONE
                ? awsvpc
                : instance;
    }

    @Override
    public void preflight(ContainerRuntime runtime) {
        awsvpc.preflight(runtime);
    }

    @Override
    public void connected(RuntimeSession session) {
        awsvpc.connected(session);
    }

    @Override
    public Attachment attach(RuntimeSession session, TaskRecord task) {
        return of(task).attach(session, task);
    }

    @Override
    public void containersStarted(RuntimeSession session, TaskRecord task) {
        of(task).containersStarted(session, task);
    }

    @Override
    public void release(RuntimeSession session, TaskRecord task, Attachment attachment) {
        of(task).release(session, task, attachment);
    }

    /** Removes the instance sandboxes, then the idle task sandboxes. */
    @Override
    public void close() {
        instance.close();
        awsvpc.close();
    }
}
