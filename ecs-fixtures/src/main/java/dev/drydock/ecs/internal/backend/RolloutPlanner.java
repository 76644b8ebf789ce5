package dev.drydock.ecs.internal.backend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Decides one scheduler pass's starts and stops for a service (pure: what is known of its tasks in, decisions out),
 * as ECS's rolling update does
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html): the PRIMARY deployment is
 * kept at the desired count, the older deployments' tasks stop as far as {@code minimumHealthyPercent} allows, and new
 * tasks start as far as {@code maximumPercent} allows. A DRAINING (deleted) service stops every task; a FAILED
 * rollout (circuit breaker) starts none and keeps the old tasks.
 */
final class RolloutPlanner {
    private RolloutPlanner() {}

    /**
     * What the planner knows of one of the service's tasks whose desired status is RUNNING.
     *
     * @param task the task itself, handed back in the decisions
     * @param lastStatus its last status
     * @param createdAt when it was created (scaling down stops the newest first)
     * @param healthy whether it counts toward minimumHealthyPercent and a steady state
     * @param awaitingHealth whether it runs and waits for its first health verdict (neither healthy nor unhealthy)
     */
    record TaskView<T>(T task, TaskStatus lastStatus, Instant createdAt, boolean healthy, boolean awaitingHealth) {
        boolean running() {
            return lastStatus == TaskStatus.RUNNING;
        }
    }

    /**
     * One service at the start of a pass.
     *
     * @param desiredCount the service's desired count
     * @param maximumPercent the deployment configuration's maximumPercent
     * @param minimumHealthyPercent the deployment configuration's minimumHealthyPercent
     * @param draining whether the service was deleted (DRAINING): every task stops, none starts
     * @param failed whether the PRIMARY deployment's rollout FAILED: no task starts, older deployments keep theirs
     * @param primary the PRIMARY deployment's tasks, in creation order
     * @param old the older deployments' tasks, in creation order
     */
    record Input<T>(
            int desiredCount,
            int maximumPercent,
            int minimumHealthyPercent,
            boolean draining,
            boolean failed,
            List<TaskView<T>> primary,
            List<TaskView<T>> old) {}

    /**
     * The decisions of one pass.
     *
     * @param scaleDown PRIMARY tasks to stop because the deployment runs more than the desired count (those not
     *     RUNNING first, then the newest)
     * @param stopOld older deployments' tasks to stop: those not RUNNING yet, unhealthy ones while the healthy tasks
     *     meet the minimum, and healthy ones beyond the minimum
     * @param launch how many PRIMARY tasks to start
     * @param stuck whether neither a start nor a stop fits the deployment configuration although the rollout is not
     *     done, and no health check result will change that (ECS says so in a service event)
     * @param primaryLeft the PRIMARY tasks that keep running
     */
    record Plan<T>(List<T> scaleDown, List<T> stopOld, int launch, boolean stuck, List<TaskView<T>> primaryLeft) {}

    /** The starts and stops of one pass. */
    static <T> Plan<T> plan(Input<T> in) {
        int desired = in.desiredCount();
        int maxTasks = (int) Math.floor(desired * in.maximumPercent() / 100.0);
        int minHealthy = (int) Math.ceil(desired * in.minimumHealthyPercent() / 100.0);
        if (in.draining()) {
            maxTasks = 0;
            minHealthy = 0;
        }
        List<TaskView<T>> primary = new ArrayList<>(in.primary());
        List<TaskView<T>> old = new ArrayList<>(in.old());

        // 1. scale the primary deployment down: tasks not RUNNING yet first, then the newest
        List<TaskView<T>> scaleDown = new ArrayList<>();
        if (primary.size() > desired) {
            List<TaskView<T>> victims = new ArrayList<>(primary);
            victims.sort(Comparator.comparing((TaskView<T> t) -> t.running())
                    .thenComparing(TaskView::createdAt, Comparator.reverseOrder()));
            scaleDown.addAll(victims.subList(0, primary.size() - desired));
            primary.removeAll(scaleDown);
        }
        // 2. stop old deployments' tasks as far as minimumHealthyPercent allows (a FAILED deployment keeps them):
        // tasks not RUNNING yet at once; RUNNING ones whose first health check has not reported count for nothing but
        // are no unhealthy tasks either, so they stop only once the healthy tasks meet the minimum
        List<TaskView<T>> stopOld = new ArrayList<>();
        if (!old.isEmpty() && (!in.failed() || in.draining())) {
            int surplus = count(primary, TaskView::healthy) + count(old, TaskView::healthy) - minHealthy;
            for (TaskView<T> t : old) {
                if (!t.running() || (!t.healthy() && surplus >= 0)) {
                    stopOld.add(t);
                }
            }
            int stoppable = Math.max(0, surplus);
            for (TaskView<T> t : old) {
                if (t.healthy() && stoppable > 0) {
                    stopOld.add(t);
                    stoppable--;
                }
            }
            old.removeAll(stopOld);
        }
        // 3. launch primary tasks up to desired, within maximumPercent; a FAILED deployment launches none
        int launchable = Math.min(desired - primary.size(), maxTasks - primary.size() - old.size());
        boolean stuck = launchable <= 0
                && stopOld.isEmpty()
                && !old.isEmpty()
                && !in.failed()
                && primary.size() < desired
                && count(primary, t -> t.lastStatus().pending()) == 0
                && count(primary, TaskView::awaitingHealth) + count(old, TaskView::awaitingHealth) == 0;
        return new Plan<>(tasks(scaleDown), tasks(stopOld), in.failed() ? 0 : Math.max(0, launchable), stuck, primary);
    }

    /**
     * Whether the rollout is done: a single deployment, not FAILED, whose desired count of tasks all run healthy
     * and none is still starting.
     *
     * @param primaryLeft the PRIMARY tasks that keep running ({@link Plan#primaryLeft()})
     * @param deployments how many deployments the service has left
     */
    static <T> boolean settled(List<TaskView<T>> primaryLeft, int desiredCount, int deployments, boolean failed) {
        return deployments == 1
                && !failed
                && count(primaryLeft, TaskView::healthy) == desiredCount
                && primaryLeft.stream().noneMatch(t -> t.lastStatus().pending());
    }

    private static <T> List<T> tasks(List<TaskView<T>> views) {
        return views.stream().map(TaskView::task).toList();
    }

    private static <T> int count(List<TaskView<T>> tasks, Predicate<TaskView<T>> p) {
        int n = 0;
        for (TaskView<T> t : tasks) {
            if (p.test(t)) {
                n++;
            }
        }
        return n;
    }
}
