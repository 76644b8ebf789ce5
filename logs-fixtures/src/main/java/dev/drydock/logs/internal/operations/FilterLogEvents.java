package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.logs.internal.LogsErrors;
import dev.drydock.logs.internal.backend.FilterPattern;
import dev.drydock.logs.internal.backend.LogsBackend.StreamEvent;
import dev.drydock.logs.internal.support.LogAccess;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * FilterLogEvents, as
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html">the
 * CloudWatch Logs API reference</a> describes it: the events of a group's streams ({@code logStreamNames} or, not
 * both, {@code logStreamNamePrefix}) in {@code [startTime, endTime)} that match {@code filterPattern} (see
 * {@link FilterPattern} for the syntax Drydock supports), interleaved by timestamp, in pages of up to {@code limit}
 * (10,000 by default). {@code logs:FilterLogEvents} on {@code log-group:<group>:log-stream:}.
 */
public final class FilterLogEvents implements Operation<FilterLogEventsRequest, FilterLogEventsResponse> {
    private final LogAccess access;

    public FilterLogEvents(LogAccess access) {
        this.access = access;
    }

    @Override
    public FilterLogEventsResponse call(FilterLogEventsRequest r, CallContext c) {
        String group = access.group(r.logGroupName(), r.logGroupIdentifier());
        boolean named = r.hasLogStreamNames() && !r.logStreamNames().isEmpty();
        if (named && r.logStreamNamePrefix() != null) {
            throw LogsErrors.invalidParameter(
                    "logStreamNames and logStreamNamePrefix are mutually exclusive: give one.");
        }
        access.authorize(c, "logs:FilterLogEvents", group, null);
        FilterPattern pattern = FilterPattern.parse(r.filterPattern());
        Predicate<String> streams = named
                ? r.logStreamNames()::contains
                : r.logStreamNamePrefix() == null ? s -> true : s -> s.startsWith(r.logStreamNamePrefix());
        List<StreamEvent> events =
                access.backend().events(group, streams, r.startTime(), r.endTime(), pattern::matches);
        Page<StreamEvent> page = LogAccess.page(events, r.limit(), 10_000, r.nextToken());
        return FilterLogEventsResponse.builder()
                .events(page.items().stream()
                        .map(e -> FilteredLogEvent.builder()
                                .logStreamName(e.stream())
                                .timestamp(e.event().timestamp())
                                .message(e.event().message())
                                .ingestionTime(e.event().ingestionTime())
                                .eventId(String.format("%056d", e.event().sequence()))
                                .build())
                        .toList())
                .nextToken(page.nextToken())
                .build();
    }
}
