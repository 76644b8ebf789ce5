package dev.drydock.logs.internal.backend;

import dev.drydock.core.spi.TagStore;
import dev.drydock.logs.internal.LogsErrors;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The log groups, streams and events of one account and region, with CloudWatch Logs' rules for putting events
 * ("PutLogEvents", https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html): a
 * batch is in chronological order, spans at most 24 hours, holds at most 1,048,576 bytes (each event's UTF-8 message
 * plus 26 bytes) and events of at most 256 KB; events more than 14 days old or older than the group's retention are
 * rejected as too old or expired, events more than 2 hours in the future as too new. Events older than the
 * retention period are no longer returned. Thread-safe: every method locks the backend; reads return copies.
 */
public final class LogsBackend {
    /** The largest batch PutLogEvents takes, in bytes. */
    public static final long MAX_BATCH_BYTES = 1_048_576;

    /** The largest event, in bytes (message plus 26). */
    public static final long MAX_EVENT_BYTES = 262_144;

    private static final long DAY = Duration.ofDays(1).toMillis();

    private final String account;
    private final String region;
    /** {@code arn:aws:logs:<region>:<account>:log-group:}, built once: IAM asks {@link #resourceTags} on every call. */
    private final String groupArnPrefix;

    private final Clock clock;
    private final Map<String, LogGroup> groups = new TreeMap<>();
    private final TagStore tags = new TagStore(LogsErrors.TAGS);
    private long sequence;

    public LogsBackend(String account, String region, Clock clock) {
        this.account = account;
        this.region = region;
        this.groupArnPrefix = "arn:aws:logs:" + region + ":" + account + ":log-group:";
        this.clock = clock;
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    public long now() {
        return clock.millis();
    }

    /** {@code arn:aws:logs:<region>:<account>:log-group:<name>}. */
    public String groupArn(String group) {
        return groupArnPrefix + group;
    }

    /**
     * The resource CloudWatch Logs authorizes actions on: {@code arn:aws:logs:<region>:<account>:log-group:<group>:
     * log-stream:<stream>}, with empty parts where the action has none (CreateLogGroup:
     * {@code ...:log-group:<group>:log-stream:}; DescribeLogGroups: {@code ...:log-group::log-stream:}), as AWS's
     * AccessDenied messages show.
     */
    public String resource(String group, String stream) {
        return groupArn(group == null ? "" : group) + ":log-stream:" + (stream == null ? "" : stream);
    }

    /** A log group, as DescribeLogGroups reports it. */
    public record GroupView(
            String name,
            String arn,
            long creationTime,
            Integer retentionInDays,
            String kmsKeyId,
            String logGroupClass,
            boolean deletionProtection,
            long storedBytes,
            Map<String, String> tags) {}

    /** A log stream, as DescribeLogStreams reports it. */
    public record StreamView(
            String name,
            long creationTime,
            Long firstEventTimestamp,
            Long lastEventTimestamp,
            Long lastIngestionTime) {}

    /** An event of a stream, for FilterLogEvents. */
    public record StreamEvent(String stream, LogEvent event) {}

    /**
     * Creates a log group.
     *
     * @throws dev.drydock.core.spi.AwsException ResourceAlreadyExistsException
     */
    public synchronized GroupView createGroup(
            String name, String kmsKeyId, String logGroupClass, Map<String, String> tags, boolean deletionProtection) {
        if (groups.containsKey(name)) {
            throw LogsErrors.groupExists();
        }
        LogGroup g = new LogGroup(name, groupArn(name), now(), kmsKeyId, logGroupClass);
        this.tags.put(g.arn(), tags);
        g.deletionProtection = deletionProtection;
        groups.put(name, g);
        return view(g);
    }

    /** The group, if it exists. */
    public synchronized Optional<GroupView> findGroup(String name) {
        return Optional.ofNullable(groups.get(name)).map(this::view);
    }

    /** Every group, sorted by name. */
    public synchronized List<GroupView> groups() {
        return groups.values().stream().map(this::view).toList();
    }

    /**
     * Deletes a group and its streams.
     *
     * @throws dev.drydock.core.spi.AwsException ResourceNotFoundException, or ValidationException when
     *     deletion protection is on
     */
    public synchronized void deleteGroup(String name) {
        LogGroup g = group(name);
        if (g.deletionProtection) {
            throw LogsErrors.validation("The log group " + name + " has deletion protection enabled: turn it off with "
                    + "PutLogGroupDeletionProtection before deleting it.");
        }
        groups.remove(name);
        tags.remove(g.arn());
    }

    public synchronized void setRetention(String name, Integer days) {
        group(name).retentionInDays = days;
    }

    /**
     * Adds or replaces a group's tags.
     *
     * @throws dev.drydock.core.spi.AwsException TooManyTagsException beyond 50 tags
     */
    public synchronized void tag(String name, Map<String, String> add) {
        tags.tag(group(name).arn(), add);
    }

    public synchronized void untag(String name, List<String> keys) {
        tags.untag(group(name).arn(), keys);
    }

    /** The groups' tags by group ARN ({@code arn:aws:logs:<region>:<account>:log-group:<name>}). */
    public TagStore tags() {
        return tags;
    }

    /**
     * IAM's {@code aws:ResourceTag/*} source: the tags of the group an ARN names, for the group's ARN (with or without
     * {@code :*}) and its streams' ({@code ...:log-group:<group>:log-stream:<stream>}).
     */
    public Map<String, String> resourceTags(String arn) {
        if (!arn.startsWith(groupArnPrefix)) {
            return Map.of();
        }
        String rest = arn.substring(groupArnPrefix.length());
        int colon = rest.indexOf(':');
        return tags.tags(groupArn(colon < 0 ? rest : rest.substring(0, colon)));
    }

    /**
     * Creates a log stream.
     *
     * @throws dev.drydock.core.spi.AwsException ResourceNotFoundException for the group,
     *     ResourceAlreadyExistsException
     */
    public synchronized StreamView createStream(String group, String stream) {
        LogGroup g = group(group);
        if (g.streams.containsKey(stream)) {
            throw LogsErrors.streamExists();
        }
        LogStream s = new LogStream(stream, now());
        g.streams.put(stream, s);
        return view(s);
    }

    public synchronized void deleteStream(String group, String stream) {
        LogGroup g = group(group);
        if (g.streams.remove(stream) == null) {
            throw LogsErrors.streamNotFound();
        }
    }

    /** The group's streams, sorted by name. */
    public synchronized List<StreamView> streams(String group) {
        return group(group).streams.values().stream().map(this::view).toList();
    }

    /** An event to put. */
    public record NewEvent(long timestamp, String message) {}

    /**
     * What PutLogEvents rejected, as indexes into the batch ({@code null} when none).
     *
     * @param tooNewStartIndex the first event more than 2 hours in the future
     * @param tooOldEndIndex the last event more than 14 days old
     * @param expiredEndIndex the last event older than the retention period
     */
    public record Rejected(Integer tooNewStartIndex, Integer tooOldEndIndex, Integer expiredEndIndex) {
        public boolean any() {
            return tooNewStartIndex != null || tooOldEndIndex != null || expiredEndIndex != null;
        }
    }

    /**
     * Checks a batch as PutLogEvents does, before anything is stored.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidParameterException saying which rule it breaks
     */
    public static void checkBatch(List<NewEvent> events) {
        long total = 0;
        for (int i = 0; i < events.size(); i++) {
            NewEvent e = events.get(i);
            long size = LogEvent.size(e.message());
            if (size > MAX_EVENT_BYTES) {
                throw LogsErrors.invalidParameter(
                        "Log event too large: " + size + " bytes exceeds limit of " + MAX_EVENT_BYTES);
            }
            total += size;
            if (i > 0 && e.timestamp() < events.get(i - 1).timestamp()) {
                throw LogsErrors.invalidParameter(
                        "Log events in a single PutLogEvents request must be in chronological order.");
            }
        }
        if (total > MAX_BATCH_BYTES) {
            throw LogsErrors.invalidParameter(
                    "Upload too large: " + total + " bytes exceeds limit of " + MAX_BATCH_BYTES);
        }
        if (!events.isEmpty()
                && events.get(events.size() - 1).timestamp() - events.get(0).timestamp() > DAY) {
            throw LogsErrors.invalidParameter(
                    "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }
    }

    /**
     * Puts a checked batch ({@link #checkBatch}) into a stream; events too old, expired or too new are not stored.
     *
     * @throws dev.drydock.core.spi.AwsException ResourceNotFoundException for the group or stream
     */
    public synchronized Rejected put(String group, String stream, List<NewEvent> events) {
        LogGroup g = group(group);
        LogStream s = g.streams.get(stream);
        if (s == null) {
            throw LogsErrors.streamNotFound();
        }
        long now = now();
        long tooOld = now - 14 * DAY;
        long tooNew = now + Duration.ofHours(2).toMillis();
        long expired = g.retentionInDays == null ? Long.MIN_VALUE : now - g.retentionInDays * DAY;
        Integer newStart = null;
        Integer oldEnd = null;
        Integer expiredEnd = null;
        for (int i = 0; i < events.size(); i++) {
            NewEvent e = events.get(i);
            if (e.timestamp() < expired) {
                expiredEnd = i;
            } else if (e.timestamp() < tooOld) {
                oldEnd = i;
            } else if (e.timestamp() > tooNew) {
                if (newStart == null) {
                    newStart = i;
                }
            } else {
                s.add(new LogEvent(e.timestamp(), e.message(), now, ++sequence));
            }
        }
        return new Rejected(newStart, oldEnd, expiredEnd);
    }

    /**
     * A stream's events in {@code [startTime, endTime)} (either may be null), oldest first, without those past the
     * group's retention.
     */
    public synchronized List<LogEvent> events(String group, String stream, Long startTime, Long endTime) {
        LogGroup g = group(group);
        LogStream s = g.streams.get(stream);
        if (s == null) {
            throw LogsErrors.streamNotFound();
        }
        Predicate<LogEvent> keep = window(g, startTime, endTime);
        return s.events.stream().filter(keep).toList();
    }

    /** The events of the streams {@code streams} accepts, in {@code [startTime, endTime)}, by timestamp. */
    public synchronized List<StreamEvent> events(
            String group, Predicate<String> streams, Long startTime, Long endTime, Predicate<String> message) {
        LogGroup g = group(group);
        Predicate<LogEvent> keep = window(g, startTime, endTime);
        List<StreamEvent> out = new ArrayList<>();
        for (LogStream s : g.streams.values()) {
            if (!streams.test(s.name())) {
                continue;
            }
            for (LogEvent e : s.events) {
                if (keep.test(e) && message.test(e.message())) {
                    out.add(new StreamEvent(s.name(), e));
                }
            }
        }
        out.sort(Comparator.comparingLong((StreamEvent e) -> e.event().timestamp())
                .thenComparingLong(e -> e.event().sequence()));
        return out;
    }

    private Predicate<LogEvent> window(LogGroup g, Long startTime, Long endTime) {
        long expired = g.retentionInDays == null ? Long.MIN_VALUE : now() - g.retentionInDays * DAY;
        return e -> e.timestamp() >= expired
                && (startTime == null || e.timestamp() >= startTime)
                && (endTime == null || e.timestamp() < endTime);
    }

    private LogGroup group(String name) {
        LogGroup g = groups.get(name);
        if (g == null) {
            throw LogsErrors.groupNotFound();
        }
        return g;
    }

    private GroupView view(LogGroup g) {
        long bytes =
                g.streams.values().stream().mapToLong(LogStream::storedBytes).sum();
        return new GroupView(
                g.name(),
                g.arn(),
                g.creationTime(),
                g.retentionInDays,
                g.kmsKeyId(),
                g.logGroupClass(),
                g.deletionProtection,
                bytes,
                tags.tags(g.arn()));
    }

    private StreamView view(LogStream s) {
        return new StreamView(
                s.name(), s.creationTime(), s.firstEventTimestamp(), s.lastEventTimestamp(), s.lastIngestionTime());
    }
}
