package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.ecs.internal.backend.EcsBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service scheduler's loop: one thread that runs {@link EcsBackend#reconcileServices()} whenever a task or
 * service changes, at least once a second, and when a throttled launch may retry.
 */
public final class ServiceScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceScheduler.class);
    private static final Duration IDLE = Duration.ofSeconds(1);

    private final EcsBackend backend;
    private final Clock clock;
    private final Semaphore wakeups = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;

    public ServiceScheduler(EcsBackend backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
        backend.onChange(this::wake);
        this.thread = new Thread(this::loop, "drydock-ecs-scheduler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks for a reconciliation pass soon. Never blocks. */
    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    private void loop() {
        while (!closed) {
            Duration wait = IDLE;
            try {
                Instant retryAt = backend.reconcileServices();
                if (retryAt != null) {
                    Duration untilRetry = Duration.between(clock.instant(), retryAt);
                    if (untilRetry.compareTo(wait) < 0) {
                        wait = untilRetry.isNegative() ? Duration.ZERO : untilRetry;
                    }
                }
            } catch (RuntimeException e) {
                LOG.error("The ECS service scheduler failed; retrying", e);
            }
            try {
                if (wakeups.tryAcquire(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS)) {
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
