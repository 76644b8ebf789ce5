package dev.drydock.autoscaling.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.spi.LaunchTemplateSource;
import dev.drydock.core.spi.ServiceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;

/**
 * The termination lifecycle and the scaling activities of {@link AutoScalingGroups}, without HTTP: a listener that
 * holds terminations (as ECS's managed draining will) keeps instances {@code Terminating:Wait}, not counted as
 * capacity, until it completes; the activities carry AWS's descriptions and causes.
 */
class AutoScalingGroupsTerminationTest {
    private static final Instant T0 = Instant.parse("2026-12-07T23:00:00Z");

    /** Holds every termination until the test completes it. */
    private static final class HoldingListener implements InstanceListener {
        final Map<String, CompletableFuture<Void>> held = new LinkedHashMap<>();
        final List<String> launched = new ArrayList<>();

        @Override
        public void launched(String instanceId, String availabilityZone, LaunchTemplateSource.LaunchSpec spec) {
            launched.add(instanceId);
        }

        @Override
        public CompletionStage<Void> terminating(String instanceId) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            held.put(instanceId, f);
            return f;
        }

        @Override
        public void terminated(String instanceId) {}
    }

    private static final class Templates implements LaunchTemplateSource {
        @Override
        public Optional<LaunchSpec> launchTemplate(String id, String name, String version) {
            return Optional.of(new LaunchSpec("lt-0123456789abcdef0", "capacity", 1, "m5.large", null, null, null));
        }

        @Override
        public String name() {
            return "ec2";
        }

        @Override
        public List<String> sdkEndpointSuffixes() {
            return List.of();
        }

        @Override
        public void start(ServiceContext context) {}

        @Override
        public void close() {}
    }

    private final HoldingListener listener = new HoldingListener();
    private final AutoScalingGroups groups = new AutoScalingGroups(
            "us-east-1",
            "123456789012",
            Clock.fixed(T0, ZoneOffset.UTC),
            Duration.ZERO,
            () -> Optional.of(new Templates()),
            listener);

    private void create(String name, int desired) {
        groups.create(
                name,
                new AutoScalingGroups.Settings(
                        LaunchTemplateSpecification.builder()
                                .launchTemplateName("capacity")
                                .build(),
                        null,
                        0,
                        4,
                        desired,
                        List.of("us-east-1a"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                List.of());
    }

    private Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        for (AutoScalingInstanceDetails i : groups.instances(List.of())) {
            states.put(i.instanceId(), i.lifecycleState());
        }
        return states;
    }

    @Test
    void aTerminatingInstanceWaitsForItsListenerAndNoLongerCountsAsCapacity() {
        create("drain", 2);
        groups.setDesiredCapacity("drain", 1);

        assertThat(listener.held).hasSize(1);
        String victim = listener.held.keySet().iterator().next();
        assertThat(states()).containsEntry(victim, "Terminating:Wait").hasSize(2);
        assertThat(groups.capacity("drain").inService())
                .as("capacity counts the instance that stays")
                .hasSize(1);

        groups.setDesiredCapacity("drain", 2);
        assertThat(listener.launched)
                .as("a replacement is launched; the draining one is not reused")
                .hasSize(3);
        assertThat(states()).containsEntry(victim, "Terminating:Wait").hasSize(3);

        listener.held.get(victim).complete(null);
        assertThat(states()).hasSize(2).doesNotContainKey(victim).containsValues("InService");
    }

    @Test
    void aFailedDrainStillTerminatesTheInstance() {
        create("failing", 1);
        groups.setDesiredCapacity("failing", 0);
        String victim = listener.held.keySet().iterator().next();
        listener.held.get(victim).completeExceptionally(new IllegalStateException("ECS is gone"));
        assertThat(groups.instances(List.of())).isEmpty();
    }

    @Test
    void activitiesSayWhatAwsSays() {
        create("said", 0);
        groups.setDesiredCapacity("said", 2);
        groups.setDesiredCapacity("said", 1);

        List<Activity> activities = groups.activities("said", List.of(), false);
        assertThat(activities).hasSize(3);
        Activity terminating = activities.get(0);
        String victim = listener.held.keySet().iterator().next();
        assertThat(terminating.description()).isEqualTo("Terminating EC2 instance: " + victim);
        assertThat(terminating.cause())
                .isEqualTo("At 2026-12-07T23:00:00Z a user request explicitly set group desired capacity changing "
                        + "the desired capacity from 2 to 1.  At 2026-12-07T23:00:00Z an instance was taken out of "
                        + "service in response to a difference between desired and actual capacity, shrinking the "
                        + "capacity from 2 to 1.  At 2026-12-07T23:00:00Z instance " + victim
                        + " was selected for termination.");
        assertThat(terminating.statusCodeAsString()).isEqualTo("InProgress");
        assertThat(terminating.endTime()).isNull();
        Activity launch = activities.get(2);
        assertThat(launch.description()).matches("Launching a new EC2 instance: i-[0-9a-f]{17}");
        assertThat(launch.cause())
                .isEqualTo("At 2026-12-07T23:00:00Z a user request explicitly set group desired capacity changing "
                        + "the desired capacity from 0 to 2.  At 2026-12-07T23:00:00Z an instance was started in "
                        + "response to a difference between desired and actual capacity, increasing the capacity "
                        + "from 0 to 2.");
        assertThat(launch.statusCodeAsString())
                .as("InService at once (no pending time)")
                .isEqualTo("Successful");
        assertThat(launch.progress()).isEqualTo(100);
        assertThat(launch.details()).isEqualTo("{\"Availability Zone\":\"us-east-1a\"}");

        listener.held.get(victim).complete(null);
        Activity done = groups.activities("said", List.of(), false).get(0);
        assertThat(done.statusCodeAsString()).isEqualTo("Successful");
        assertThat(done.endTime()).isEqualTo(T0);

        groups.delete("said", true);
        assertThat(groups.activities("said", List.of(), false)).isEmpty();
        assertThat(groups.activities("said", List.of(), true))
                .hasSize(3)
                .allSatisfy(a -> assertThat(a.autoScalingGroupState()).isEqualTo("Deleted"));
    }
}
