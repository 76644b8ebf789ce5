package dev.drydock.ecs.internal.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs run one after another, in the order submitted, on a shared executor: no thread of its own, and no job of
 * another queue waits for these. A job that throws is logged and the next one runs.
 */
final class SerialQueue {
    private static final Logger LOG = LoggerFactory.getLogger(SerialQueue.class);

    private final Executor executor;
    private final String name;
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    /** @param name what the queue works for, in the log when a job fails */
    SerialQueue(Executor executor, String name) {
        this.executor = executor;
        this.name = name;
    }

    /** Runs {@code job} after the jobs submitted before it. Never blocks. */
    void submit(Runnable job) {
        synchronized (this) {
            queue.add(job);
            if (running) {
                return;
            }
            running = true;
        }
        executor.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable job;
            synchronized (this) {
                job = queue.poll();
                if (job == null) {
                    running = false;
                    notifyAll();
                    return;
                }
            }
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.error("Drydock {} failed unexpectedly", name, e);
            }
        }
    }

    /** Waits until no job is queued or running, at most {@code nanos}. */
    synchronized void awaitIdle(long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (running || !queue.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
