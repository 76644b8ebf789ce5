package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.logs.internal.backend.LogsBackend;
import dev.drydock.logs.internal.backend.LogsBackend.NewEvent;
import dev.drydock.logs.internal.backend.LogsBackend.Rejected;
import dev.drydock.logs.internal.support.LogAccess;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;

/**
 * PutLogEvents, as
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html">the CloudWatch
 * Logs API reference</a> describes it: up to 10,000 events in chronological order, at most 1 MB and 24 hours per
 * batch; events too old, expired or too new are reported in {@code rejectedLogEventsInfo} and not stored. The
 * sequence token is ignored, as CloudWatch Logs now ignores it; a {@code nextSequenceToken} is still returned for older
 * clients. {@code logs:PutLogEvents} on {@code log-group:<group>:log-stream:<stream>}.
 */
public final class PutLogEvents implements Operation<PutLogEventsRequest, PutLogEventsResponse> {
    private static final AtomicLong TOKENS = new AtomicLong();

    private final LogAccess access;

    public PutLogEvents(LogAccess access) {
        this.access = access;
    }

    @Override
    public PutLogEventsResponse call(PutLogEventsRequest r, CallContext c) {
        access.authorize(c, "logs:PutLogEvents", r.logGroupName(), r.logStreamName());
        List<NewEvent> events = r.logEvents().stream()
                .map(e -> new NewEvent(e.timestamp(), e.message()))
                .toList();
        LogsBackend.checkBatch(events);
        Rejected rejected = access.backend().put(r.logGroupName(), r.logStreamName(), events);
        return PutLogEventsResponse.builder()
                .nextSequenceToken(String.format("%056d", TOKENS.incrementAndGet()))
                .rejectedLogEventsInfo(
                        rejected.any()
                                ? RejectedLogEventsInfo.builder()
                                        .tooNewLogEventStartIndex(rejected.tooNewStartIndex())
                                        .tooOldLogEventEndIndex(rejected.tooOldEndIndex())
                                        .expiredLogEventEndIndex(rejected.expiredEndIndex())
                                        .build()
                                : null)
                .build();
    }
}
