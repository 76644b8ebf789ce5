package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.TargetRegistry;
import dev.drydock.ecs.internal.EcsErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * A service's load balancers ({@code loadBalancers} of CreateService and UpdateService), worked as ECS works them with
 * Elastic Load Balancing (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-load-balancing.html),
 * through core's {@link TargetRegistry} port (the ELB module implements it; ECS never depends on it):
 *
 * <ul>
 *   <li>{@link #validate}: CreateService's and UpdateService's checks, in ECS's words;</li>
 *   <li>{@link #register}: a service's task is registered in each target group when it reaches RUNNING (awsvpc: its
 *       ENI's private IP and the container port), "registered N targets in (target-group ARN)";</li>
 *   <li>{@link #judge}: a task counts toward the rollout and steady state only when healthy in every target group (and
 *       by its container health checks); one {@code unhealthy} after the service's
 *       {@code healthCheckGracePeriodSeconds} is replaced, stoppedReason "Task failed ELB health checks in
 *       (target-group ARN)";</li>
 *   <li>{@link #drain}: a registered task told to stop is deregistered first ("has begun draining connections on N
 *       tasks.", "deregistered N targets in (target-group ARN)") and waits in DEACTIVATING until the target group's
 *       deregistration delay has passed (the target is gone from the group), and only then are its containers
 *       stopped.</li>
 * </ul>
 *
 * The event texts are those of ECS's service event messages
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html). Periods are scaled by the
 * registry's time scale ({@link TargetRegistry#scaled}) so that they keep their order with ELB's. Guarded by the
 * backend's lock: callers hold it. The registry is called under that lock; it never calls back into ECS (its health
 * change listener only wakes the scheduler).
 */
final class ServiceLoadBalancing implements ServiceTaskHealth {
    /** The most load balancers (target groups) a service may name. */
    static final int MAX_LOAD_BALANCERS = 5;
    /** The start of the stoppedReason of a task replaced because it failed ELB health checks. */
    static final String ELB_UNHEALTHY_REASON = "Task failed ELB health checks in (target-group ";

    private final Clock clock;
    private final Supplier<Optional<TargetRegistry>> registry;
    private final ServiceTaskHealth containers;
    private final Runnable wake;
    private TargetRegistry listenedTo;

    /**
     * @param clock the model's clock
     * @param registry the target registry, when the ELB module is there
     * @param containers the verdict from the task's containers' health checks
     * @param wake asks the scheduler for a pass (called on target health changes, from the registry's thread)
     */
    ServiceLoadBalancing(
            Clock clock, Supplier<Optional<TargetRegistry>> registry, ServiceTaskHealth containers, Runnable wake) {
        this.clock = clock;
        this.registry = registry;
        this.containers = containers;
        this.wake = wake;
    }

    // ------------------------------------------------------------------------------------------------ validation

    /**
     * CreateService's and UpdateService's checks of {@code loadBalancers} against the task definition and the target
     * groups, with ECS's messages (InvalidParameterException).
     *
     * @return the load balancers, each naming its target group by ARN
     * @throws AwsException InvalidParameterException: more than {@value #MAX_LOAD_BALANCERS}; a Classic Load Balancer
     *     name, or a member missing; no ELB module; a target group that does not exist, is not attached to a load
     *     balancer, or has a target type other than {@code ip} for an awsvpc task definition; a container or container
     *     port the task definition does not have
     */
    List<LoadBalancer> validate(List<LoadBalancer> loadBalancers, TaskDefinition td) {
        if (loadBalancers.size() > MAX_LOAD_BALANCERS) {
            // the answer AWS gives (https://github.com/hashicorp/terraform/issues/25306)
            throw EcsErrors.invalidParameter("load balancers can have at most " + MAX_LOAD_BALANCERS + " items.");
        }
        List<LoadBalancer> checked = new ArrayList<>();
        for (LoadBalancer lb : loadBalancers) {
            if (lb.loadBalancerName() != null) {
                throw EcsErrors.invalidParameter("loadBalancers: Drydock models Elastic Load Balancing v2 only; "
                        + "name the target group with targetGroupArn instead of the Classic Load Balancer "
                        + lb.loadBalancerName() + " (loadBalancerName).");
            }
            if (lb.targetGroupArn() == null || lb.containerName() == null || lb.containerPort() == null) {
                throw EcsErrors.invalidParameter(
                        "loadBalancers: each load balancer needs targetGroupArn, containerName and containerPort.");
            }
            TargetRegistry r = registry()
                    .orElseThrow(() -> EcsErrors.invalidParameter("loadBalancers name target group "
                            + lb.targetGroupArn() + ", but Elastic Load Balancing is not " + "on the classpath: add "
                            + TargetRegistry.ARTIFACT + " to the test's dependencies."));
            TargetRegistry.TargetGroup tg = r.targetGroup(lb.targetGroupArn())
                    .orElseThrow(() -> EcsErrors.invalidParameter(
                            "Unable to assume role and validate the specified targetGroupArn. Please verify that "
                                    + "the ECS service role being passed has the proper permissions."));
            ContainerDefinition container = td.containerDefinitions().stream()
                    .filter(c -> c.name().equals(lb.containerName()))
                    .findFirst()
                    .orElseThrow(() -> EcsErrors.invalidParameter(
                            "The container " + lb.containerName() + " does not exist in the task definition."));
            if (container.portMappings().stream()
                    .map(PortMapping::containerPort)
                    .noneMatch(lb.containerPort()::equals)) {
                throw EcsErrors.invalidParameter("The container " + lb.containerName()
                        + " did not have a container port " + lb.containerPort() + " defined.");
            }
            // awsvpc tasks are registered by IP, bridge and host tasks by instance id and host port
            // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-considerations.html)
            NetworkMode mode = td.networkMode() == null ? NetworkMode.BRIDGE : td.networkMode();
            String needed = mode == NetworkMode.AWSVPC ? "ip" : "instance";
            if (!needed.equals(tg.targetType())) {
                throw EcsErrors.invalidParameter("The provided target group " + tg.arn() + " has target type "
                        + tg.targetType() + ", which is incompatible with the " + mode + " network mode specified in"
                        + " the task definition.");
            }
            if (tg.loadBalancerArns().isEmpty()) {
                throw EcsErrors.invalidParameter("The target group with targetGroupArn " + tg.arn()
                        + " does not have an associated load balancer.");
            }
            checked.add(lb.toBuilder().targetGroupArn(tg.arn()).build());
        }
        return List.copyOf(checked);
    }

    // -------------------------------------------------------------------------------------------- registration

    /**
     * Registers the service's tasks that reached RUNNING (and are to keep running) in each of the service's target
     * groups, once per task, and says so in one event per target group.
     */
    void register(ServiceRecord s, List<TaskRecord> mine, Instant now) {
        if (s.loadBalancers.isEmpty()) {
            return;
        }
        Map<String, Integer> registered = new LinkedHashMap<>();
        for (TaskRecord t : mine) {
            if (t.targetsRegistered
                    || t.desiredStatus != DesiredStatus.RUNNING
                    || t.lastStatus != TaskStatus.RUNNING
                    || t.privateIp == null) {
                continue;
            }
            Optional<TargetRegistry> r = registry();
            if (r.isEmpty()) {
                return;
            }
            t.targetsRegistered = true;
            for (LoadBalancer lb : s.loadBalancers) {
                TargetRegistry.Target target = target(t, lb);
                try {
                    r.get().register(lb.targetGroupArn(), target);
                    t.registrations.add(new TaskRecord.Registration(lb.targetGroupArn(), target));
                    registered.merge(lb.targetGroupArn(), 1, Integer::sum);
                    t.note(
                            now,
                            "registered in target group",
                            lb.targetGroupArn() + " as " + target.id() + ":" + target.port());
                } catch (IllegalArgumentException e) {
                    t.note(now, "not registered in target group", lb.targetGroupArn() + ": " + e.getMessage());
                }
            }
            t.version++;
        }
        registered.forEach((tg, n) -> s.event(now, "registered " + n + " targets in (target-group " + tg + ")"));
    }

    /**
     * The task as a target: its ENI's IP and the container port (awsvpc), else its container instance's EC2 instance id
     * and the host port the container port is bound to (bridge, host), as ECS registers them.
     */
    private static TargetRegistry.Target target(TaskRecord t, LoadBalancer lb) {
        if (t.containerInstance == null || t.networkMode() == NetworkMode.AWSVPC) {
            return new TargetRegistry.Target(t.privateIp, lb.containerPort(), t.availabilityZone);
        }
        int hostPort = t.container(lb.containerName()).networkBindings.stream()
                .filter(b -> lb.containerPort().equals(b.containerPort()))
                .map(NetworkBinding::hostPort)
                .findFirst()
                .orElse(lb.containerPort());
        return new TargetRegistry.Target(
                t.containerInstance.ec2InstanceId, hostPort, t.containerInstance.availabilityZone);
    }

    // ------------------------------------------------------------------------------------------------- health

    /**
     * The container verdict, and for a task registered in target groups: healthy only when healthy in every one;
     * replaced when {@code unhealthy} in one after the grace period (said in the service's events).
     */
    @Override
    public Verdict judge(ServiceRecord s, TaskRecord t, Instant now) {
        Verdict byContainers = containers.judge(s, t, now);
        if (byContainers.replacementReason() != null || s.loadBalancers.isEmpty()) {
            return byContainers;
        }
        if (t.lastStatus != TaskStatus.RUNNING) {
            return Verdict.NOT_HEALTHY;
        }
        Optional<TargetRegistry> r = registry();
        if (!t.targetsRegistered || r.isEmpty()) {
            return Verdict.AWAITING;
        }
        // a task without container health checks waits for nothing but its targets' health: ECS's 40 s RUNNING rule is
        // for tasks that nothing checks
        boolean healthy = byContainers.healthy() || byContainers.healthyAt() != null;
        Instant graceEnds = t.startedAt.plus(r.get().scaled(Duration.ofSeconds(s.healthCheckGracePeriodSeconds)));
        for (TaskRecord.Registration reg : t.registrations) {
            TargetRegistry.TargetHealth h = r.get().health(reg.targetGroupArn(), reg.target());
            if (h.healthy()) {
                continue;
            }
            healthy = false;
            if (h.unhealthy() && !now.isBefore(graceEnds)) {
                s.event(
                        now,
                        "(task " + t.id + ") (port " + reg.target().port() + ") is unhealthy in (target-group "
                                + reg.targetGroupArn() + ") due to (reason "
                                + (h.description() != null ? h.description() : h.reason()) + ").");
                return Verdict.replace(ELB_UNHEALTHY_REASON + reg.targetGroupArn() + ")");
            }
        }
        return healthy ? Verdict.HEALTHY : Verdict.AWAITING;
    }

    // ----------------------------------------------------------------------------------------------- draining

    /**
     * Moves the service's registered tasks that were told to stop through deregistration: each is deregistered from
     * its target groups and waits in DEACTIVATING; once every one of its targets is gone from its group (the
     * deregistration delay has passed), or the delay plus a second has passed, it goes to {@code toStop}, whose
     * containers the caller stops.
     *
     * @return when the earliest drain still under way ends at the latest, or {@code null} when none is
     */
    Instant drain(ServiceRecord s, List<TaskRecord> mine, Instant now, List<TaskRecord> toStop) {
        List<TaskRecord> begun = new ArrayList<>();
        Map<String, Integer> deregistered = new LinkedHashMap<>();
        Instant next = null;
        for (TaskRecord t : mine) {
            if (!t.drainPending) {
                continue;
            }
            if (t.drainEndsAt == null) {
                t.drainEndsAt = now.plus(deregister(t, now, deregistered)).plusSeconds(1);
                t.advance(TaskStatus.DEACTIVATING, now, "deregistered from its target groups; draining");
                begun.add(t);
            }
            if (!now.isBefore(t.drainEndsAt) || gone(t)) {
                t.drainPending = false;
                t.note(now, "drained", "its targets left their target groups");
                toStop.add(t);
            } else if (next == null || t.drainEndsAt.isBefore(next)) {
                next = t.drainEndsAt;
            }
        }
        if (!begun.isEmpty()) {
            s.event(now, "has begun draining connections on " + begun.size() + " tasks.");
        }
        deregistered.forEach((tg, n) -> s.event(now, "deregistered " + n + " targets in (target-group " + tg + ")"));
        return next;
    }

    /**
     * Deregisters a task that stops without draining (its essential container exited, or Drydock closes) from every
     * target group it is still registered in, and says so in its service's events when there is one.
     */
    void deregisterNow(TaskRecord t, ServiceRecord s, Instant now) {
        if (t.registrations.isEmpty() || t.drainEndsAt != null) {
            return;
        }
        Map<String, Integer> deregistered = new LinkedHashMap<>();
        deregister(t, now, deregistered);
        t.drainEndsAt = now;
        if (s != null) {
            deregistered.forEach(
                    (tg, n) -> s.event(now, "deregistered " + n + " targets in (target-group " + tg + ")"));
        }
    }

    /** Deregisters every registration of the task; returns the longest deregistration delay (scaled). */
    private Duration deregister(TaskRecord t, Instant now, Map<String, Integer> deregistered) {
        Duration longest = Duration.ZERO;
        Optional<TargetRegistry> r = registry();
        if (r.isEmpty()) {
            return longest;
        }
        for (TaskRecord.Registration reg : t.registrations) {
            try {
                r.get().deregister(reg.targetGroupArn(), reg.target());
                deregistered.merge(reg.targetGroupArn(), 1, Integer::sum);
                Duration delay = r.get()
                        .targetGroup(reg.targetGroupArn())
                        .map(tg -> r.get().scaled(tg.deregistrationDelay()))
                        .orElse(Duration.ZERO);
                if (delay.compareTo(longest) > 0) {
                    longest = delay;
                }
            } catch (RuntimeException e) {
                // the load balancing module is closing: nothing is left to drain
                t.note(now, "not deregistered", reg.targetGroupArn() + ": " + e.getMessage());
            }
        }
        t.version++;
        return longest;
    }

    /** Whether every target of the task has left its target group (ELB's draining is over). */
    private boolean gone(TaskRecord t) {
        Optional<TargetRegistry> r = registry();
        if (r.isEmpty()) {
            return true;
        }
        for (TaskRecord.Registration reg : t.registrations) {
            try {
                if (!r.get().health(reg.targetGroupArn(), reg.target()).notRegistered()) {
                    return false;
                }
            } catch (RuntimeException e) {
                // the module is closing: the target is gone with it
            }
        }
        return true;
    }

    /** The registry, listened to for health changes from the first time it is found. */
    private Optional<TargetRegistry> registry() {
        Optional<TargetRegistry> r = registry.get();
        if (r.isPresent() && listenedTo != r.get()) {
            listenedTo = r.get();
            r.get().onHealthChange(wake);
        }
        return r;
    }
}
