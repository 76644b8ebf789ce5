package dev.drydock.core.events;

import dev.drydock.core.spi.JsonTree;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One event as Amazon EventBridge delivers it from an AWS service: the envelope ({@code version} "0", a unique
 * {@code id}, {@code detail-type}, {@code source}, {@code account}, {@code time}, {@code region}, {@code resources})
 * and the service's {@code detail}. For ECS: {@code ECS Task State Change} (the detail is the task as DescribeTasks
 * describes it, timestamps as ISO-8601 strings), {@code ECS Service Action} and {@code ECS Deployment State Change};
 * see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_cwe_events.html.
 *
 * <p>{@code detail} is the JSON object as maps, lists, strings, booleans and numbers ({@code Long} or
 * {@code BigDecimal}), so AssertJ's map assertions apply: {@code assertThat(event.detail()).containsEntry("eventName",
 * "SERVICE_STEADY_STATE")}.
 *
 * @param version always {@code "0"}, as EventBridge sets it
 * @param id a UUID, unique per event
 * @param detailType e.g. {@code ECS Service Action}
 * @param source e.g. {@code aws.ecs}
 * @param account the 12-digit account id
 * @param time when the event happened (EventBridge's {@code time} has second precision; this has the model's)
 * @param region e.g. {@code us-east-1}
 * @param resources the ARNs the event is about (the task, the service)
 * @param detail the service-specific detail object, unmodifiable
 */
public record AwsEvent(
        String version,
        String id,
        String detailType,
        String source,
        String account,
        Instant time,
        String region,
        List<String> resources,
        Map<String, Object> detail) {

    public AwsEvent {
        Objects.requireNonNull(detailType, "detailType");
        resources = List.copyOf(resources);
        detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    /** A string member of {@code detail}, e.g. {@code detailString("eventName")}; {@code null} when absent. */
    public String detailString(String member) {
        Object v = detail.get(member);
        return v instanceof String s ? s : null;
    }

    /** The event as EventBridge puts it on the wire (member {@code detail-type}, {@code time} in whole seconds). */
    public String toJson() {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("version", version);
        envelope.put("id", id);
        envelope.put("detail-type", detailType);
        envelope.put("source", source);
        envelope.put("account", account);
        envelope.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        envelope.put("region", region);
        envelope.put("resources", resources);
        envelope.put("detail", detail);
        return new String(JsonTree.write(envelope), StandardCharsets.UTF_8);
    }

    /** Matches events of one {@code detail-type}, e.g. {@code ofType("ECS Deployment State Change")}. */
    public static Predicate<AwsEvent> ofType(String detailType) {
        return e -> e.detailType().equals(detailType);
    }

    /** Matches events whose {@code resources} contain {@code arn}. */
    public static Predicate<AwsEvent> about(String arn) {
        return e -> e.resources().contains(arn);
    }

    /** Matches events whose {@code detail} has {@code member} equal to {@code value} (compared as strings). */
    public static Predicate<AwsEvent> withDetail(String member, Object value) {
        return e -> {
            Object v = e.detail().get(member);
            return v != null && String.valueOf(v).equals(String.valueOf(value));
        };
    }
}
