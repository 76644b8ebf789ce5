package dev.drydock.core.internal.events;

import dev.drydock.core.events.AwsEvent;
import dev.drydock.core.events.EventStream;
import dev.drydock.core.spi.EventPublisher;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drydock's {@link EventStream}: service models {@link #publish} events (cheaply, possibly under their model lock);
 * one daemon thread builds each event's detail, records it and hands it to the subscribers, in order.
 */
public final class EventLog implements EventStream, EventPublisher, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    static final int KEPT = 10_000;

    private final String account;
    private final String region;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Deque<AwsEvent> history = new ArrayDeque<>();
    private final List<Consumer<AwsEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final Thread dispatcher;
    private long published; // guarded by history
    private volatile boolean closed;

    public EventLog(String account, String region) {
        this.account = account;
        this.region = region;
        this.dispatcher = new Thread(this::dispatch, "drydock-events");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    @Override
    public void publish(
            String source,
            String detailType,
            Instant time,
            List<String> resources,
            Supplier<Map<String, Object>> detail) {
        if (!closed) {
            queue.add(new Pending(source, detailType, time, List.copyOf(resources), detail));
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<AwsEvent> listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    @Override
    public List<AwsEvent> events() {
        synchronized (history) {
            return new ArrayList<>(history);
        }
    }

    @Override
    public AwsEvent await(Predicate<AwsEvent> filter, long timeoutSeconds) {
        if (filter == null) {
            throw new IllegalArgumentException("await needs a filter, e.g. AwsEvent.ofType(\"ECS Task State Change\")");
        }
        if (timeoutSeconds < 0) {
            throw new IllegalArgumentException("timeoutSeconds must be 0 or more, not " + timeoutSeconds);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        synchronized (history) {
            long next = 0; // the sequence number of the first event not looked at yet
            while (true) {
                // only the events not looked at yet: the newest ones, at the tail
                int fresh = (int) Math.min(history.size(), published - next);
                List<AwsEvent> unseen = new ArrayList<>(fresh);
                Iterator<AwsEvent> newestFirst = history.descendingIterator();
                for (int i = 0; i < fresh; i++) {
                    unseen.add(newestFirst.next());
                }
                for (int i = unseen.size() - 1; i >= 0; i--) {
                    if (filter.test(unseen.get(i))) {
                        return unseen.get(i);
                    }
                }
                next = published;
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No matching event within " + timeoutSeconds + " s (" + published
                            + " events so far). The most recent:\n" + recent(10));
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(history, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("Interrupted while waiting for an event", e);
                }
            }
        }
    }

    private String recent(int n) {
        List<AwsEvent> all = new ArrayList<>(history);
        StringBuilder b = new StringBuilder();
        for (AwsEvent e : all.subList(Math.max(0, all.size() - n), all.size())) {
            b.append("  ")
                    .append(e.time())
                    .append(' ')
                    .append(e.detailType())
                    .append(' ')
                    .append(e.resources())
                    .append(' ')
                    .append(summary(e))
                    .append('\n');
        }
        return b.length() == 0 ? "  (none)\n" : b.toString();
    }

    private static String summary(AwsEvent e) {
        for (String key : List.of("eventName", "lastStatus")) {
            Object v = e.detail().get(key);
            if (v != null) {
                return key + "=" + v;
            }
        }
        return "";
    }

    private void dispatch() {
        while (!closed) {
            Pending p;
            try {
                p = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            AwsEvent event;
            try {
                event = new AwsEvent(
                        "0",
                        UUID.randomUUID().toString(),
                        p.detailType,
                        p.source,
                        account,
                        p.time,
                        region,
                        p.resources,
                        p.detail.get());
            } catch (RuntimeException e) {
                LOG.warn("Drydock could not build a {} event", p.detailType, e);
                continue;
            }
            synchronized (history) {
                history.addLast(event);
                published++;
                if (history.size() > KEPT) {
                    history.removeFirst();
                }
                history.notifyAll();
            }
            for (Consumer<AwsEvent> s : subscribers) {
                try {
                    s.accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("An event listener failed on a {} event", event.detailType(), e);
                }
            }
        }
    }

    @Override
    public boolean idle() {
        return queue.isEmpty();
    }

    @Override
    public void close() {
        closed = true;
        dispatcher.interrupt();
    }

    private record Pending(
            String source,
            String detailType,
            Instant time,
            List<String> resources,
            Supplier<Map<String, Object>> detail) {}
}
