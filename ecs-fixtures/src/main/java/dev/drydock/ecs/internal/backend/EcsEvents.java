package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.EventPublisher;
import dev.drydock.core.spi.JsonTree;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The EventBridge events ECS emits (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_cwe_events.html):
 * {@code ECS Task State Change} (the task as DescribeTasks gives it, with ISO-8601 timestamps and {@code updatedAt}),
 * {@code ECS Service Action} and {@code ECS Deployment State Change}. Called under the backend's lock: it only
 * captures immutable values; the event thread builds the detail.
 */
final class EcsEvents {
    static final String SOURCE = "aws.ecs";
    static final String TASK_STATE_CHANGE = "ECS Task State Change";
    static final String SERVICE_ACTION = "ECS Service Action";
    static final String DEPLOYMENT_STATE_CHANGE = "ECS Deployment State Change";
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Set<String> TASK_TIMESTAMPS = Set.of(
            "createdAt",
            "connectivityAt",
            "pullStartedAt",
            "pullStoppedAt",
            "startedAt",
            "stoppingAt",
            "executionStoppedAt",
            "stoppedAt");

    private volatile EventPublisher log;

    EcsEvents() {}

    /** Where events go; {@code null} (the default) drops them. */
    void log(EventPublisher log) {
        this.log = log;
    }

    /** A task's lastStatus or desiredStatus changed. */
    void task(TaskRecord t, Instant now) {
        EventPublisher log = this.log;
        if (log == null) {
            return;
        }
        Task model = t.toModel(true);
        log.publish(SOURCE, TASK_STATE_CHANGE, now, List.of(t.arn), () -> taskDetail(model, now));
    }

    /** A service action: {@code SERVICE_STEADY_STATE}, {@code TASKS_STOPPED}, {@code SERVICE_TASK_START_IMPAIRED}. */
    void serviceAction(ServiceRecord s, String eventType, String eventName, Instant now) {
        EventPublisher log = this.log;
        if (log == null) {
            return;
        }
        String clusterArn = s.clusterArn;
        log.publish(
                SOURCE,
                SERVICE_ACTION,
                now,
                List.of(s.arn),
                () -> detail(
                        "eventType",
                        eventType,
                        "eventName",
                        eventName,
                        "clusterArn",
                        clusterArn,
                        "createdAt",
                        ISO_MILLIS.format(now)));
    }

    /** A deployment started ({@code SERVICE_DEPLOYMENT_IN_PROGRESS}), completed or failed. */
    void deployment(
            ServiceRecord s,
            DeploymentRecord deployment,
            String eventType,
            String eventName,
            String reason,
            Instant now) {
        EventPublisher log = this.log;
        if (log == null) {
            return;
        }
        String id = deployment.id;
        log.publish(
                SOURCE,
                DEPLOYMENT_STATE_CHANGE,
                now,
                List.of(s.arn),
                () -> detail(
                        "eventType",
                        eventType,
                        "eventName",
                        eventName,
                        "deploymentId",
                        id,
                        "updatedAt",
                        ISO_MILLIS.format(now),
                        "reason",
                        reason));
    }

    /** A detail object from member names and values, in order. */
    private static Map<String, Object> detail(Object... membersAndValues) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < membersAndValues.length; i += 2) {
            d.put((String) membersAndValues[i], membersAndValues[i + 1]);
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> taskDetail(Task task, Instant now) {
        Map<String, Object> detail = (Map<String, Object>) JsonTree.fromSdkPojo(task);
        for (String key : TASK_TIMESTAMPS) {
            Object v = detail.get(key);
            if (v instanceof Number n) {
                BigDecimal seconds = new BigDecimal(n.toString());
                detail.put(
                        key,
                        ISO_MILLIS.format(Instant.ofEpochSecond(
                                seconds.longValue(),
                                seconds.remainder(BigDecimal.ONE)
                                        .movePointRight(9)
                                        .longValue())));
            }
        }
        detail.put("updatedAt", ISO_MILLIS.format(now));
        return detail;
    }
}
