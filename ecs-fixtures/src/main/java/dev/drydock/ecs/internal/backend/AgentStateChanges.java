package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsArns;
import dev.drydock.ecs.internal.EcsErrors;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.AttachmentStateChange;
import software.amazon.awssdk.services.ecs.model.ContainerStateChange;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.SubmitContainerStateChangeRequest;
import software.amazon.awssdk.services.ecs.model.SubmitTaskStateChangeRequest;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * What the ECS container agent reports with SubmitTaskStateChange, SubmitContainerStateChange and
 * SubmitAttachmentStateChanges, checked and applied as far as the model can honestly apply it. In Drydock the task
 * lifecycle engine is the agent: it runs the containers and moves tasks, containers and ENI attachments itself, from
 * what the container runtime tells it. So a report cannot move a task forward or set what the runtime reports (exit
 * codes, image digests, network bindings, timestamps, attachment status); what it can apply is a stop: a task reported
 * STOPPED, or an essential container reported STOPPED, stops as when its essential container exits
 * (desiredStatus STOPPED, stopCode {@code EssentialContainerExited}, the report's reason or ECS's "Essential container
 * in task exited"; its containers are then stopped by the lifecycle, a load-balanced task drained first). Everything
 * else is acknowledged without effect. Guarded by {@link EcsBackend}'s lock; obtained from
 * {@link EcsBackend#agentStateChanges()}.
 */
public final class AgentStateChanges {
    /** What Drydock answers in {@code acknowledgment} (AWS's value is not documented; the agent does not read it). */
    public static final String ACKNOWLEDGMENT = "ACK";

    private static final String ESSENTIAL_EXITED = "Essential container in task exited";

    private final Object lock;
    private final EcsArns arns;
    private final Clusters clusters;
    private final Tasks tasks;
    private final TaskTransitions transitions;
    private final Runnable changed;

    AgentStateChanges(
            Object lock, EcsArns arns, Clusters clusters, Tasks tasks, TaskTransitions transitions, Runnable changed) {
        this.lock = lock;
        this.arns = arns;
        this.clusters = clusters;
        this.tasks = tasks;
        this.transitions = transitions;
        this.changed = changed;
    }

    /**
     * SubmitTaskStateChange: a task's status, with its containers' and attachments' changes.
     *
     * @return the acknowledgment
     * @throws AwsException ClusterNotFoundException for an unknown cluster; InvalidParameterException for an unknown
     *     task, a container the task does not have or an attachment that is not the task's
     */
    public String submitTaskStateChange(SubmitTaskStateChangeRequest r) {
        boolean stopped;
        synchronized (lock) {
            TaskRecord t = task(r.cluster(), r.task());
            for (ContainerStateChange c : r.containers()) {
                container(t, c.containerName());
            }
            for (AttachmentStateChange a : r.attachments()) {
                if (!arns.attachment(t.attachmentId).equals(a.attachmentArn())) {
                    throw EcsErrors.invalidParameter("The attachment " + a.attachmentArn() + " is not an attachment"
                            + " of the task " + t.arn + ".");
                }
            }
            boolean essentialStopped = r.containers().stream()
                    .anyMatch(c -> "STOPPED".equals(c.status())
                            && container(t, c.containerName()).essential());
            if ("STOPPED".equals(r.status()) || essentialStopped) {
                stopped = stop(t, r.reason());
            } else {
                stopped = false;
            }
        }
        if (stopped) {
            changed.run();
        }
        return ACKNOWLEDGMENT;
    }

    /**
     * SubmitContainerStateChange: one container's status.
     *
     * @return the acknowledgment
     * @throws AwsException ClusterNotFoundException for an unknown cluster; InvalidParameterException for an unknown
     *     task or a container the task does not have
     */
    public String submitContainerStateChange(SubmitContainerStateChangeRequest r) {
        boolean stopped = false;
        synchronized (lock) {
            TaskRecord t = task(r.cluster(), r.task());
            ContainerRecord c = container(t, r.containerName());
            if ("STOPPED".equals(r.status()) && c.essential()) {
                stopped = stop(t, null);
            }
        }
        if (stopped) {
            changed.run();
        }
        return ACKNOWLEDGMENT;
    }

    /**
     * SubmitAttachmentStateChanges: attachments' statuses (acknowledged; Drydock moves ENI attachments itself).
     *
     * @return the acknowledgment
     * @throws AwsException ClusterNotFoundException for an unknown cluster; InvalidParameterException for an
     *     attachment no task of the cluster has
     */
    public String submitAttachmentStateChanges(String clusterRef, List<AttachmentStateChange> attachments) {
        synchronized (lock) {
            ClusterRecord cluster = clusters.active(clusterRef);
            for (AttachmentStateChange a : attachments) {
                boolean known = tasks.all().stream()
                        .anyMatch(t -> t.clusterName.equals(cluster.name)
                                && t.awsvpc != null
                                && arns.attachment(t.attachmentId).equals(a.attachmentArn()));
                if (!known) {
                    throw EcsErrors.invalidParameter(
                            "The referenced attachment " + a.attachmentArn() + " was not found.");
                }
            }
        }
        return ACKNOWLEDGMENT;
    }

    private TaskRecord task(String clusterRef, String ref) {
        TaskRecord t = tasks.lookup(clusters.active(clusterRef), ref);
        if (t == null) {
            throw EcsErrors.invalidParameter("The referenced task was not found.");
        }
        return t;
    }

    private static ContainerRecord container(TaskRecord t, String name) {
        for (ContainerRecord c : t.containers) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw EcsErrors.invalidParameter(
                "The task " + t.arn + " has no container named '" + name + "'; its " + "containers: "
                        + t.containers.stream().map(ContainerRecord::name).toList() + ".");
    }

    /** Stops a task its agent reports stopped, once; {@code false} when it was already told to stop. */
    private boolean stop(TaskRecord t, String reason) {
        if (t.desiredStatus == DesiredStatus.STOPPED) {
            return false;
        }
        transitions.requestStop(
                t,
                TaskStopCode.ESSENTIAL_CONTAINER_EXITED,
                reason == null || reason.isEmpty() ? ESSENTIAL_EXITED : reason);
        return true;
    }
}
