package dev.drydock.core.events;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The events a Drydock instance's services emit, in EventBridge's format ({@link AwsEvent}), in the order they
 * happened: for ECS, task state changes, service actions and deployment state changes
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_cwe_events.html). Get it from
 * {@code drydock.events()}, or as a test method parameter of this type.
 *
 * <pre>{@code
 * AwsEvent done = events.await(AwsEvent.ofType("ECS Deployment State Change")
 *         .and(AwsEvent.withDetail("eventName", "SERVICE_DEPLOYMENT_COMPLETED"))
 *         .and(AwsEvent.withDetail("deploymentId", deploymentId)), 30);
 * }</pre>
 *
 * <p>Every event is kept (the most recent 10,000), so a test may await an event that happened before it asked.
 * Listeners run on one Drydock thread, in order, never under a model lock; a listener that throws is logged and
 * keeps receiving events. Thread-safe.
 */
public interface EventStream {

    /**
     * Calls {@code listener} with every event from now on.
     *
     * @return closes the subscription
     */
    AutoCloseable subscribe(Consumer<AwsEvent> listener);

    /** The events so far (at most the 10,000 most recent), oldest first. */
    List<AwsEvent> events();

    /**
     * The first event, already emitted or still to come, that {@code filter} accepts; waits for it.
     *
     * @param filter which event to wait for, e.g. {@code AwsEvent.ofType("ECS Deployment State Change")}
     * @param timeoutSeconds how long to wait, in seconds (0: only look at the events so far)
     * @throws AssertionError when none comes within the timeout; the message lists the most recent events
     * @throws IllegalArgumentException when {@code filter} is null or {@code timeoutSeconds} is negative
     */
    AwsEvent await(Predicate<AwsEvent> filter, long timeoutSeconds);

    /**
     * Whether every event emitted so far has been delivered (is in {@link #events()} and was handed to the
     * listeners): events are emitted without waiting and delivered in the background.
     */
    boolean idle();
}
