package dev.drydock.core.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.events.AwsEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event stream's delivery: order, history, awaiting past and future events, failing listeners. */
class EventLogTest {
    private final EventLog log = new EventLog("123456789012", "eu-west-1");

    @AfterEach
    void close() {
        log.close();
    }

    private void publish(int n) {
        log.publish(
                "aws.test",
                "Test Event",
                Instant.parse("2026-01-02T03:04:05.678Z"),
                List.of("arn:test:" + n),
                () -> Map.of("n", (long) n));
    }

    @Test
    void awaitFindsAnEventThatAlreadyHappenedAndOneStillToCome() throws Exception {
        publish(1);
        AwsEvent first = log.await(AwsEvent.withDetail("n", 1), 5);
        assertThat(first.resources()).containsExactly("arn:test:1");
        assertThat(first.account()).isEqualTo("123456789012");
        assertThat(first.region()).isEqualTo("eu-west-1");
        assertThat(first.toJson())
                .isEqualTo("{\"version\":\"0\",\"id\":\"" + first.id() + "\",\"detail-type\":"
                        + "\"Test Event\",\"source\":\"aws.test\",\"account\":\"123456789012\",\"time\":"
                        + "\"2026-01-02T03:04:05Z\",\"region\":\"eu-west-1\",\"resources\":[\"arn:test:1\"],\"detail\":"
                        + "{\"n\":1}}");

        Thread later = new Thread(() -> {
            sleep(300);
            publish(2);
        });
        later.start();
        AwsEvent second = log.await(AwsEvent.withDetail("n", 2), 5);
        later.join();
        assertThat(second.detail()).containsEntry("n", 2L);
    }

    @Test
    void subscribersGetEveryEventInOrderAndAFailingOneDoesNotStopTheOthers() throws Exception {
        List<Long> seen = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        try (AutoCloseable failing = log.subscribe(e -> {
                    failures.incrementAndGet();
                    throw new IllegalStateException("a listener bug");
                });
                AutoCloseable counting =
                        log.subscribe(e -> seen.add((Long) e.detail().get("n")))) {
            for (int i = 0; i < 100; i++) {
                publish(i);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 100);
        }
        assertThat(seen).isSorted().hasSize(100);
        assertThat(failures).hasValue(100);
        publish(100);
        log.await(AwsEvent.withDetail("n", 100), 5);
        assertThat(seen).hasSize(100);
    }

    @Test
    void historyKeepsTheMostRecentEvents() {
        for (int i = 0; i < EventLog.KEPT + 5; i++) {
            publish(i);
        }
        log.await(AwsEvent.withDetail("n", EventLog.KEPT + 4), 10);

        List<AwsEvent> events = log.events();
        assertThat(events).hasSize(EventLog.KEPT);
        assertThat(events.get(0).detail()).containsEntry("n", 5L);
    }

    @Test
    void awaitRefusesANegativeTimeoutAndAMissingFilter() {
        assertThatThrownBy(() -> log.await(e -> true, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeoutSeconds must be 0 or more, not -1");
        assertThatThrownBy(() -> log.await(null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("await needs a filter");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
