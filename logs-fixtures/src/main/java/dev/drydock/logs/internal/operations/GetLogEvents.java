package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.logs.internal.LogsErrors;
import dev.drydock.logs.internal.backend.LogEvent;
import dev.drydock.logs.internal.backend.LogsBackend;
import dev.drydock.logs.internal.support.LogAccess;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * GetLogEvents, as
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_GetLogEvents.html">the CloudWatch
 * Logs API reference</a> describes it: a stream's events in {@code [startTime, endTime)}, oldest first, as many as fit
 * in 1 MB up to {@code limit} (10,000 by default); without a token, the latest ones unless {@code startFromHead}. Both
 * tokens are always returned ({@code f/...} reads newer events, {@code b/...} older ones); a page that returns the
 * token it was given has reached the end. {@code logs:GetLogEvents} on the stream.
 */
public final class GetLogEvents implements Operation<GetLogEventsRequest, GetLogEventsResponse> {
    private final LogAccess access;

    public GetLogEvents(LogAccess access) {
        this.access = access;
    }

    @Override
    public GetLogEventsResponse call(GetLogEventsRequest r, CallContext c) {
        String group = access.group(r.logGroupName(), r.logGroupIdentifier());
        access.authorize(c, "logs:GetLogEvents", group, r.logStreamName());
        List<LogEvent> events = access.backend().events(group, r.logStreamName(), r.startTime(), r.endTime());
        int n = events.size();
        int limit = r.limit() == null ? 10_000 : r.limit();
        boolean forward;
        int at;
        if (r.nextToken() == null) {
            forward = Boolean.TRUE.equals(r.startFromHead());
            at = forward ? 0 : n;
        } else {
            String t = r.nextToken();
            if (!t.matches("[fb]/\\d{56}")) {
                throw LogsErrors.invalidToken();
            }
            forward = t.charAt(0) == 'f';
            long position = Long.parseLong(t.substring(2));
            if (position > n) {
                throw LogsErrors.invalidToken();
            }
            at = (int) position;
        }
        int from;
        int to;
        long bytes = 0;
        if (forward) {
            from = at;
            to = at;
            while (to < n && to - from < limit) {
                long size = LogEvent.size(events.get(to).message());
                if (bytes + size > LogsBackend.MAX_BATCH_BYTES) {
                    break;
                }
                bytes += size;
                to++;
            }
        } else {
            to = at;
            from = at;
            while (from > 0 && to - from < limit) {
                long size = LogEvent.size(events.get(from - 1).message());
                if (bytes + size > LogsBackend.MAX_BATCH_BYTES) {
                    break;
                }
                bytes += size;
                from--;
            }
        }
        return GetLogEventsResponse.builder()
                .events(events.subList(from, to).stream()
                        .map(e -> OutputLogEvent.builder()
                                .timestamp(e.timestamp())
                                .message(e.message())
                                .ingestionTime(e.ingestionTime())
                                .build())
                        .toList())
                .nextForwardToken(String.format("f/%056d", to))
                .nextBackwardToken(String.format("b/%056d", from))
                .build();
    }
}
