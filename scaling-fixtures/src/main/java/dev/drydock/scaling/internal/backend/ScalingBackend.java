package dev.drydock.scaling.internal.backend;

import static dev.drydock.scaling.internal.ScalingErrors.failedResourceAccess;
import static dev.drydock.scaling.internal.ScalingErrors.objectNotFound;
import static dev.drydock.scaling.internal.ScalingErrors.validation;

import dev.drydock.core.spi.AlarmActionTarget.AlarmNotice;
import dev.drydock.core.spi.MetricAlarms;
import dev.drydock.core.spi.ScalingRules;
import dev.drydock.core.spi.ScalingRules.TrackedMetric;
import dev.drydock.core.spi.ScalingTime;
import dev.drydock.core.spi.ServiceCapacity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.services.applicationautoscaling.model.Alarm;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScheduledActionRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ScheduledAction;
import software.amazon.awssdk.services.applicationautoscaling.model.StepScalingPolicyConfiguration;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;

/**
 * Application Auto Scaling's scalable targets, scaling policies and scaling activities of one account and region, and
 * what the policies do when their alarms call them. ECS services only (namespace {@code ecs}, dimension
 * {@code ecs:service:DesiredCount}); every time is on the scaling clock ({@code scaling.time-scale}), so cooldowns
 * shorten with it. One lock; validates before it changes anything.
 *
 * <p>Target tracking, as "Target tracking scaling policies for Application Auto Scaling" describes it
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking.html): the
 * policy creates two CloudWatch alarms named {@code TargetTracking-<resource id>-AlarmHigh-<uuid>} (3 of 3 one-minute
 * periods above the target) and {@code ...-AlarmLow-<uuid>} (15 of 15 below 90% of the target; none with
 * {@code DisableScaleIn}); in alarm, the new capacity is proportional to the metric ({@code ceil(current x metric /
 * target)}, at least one more or one fewer), within the target's minimum and maximum. Scale-out waits for
 * {@code ScaleOutCooldown} unless it adds more than the last scale-out asked for; scale-in waits for
 * {@code ScaleInCooldown} and for the scale-out cooldown (both 300 s by default for ECS). Step scaling applies the step
 * adjustment whose bounds (relative to the alarm's threshold) hold the breach, with {@code Cooldown} (default 300 s).
 *
 * <p>Scheduled actions ({@link ScheduledActions}, {@link Schedule}) are looked at every few seconds of the scaling
 * clock by a thread that starts with the first one; {@link #close()} stops it.
 */
public final class ScalingBackend implements AutoCloseable {
    /** ECS's default cooldowns (seconds). */
    private static final int DEFAULT_COOLDOWN = 300;
    /** How often scheduled actions are looked at, in seconds of the scaling clock. */
    private static final int SCHEDULE_TICK_SECONDS = 5;

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final Supplier<Optional<ServiceCapacity>> ecs;
    private final PolicyAlarms alarms;
    private final Map<TargetKey, ScalableTarget> targets = new LinkedHashMap<>();
    private final Map<String, PolicyState> policies = new LinkedHashMap<>();
    private final List<ScalingActivity> activities = new ArrayList<>();
    private final ScheduledActions scheduled;
    private final ScalingTime time;
    private ScheduledExecutorService ticker;
    private boolean closed;

    /** A policy and when it last scaled. */
    private static final class PolicyState {
        ScalingPolicy policy;
        final TargetKey key;
        List<String> alarmNames = List.of();
        Instant lastScaleOut;
        int lastScaleOutTo;
        Instant lastScaleIn;

        PolicyState(ScalingPolicy policy, TargetKey key) {
            this.policy = policy;
            this.key = key;
        }
    }

    /**
     * @param time the scaling clock (cooldowns, activities, scheduled actions)
     * @param ecs the ECS module's desired counts, when it is there
     * @param alarms CloudWatch, for target tracking's alarms
     */
    public ScalingBackend(
            String region,
            String accountId,
            ScalingTime time,
            Supplier<Optional<ServiceCapacity>> ecs,
            PolicyAlarms alarms) {
        this.region = region;
        this.accountId = accountId;
        this.time = time;
        this.clock = time.clock();
        this.ecs = ecs;
        this.alarms = alarms;
        this.scheduled = new ScheduledActions(region, accountId);
    }

    // -------------------------------------------------------------------------------------------------- targets

    /** The key of a request's target, refusing what Drydock does not scale. */
    public static TargetKey key(String namespace, String resourceId, String dimension) {
        if (!"ecs".equals(namespace)) {
            throw validation("Drydock's Application Auto Scaling scales ECS services only (ServiceNamespace ecs); "
                    + namespace + " is not served.");
        }
        if (!"ecs:service:DesiredCount".equals(dimension)) {
            throw validation("Unsupported scalable dimension '" + dimension + "' for service namespace ecs: use "
                    + "ecs:service:DesiredCount.");
        }
        if (!resourceId.matches("service/[^/]+/[^/]+")) {
            throw validation("Unsupported resource ID '" + resourceId + "' for service namespace ecs: use "
                    + "service/<cluster name>/<service name>.");
        }
        return new TargetKey(namespace, resourceId, dimension);
    }

    /**
     * RegisterScalableTarget: registers, or updates the minimum, maximum and suspended state of, a target; the
     * service's desired count is brought within the new range at once.
     */
    public synchronized ScalableTarget register(RegisterScalableTargetRequest r) {
        TargetKey k = key(r.serviceNamespaceAsString(), r.resourceId(), r.scalableDimensionAsString());
        ScalableTarget existing = targets.get(k);
        Integer min = r.minCapacity() != null ? r.minCapacity() : existing == null ? null : existing.minCapacity();
        Integer max = r.maxCapacity() != null ? r.maxCapacity() : existing == null ? null : existing.maxCapacity();
        if (min == null || max == null) {
            throw validation("MinCapacity and MaxCapacity are required to register a new scalable target ("
                    + k.describe() + ").");
        }
        if (min > max) {
            throw validation("Minimum capacity cannot be greater than maximum capacity");
        }
        ServiceCapacity capacity = capacity();
        OptionalInt current = capacity.desiredCount(k.cluster(), k.service());
        if (current.isEmpty()) {
            throw validation("ECS service doesn't exist: " + k.resourceId());
        }
        ScalableTarget t = ScalableTarget.builder()
                .serviceNamespace(k.namespace())
                .resourceId(k.resourceId())
                .scalableDimension(k.dimension())
                .minCapacity(min)
                .maxCapacity(max)
                .roleARN(
                        r.roleARN() != null
                                ? r.roleARN()
                                : existing != null
                                        ? existing.roleARN()
                                        : "arn:aws:iam::" + accountId
                                                + ":role/aws-service-role/ecs.application-autoscaling"
                                                + ".amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService")
                .creationTime(existing != null ? existing.creationTime() : clock.instant())
                .suspendedState(
                        r.suspendedState() != null
                                ? r.suspendedState()
                                : existing != null ? existing.suspendedState() : null)
                .scalableTargetARN(
                        existing != null
                                ? existing.scalableTargetARN()
                                : "arn:aws:application-autoscaling:" + region + ":" + accountId + ":scalable-target/"
                                        + UUID.randomUUID()
                                                .toString()
                                                .replace("-", "")
                                                .substring(0, 28))
                .build();
        targets.put(k, t);
        bringIntoRange(k, capacity, current.getAsInt(), min, max);
        return t;
    }

    /** A desired count below the minimum is raised to it, one above the maximum lowered to it (an activity). */
    private void bringIntoRange(TargetKey k, ServiceCapacity capacity, int now, int min, int max) {
        if (now < min) {
            scale(k, capacity, now, min, "minimum capacity was set to " + min);
        } else if (now > max) {
            scale(k, capacity, now, max, "maximum capacity was set to " + max);
        }
    }

    /** The registered targets of a namespace matching a filter, in registration order. */
    public synchronized List<ScalableTarget> targets(Predicate<ScalableTarget> filter) {
        return targets.values().stream().filter(filter).toList();
    }

    /** The target of a key, or ObjectNotFoundException. */
    private ScalableTarget target(TargetKey k) {
        ScalableTarget t = targets.get(k);
        if (t == null) {
            throw objectNotFound("No scalable target registered for " + k.describe());
        }
        return t;
    }

    /** The ARN of a target (for IAM), if registered. */
    public synchronized Optional<String> targetArn(TargetKey k) {
        return Optional.ofNullable(targets.get(k)).map(ScalableTarget::scalableTargetARN);
    }

    /** DeregisterScalableTarget: with its scaling policies and their alarms. */
    public synchronized void deregister(TargetKey k) {
        target(k);
        List<String> names = new ArrayList<>();
        policies.values().removeIf(p -> {
            if (p.key.equals(k)) {
                names.addAll(p.alarmNames);
                return true;
            }
            return false;
        });
        targets.remove(k);
        scheduled.removeTarget(k);
        if (!names.isEmpty()) {
            alarms.delete(names);
        }
    }

    // -------------------------------------------------------------------------------------------------- policies

    /**
     * PutScalingPolicy: creates or replaces a policy; target tracking creates (or replaces) its alarms.
     *
     * @return the policy, with its ARN and alarms
     */
    public synchronized ScalingPolicy putPolicy(PutScalingPolicyRequest r) {
        TargetKey k = key(r.serviceNamespaceAsString(), r.resourceId(), r.scalableDimensionAsString());
        target(k);
        String type = r.policyTypeAsString() == null ? "StepScaling" : r.policyTypeAsString();
        String id = r.policyName() + "|" + k.resourceId() + "|" + k.dimension();
        PolicyState existing = policies.get(id);
        String arn = existing != null
                ? existing.policy.policyARN()
                : "arn:aws:autoscaling:" + region + ":" + accountId + ":scalingPolicy:" + UUID.randomUUID()
                        + ":resource/" + k.namespace() + "/" + k.resourceId() + ":policyName/" + r.policyName();
        ScalingPolicy.Builder b = ScalingPolicy.builder()
                .policyARN(arn)
                .policyName(r.policyName())
                .serviceNamespace(k.namespace())
                .resourceId(k.resourceId())
                .scalableDimension(k.dimension())
                .policyType(type)
                .creationTime(existing != null ? existing.policy.creationTime() : clock.instant());
        List<String> alarmNames = List.of();
        List<Alarm> created = new ArrayList<>();
        switch (type) {
            case "TargetTrackingScaling" -> {
                TargetTrackingScalingPolicyConfiguration c = r.targetTrackingScalingPolicyConfiguration();
                if (c == null) {
                    throw validation("TargetTrackingScalingPolicyConfiguration is required for a policy of type "
                            + "TargetTrackingScaling.");
                }
                TrackedMetric m = TrackedMetrics.of(c, k);
                alarmNames = new ArrayList<>();
                for (MetricAlarms.Definition d : ScalingRules.targetTrackingAlarms(
                        k.resourceId(), arn, m, c.targetValue(), Boolean.TRUE.equals(c.disableScaleIn()))) {
                    created.add(alarm(d.name(), alarms.put(d)));
                    alarmNames.add(d.name());
                }
                b.targetTrackingScalingPolicyConfiguration(c).alarms(created);
            }
            case "StepScaling" -> {
                StepScalingPolicyConfiguration c = r.stepScalingPolicyConfiguration();
                if (c == null || !c.hasStepAdjustments() || c.stepAdjustments().isEmpty()) {
                    throw validation("StepScalingPolicyConfiguration with at least one step adjustment is required "
                            + "for a policy of type StepScaling.");
                }
                if (c.adjustmentTypeAsString() == null) {
                    throw validation("AdjustmentType is required in StepScalingPolicyConfiguration.");
                }
                b.stepScalingPolicyConfiguration(c).alarms(existing != null ? existing.policy.alarms() : List.of());
            }
            default ->
                throw validation("Drydock's Application Auto Scaling serves TargetTrackingScaling and "
                        + "StepScaling policies; " + type + " is not served yet.");
        }
        if (existing != null && !existing.alarmNames.isEmpty()) {
            alarms.delete(existing.alarmNames);
        }
        PolicyState s = existing != null ? existing : new PolicyState(null, k);
        s.policy = b.build();
        s.alarmNames = List.copyOf(alarmNames);
        policies.put(id, s);
        return s.policy;
    }

    private static Alarm alarm(String name, String arn) {
        return Alarm.builder().alarmName(name).alarmARN(arn).build();
    }

    /** The policies matching a filter. */
    public synchronized List<ScalingPolicy> policies(Predicate<ScalingPolicy> filter) {
        return policies.values().stream().map(p -> p.policy).filter(filter).toList();
    }

    /** DeleteScalingPolicy: with the alarms target tracking created. */
    public synchronized void deletePolicy(String policyName, TargetKey k) {
        PolicyState p = policies.remove(policyName + "|" + k.resourceId() + "|" + k.dimension());
        if (p == null) {
            throw objectNotFound("No scaling policy found for " + k.describe() + ", policy name: " + policyName);
        }
        if (!p.alarmNames.isEmpty()) {
            alarms.delete(p.alarmNames);
        }
    }

    /** The activities of a namespace matching a filter, newest first. */
    public synchronized List<ScalingActivity> activities(Predicate<ScalingActivity> filter) {
        List<ScalingActivity> out = new ArrayList<>();
        for (int i = activities.size() - 1; i >= 0; i--) {
            if (filter.test(activities.get(i))) {
                out.add(activities.get(i));
            }
        }
        return out;
    }

    // -------------------------------------------------------------------------------------------- scheduled actions

    /**
     * PutScheduledAction: creates or updates a scheduled action of a registered target; it runs on the scaling clock.
     *
     * @throws dev.drydock.core.spi.AwsException ObjectNotFoundException when the target is not registered,
     *     ValidationException for a schedule, time zone, time range or capacity that is not valid
     */
    public synchronized ScheduledAction putScheduledAction(PutScheduledActionRequest r) {
        TargetKey k = key(r.serviceNamespaceAsString(), r.resourceId(), r.scalableDimensionAsString());
        target(k);
        ScheduledAction a = scheduled.put(r, k, clock.instant());
        startTicker();
        return a;
    }

    /** The scheduled actions matching a filter, in creation order. */
    public synchronized List<ScheduledAction> scheduledActions(Predicate<ScheduledAction> filter) {
        return scheduled.list(filter);
    }

    /** DeleteScheduledAction, or ObjectNotFoundException. */
    public synchronized void deleteScheduledAction(String name, TargetKey k) {
        scheduled.delete(name, k);
    }

    /** Looks at the scheduled actions every few seconds of the scaling clock, from the first one on. */
    private void startTicker() {
        if (ticker != null || closed) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drydock-scheduled-actions");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(
                10, time.real(Duration.ofSeconds(SCHEDULE_TICK_SECONDS)).toMillis());
        ticker.scheduleAtFixedRate(this::runScheduledActions, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs the scheduled actions that are due: the target's minimum and maximum become the action's, and the desired
     * count is brought into the new range (a scaling activity, "minimum capacity was set to 3"). Skipped while the
     * target's {@code ScheduledScalingSuspended} is true.
     */
    public synchronized void runScheduledActions() {
        for (ScheduledActions.Entry e : scheduled.due(clock.instant())) {
            ScalableTarget t = targets.get(e.key);
            if (t == null
                    || t.suspendedState() != null
                            && Boolean.TRUE.equals(t.suspendedState().scheduledScalingSuspended())) {
                continue;
            }
            var action = e.action.scalableTargetAction();
            int min = action.minCapacity() != null ? action.minCapacity() : t.minCapacity();
            int max = action.maxCapacity() != null ? action.maxCapacity() : t.maxCapacity();
            if (min > max) {
                activities.add(ScalingActivity.builder()
                        .activityId(UUID.randomUUID().toString())
                        .serviceNamespace(e.key.namespace())
                        .resourceId(e.key.resourceId())
                        .scalableDimension(e.key.dimension())
                        .description("Setting min capacity to " + min + " and max capacity to " + max)
                        .cause("scheduled action name " + e.action.scheduledActionName() + " was triggered")
                        .startTime(clock.instant())
                        .endTime(clock.instant())
                        .statusCode("Failed")
                        .statusMessage("Minimum capacity cannot be greater than maximum capacity")
                        .build());
                continue;
            }
            targets.put(e.key, t.toBuilder().minCapacity(min).maxCapacity(max).build());
            ServiceCapacity capacity = ecs.get().orElse(null);
            OptionalInt now =
                    capacity == null ? OptionalInt.empty() : capacity.desiredCount(e.key.cluster(), e.key.service());
            if (now.isPresent()) {
                bringIntoRange(e.key, capacity, now.getAsInt(), min, max);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    // -------------------------------------------------------------------------------------------------- scaling

    /** Whether an alarm action ARN is one of this backend's policies. */
    public synchronized boolean isPolicy(String arn) {
        return policies.values().stream().anyMatch(p -> p.policy.policyARN().equals(arn));
    }

    /** An alarm called a policy: scales its target if the policy, its bounds and cooldowns say so. */
    public synchronized void invoked(String policyArn, AlarmNotice notice) {
        PolicyState p = policies.values().stream()
                .filter(s -> s.policy.policyARN().equals(policyArn))
                .findFirst()
                .orElse(null);
        if (p == null || notice.value() == null) {
            return;
        }
        ScalableTarget t = targets.get(p.key);
        if (t == null) {
            return;
        }
        if (t.suspendedState() != null
                && Boolean.TRUE.equals(t.suspendedState().dynamicScalingOutSuspended())
                && Boolean.TRUE.equals(t.suspendedState().dynamicScalingInSuspended())) {
            return;
        }
        ServiceCapacity capacity = ecs.get().orElse(null);
        if (capacity == null) {
            return;
        }
        OptionalInt now = capacity.desiredCount(p.key.cluster(), p.key.service());
        if (now.isEmpty()) {
            return;
        }
        int current = now.getAsInt();
        int wanted;
        int outCooldown;
        int inCooldown;
        if (p.policy.targetTrackingScalingPolicyConfiguration() != null) {
            TargetTrackingScalingPolicyConfiguration c = p.policy.targetTrackingScalingPolicyConfiguration();
            boolean high = ScalingRules.isHighAlarm(notice.alarmName());
            wanted = ScalingRules.targetTrackingCapacity(current, notice.value(), c.targetValue(), high);
            if (!high && Boolean.TRUE.equals(c.disableScaleIn())) {
                return;
            }
            outCooldown = c.scaleOutCooldown() != null ? c.scaleOutCooldown() : DEFAULT_COOLDOWN;
            inCooldown = c.scaleInCooldown() != null ? c.scaleInCooldown() : DEFAULT_COOLDOWN;
        } else {
            StepScalingPolicyConfiguration c = p.policy.stepScalingPolicyConfiguration();
            OptionalInt adjustment = ScalingRules.step(
                    c.stepAdjustments().stream()
                            .map(a -> new ScalingRules.Step(
                                    a.metricIntervalLowerBound(), a.metricIntervalUpperBound(), a.scalingAdjustment()))
                            .toList(),
                    notice.value() - notice.threshold());
            if (adjustment.isEmpty()) {
                return;
            }
            wanted = ScalingRules.adjust(
                    c.adjustmentTypeAsString(), current, adjustment.getAsInt(), c.minAdjustmentMagnitude());
            outCooldown = c.cooldown() != null ? c.cooldown() : DEFAULT_COOLDOWN;
            inCooldown = outCooldown;
        }
        int desired = Math.max(t.minCapacity(), Math.min(t.maxCapacity(), wanted));
        if (desired == current) {
            return;
        }
        Instant at = clock.instant();
        boolean out = desired > current;
        boolean suspended = t.suspendedState() != null
                && Boolean.TRUE.equals(
                        out
                                ? t.suspendedState().dynamicScalingOutSuspended()
                                : t.suspendedState().dynamicScalingInSuspended());
        if (suspended) {
            return;
        }
        boolean outCooling = p.lastScaleOut != null && at.isBefore(p.lastScaleOut.plusSeconds(outCooldown));
        if (out && outCooling && desired <= p.lastScaleOutTo) {
            return;
        }
        if (!out && (outCooling || p.lastScaleIn != null && at.isBefore(p.lastScaleIn.plusSeconds(inCooldown)))) {
            return;
        }
        if (scale(
                p.key,
                capacity,
                current,
                desired,
                "monitor alarm " + notice.alarmName() + " in state " + notice.state() + " triggered policy "
                        + p.policy.policyName())) {
            if (out) {
                p.lastScaleOut = at;
                p.lastScaleOutTo = desired;
            } else {
                p.lastScaleIn = at;
            }
        }
    }

    /**
     * Sets the desired count and records the activity, as DescribeScalingActivities shows ECS's (Description
     * "Setting desired count to 3.", Cause "monitor alarm ... in state ALARM triggered policy ...", StatusMessage
     * "Successfully set desired count to 3. Change successfully fulfilled by ecs.": the examples of
     * https://docs.aws.amazon.com/cli/latest/reference/application-autoscaling/describe-scaling-activities.html).
     */
    private boolean scale(TargetKey k, ServiceCapacity capacity, int from, int to, String cause) {
        Instant start = clock.instant();
        ScalingActivity.Builder a = ScalingActivity.builder()
                .activityId(UUID.randomUUID().toString())
                .serviceNamespace(k.namespace())
                .resourceId(k.resourceId())
                .scalableDimension(k.dimension())
                .description("Setting desired count to " + to + ".")
                .cause(cause)
                .startTime(start);
        boolean ok;
        try {
            capacity.desiredCount(k.cluster(), k.service(), to);
            a.statusCode("Successful")
                    .statusMessage(
                            "Successfully set desired count to " + to + ". Change successfully fulfilled by ecs.");
            ok = true;
        } catch (IllegalArgumentException e) {
            a.statusCode("Failed").statusMessage("Failed to set desired count to " + to + ". " + e.getMessage());
            ok = false;
        }
        activities.add(a.endTime(clock.instant()).build());
        if (activities.size() > 5_000) {
            activities.remove(0);
        }
        return ok;
    }

    private ServiceCapacity capacity() {
        return ecs.get()
                .orElseThrow(() -> failedResourceAccess("Drydock's ECS module is not on the classpath: add "
                        + "dev.drydock:drydock-ecs-fixtures to scale ECS services."));
    }
}
