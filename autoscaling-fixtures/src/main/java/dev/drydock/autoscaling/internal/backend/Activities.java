package dev.drydock.autoscaling.internal.backend;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.services.autoscaling.model.Activity;

/**
 * The scaling activities of the groups of one account and region, as DescribeScalingActivities shows them ("Verify a
 * scaling activity for an Auto Scaling group",
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-verify-scaling-activity.html, and the examples of
 * https://docs.aws.amazon.com/cli/latest/reference/autoscaling/describe-scaling-activities.html): one activity per
 * instance launched ({@code Launching a new EC2 instance: i-...}) or terminated ({@code Terminating EC2 instance:
 * i-...}), its Cause the sentences that led to it, each {@code At <time> ...}, two spaces apart. A launch is
 * {@code InProgress} until its instance is InService, a termination until the instance is terminated; then
 * {@code Successful}, Progress 100, with an EndTime. Package-private; the groups' lock is held.
 */
final class Activities {
    /** How many activities are kept, oldest dropped first (AWS keeps six weeks). */
    private static final int KEPT = 5_000;

    private final List<Record> records = new ArrayList<>();

    /** One activity; {@code end} null while it is in progress (a launch ends when its instance is InService). */
    static final class Record {
        final String id = UUID.randomUUID().toString();
        final String group;
        final String groupArn;
        final String description;
        final String cause;
        final Instant start;
        final String details;
        final String instanceId;
        final boolean launch;
        Instant end;
        boolean groupDeleted;

        Record(
                String group,
                String groupArn,
                String description,
                String cause,
                Instant start,
                String details,
                String instanceId,
                boolean launch) {
            this.group = group;
            this.groupArn = groupArn;
            this.description = description;
            this.cause = cause;
            this.start = start;
            this.details = details;
            this.instanceId = instanceId;
            this.launch = launch;
        }
    }

    /** AWS's timestamp in causes: {@code 2026-12-07T23:05:01Z}. */
    static String at(Instant t) {
        return "At " + t.truncatedTo(ChronoUnit.SECONDS) + " ";
    }

    /** Records an activity; returns it so that its end can be set. */
    Record add(Record r) {
        records.add(r);
        if (records.size() > KEPT) {
            records.remove(0);
        }
        return r;
    }

    /** The termination activity of an instance still in progress, if any. */
    Record terminationOf(String instanceId) {
        for (int i = records.size() - 1; i >= 0; i--) {
            Record r = records.get(i);
            if (!r.launch && r.end == null && instanceId.equals(r.instanceId)) {
                return r;
            }
        }
        return null;
    }

    /** A group was deleted: its activities are shown only with IncludeDeletedGroups. */
    void groupDeleted(String group) {
        records.stream().filter(r -> r.group.equals(group)).forEach(r -> r.groupDeleted = true);
    }

    /**
     * The activities of a group (or of every group), newest first.
     *
     * @param inServiceAt when a launched instance turns InService, or null when it is gone
     */
    List<Activity> describe(
            String group,
            List<String> ids,
            boolean includeDeleted,
            Instant now,
            Function<String, Instant> inServiceAt) {
        List<Activity> out = new ArrayList<>();
        for (int i = records.size() - 1; i >= 0; i--) {
            Record r = records.get(i);
            if ((group != null && !r.group.equals(group))
                    || (!ids.isEmpty() && !ids.contains(r.id))
                    || (r.groupDeleted && !includeDeleted)) {
                continue;
            }
            Instant end = r.end;
            if (end == null && r.launch) {
                Instant ready = inServiceAt.apply(r.instanceId);
                end = ready == null ? r.start : ready.isAfter(now) ? null : ready;
            }
            out.add(Activity.builder()
                    .activityId(r.id)
                    .autoScalingGroupName(r.group)
                    .autoScalingGroupARN(r.groupArn)
                    .autoScalingGroupState(r.groupDeleted ? "Deleted" : null)
                    .description(r.description)
                    .cause(r.cause)
                    .startTime(r.start)
                    .endTime(end)
                    .statusCode(end == null ? "InProgress" : "Successful")
                    .progress(end == null ? 50 : 100)
                    .details(r.details)
                    .build());
        }
        return out;
    }
}
