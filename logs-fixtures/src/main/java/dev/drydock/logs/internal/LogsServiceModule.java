package dev.drydock.logs.internal;

import dev.drydock.core.Drydock;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.TaskLogSink;
import dev.drydock.logs.LogsModule;
import dev.drydock.logs.internal.backend.LogEvent;
import dev.drydock.logs.internal.backend.LogsBackend;
import dev.drydock.logs.internal.backend.LogsBackend.GroupView;
import dev.drydock.logs.internal.support.LogAccess;
import dev.drydock.logs.internal.tasks.TaskLogs;
import dev.drydock.logs.internal.tasks.TaskLogs.TaskStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The CloudWatch Logs module: the logs model, its routing table ({@link LogsApi}, built on first use) and the SPI's
 * {@link TaskLogSink} ECS sends the output of {@code awslogs} containers to. Found by {@link java.util.ServiceLoader};
 * its public face is {@link LogsModule}.
 */
public final class LogsServiceModule implements LogsModule, TaskLogSink {
    private ServiceContext context;
    private LogsBackend backend;
    private TaskLogs taskLogs;

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public List<String> sdkEndpointSuffixes() {
        return List.of("CloudWatchLogs");
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        backend = new LogsBackend(context.accountId(), context.region(), context.clock());
        LogAccess access = new LogAccess(backend);
        context.registerOnFirstUse(SIGNING_NAME, TARGET_PREFIX, () -> LogsApi.routingTable(access, context.clock()));
        context.resourceTags(backend::resourceTags);
        taskLogs = new TaskLogs(
                context.iam(),
                context.region(),
                context.adminCalls(),
                context.settings().duration("logs.awslogs-flush-interval", Duration.ofMillis(50)));
    }

    /**
     * The CloudWatch Logs module of a Drydock instance, for Drydock's own fixtures, tests and benchmarks. Not a stable
     * API.
     *
     * @throws dev.drydock.core.DrydockException when drydock-logs-fixtures is not on the classpath
     */
    public static LogsServiceModule of(Drydock drydock) {
        return (LogsServiceModule) drydock.service(LogsModule.class);
    }

    /** The CloudWatch Logs API's operations, called as the test principal: what the fixtures use. */
    public AdminCalls adminCalls() {
        return context.adminCalls();
    }

    /** The model, for tests. Not a stable API. */
    public LogsBackend backend() {
        return backend;
    }

    @Override
    public LogStreamWriter open(AwsLogsRequest request) {
        return taskLogs.open(request);
    }

    /** How many of a task stream's last events the failure report shows. */
    private static final int DIAGNOSTIC_EVENTS = 10;
    /** How much of an event's message the failure report shows. */
    private static final int DIAGNOSTIC_CHARS = 200;

    /**
     * The log groups (streams, bytes) and, for the last 20 streams tasks wrote to through {@code awslogs}, their last
     * 10 events with timestamps (the first 200 characters of each) and the lines dropped (non-blocking buffer full, PutLogEvents refused).
     */
    @Override
    public String diagnostics() {
        List<GroupView> groups = backend == null ? List.of() : backend.groups();
        if (groups.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("Drydock CloudWatch Logs groups (" + groups.size() + "):\n");
        for (GroupView g : groups) {
            b.append("  ")
                    .append(g.name())
                    .append(": ")
                    .append(backend.streams(g.name()).size())
                    .append(" streams, ")
                    .append(g.storedBytes())
                    .append(" bytes\n");
        }
        List<TaskStream> streams = taskLogs.recentStreams();
        if (!streams.isEmpty()) {
            b.append("Drydock awslogs streams of tasks (last ")
                    .append(streams.size())
                    .append("):\n");
        }
        for (TaskStream s : streams) {
            List<LogEvent> events;
            try {
                events = backend.events(s.request().logGroup(), s.logStreamName(), null, null);
            } catch (AwsException e) {
                b.append("  ").append(s.request().logGroup()).append(' ').append(s.logStreamName());
                b.append(": ").append(e.getMessage()).append('\n');
                continue;
            }
            b.append("  ")
                    .append(s.request().logGroup())
                    .append(' ')
                    .append(s.logStreamName())
                    .append(s.open() ? " (open)" : " (closed)")
                    .append(", ")
                    .append(events.size())
                    .append(events.size() == 1 ? " event" : " events");
            if (s.dropped() > 0) {
                b.append(", ").append(s.dropped()).append(" lines dropped");
            }
            b.append(events.size() > DIAGNOSTIC_EVENTS ? ", the last " + DIAGNOSTIC_EVENTS : "")
                    .append(events.isEmpty() ? "\n" : ":\n");
            for (LogEvent e : events.subList(Math.max(0, events.size() - DIAGNOSTIC_EVENTS), events.size())) {
                b.append("    ")
                        .append(Instant.ofEpochMilli(e.timestamp()))
                        .append(' ')
                        .append(
                                e.message().length() <= DIAGNOSTIC_CHARS
                                        ? e.message()
                                        : e.message().substring(0, DIAGNOSTIC_CHARS) + " ... ("
                                                + e.message().length() + " characters)")
                        .append('\n');
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        if (taskLogs != null) {
            taskLogs.closeAll();
        }
    }
}
