package dev.drydock.ecs.internal.backend;

import dev.drydock.ecs.internal.EcsArns;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * The task state machine: how a task moves from PROVISIONING through PENDING, ACTIVATING, RUNNING, DEACTIVATING,
 * STOPPING and DEPROVISIONING to STOPPED, as its containers report in, and how it is told to stop. Each transition
 * records the task's timeline, bumps its version and emits ECS's task state change event. Container work is the
 * {@link TaskLifecycle}'s: a stop request is handed to it. Guarded by the backend's lock: callers hold it.
 */
final class TaskTransitions {
    /** What a container report did to its task. */
    enum Outcome {
        /** Nothing new (a report already known). */
        UNCHANGED,
        /** Recorded. */
        CHANGED,
        /** Recorded, and the task must now stop. */
        STOP
    }

    /** The stoppedReason of a Fargate Spot interruption (fargate-capacity-providers.html's event example). */
    static final String SPOT_INTERRUPTED = "Your Spot Task was interrupted.";

    private final Clock clock;
    private final EcsEvents events;
    private volatile TaskLifecycle lifecycle = TaskLifecycle.NONE;

    TaskTransitions(Clock clock, EcsEvents events) {
        this.clock = clock;
        this.events = events;
    }

    /** Where container work goes. */
    void lifecycle(TaskLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Starts a new task's containers. */
    void launch(TaskRecord t) {
        lifecycle.launch(t);
    }

    /**
     * Marks a task to stop (desiredStatus STOPPED) and asks the lifecycle to stop it; once only. A task registered as a
     * load balancer target is drained first: its containers stop once the service scheduler has deregistered it and
     * its target groups' deregistration delay has passed ({@link ServiceLoadBalancing#drain}).
     */
    void requestStop(TaskRecord t, TaskStopCode stopCode, String reason) {
        if (t.desiredStatus == DesiredStatus.STOPPED) {
            return;
        }
        markStopped(t, stopCode, reason);
        events.task(t, clock.instant());
        if (!t.registrations.isEmpty() && t.drainEndsAt == null) {
            t.drainPending = true;
        } else {
            lifecycle.stop(t);
        }
    }

    /**
     * Stops a task's containers now, without draining (Drydock closes): a task not yet told to stop is marked to stop;
     * one that was draining stops at once; one already stopping is left to it.
     */
    void stopNow(TaskRecord t, TaskStopCode stopCode, String reason) {
        if (t.desiredStatus == DesiredStatus.RUNNING) {
            markStopped(t, stopCode, reason);
            events.task(t, clock.instant());
            lifecycle.stop(t);
        } else if (t.drainPending) {
            t.drainPending = false;
            lifecycle.stop(t);
        }
    }

    /**
     * Fargate Spot takes the task's capacity back: ECS's two-minute warning, "sent as a task state change event to
     * Amazon EventBridge and a SIGTERM signal to the running task"
     * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html, "Handling Fargate
     * Spot termination notices"). The event carries desiredStatus STOPPED, stopCode TerminationNotice and stoppedReason
     * "Your Spot Task was interrupted." as the page's example does; the containers get SIGTERM at once (no load
     * balancer draining first: the task is deregistered as it stops) and SIGKILL after their stopTimeout, at most the
     * warning period; the task then stops with stopCode SpotInterruption ({@link #stopped}). Once only.
     *
     * @return whether the task was interrupted now (false: it was already told to stop)
     */
    boolean interruptSpot(TaskRecord t) {
        if (t.desiredStatus == DesiredStatus.STOPPED) {
            return false;
        }
        markStopped(t, TaskStopCode.TERMINATION_NOTICE, SPOT_INTERRUPTED);
        events.task(t, clock.instant());
        lifecycle.stop(t);
        return true;
    }

    /** A drained task's containers stop. */
    void drained(TaskRecord t) {
        lifecycle.stop(t);
    }

    /** The task's network sandbox runs: its ENI is attached and the task moves to PENDING. */
    void eniAttached(TaskRecord t, String sandboxRuntimeId, String privateIp, Map<String, Integer> hostPorts) {
        Instant now = clock.instant();
        t.sandboxRuntimeId = sandboxRuntimeId;
        t.privateIp = privateIp;
        t.eniId = EcsArns.newEniId();
        t.macAddress = EcsArns.newMacAddress();
        t.hostPorts = Map.copyOf(hostPorts);
        t.attachmentStatus = TaskRecord.AttachmentStatus.ATTACHED;
        t.connectivityAt = now;
        t.advance(TaskStatus.PENDING, now, "ENI " + t.eniId + " attached, private IP " + privateIp);
    }

    void pullStarted(TaskRecord t) {
        t.pullStartedAt = clock.instant();
        t.version++;
    }

    void pullStopped(TaskRecord t, Map<String, String> imageDigests) {
        t.pullStoppedAt = clock.instant();
        for (ContainerRecord c : t.containers) {
            c.imageDigest = imageDigests.get(c.name());
        }
        t.version++;
    }

    void containerCreated(TaskRecord t, String containerName, String runtimeId) {
        ContainerRecord c = t.container(containerName);
        c.runtimeId = runtimeId;
        c.createdAt = clock.instant();
    }

    void containerRunning(TaskRecord t, String containerName) {
        ContainerRecord c = t.container(containerName);
        if (c.lastStatus != ContainerRecord.Status.PENDING) {
            return;
        }
        c.lastStatus = ContainerRecord.Status.RUNNING;
        c.startedAt = clock.instant();
        t.version++;
        t.note(clock.instant(), "container " + containerName + " RUNNING", "runtime id " + shortId(c.runtimeId));
    }

    /** Every essential container runs: ACTIVATING, then RUNNING. False when the task is already stopping. */
    boolean taskRunning(TaskRecord t) {
        if (t.desiredStatus != DesiredStatus.RUNNING || t.lastStatus.ordinal() >= TaskStatus.ACTIVATING.ordinal()) {
            return false;
        }
        Instant now = clock.instant();
        t.startedAt = now;
        t.reachedRunning = true;
        t.advance(TaskStatus.ACTIVATING, now, "containers started");
        t.advance(TaskStatus.RUNNING, now, "all essential containers running");
        return true;
    }

    /**
     * A container exited: its exit code and reason; when it is essential and the task should be running, the task
     * is told to stop (EssentialContainerExited).
     */
    Outcome containerExited(TaskRecord t, String containerName, Integer exitCode, String reason, List<String> logTail) {
        ContainerRecord c = t.container(containerName);
        if (c.lastStatus == ContainerRecord.Status.STOPPED) {
            if (c.reason != null || reason == null) {
                return Outcome.UNCHANGED;
            }
            // a reason learned after the exit (the runtime's out-of-memory report): exit code and log lines stay
            c.reason = reason;
            t.version++;
            t.note(clock.instant(), "container " + containerName + " STOPPED", reason);
            return Outcome.CHANGED;
        }
        c.lastStatus = ContainerRecord.Status.STOPPED;
        c.exitCode = exitCode;
        c.reason = reason;
        c.finishedAt = clock.instant();
        c.lastLogLines = List.copyOf(logTail);
        t.version++;
        t.note(
                clock.instant(),
                "container " + containerName + " STOPPED",
                "exit code " + exitCode + (reason == null ? "" : " (" + reason + ")"));
        if (c.essential() && t.desiredStatus == DesiredStatus.RUNNING) {
            markStopped(t, TaskStopCode.ESSENTIAL_CONTAINER_EXITED, "Essential container in task exited");
            return Outcome.STOP;
        }
        return Outcome.CHANGED;
    }

    /**
     * A container's health check result changed ({@code HEALTHY}, {@code UNHEALTHY} or {@code UNKNOWN}). A task of a
     * service whose health becomes UNHEALTHY is told to stop (ServiceSchedulerInitiated, "Task failed container health
     * checks"), so the service replaces it; a task started by RunTask keeps running, as on ECS
     * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html).
     */
    Outcome containerHealth(TaskRecord t, String containerName, HealthStatus status) {
        ContainerRecord c = t.container(containerName);
        if (status == c.healthStatus) {
            return Outcome.UNCHANGED;
        }
        HealthStatus before = t.healthStatus();
        c.healthStatus = status;
        c.healthSince = clock.instant();
        t.version++;
        t.note(clock.instant(), "container " + containerName + " " + status, "health check");
        if (t.healthStatus() == HealthStatus.UNHEALTHY
                && before != HealthStatus.UNHEALTHY
                && t.serviceName != null
                && t.desiredStatus == DesiredStatus.RUNNING) {
            markStopped(t, TaskStopCode.SERVICE_SCHEDULER_INITIATED, ContainerHealthChecks.UNHEALTHY_REASON);
            return Outcome.STOP;
        }
        return Outcome.CHANGED;
    }

    /** The task failed before it ran (image pull, container start ...): it stops with stopCode TaskFailedToStart. */
    void failedToStart(TaskRecord t, String stoppedReason, String containerName, String containerReason) {
        if (containerName != null) {
            ContainerRecord c = t.container(containerName);
            if (c != null && c.reason == null) {
                c.reason = containerReason;
            }
        }
        markStopped(t, TaskStopCode.TASK_FAILED_TO_START, stoppedReason);
    }

    /**
     * The lifecycle lost the task's containers (runtime gone): the task stops with this reason.
     *
     * @return false when the task was stopping already
     */
    boolean lost(TaskRecord t, String stoppedReason) {
        if (t.desiredStatus == DesiredStatus.STOPPED) {
            return false;
        }
        t.desiredStatus = DesiredStatus.STOPPED;
        t.stoppedReason = stoppedReason;
        t.version++;
        t.note(clock.instant(), "desiredStatus STOPPED", stoppedReason);
        return true;
    }

    /**
     * The lifecycle begins stopping the task's containers: DEACTIVATING (from RUNNING), then STOPPING. A task of a
     * service behind load balancers was deregistered and drained in DEACTIVATING before (its containers stop only
     * then), and goes on to STOPPING here.
     */
    void stopping(TaskRecord t) {
        Instant now = clock.instant();
        if (t.lastStatus.ordinal() <= TaskStatus.DEACTIVATING.ordinal()) {
            t.stoppingAt = now;
            if (t.lastStatus == TaskStatus.RUNNING) {
                t.advance(TaskStatus.DEACTIVATING, now, "stopping");
            }
            t.advance(TaskStatus.STOPPING, now, "stopping containers");
        }
    }

    /** Every container stopped: DEPROVISIONING, the ENI detaches. */
    void executionStopped(TaskRecord t) {
        t.executionStoppedAt = clock.instant();
        for (ContainerRecord c : t.containers) {
            c.lastStatus = ContainerRecord.Status.STOPPED;
        }
        t.advance(TaskStatus.DEPROVISIONING, t.executionStoppedAt, "containers stopped; releasing the ENI");
        t.attachmentStatus = TaskRecord.AttachmentStatus.DETACHED;
    }

    /** The task's resources are released: STOPPED. */
    void stopped(TaskRecord t) {
        Instant now = clock.instant();
        if (t.stoppingAt == null) {
            t.stoppingAt = now;
        }
        if (t.executionStoppedAt == null) {
            t.executionStoppedAt = now;
        }
        for (ContainerRecord c : t.containers) {
            c.lastStatus = ContainerRecord.Status.STOPPED;
        }
        t.attachmentStatus = TaskRecord.AttachmentStatus.DELETED;
        t.stoppedAt = now;
        if (t.stopCode == TaskStopCode.TERMINATION_NOTICE) {
            // the two-minute warning said TerminationNotice; the stopped task says SpotInterruption
            t.stopCode = TaskStopCode.SPOT_INTERRUPTION;
        }
        t.advance(TaskStatus.STOPPED, now, t.stopCode == null ? t.stoppedReason : t.stopCode + ": " + t.stoppedReason);
    }

    /** desiredStatus STOPPED with this stop code and reason, noted in the timeline (no event, no lifecycle call). */
    private void markStopped(TaskRecord t, TaskStopCode stopCode, String reason) {
        t.desiredStatus = DesiredStatus.STOPPED;
        t.stopCode = stopCode;
        t.stoppedReason = reason;
        t.version++;
        t.note(clock.instant(), "desiredStatus STOPPED", stopCode + ": " + reason);
    }

    private static String shortId(String id) {
        return id == null ? "-" : id.substring(0, Math.min(12, id.length()));
    }
}
