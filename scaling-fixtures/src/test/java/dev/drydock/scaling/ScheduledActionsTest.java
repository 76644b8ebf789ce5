package dev.drydock.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.drydock.cloudwatch.CloudWatchModule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScheduledActionRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ScheduledAction;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;

/**
 * PutScheduledAction / DescribeScheduledActions / DeleteScheduledAction through the real SDK client, and scheduled
 * actions running on the scaling clock (a minute a second): at() raises the minimum and the service scales out to it,
 * cron() within StartTime lowers the maximum and it scales back in, each a scaling activity.
 */
class ScheduledActionsTest extends ScalingTestBase {

    private Clock clock() {
        return drydock.service(CloudWatchModule.class).clock();
    }

    private String registered(String name, int desired, int min, int max) {
        String id = service(name, desired);
        aas.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(min)
                .maxCapacity(max));
        return id;
    }

    private static PutScheduledActionRequest.Builder action(String id, String name) {
        return PutScheduledActionRequest.builder()
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .scheduledActionName(name);
    }

    private static String at(Instant t) {
        return "at(" + LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC) + ")";
    }

    private List<ScheduledAction> described(String id) {
        return aas.describeScheduledActions(
                        r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(id))
                .scheduledActions();
    }

    private ScalableTarget target(String id) {
        return aas.describeScalableTargets(
                        r -> r.serviceNamespace(ServiceNamespace.ECS).resourceIds(id))
                .scalableTargets()
                .get(0);
    }

    @Test
    void scheduledActionsSetTheRangeAtTheirTimesAndTheServiceFollows() {
        String name = unique("rush");
        String id = registered(name, 1, 1, 5);
        Instant soon = clock().instant().plusSeconds(120);
        aas.putScheduledAction(action(id, "morning-rush")
                .schedule(at(soon))
                .scalableTargetAction(a -> a.minCapacity(3))
                .build());
        Instant start = clock().instant().plusSeconds(300);
        // every minute from StartTime on: at most 2 tasks (and the minimum back to 1)
        aas.putScheduledAction(action(id, "evening")
                .schedule("cron(* * ? * * *)")
                .timezone("Europe/Paris")
                .startTime(start)
                .scalableTargetAction(a -> a.minCapacity(1).maxCapacity(2))
                .build());

        assertThat(described(id))
                .extracting(ScheduledAction::scheduledActionName)
                .containsExactly("morning-rush", "evening");
        ScheduledAction rush = described(id).get(0);
        assertThat(rush.schedule()).isEqualTo(at(soon));
        assertThat(rush.scheduledActionARN())
                .matches("arn:aws:autoscaling:us-east-1:123456789012:scheduledAction:[0-9a-f-]{36}:resource/ecs/"
                        + "service/shop/" + name + ":scheduledActionName/morning-rush");
        assertThat(rush.scalableTargetAction().minCapacity()).isEqualTo(3);
        assertThat(rush.scalableTargetAction().maxCapacity()).isNull();
        assertThat(described(id).get(1).timezone()).isEqualTo("Europe/Paris");
        assertThat(described(id).get(1).startTime()).isEqualTo(start.truncatedTo(ChronoUnit.MILLIS));

        await().atMost(Duration.ofSeconds(30)).until(() -> desiredCount(name) == 3);
        assertThat(clock().instant()).isAfterOrEqualTo(soon);
        assertThat(target(id).minCapacity()).isEqualTo(3);
        ScalingActivity out = activities(id).get(0);
        assertThat(out.description()).isEqualTo("Setting desired count to 3.");
        assertThat(out.cause()).isEqualTo("minimum capacity was set to 3");
        assertThat(out.statusMessage())
                .isEqualTo("Successfully set desired count to 3. Change successfully fulfilled by ecs.");

        await().atMost(Duration.ofSeconds(30)).until(() -> desiredCount(name) == 2);
        assertThat(clock().instant()).isAfterOrEqualTo(start);
        assertThat(target(id).maxCapacity()).isEqualTo(2);
        assertThat(target(id).minCapacity()).isEqualTo(1);
        assertThat(activities(id).get(0).cause()).isEqualTo("maximum capacity was set to 2");
        await().atMost(Duration.ofSeconds(30)).until(() -> runningCount(name) == 2);
    }

    @Test
    void aTargetWithScheduledScalingSuspendedSkipsItsActionsAndOneAfterEndTimeStops() {
        String name = unique("paused");
        String id = registered(name, 1, 1, 5);
        aas.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .suspendedState(s -> s.scheduledScalingSuspended(true)));
        Instant due = clock().instant().plusSeconds(60);
        aas.putScheduledAction(action(id, "skipped")
                .schedule(at(due))
                .scalableTargetAction(a -> a.minCapacity(2))
                .build());
        // on a target that is not suspended: an action every minute whose EndTime has passed
        String other = registered(unique("ended"), 3, 1, 5);
        aas.putScheduledAction(action(other, "ended")
                .schedule("rate(1 minute)")
                .startTime(clock().instant().minusSeconds(3600))
                .endTime(clock().instant().minusSeconds(60))
                .scalableTargetAction(a -> a.maxCapacity(2))
                .build());

        await().atMost(Duration.ofSeconds(30)).until(() -> clock().instant().isAfter(due.plusSeconds(120)));
        assertThat(desiredCount(name)).isEqualTo(1);
        assertThat(target(id).minCapacity()).isEqualTo(1);
        assertThat(activities(id)).isEmpty();
        assertThat(target(other).maxCapacity()).isEqualTo(5);
        assertThat(activities(other)).isEmpty();
    }

    @Test
    void putUpdatesDescribeFiltersDeleteAndDeregisterRemove() {
        String id = registered(unique("plans"), 1, 1, 5);
        aas.putScheduledAction(action(id, "a")
                .schedule("rate(1 hour)")
                .scalableTargetAction(a -> a.maxCapacity(4))
                .build());
        aas.putScheduledAction(action(id, "b")
                .schedule("rate(2 hours)")
                .scalableTargetAction(a -> a.minCapacity(2))
                .build());
        // an update keeps what it leaves out
        aas.putScheduledAction(
                action(id, "a").scalableTargetAction(a -> a.maxCapacity(3)).build());
        ScheduledAction a = described(id).get(0);
        assertThat(a.schedule()).isEqualTo("rate(1 hour)");
        assertThat(a.scalableTargetAction().maxCapacity()).isEqualTo(3);
        assertThat(aas.describeScheduledActions(
                                r -> r.serviceNamespace(ServiceNamespace.ECS).scheduledActionNames("b"))
                        .scheduledActions())
                .extracting(ScheduledAction::resourceId)
                .containsExactly(id);

        aas.deleteScheduledAction(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .scheduledActionName("b"));
        assertThat(described(id))
                .extracting(ScheduledAction::scheduledActionName)
                .containsExactly("a");
        var gone = catchThrowableOfType(
                ObjectNotFoundException.class,
                () -> aas.deleteScheduledAction(r -> r.serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(id)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .scheduledActionName("b")));
        assertThat(gone.getMessage())
                .contains("No scheduled action found for service namespace: ecs, resource ID: " + id
                        + ", scalable dimension: ecs:service:DesiredCount, scheduled action name: b");

        aas.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT));
        assertThat(described(id)).isEmpty();
    }

    @Test
    void badScheduledActionsAreRefusedAndNothingIsStored() {
        var unregistered = catchThrowableOfType(
                ObjectNotFoundException.class,
                () -> aas.putScheduledAction(action("service/shop/nowhere", "x")
                        .schedule("rate(5 minutes)")
                        .scalableTargetAction(a -> a.minCapacity(1))
                        .build()));
        assertThat(unregistered.getMessage())
                .contains("No scalable target registered for service namespace: ecs, "
                        + "resource ID: service/shop/nowhere");
        String id = registered(unique("refused"), 1, 1, 5);
        record Bad(PutScheduledActionRequest request, String message) {}
        Instant now = clock().instant();
        for (Bad bad : List.of(
                new Bad(
                        action(id, "x")
                                .scalableTargetAction(a -> a.minCapacity(1))
                                .build(),
                        "Schedule is required"),
                new Bad(
                        action(id, "x").schedule("rate(5 minutes)").build(),
                        "ScalableTargetAction needs MinCapacity, MaxCapacity or both"),
                new Bad(
                        action(id, "x")
                                .schedule("rate(5 minutes)")
                                .scalableTargetAction(a -> a.minCapacity(4).maxCapacity(2))
                                .build(),
                        "Minimum capacity cannot be greater than maximum capacity"),
                new Bad(
                        action(id, "x")
                                .schedule("cron(0 18 * * MON *)")
                                .scalableTargetAction(a -> a.minCapacity(1))
                                .build(),
                        "one of the Day-of-month and Day-of-week fields must be '?'"),
                new Bad(
                        action(id, "x")
                                .schedule("rate(5 minutes)")
                                .timezone("Nowhere/Town")
                                .scalableTargetAction(a -> a.minCapacity(1))
                                .build(),
                        "Invalid timezone 'Nowhere/Town'"),
                new Bad(
                        action(id, "x")
                                .schedule("rate(5 minutes)")
                                .startTime(now.plusSeconds(600))
                                .endTime(now)
                                .scalableTargetAction(a -> a.minCapacity(1))
                                .build(),
                        "must be after StartTime"))) {
            var e = catchThrowableOfType(ValidationException.class, () -> aas.putScheduledAction(bad.request()));
            assertThat(e).as(bad.message()).isNotNull();
            assertThat(e.getMessage()).contains(bad.message());
        }
        assertThat(described(id)).isEmpty();
    }

    private List<ScalingActivity> activities(String id) {
        return aas.describeScalingActivities(
                        r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(id))
                .scalingActivities();
    }
}
