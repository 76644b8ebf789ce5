package dev.drydock.ecs.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rollout decisions of one scheduler pass, on plain task views (no model, no runtime). */
class RolloutPlannerTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final List<RolloutPlanner.TaskView<String>> primary = new ArrayList<>();
    private final List<RolloutPlanner.TaskView<String>> old = new ArrayList<>();

    @Test
    void aNewServiceStartsItsDesiredCount() {
        RolloutPlanner.Plan<String> plan = plan(3, 200, 100);

        assertThat(plan.launch()).isEqualTo(3);
        assertThat(plan.scaleDown()).isEmpty();
        assertThat(plan.stopOld()).isEmpty();
        assertThat(plan.stuck()).isFalse();
    }

    @Test
    void scalingDownStopsTasksNotRunningYetFirstThenTheNewest() {
        primary.add(healthy("oldest", 0));
        primary.add(healthy("newer", 1));
        primary.add(pending("starting", 2));
        primary.add(healthy("newest", 3));

        RolloutPlanner.Plan<String> plan = plan(2, 200, 100);

        assertThat(plan.scaleDown()).containsExactly("starting", "newest");
        assertThat(plan.primaryLeft()).extracting(RolloutPlanner.TaskView::task).containsExactly("oldest", "newer");
        assertThat(plan.launch()).isZero();
    }

    @Test
    void aRollingUpdateStartsUpToMaximumPercentBeforeItStopsAnything() {
        old.add(healthy("a", 0));
        old.add(healthy("b", 1));

        RolloutPlanner.Plan<String> plan = plan(2, 200, 100);

        assertThat(plan.launch()).isEqualTo(2);
        assertThat(plan.stopOld()).isEmpty();
    }

    @Test
    void oldTasksStopOnceTheNewOnesAreHealthy() {
        old.add(healthy("a", 0));
        old.add(healthy("b", 1));
        primary.add(healthy("c", 2));
        primary.add(running("d", 3)); // has a health check without a result yet

        RolloutPlanner.Plan<String> plan = plan(2, 200, 100);

        assertThat(plan.stopOld()).containsExactly("a"); // 3 healthy, 2 needed
        assertThat(plan.launch()).isZero();
    }

    @Test
    void withMinimumHealthyPercentBelow100OldTasksStopFirstToMakeRoom() {
        for (int i = 0; i < 4; i++) {
            old.add(healthy("old-" + i, i));
        }

        RolloutPlanner.Plan<String> plan = plan(4, 100, 50);

        assertThat(plan.stopOld()).containsExactly("old-0", "old-1");
        assertThat(plan.launch()).isEqualTo(2);
    }

    @Test
    void oldTasksNotRunningYetStopAtOnce() {
        old.add(pending("p", 0));
        old.add(healthy("h", 1));

        RolloutPlanner.Plan<String> plan = plan(1, 100, 100);

        assertThat(plan.stopOld()).containsExactly("p");
    }

    @Test
    void anOldTaskWaitingForItsFirstHealthCheckStopsOnlyWhenTheHealthyOnesMeetTheMinimum() {
        primary.add(healthy("new", 2));
        primary.add(pending("new-starting", 3));
        old.add(running("waiting", 0));

        assertThat(plan(2, 200, 100).stopOld()).isEmpty(); // 1 healthy of 2 needed

        primary.set(1, healthy("new-2", 3));

        assertThat(plan(2, 200, 100).stopOld()).containsExactly("waiting");
    }

    @Test
    void whenNeitherAStartNorAStopFitsTheRolloutIsStuck() {
        old.add(healthy("a", 0));
        old.add(healthy("b", 1));

        RolloutPlanner.Plan<String> plan = plan(2, 100, 100);

        assertThat(plan.launch()).isZero();
        assertThat(plan.stopOld()).isEmpty();
        assertThat(plan.stuck()).isTrue();
    }

    @Test
    void aRolloutWaitingForAHealthCheckResultIsNotStuck() {
        old.add(healthy("a", 0));
        old.add(running("b", 1));

        assertThat(plan(2, 100, 100).stuck()).isFalse();
    }

    @Test
    void aFailedRolloutStartsNothingAndKeepsTheOldTasks() {
        old.add(healthy("a", 0));
        primary.add(healthy("b", 1));

        RolloutPlanner.Plan<String> plan =
                RolloutPlanner.plan(new RolloutPlanner.Input<>(3, 200, 100, false, true, primary, old));

        assertThat(plan.launch()).isZero();
        assertThat(plan.stopOld()).isEmpty();
        assertThat(plan.stuck()).isFalse();
    }

    @Test
    void aDrainingServiceStopsEveryTask() {
        primary.add(healthy("p", 1));
        old.add(healthy("o", 0));

        RolloutPlanner.Plan<String> plan =
                RolloutPlanner.plan(new RolloutPlanner.Input<>(0, 200, 100, true, true, primary, old));

        assertThat(plan.scaleDown()).containsExactly("p");
        assertThat(plan.stopOld()).containsExactly("o");
        assertThat(plan.launch()).isZero();
    }

    @Test
    void aRolloutIsSettledWithOneDeploymentOfHealthyTasksOnly() {
        primary.add(healthy("a", 0));
        primary.add(healthy("b", 1));

        assertThat(RolloutPlanner.settled(primary, 2, 1, false)).isTrue();
        assertThat(RolloutPlanner.settled(primary, 2, 2, false)).isFalse();
        assertThat(RolloutPlanner.settled(primary, 2, 1, true)).isFalse();
        assertThat(RolloutPlanner.settled(primary, 3, 1, false)).isFalse();

        primary.set(1, running("b", 1));

        assertThat(RolloutPlanner.settled(primary, 2, 1, false)).isFalse();
    }

    private RolloutPlanner.Plan<String> plan(int desired, int maximumPercent, int minimumHealthyPercent) {
        return RolloutPlanner.plan(
                new RolloutPlanner.Input<>(desired, maximumPercent, minimumHealthyPercent, false, false, primary, old));
    }

    private static RolloutPlanner.TaskView<String> healthy(String id, int second) {
        return new RolloutPlanner.TaskView<>(id, TaskStatus.RUNNING, T0.plusSeconds(second), true, false);
    }

    /** RUNNING, waiting for its first health check result. */
    private static RolloutPlanner.TaskView<String> running(String id, int second) {
        return new RolloutPlanner.TaskView<>(id, TaskStatus.RUNNING, T0.plusSeconds(second), false, true);
    }

    private static RolloutPlanner.TaskView<String> pending(String id, int second) {
        return new RolloutPlanner.TaskView<>(id, TaskStatus.PENDING, T0.plusSeconds(second), false, false);
    }
}
