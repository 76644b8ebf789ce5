package dev.drydock.logs;

import dev.drydock.core.internal.auth.ProtocolFamily;
import dev.drydock.core.internal.service.DirectCalls;
import dev.drydock.core.internal.service.LazyService;
import dev.drydock.core.internal.service.Memoized;
import dev.drydock.core.internal.service.ServiceContext;
import dev.drydock.core.internal.service.TaskLogSink;
import dev.drydock.logs.internal.LogAccess;
import dev.drydock.logs.internal.LogsApi;
import dev.drydock.logs.internal.TaskLogs;
import dev.drydock.logs.internal.backend.LogsBackend;
import dev.drydock.logs.internal.backend.LogsBackend.GroupView;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Amazon CloudWatch Logs in a Drydock instance: log groups, log streams and log events, retention and tags, served as
 * the CloudWatch Logs API (AWS JSON 1.1, {@code X-Amz-Target: Logs_20140328.*}, signing name {@code logs}) on
 * Drydock's endpoint; and the {@link TaskLogSink} ECS sends the output of containers with the {@code awslogs} driver
 * to, so that tests read container logs through the Logs API. Found on the classpath by
 * {@link java.util.ServiceLoader}; reach it with {@code drydock.service(LogsModule.class)}.
 *
 * <p>Metric filters, subscriptions, Logs Insights queries, exports, destinations, data protection and Live Tail are not
 * modelled and answer NotImplementedException.
 */
public final class LogsModule implements TaskLogSink {
    private ServiceContext context;
    private LazyService service;
    /** The model, the routing table and the awslogs sink, built on first use (the warm-up after start). */
    private final Memoized<State> state = new Memoized<>(this::newState);

    private record State(LogsBackend backend, LogsApi api, TaskLogs taskLogs) {}

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        this.service = new LazyService(
                "logs", ProtocolFamily.JSON, () -> state.get().api().service(context.clock()));
        context.register(LogsApi.TARGET_PREFIX, service);
        context.resourceTags(this::resourceTags);
    }

    private State newState() {
        LogsBackend backend = new LogsBackend(context.accountId(), context.region(), context.clock());
        LogsApi api = new LogsApi(new LogAccess(backend));
        TaskLogs taskLogs = new TaskLogs(
                context.iam(),
                context.region(),
                (caller, operation, request, requestId) ->
                        api.call(request, DirectCalls.as(context, service, operation, caller, requestId)));
        return new State(backend, api, taskLogs);
    }

    /** A log group's tags for {@code aws:ResourceTag/*} (for its ARN and its streams'); none before the model exists. */
    private Map<String, String> resourceTags(String arn) {
        LogsBackend backend = state.peek().map(State::backend).orElse(null);
        String prefix = backend == null ? null : backend.groupArn("");
        if (prefix == null || !arn.startsWith(prefix)) {
            return Map.of();
        }
        String rest = arn.substring(prefix.length());
        int colon = rest.indexOf(':');
        String group = colon < 0 ? rest : rest.substring(0, colon);
        return backend.findGroup(group).map(GroupView::tags).orElse(Map.of());
    }

    /** Calls an operation as the test principal (an administrator), for fixtures. */
    <O extends SdkPojo> O callAsAdministrator(String operation, SdkPojo request) {
        return state.get().api().call(request, DirectCalls.asAdministrator(context, service, operation));
    }

    @Override
    public LogStreamWriter open(AwsLogsRequest request) {
        return state.get().taskLogs().open(request);
    }

    @Override
    public String diagnostics() {
        LogsBackend backend = state.peek().map(State::backend).orElse(null);
        if (backend == null || backend.groups().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(
                "Drydock CloudWatch Logs groups (" + backend.groups().size() + "):\n");
        for (GroupView g : backend.groups()) {
            b.append("  ").append(g.name()).append(": ");
            b.append(backend.streams(g.name()).size())
                    .append(" streams, ")
                    .append(g.storedBytes())
                    .append(" bytes\n");
        }
        return b.toString();
    }

    @Override
    public void close() {}
}
