package dev.drydock.ecs.internal.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code CapacityProviderReservation} metric of one capacity provider in one cluster, as "Automatically manage
 * Amazon ECS capacity with cluster auto scaling"
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html) and "Amazon ECS managed
 * scaling behavior" (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-scaling-behavior.html) define
 * it: {@code M / N x 100}, where N is the number of instances in the Auto Scaling group and M the number of instances
 * needed for the tasks that run and those waiting in PROVISIONING. Pure: no state.
 *
 * <ul>
 *   <li>M = the provider's container instances that run a task (not STOPPED), plus the instances needed for the
 *       PROVISIONING tasks, estimated by packing their CPU and memory (largest first) onto instances of the
 *       provider's instance size, and held within {@code minimumScalingStepSize} and {@code maximumScalingStepSize}
 *       (without a registered instance to size from: the minimum step);
 *   <li>N = 0 and M &gt; 0 (scale from zero): 200, so that target tracking adds instances;
 *   <li>N = 0 and M = 0: 100 (nothing to do);
 *   <li>otherwise M / N x 100 (0 when no instance runs a task: the group may scale in).
 * </ul>
 */
public final class CapacityProviderReservation {
    private CapacityProviderReservation() {}

    /**
     * What the metric is computed from.
     *
     * @param groupInstances N: instances in the Auto Scaling group (Pending or InService)
     * @param busyInstances the provider's container instances that run a task
     * @param instanceSize CPU units and MiB of one of the provider's instances, or {@code null} when none registered
     * @param provisioning CPU units and MiB of each PROVISIONING task
     * @param minimumStep minimumScalingStepSize
     * @param maximumStep maximumScalingStepSize
     */
    public record Inputs(
            int groupInstances,
            int busyInstances,
            int[] instanceSize,
            List<int[]> provisioning,
            int minimumStep,
            int maximumStep) {}

    /** The metric's value, a percentage. */
    public static double value(Inputs in) {
        int needed = in.busyInstances() + additional(in);
        if (in.groupInstances() == 0) {
            return needed > 0 ? 200 : 100;
        }
        return needed * 100.0 / in.groupInstances();
    }

    /** The instances the PROVISIONING tasks need beyond those running, within the step sizes (0 without such tasks). */
    static int additional(Inputs in) {
        if (in.provisioning().isEmpty()) {
            return 0;
        }
        int estimate = in.instanceSize() == null ? in.minimumStep() : pack(in.provisioning(), in.instanceSize());
        return Math.min(in.maximumStep(), Math.max(in.minimumStep(), estimate));
    }

    /** First fit decreasing (by memory, then CPU) onto instances of {@code size}; a task too large takes one alone. */
    static int pack(List<int[]> demands, int[] size) {
        List<int[]> sorted = new ArrayList<>(demands);
        sorted.sort(Comparator.<int[]>comparingInt(d -> d[1])
                .thenComparingInt(d -> d[0])
                .reversed());
        List<int[]> free = new ArrayList<>();
        for (int[] d : sorted) {
            boolean placed = false;
            for (int[] f : free) {
                if (f[0] >= d[0] && f[1] >= d[1]) {
                    f[0] -= d[0];
                    f[1] -= d[1];
                    placed = true;
                    break;
                }
            }
            if (!placed) {
                free.add(new int[] {Math.max(0, size[0] - d[0]), Math.max(0, size[1] - d[1])});
            }
        }
        return free.size();
    }
}
