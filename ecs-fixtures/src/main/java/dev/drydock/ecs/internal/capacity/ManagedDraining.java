package dev.drydock.ecs.internal.capacity;

import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.backend.EcsBackend;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateRequest;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateResponse;

/**
 * Managed instance draining of Auto Scaling group capacity providers (managedDraining ENABLED, the default): when the
 * group terminates one of the provider's instances, ECS sets the container instance DRAINING (UpdateContainerInstancesState:
 * its service tasks are replaced elsewhere and stopped), waits until it runs no task, then deregisters it and lets the
 * group terminate the instance ("Safely stop Amazon ECS workloads running on EC2 instances",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-instance-draining.html). A standalone task
 * (RunTask) keeps the instance waiting until it stops, as on AWS. The one daemon thread starts with the first drain.
 */
public final class ManagedDraining implements AutoCloseable {
    private static final long POLL_MILLIS = 100;

    private final EcsBackend backend;
    private final Supplier<AdminCalls> calls;
    private final BiConsumer<String, String> deregister;
    private ScheduledExecutorService timer;

    /**
     * @param calls ECS's own API, as the test principal (UpdateContainerInstancesState)
     * @param deregister deregisters a container instance (cluster, ARN) with force
     */
    public ManagedDraining(EcsBackend backend, Supplier<AdminCalls> calls, BiConsumer<String, String> deregister) {
        this.backend = backend;
        this.calls = calls;
        this.deregister = deregister;
    }

    /**
     * Whether a container instance belongs to a capacity provider with managed draining ENABLED.
     *
     * @throws AwsException ClusterNotFoundException when the cluster is gone
     */
    public boolean applies(String cluster, String containerInstanceArn) {
        List<ContainerInstance> found = backend.capacity()
                .describeContainerInstances(cluster, List.of(containerInstanceArn), false)
                .found();
        if (found.isEmpty() || found.get(0).capacityProviderName() == null) {
            return false;
        }
        try {
            return backend.capacityProviders()
                    .provider(found.get(0).capacityProviderName())
                    .managedDraining();
        } catch (AwsException e) {
            return false; // the provider was deleted
        }
    }

    /** Drains the container instance; completes once it runs no task and is deregistered. */
    public CompletionStage<Void> drain(String cluster, String containerInstanceArn) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            calls.get()
                    .call(
                            "ecs",
                            UpdateContainerInstancesStateRequest.builder()
                                    .cluster(cluster)
                                    .containerInstances(containerInstanceArn)
                                    .status(ContainerInstanceStatus.DRAINING)
                                    .build(),
                            UpdateContainerInstancesStateResponse.class);
        } catch (AwsException e) {
            done.completeExceptionally(e);
            return done;
        }
        ScheduledFuture<?>[] poll = new ScheduledFuture<?>[1];
        poll[0] = timer().scheduleWithFixedDelay(
                        () -> {
                            try {
                                List<ContainerInstance> found = backend.capacity()
                                        .describeContainerInstances(cluster, List.of(containerInstanceArn), false)
                                        .found();
                                if (!found.isEmpty()
                                        && found.get(0).runningTasksCount()
                                                        + found.get(0).pendingTasksCount()
                                                > 0) {
                                    return;
                                }
                                if (!found.isEmpty()
                                        && !"INACTIVE".equals(found.get(0).status())) {
                                    deregister.accept(cluster, containerInstanceArn);
                                }
                                done.complete(null);
                            } catch (RuntimeException e) {
                                done.completeExceptionally(e);
                            }
                            poll[0].cancel(false);
                        },
                        POLL_MILLIS,
                        POLL_MILLIS,
                        TimeUnit.MILLISECONDS);
        return done;
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "drydock-ecs-managed-draining");
                t.setDaemon(true);
                return t;
            });
        }
        return timer;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
