package dev.drydock.logs.internal.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * One log stream: its events sorted by timestamp (then arrival). Changed only by the {@link LogsBackend} under its
 * lock.
 */
public final class LogStream {
    private final String name;
    private final long creationTime;
    final List<LogEvent> events = new ArrayList<>();
    Long firstEventTimestamp;
    Long lastEventTimestamp;
    Long lastIngestionTime;
    long storedBytes;

    LogStream(String name, long creationTime) {
        this.name = name;
        this.creationTime = creationTime;
    }

    public String name() {
        return name;
    }

    public long creationTime() {
        return creationTime;
    }

    public Long firstEventTimestamp() {
        return firstEventTimestamp;
    }

    public Long lastEventTimestamp() {
        return lastEventTimestamp;
    }

    public Long lastIngestionTime() {
        return lastIngestionTime;
    }

    public long storedBytes() {
        return storedBytes;
    }

    /** Inserts an event in timestamp order (after events with the same timestamp). */
    void add(LogEvent e) {
        int i = events.size();
        while (i > 0 && events.get(i - 1).timestamp() > e.timestamp()) {
            i--;
        }
        events.add(i, e);
        firstEventTimestamp =
                firstEventTimestamp == null ? e.timestamp() : Math.min(firstEventTimestamp, e.timestamp());
        lastEventTimestamp = lastEventTimestamp == null ? e.timestamp() : Math.max(lastEventTimestamp, e.timestamp());
        lastIngestionTime = e.ingestionTime();
        storedBytes += LogEvent.size(e.message());
    }
}
