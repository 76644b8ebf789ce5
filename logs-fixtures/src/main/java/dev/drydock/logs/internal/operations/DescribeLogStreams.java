package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.logs.internal.LogsErrors;
import dev.drydock.logs.internal.backend.LogsBackend.StreamView;
import dev.drydock.logs.internal.support.LogAccess;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;

/**
 * DescribeLogStreams, as
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DescribeLogStreams.html">the
 * CloudWatch Logs API reference</a> describes it: by name ({@code orderBy LogStreamName}, the default, with an optional
 * {@code logStreamNamePrefix}) or by last event time (no prefix then), {@code descending}, in pages of up to 50 (the
 * default). {@code logs:DescribeLogStreams} on {@code log-group:<group>:log-stream:}.
 */
public final class DescribeLogStreams implements Operation<DescribeLogStreamsRequest, DescribeLogStreamsResponse> {
    private final LogAccess access;

    public DescribeLogStreams(LogAccess access) {
        this.access = access;
    }

    @Override
    public DescribeLogStreamsResponse call(DescribeLogStreamsRequest r, CallContext c) {
        String group = access.group(r.logGroupName(), r.logGroupIdentifier());
        boolean byTime = "LastEventTime".equals(r.orderByAsString());
        if (byTime && r.logStreamNamePrefix() != null) {
            throw LogsErrors.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        access.authorize(c, "logs:DescribeLogStreams", group, null);
        List<StreamView> streams = new ArrayList<>(access.backend().streams(group).stream()
                .filter(s -> r.logStreamNamePrefix() == null || s.name().startsWith(r.logStreamNamePrefix()))
                .toList());
        if (byTime) {
            streams.sort(Comparator.comparing(
                    StreamView::lastEventTimestamp, Comparator.nullsFirst(Comparator.naturalOrder())));
        }
        if (Boolean.TRUE.equals(r.descending())) {
            Collections.reverse(streams);
        }
        Page<StreamView> page = LogAccess.page(streams, r.limit(), 50, r.nextToken());
        String groupArn = access.backend().groupArn(group);
        return DescribeLogStreamsResponse.builder()
                .logStreams(page.items().stream()
                        .map(s -> LogStream.builder()
                                .logStreamName(s.name())
                                .creationTime(s.creationTime())
                                .firstEventTimestamp(s.firstEventTimestamp())
                                .lastEventTimestamp(s.lastEventTimestamp())
                                .lastIngestionTime(s.lastIngestionTime())
                                .arn(groupArn + ":log-stream:" + s.name())
                                .storedBytes(0L)
                                .build())
                        .toList())
                .nextToken(page.nextToken())
                .build();
    }
}
