package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.spi.Labels;
import dev.drydock.core.spi.RuntimeSession;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when a task's containers are looked at again: at once when the runtime's event stream reports one of them
 * exited, every 3 seconds for what the stream missed (exits, health changes, containers removed behind Drydock's
 * back, an engine that stopped answering; not on a simulated runtime, which reports every exit), and when a
 * container's {@code startTimeout} ends, so the containers waiting on it are looked at again. What a look finds is the
 * task's {@link TaskRunner}'s business.
 */
final class ContainerWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerWatchdog.class);

    private final ScheduledExecutorService scheduler;
    private final Map<String, TaskRunner> byContainerId = new ConcurrentHashMap<>();
    private final Object subscriptionLock = new Object();
    private AutoCloseable exitSubscription;
    /** Whether containers need polling: a simulated runtime reports every exit. Set when the runtime connects. */
    private volatile boolean pollContainers;

    private volatile boolean closing;

    /** @param runners the runners of the tasks being run, polled every 3 seconds */
    ContainerWatchdog(Supplier<Collection<TaskRunner>> runners) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drydock-ecs-watchdog");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(
                () -> {
                    if (closing || !pollContainers) {
                        return;
                    }
                    for (TaskRunner r : runners.get()) {
                        r.poll();
                    }
                },
                3,
                3,
                TimeUnit.SECONDS);
    }

    /**
     * Subscribes to the runtime's container exits of this session, the first time only; then runs
     * {@code firstConnection}, still holding the subscription lock.
     */
    void connect(RuntimeSession session, String sessionId, Runnable firstConnection) {
        synchronized (subscriptionLock) {
            if (exitSubscription == null) {
                exitSubscription = session.runtime().onExit(Map.of(Labels.SESSION, sessionId), this::exited);
                pollContainers = session.runtime().realContainers();
                firstConnection.run();
            }
        }
    }

    /** Routes the runtime's events about this container to its task. */
    void watch(String containerId, TaskRunner runner) {
        byContainerId.put(containerId, runner);
    }

    /** The container is gone. */
    void forget(String containerId) {
        byContainerId.remove(containerId);
    }

    /** The ids of every container watched. */
    List<String> containerIds() {
        return List.copyOf(byContainerId.keySet());
    }

    /** Runs {@code wake} once {@code startTimeout} seconds (and a little more) have passed; not while closing. */
    void afterStartTimeout(int seconds, Runnable wake) {
        if (closing) {
            return;
        }
        try {
            scheduler.schedule(wake, seconds * 1000L + 100, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Drydock is closing; no start timeout wake-up");
        }
    }

    /** Stops polling and scheduling; events still route until {@link #close()}. */
    void closing() {
        closing = true;
    }

    private void exited(String containerId) {
        TaskRunner r = byContainerId.get(containerId);
        if (r != null) {
            r.containerChanged(containerId);
        }
    }

    @Override
    public void close() {
        closing = true;
        scheduler.shutdownNow();
        synchronized (subscriptionLock) {
            if (exitSubscription != null) {
                try {
                    exitSubscription.close();
                } catch (Exception e) {
                    LOG.debug("Closing the exit subscription failed", e);
                }
            }
        }
    }
}
