package dev.drydock.scaling.internal.backend;

import static dev.drydock.scaling.internal.ScalingErrors.objectNotFound;
import static dev.drydock.scaling.internal.ScalingErrors.validation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScheduledActionRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTargetAction;
import software.amazon.awssdk.services.applicationautoscaling.model.ScheduledAction;

/**
 * The scheduled actions of the backend's targets and when each runs next, as "Scheduled scaling for Application Auto
 * Scaling" describes them
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-scheduled-scaling.html):
 * at each time the {@link Schedule} names, within StartTime and EndTime, the target's minimum and maximum capacity
 * become the action's. Guarded by the backend's lock.
 */
final class ScheduledActions {
    private final String region;
    private final String accountId;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** One action, its parsed schedule and its next run ({@code null}: none). */
    static final class Entry {
        ScheduledAction action;
        final TargetKey key;
        Schedule schedule;
        Instant next;

        Entry(ScheduledAction action, TargetKey key) {
            this.action = action;
            this.key = key;
        }

        /** When a rate counts from: StartTime, or when the action was created. */
        Instant anchor() {
            return action.startTime() != null ? action.startTime() : action.creationTime();
        }

        /** The next run after {@code now} within StartTime and EndTime, or {@code null}. */
        void plan(Instant now) {
            Instant after = action.startTime() != null && action.startTime().isAfter(now)
                    ? action.startTime().minusMillis(1)
                    : now;
            Instant n = schedule.next(after, anchor());
            next = n == null || action.endTime() != null && n.isAfter(action.endTime()) ? null : n;
        }
    }

    ScheduledActions(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    private static String id(String name, TargetKey k) {
        return name + "|" + k.resourceId() + "|" + k.dimension();
    }

    /**
     * PutScheduledAction: creates or updates an action (what an update leaves out stays as it was).
     *
     * @throws dev.drydock.core.spi.AwsException ValidationException for a schedule, time zone, time range or capacity
     *     that is not valid; nothing is stored then
     */
    ScheduledAction put(PutScheduledActionRequest r, TargetKey k, Instant now) {
        Entry existing = entries.get(id(r.scheduledActionName(), k));
        ScheduledAction old = existing != null ? existing.action : null;
        String expression = r.schedule() != null ? r.schedule() : old != null ? old.schedule() : null;
        if (expression == null) {
            throw validation("Schedule is required to create the scheduled action " + r.scheduledActionName()
                    + ": at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields).");
        }
        String timezone = r.timezone() != null ? r.timezone() : old != null ? old.timezone() : null;
        Schedule schedule;
        try {
            schedule = Schedule.parse(expression, timezone);
        } catch (IllegalArgumentException e) {
            throw validation(e.getMessage());
        }
        Instant start = r.startTime() != null ? r.startTime() : old != null ? old.startTime() : null;
        Instant end = r.endTime() != null ? r.endTime() : old != null ? old.endTime() : null;
        if (start != null && end != null && !end.isAfter(start)) {
            throw validation("EndTime (" + end + ") must be after StartTime (" + start + ").");
        }
        ScalableTargetAction action = r.scalableTargetAction() != null
                ? r.scalableTargetAction()
                : old != null ? old.scalableTargetAction() : null;
        if (action == null || action.minCapacity() == null && action.maxCapacity() == null) {
            throw validation("ScalableTargetAction needs MinCapacity, MaxCapacity or both for the scheduled action "
                    + r.scheduledActionName() + ".");
        }
        if (action.minCapacity() != null && action.minCapacity() < 0
                || action.maxCapacity() != null && action.maxCapacity() < 0) {
            throw validation("MinCapacity and MaxCapacity must be 0 or more.");
        }
        if (action.minCapacity() != null
                && action.maxCapacity() != null
                && action.minCapacity() > action.maxCapacity()) {
            throw validation("Minimum capacity cannot be greater than maximum capacity");
        }
        ScheduledAction a = ScheduledAction.builder()
                .scheduledActionName(r.scheduledActionName())
                .scheduledActionARN(
                        old != null
                                ? old.scheduledActionARN()
                                : "arn:aws:autoscaling:" + region + ":" + accountId + ":scheduledAction:"
                                        + UUID.randomUUID() + ":resource/" + k.namespace() + "/" + k.resourceId()
                                        + ":scheduledActionName/" + r.scheduledActionName())
                .serviceNamespace(k.namespace())
                .schedule(expression)
                .timezone(timezone)
                .resourceId(k.resourceId())
                .scalableDimension(k.dimension())
                .startTime(start)
                .endTime(end)
                .scalableTargetAction(action)
                .creationTime(old != null ? old.creationTime() : now)
                .build();
        Entry e = existing != null ? existing : new Entry(a, k);
        e.action = a;
        e.schedule = schedule;
        e.plan(now);
        entries.put(id(a.scheduledActionName(), k), e);
        return a;
    }

    /** The actions matching a filter, in creation order. */
    List<ScheduledAction> list(Predicate<ScheduledAction> filter) {
        return entries.values().stream().map(e -> e.action).filter(filter).toList();
    }

    /** DeleteScheduledAction, or ObjectNotFoundException. */
    void delete(String name, TargetKey k) {
        if (entries.remove(id(name, k)) == null) {
            throw objectNotFound("No scheduled action found for " + k.describe() + ", scheduled action name: " + name);
        }
    }

    /** Deletes the actions of a target (it was deregistered). */
    void removeTarget(TargetKey k) {
        entries.values().removeIf(e -> e.key.equals(k));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The actions due at {@code now}, each planned for its next run. */
    List<Entry> due(Instant now) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.next != null && !now.isBefore(e.next)) {
                out.add(e);
                e.plan(now);
            }
        }
        return out;
    }
}
