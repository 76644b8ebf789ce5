package dev.drydock.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a module emits its events in EventBridge's format (for ECS: {@code ECS Task State Change} ...); tests read
 * them through {@code Drydock.events()}.
 */
public interface EventPublisher {

    /**
     * Emits an event. Never blocks (callable under a model lock); {@code detail} is evaluated later on Drydock's
     * event thread, so it must only read immutable values.
     *
     * @param source the event source, e.g. {@code aws.ecs}
     * @param detailType the detail type, e.g. {@code ECS Task State Change}
     * @param time when it happened
     * @param resources the ARNs of the resources involved
     * @param detail the event's {@code detail} object, as JSON-ready maps, lists and values ({@link JsonTree})
     */
    void publish(
            String source,
            String detailType,
            Instant time,
            List<String> resources,
            Supplier<Map<String, Object>> detail);
}
