package dev.drydock.elb.internal.backend;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every change of a target's health, in order, for a failing test's report ("target health over time"): at most the
 * last 5,000. Thread-safe.
 */
public final class HealthHistory {
    private static final int MAX = 5000;

    private final Deque<Change> changes = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Calls {@code listener} after every change (on the thread that made it; it must not block). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * One change.
     *
     * @param at when, by Drydock's clock
     * @param targetGroupArn the target group
     * @param targetGroupName its name
     * @param targetId the target's id
     * @param port the target's port
     * @param state the new state ({@code initial}, {@code healthy}, {@code unhealthy}, {@code unused},
     *     {@code draining}), or {@code deregistered} when the target is gone
     * @param reason the reason code, or {@code null}
     * @param description the description, or {@code null}
     */
    public record Change(
            Instant at,
            String targetGroupArn,
            String targetGroupName,
            String targetId,
            int port,
            String state,
            String reason,
            String description) {

        /** One line: {@code 12:00:01.250 web-tg 172.18.0.5:80 healthy}. */
        public String line() {
            return at + " " + targetGroupName + " " + targetId + ":" + port + " " + state
                    + (reason == null ? "" : " (" + reason + (description == null ? "" : ": " + description) + ")");
        }
    }

    void add(Change change) {
        synchronized (this) {
            changes.addLast(change);
            if (changes.size() > MAX) {
                changes.removeFirst();
            }
        }
        for (Runnable l : listeners) {
            l.run();
        }
    }

    /** Every change kept, oldest first. */
    public synchronized List<Change> changes() {
        return new ArrayList<>(changes);
    }
}
