package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.TaskLogSink;
import dev.drydock.core.spi.TaskLogSink.AwsLogsRequest;
import dev.drydock.core.spi.TaskLogSink.LogFailure;
import dev.drydock.core.spi.TaskLogSink.LogLine;
import dev.drydock.core.spi.TaskLogSink.LogStreamWriter;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.TaskRecord;
import dev.drydock.ecs.internal.lifecycle.TaskPreparation.StartFailure;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;

/**
 * One task's {@code awslogs} containers, as the log driver runs on Fargate ("Send Amazon ECS logs to CloudWatch",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html): right before such a container is
 * created its stream {@code <awslogs-stream-prefix>/<container-name>/<task-id>} is opened as the execution role (a
 * refusal fails the task with Fargate's {@code ResourceInitializationError: failed to validate logger args: ...}); from
 * then on every line the container writes to stdout or stderr goes to CloudWatch Logs with the time it was written.
 * When the task stops, what is still queued is put before the task is STOPPED, so a test that waited for STOPPED reads
 * every line. ECS depends on core only: streams are opened through the {@link TaskLogSink} of
 * {@code drydock-logs-fixtures}; without it an {@code awslogs} task fails to start with a reason naming the artifact.
 * Not thread-safe: used on the task's serial queue.
 */
final class ContainerLogs {
    static final String ARTIFACT = "dev.drydock:drydock-logs-fixtures";
    /** Docker's awslogs driver buffers 10 MiB in non-blocking mode unless {@code max-buffer-size} says otherwise. */
    private static final long DEFAULT_MAX_BUFFER_BYTES = 10L * 1024 * 1024;
    /** How long a stopping task waits for the runtime to deliver a container's last lines. */
    private static final long DRAIN_MILLIS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(ContainerLogs.class);

    private final ServiceContext context;
    private final TaskRecord task;
    private final Map<String, Follower> followers = new LinkedHashMap<>();

    ContainerLogs(ServiceContext context, TaskRecord task) {
        this.context = context;
        this.task = task;
    }

    /** Whether the container uses the {@code awslogs} log driver. */
    static boolean awslogs(ContainerRecord c) {
        LogConfiguration l = c.definition().logConfiguration();
        return l != null && "awslogs".equals(l.logDriverAsString());
    }

    /**
     * Opens the container's stream when it uses {@code awslogs}; otherwise does nothing.
     *
     * @return the open stream, or {@code null} for a container without {@code awslogs}
     * @throws StartFailure with Fargate's stopped reason when the stream cannot be opened
     */
    LogStreamWriter open(ContainerRecord c) throws StartFailure {
        if (!awslogs(c)) {
            return null;
        }
        TaskLogSink sink = context.module(TaskLogSink.class)
                .orElseThrow(() -> new StartFailure(
                        "ResourceInitializationError: failed to validate logger args: container '" + c.name()
                                + "' uses the awslogs log driver, which needs Amazon CloudWatch Logs: Drydock serves "
                                + "it in " + ARTIFACT + ": add it as a test dependency.",
                        c.name(),
                        null));
        Map<String, String> options = c.definition().logConfiguration().options();
        try {
            LogStreamWriter writer = sink.open(new AwsLogsRequest(
                    task.arn(),
                    c.name(),
                    TaskPreparation.executionRole(task),
                    options.get("awslogs-group"),
                    options.get("awslogs-region"),
                    options.get("awslogs-stream-prefix"),
                    "true".equals(options.get("awslogs-create-group")),
                    !"blocking".equals(options.get("mode")),
                    maxBufferBytes(options.get("max-buffer-size"))));
            followers.put(c.name(), new Follower(writer, null, new CountDownLatch(0)));
            return writer;
        } catch (LogFailure e) {
            throw new StartFailure(e.getMessage(), c.name(), e.getMessage());
        }
    }

    /**
     * Sends the started container's output to its open stream, from its first line on (the runtime replays what the
     * container wrote before). Called once the container has started: the engine's log stream of a container that
     * has not started yet ends at once.
     */
    void follow(ContainerRuntime runtime, String containerName, String containerId, LogStreamWriter writer) {
        CountDownLatch ended = new CountDownLatch(1);
        AutoCloseable subscription;
        try {
            subscription = runtime.followOutput(
                    containerId,
                    line -> writer.write(new LogLine(line.time().toEpochMilli(), line.text())),
                    ended::countDown);
        } catch (RuntimeFailure e) {
            LOG.warn(
                    "Cannot follow the output of container {} of task {}: {}",
                    containerName,
                    task.id(),
                    e.getMessage());
            subscription = null;
            ended.countDown();
        }
        followers.put(containerName, new Follower(writer, subscription, ended));
    }

    /**
     * The containers have stopped (or were never created): waits (briefly) for the runtime to deliver their last
     * lines, then puts what every stream opened still holds and closes it.
     */
    void closeAll() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        for (Map.Entry<String, Follower> e : followers.entrySet()) {
            Follower f = e.getValue();
            try {
                long left = deadline - System.nanoTime();
                if (!f.ended().await(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                    LOG.debug("Container {} of task {}: output still open at stop", e.getKey(), task.id());
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            if (f.subscription() != null) {
                try {
                    f.subscription().close();
                } catch (Exception ex) {
                    LOG.debug("Closing the output of container {} failed: {}", e.getKey(), ex.getMessage());
                }
            }
            f.writer().close();
        }
        followers.clear();
    }

    /**
     * {@code max-buffer-size} as Docker reads it: a size with an optional unit ({@code 25m}, {@code 4k}, {@code 1g},
     * bytes without one); the default (10 MiB) when absent.
     */
    static long maxBufferBytes(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_BUFFER_BYTES;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("b")) {
            v = v.substring(0, v.length() - 1);
        }
        long unit = 1;
        char last = v.charAt(v.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1024L : last == 'm' ? 1024L * 1024 : 1024L * 1024 * 1024;
            v = v.substring(0, v.length() - 1);
        }
        return Math.round(Double.parseDouble(v) * unit);
    }

    private record Follower(LogStreamWriter writer, AutoCloseable subscription, CountDownLatch ended) {}
}
