package dev.drydock.autoscaling.internal.backend;

import static dev.drydock.autoscaling.internal.AutoScalingErrors.validation;

import dev.drydock.autoscaling.internal.AutoScalingErrors;
import dev.drydock.core.spi.AlarmActionTarget.AlarmNotice;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.MetricAlarms;
import dev.drydock.core.spi.ScalingRules;
import dev.drydock.core.spi.ScalingRules.TrackedMetric;
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
import java.util.function.Supplier;
import software.amazon.awssdk.services.autoscaling.model.Alarm;
import software.amazon.awssdk.services.autoscaling.model.CustomizedMetricSpecification;
import software.amazon.awssdk.services.autoscaling.model.PredefinedMetricSpecification;
import software.amazon.awssdk.services.autoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.autoscaling.model.StepAdjustment;
import software.amazon.awssdk.services.autoscaling.model.TargetTrackingConfiguration;

/**
 * The scaling policies of the Auto Scaling groups of one account and region, and what they do when their alarms (or
 * ExecutePolicy) call them ("Dynamic scaling for Amazon EC2 Auto Scaling",
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scale-based-on-demand.html). Every time is on the scaling
 * clock. One lock (this object), taken before the groups' lock, never after it.
 *
 * <ul>
 *   <li><b>TargetTrackingScaling</b>: the policy owns AWS's two alarms ({@link ScalingRules#targetTrackingAlarms}:
 *       {@code TargetTracking-<group>-AlarmHigh-<uuid>}, 3 of 3 one-minute periods above the target, and
 *       {@code ...-AlarmLow-<uuid>}, 15 of 15 below 90% of it, none with {@code DisableScaleIn}), created in CloudWatch
 *       through core's {@link MetricAlarms} port. In alarm, the desired capacity becomes proportional to the metric
 *       ({@link ScalingRules#targetTrackingCapacity}).
 *   <li><b>StepScaling</b>: the step adjustment whose bounds (relative to the alarm's threshold) hold the breach.
 *   <li><b>SimpleScaling</b> (the default type): one adjustment, then the cooldown ({@code Cooldown}, else the group's
 *       {@code DefaultCooldown}) during which the group's simple scaling policies do nothing.
 * </ul>
 *
 * Instance warmup, as "Set the default instance warmup for an Auto Scaling group" describes it
 * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-default-instance-warmup.html): an instance is
 * warming up for the policy's {@code EstimatedInstanceWarmup}, else the group's {@code DefaultInstanceWarmup}, else its
 * {@code DefaultCooldown}, after it turns InService. While instances warm up, target tracking and step scaling count them
 * as capacity but not as measured (a scale-out is computed on the instances that are warm and happens only when it asks
 * for more than the desired capacity already holds, so repeated alarms add capacity once), and do not scale in. Every
 * new desired capacity is kept within the group's min and max.
 */
public final class ScalingPolicies {
    private final String region;
    private final String accountId;
    private final Clock clock;
    private final AutoScalingGroups groups;
    private final Supplier<Optional<MetricAlarms>> cloudWatch;
    private final Map<String, PolicyState> policies = new LinkedHashMap<>();
    private final Map<String, Instant> simpleCooldownUntil = new LinkedHashMap<>();

    private static final class PolicyState {
        final String group;
        ScalingPolicy policy;
        List<String> alarmNames = List.of();

        PolicyState(String group) {
            this.group = group;
        }
    }

    /**
     * @param clock the scaling clock
     * @param groups the groups the policies scale
     * @param cloudWatch CloudWatch's alarms, looked up on use
     */
    public ScalingPolicies(
            String region,
            String accountId,
            Clock clock,
            AutoScalingGroups groups,
            Supplier<Optional<MetricAlarms>> cloudWatch) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.groups = groups;
        this.cloudWatch = cloudWatch;
    }

    private static String key(String group, String policy) {
        return group + "\n" + policy;
    }

    /**
     * PutScalingPolicy: creates or replaces a policy (its ARN is kept); target tracking creates its alarms anew (and
     * deletes those it had).
     *
     * @return the policy, with its ARN and its alarms
     * @throws dev.drydock.core.spi.AwsException {@code ValidationError} for an unknown group, a configuration that
     *     does not fit the policy type, a predictive policy, or a CloudWatch that is missing or refuses an alarm;
     *     nothing changes then
     */
    public synchronized ScalingPolicy put(PutScalingPolicyRequest r) {
        String group = r.autoScalingGroupName();
        groups.capacity(group); // the group exists
        String type = r.policyType() == null ? "SimpleScaling" : r.policyType();
        checkMembers(type, r);
        PolicyState existing = policies.get(key(group, r.policyName()));
        String arn = existing != null
                ? existing.policy.policyARN()
                : "arn:aws:autoscaling:" + region + ":" + accountId + ":scalingPolicy:" + UUID.randomUUID()
                        + ":autoScalingGroupName/" + group + ":policyName/" + r.policyName();
        ScalingPolicy.Builder b = ScalingPolicy.builder()
                .autoScalingGroupName(group)
                .policyName(r.policyName())
                .policyARN(arn)
                .policyType(type)
                .estimatedInstanceWarmup(r.estimatedInstanceWarmup())
                .enabled(r.enabled() == null || r.enabled());
        List<String> alarmNames = new ArrayList<>();
        List<Alarm> alarms = new ArrayList<>();
        switch (type) {
            case "TargetTrackingScaling" -> {
                TargetTrackingConfiguration c = r.targetTrackingConfiguration();
                TrackedMetric metric = metric(c, group);
                MetricAlarms cw = cloudWatch
                        .get()
                        .orElseThrow(() -> validation("Target tracking needs CloudWatch alarms: add "
                                + "dev.drydock:drydock-cloudwatch-fixtures to the test classpath."));
                try {
                    for (MetricAlarms.Definition d : ScalingRules.targetTrackingAlarms(
                            group, arn, metric, c.targetValue(), Boolean.TRUE.equals(c.disableScaleIn()))) {
                        String alarmArn = cw.putAlarm(d);
                        alarmNames.add(d.name());
                        alarms.add(Alarm.builder()
                                .alarmName(d.name())
                                .alarmARN(alarmArn)
                                .build());
                    }
                } catch (RuntimeException e) {
                    cw.deleteAlarms(alarmNames);
                    throw e instanceof AwsException aws
                            ? validation("CloudWatch refused target tracking's alarm: " + aws.getMessage())
                            : e;
                }
                b.targetTrackingConfiguration(c).alarms(alarms);
            }
            case "StepScaling" ->
                b.adjustmentType(r.adjustmentType())
                        .minAdjustmentMagnitude(r.minAdjustmentMagnitude())
                        .stepAdjustments(r.stepAdjustments())
                        .metricAggregationType(
                                r.metricAggregationType() == null ? "Average" : r.metricAggregationType())
                        .alarms(existing != null ? existing.policy.alarms() : List.of());
            default ->
                b.adjustmentType(r.adjustmentType())
                        .minAdjustmentMagnitude(r.minAdjustmentMagnitude())
                        .scalingAdjustment(r.scalingAdjustment())
                        .cooldown(r.cooldown())
                        .alarms(existing != null ? existing.policy.alarms() : List.of());
        }
        if (existing != null && !existing.alarmNames.isEmpty()) {
            cloudWatch.get().ifPresent(cw -> cw.deleteAlarms(existing.alarmNames));
        }
        PolicyState s = existing != null ? existing : new PolicyState(group);
        s.policy = b.build();
        s.alarmNames = List.copyOf(alarmNames);
        policies.put(key(group, r.policyName()), s);
        return s.policy;
    }

    /** The members each policy type takes, as PutScalingPolicy's reference page lists them ("Valid only if ..."). */
    private static void checkMembers(String type, PutScalingPolicyRequest r) {
        switch (type) {
            case "SimpleScaling" -> {
                if (r.adjustmentType() == null || r.scalingAdjustment() == null) {
                    throw validation("AdjustmentType and ScalingAdjustment are required for a policy of type "
                            + "SimpleScaling.");
                }
                refuse(
                        type,
                        "StepAdjustments",
                        r.hasStepAdjustments() && !r.stepAdjustments().isEmpty());
                refuse(type, "TargetTrackingConfiguration", r.targetTrackingConfiguration() != null);
                refuse(type, "EstimatedInstanceWarmup", r.estimatedInstanceWarmup() != null);
                refuse(type, "MetricAggregationType", r.metricAggregationType() != null);
            }
            case "StepScaling" -> {
                if (r.adjustmentType() == null
                        || !r.hasStepAdjustments()
                        || r.stepAdjustments().isEmpty()) {
                    throw validation("AdjustmentType and at least one StepAdjustments entry are required for a policy "
                            + "of type StepScaling.");
                }
                refuse(type, "ScalingAdjustment", r.scalingAdjustment() != null);
                refuse(type, "Cooldown", r.cooldown() != null);
                refuse(type, "TargetTrackingConfiguration", r.targetTrackingConfiguration() != null);
            }
            case "TargetTrackingScaling" -> {
                if (r.targetTrackingConfiguration() == null) {
                    throw validation(
                            "TargetTrackingConfiguration is required for a policy of type " + "TargetTrackingScaling.");
                }
                refuse(type, "AdjustmentType", r.adjustmentType() != null);
                refuse(type, "ScalingAdjustment", r.scalingAdjustment() != null);
                refuse(
                        type,
                        "StepAdjustments",
                        r.hasStepAdjustments() && !r.stepAdjustments().isEmpty());
                refuse(type, "Cooldown", r.cooldown() != null);
                refuse(type, "MinAdjustmentMagnitude", r.minAdjustmentMagnitude() != null);
                refuse(type, "MetricAggregationType", r.metricAggregationType() != null);
            }
            case "PredictiveScaling" ->
                throw validation("Drydock does not serve predictive scaling policies yet: use TargetTrackingScaling, "
                        + "StepScaling or SimpleScaling.");
            default -> throw validation("Unsupported PolicyType " + type + ".");
        }
        if (r.minAdjustmentMagnitude() != null && !"PercentChangeInCapacity".equals(r.adjustmentType())) {
            throw validation("MinAdjustmentMagnitude is valid only with AdjustmentType PercentChangeInCapacity.");
        }
        if (r.adjustmentType() != null
                && !List.of("ChangeInCapacity", "ExactCapacity", "PercentChangeInCapacity")
                        .contains(r.adjustmentType())) {
            throw validation("Unsupported AdjustmentType " + r.adjustmentType()
                    + ": use ChangeInCapacity, ExactCapacity or PercentChangeInCapacity.");
        }
    }

    private static void refuse(String type, String member, boolean given) {
        if (given) {
            throw validation(member + " is not supported for a policy of type " + type + ".");
        }
    }

    /**
     * The metric a target tracking configuration tracks. The predefined ASG metrics are AWS/EC2's (per
     * {@code AutoScalingGroupName}) and ALBRequestCountPerTarget AWS/ApplicationELB's (per {@code TargetGroup} of the
     * resource label): Drydock publishes neither, so their alarms stay INSUFFICIENT_DATA (docs/autoscaling-operations.md).
     */
    private static TrackedMetric metric(TargetTrackingConfiguration c, String group) {
        boolean predefined = c.predefinedMetricSpecification() != null;
        if (predefined == (c.customizedMetricSpecification() != null)) {
            throw validation("Exactly one of PredefinedMetricSpecification or CustomizedMetricSpecification is "
                    + "required in TargetTrackingConfiguration.");
        }
        if (predefined) {
            PredefinedMetricSpecification p = c.predefinedMetricSpecification();
            Map<String, String> byGroup = Map.of("AutoScalingGroupName", group);
            String type = p.predefinedMetricTypeAsString();
            return switch (type) {
                case "ASGAverageCPUUtilization" ->
                    new TrackedMetric("AWS/EC2", "CPUUtilization", byGroup, "Average", null);
                case "ASGAverageNetworkIn" -> new TrackedMetric("AWS/EC2", "NetworkIn", byGroup, "Average", null);
                case "ASGAverageNetworkOut" -> new TrackedMetric("AWS/EC2", "NetworkOut", byGroup, "Average", null);
                case "ALBRequestCountPerTarget" -> {
                    String label = p.resourceLabel();
                    int at = label == null ? -1 : label.indexOf("/targetgroup/");
                    if (at < 0) {
                        throw validation("ResourceLabel is required for ALBRequestCountPerTarget: "
                                + "app/<load balancer name>/<id>/targetgroup/<target group name>/<id>.");
                    }
                    yield new TrackedMetric(
                            "AWS/ApplicationELB",
                            "RequestCountPerTarget",
                            Map.of("TargetGroup", label.substring(at + 1)),
                            "Sum",
                            null);
                }
                default -> throw validation("Unsupported PredefinedMetricType " + type + ".");
            };
        }
        CustomizedMetricSpecification m = c.customizedMetricSpecification();
        Map<String, String> dims = new LinkedHashMap<>();
        m.dimensions().forEach(d -> dims.put(d.name(), d.value()));
        try {
            return ScalingRules.customizedMetric(
                    m.hasMetrics() && !m.metrics().isEmpty(),
                    m.namespace(),
                    m.metricName(),
                    dims,
                    m.statisticAsString(),
                    m.unit());
        } catch (IllegalArgumentException e) {
            throw validation(e.getMessage());
        }
    }

    /** The policies of a group (or of every group), by name and type when given, in creation order. */
    public synchronized List<ScalingPolicy> describe(String group, List<String> names, List<String> types) {
        if (group != null) {
            groups.capacity(group);
        }
        return policies.values().stream()
                .filter(p -> group == null || p.group.equals(group))
                .map(p -> p.policy)
                .filter(p -> names.isEmpty() || names.contains(p.policyName()) || names.contains(p.policyARN()))
                .filter(p -> types.isEmpty() || types.contains(p.policyType()))
                .toList();
    }

    /**
     * DeletePolicy, with the alarms target tracking created.
     *
     * @param policy the policy's name or ARN
     * @throws dev.drydock.core.spi.AwsException {@code ValidationError} when the group or policy does not exist
     */
    public synchronized void delete(String group, String policy) {
        PolicyState p = find(group, policy);
        policies.values().remove(p);
        if (!p.alarmNames.isEmpty()) {
            cloudWatch.get().ifPresent(cw -> cw.deleteAlarms(p.alarmNames));
        }
    }

    /** A group was deleted: its policies go, with their alarms. */
    public synchronized void groupDeleted(String group) {
        List<String> alarms = new ArrayList<>();
        policies.values().removeIf(p -> {
            if (p.group.equals(group)) {
                alarms.addAll(p.alarmNames);
                return true;
            }
            return false;
        });
        simpleCooldownUntil.remove(group);
        if (!alarms.isEmpty()) {
            cloudWatch.get().ifPresent(cw -> cw.deleteAlarms(alarms));
        }
    }

    private PolicyState find(String group, String policy) {
        if (group != null) {
            groups.capacity(group);
        }
        return policies.values().stream()
                .filter(p -> group == null || p.group.equals(group))
                .filter(p -> p.policy.policyName().equals(policy)
                        || p.policy.policyARN().equals(policy))
                .findFirst()
                .orElseThrow(() -> validation("No scaling policy found for Auto Scaling group "
                        + (group == null ? "(any)" : group) + " with name or ARN " + policy + "."));
    }

    /** Whether an alarm action ARN is one of the policies. */
    public synchronized boolean isPolicy(String arn) {
        return policies.values().stream().anyMatch(p -> p.policy.policyARN().equals(arn));
    }

    /**
     * ExecutePolicy: a simple or step scaling policy acts as if its alarm fired.
     *
     * @param honorCooldown whether a simple scaling policy waits for the cooldown (AWS's default: no)
     * @param metricValue required for step scaling: the value the steps are matched against
     * @param breachThreshold required for step scaling: the threshold the steps are relative to
     * @throws dev.drydock.core.spi.AwsException {@code ValidationError} for an unknown group or policy, a target
     *     tracking policy, a step policy without MetricValue and BreachThreshold; {@code ScalingActivityInProgress}
     *     when {@code honorCooldown} and the cooldown has not ended
     */
    public synchronized void execute(
            String group, String policy, boolean honorCooldown, Double metricValue, Double breachThreshold) {
        PolicyState p = find(group, policy);
        String type = p.policy.policyType();
        if ("TargetTrackingScaling".equals(type)) {
            throw validation("ExecutePolicy is not supported for a target tracking scaling policy.");
        }
        if ("StepScaling".equals(type) && (metricValue == null || breachThreshold == null)) {
            throw validation("MetricValue and BreachThreshold are required to execute a step scaling policy.");
        }
        if ("SimpleScaling".equals(type) && honorCooldown && cooling(p.group)) {
            throw AutoScalingErrors.scalingActivityInProgress("Scaling activity is in progress for Auto Scaling group "
                    + p.group + ": its cooldown has not ended yet.");
        }
        act(
                p,
                "SimpleScaling".equals(type) ? 0 : metricValue,
                "SimpleScaling".equals(type) ? 0 : breachThreshold,
                null,
                "a user request executed policy " + p.policy.policyName());
    }

    /** An alarm called a policy: scales its group if the policy, the bounds, warmup and cooldown say so. */
    public synchronized void invoked(String policyArn, AlarmNotice notice) {
        PolicyState p = policies.values().stream()
                .filter(s -> s.policy.policyARN().equals(policyArn))
                .findFirst()
                .orElse(null);
        if (p == null || notice.value() == null || !Boolean.TRUE.equals(p.policy.enabled())) {
            return;
        }
        if ("SimpleScaling".equals(p.policy.policyType()) && cooling(p.group)) {
            return;
        }
        act(
                p,
                notice.value(),
                notice.threshold(),
                notice.alarmName(),
                "a monitor alarm " + notice.alarmName() + " in state " + notice.state() + " triggered policy "
                        + p.policy.policyName());
    }

    /** Whether a simple scaling policy's cooldown holds the group (SetDesiredCapacity's HonorCooldown). */
    public synchronized boolean inCooldown(String group) {
        return cooling(group);
    }

    private boolean cooling(String group) {
        Instant until = simpleCooldownUntil.get(group);
        return until != null && clock.instant().isBefore(until);
    }

    private void act(PolicyState p, double value, double threshold, String alarmName, String cause) {
        AutoScalingGroups.Capacity g;
        try {
            g = groups.capacity(p.group);
        } catch (RuntimeException e) {
            return; // the group is gone
        }
        ScalingPolicy policy = p.policy;
        Instant now = clock.instant();
        Duration warmup = Duration.ofSeconds(
                policy.estimatedInstanceWarmup() != null
                        ? policy.estimatedInstanceWarmup()
                        : g.defaultInstanceWarmup() != null ? g.defaultInstanceWarmup() : g.defaultCooldown());
        int warming = (int) g.inService().stream()
                .filter(at -> now.isBefore(at.plus(warmup)))
                .count();
        int desired = g.desired();
        int warm = desired - warming;
        int wanted;
        switch (policy.policyType()) {
            case "TargetTrackingScaling" -> {
                TargetTrackingConfiguration c = policy.targetTrackingConfiguration();
                boolean high = ScalingRules.isHighAlarm(alarmName);
                if (!high && Boolean.TRUE.equals(c.disableScaleIn())) {
                    return;
                }
                wanted = ScalingRules.targetTrackingCapacity(high ? warm : desired, value, c.targetValue(), high);
                if (high) {
                    wanted = Math.max(desired, wanted);
                }
            }
            case "StepScaling" -> {
                OptionalInt adjustment = ScalingRules.step(steps(policy.stepAdjustments()), value - threshold);
                if (adjustment.isEmpty()) {
                    return;
                }
                int adjust = adjustment.getAsInt();
                Integer magnitude = policy.minAdjustmentMagnitude();
                int fromDesired = ScalingRules.adjust(policy.adjustmentType(), desired, adjust, magnitude);
                // a scale-out counts warming instances as capacity: computed on the warm ones, applied when it asks
                // for more than the desired capacity already holds
                wanted = fromDesired > desired
                        ? Math.max(desired, ScalingRules.adjust(policy.adjustmentType(), warm, adjust, magnitude))
                        : fromDesired;
            }
            default ->
                wanted = ScalingRules.adjust(
                        policy.adjustmentType(), desired, policy.scalingAdjustment(), policy.minAdjustmentMagnitude());
        }
        int bounded = Math.max(g.min(), Math.min(g.max(), wanted));
        if (bounded == desired) {
            return;
        }
        boolean simple = "SimpleScaling".equals(policy.policyType());
        if (bounded < desired && warming > 0 && !simple) {
            return; // no dynamic scale-in while instances warm up
        }
        if (groups.setDesiredCapacityBy(p.group, desired, bounded, cause) && simple) {
            int cooldown = policy.cooldown() != null ? policy.cooldown() : g.defaultCooldown();
            simpleCooldownUntil.put(p.group, now.plusSeconds(cooldown));
        }
    }

    private static List<ScalingRules.Step> steps(List<StepAdjustment> steps) {
        return steps.stream()
                .map(s -> new ScalingRules.Step(
                        s.metricIntervalLowerBound(), s.metricIntervalUpperBound(), s.scalingAdjustment()))
                .toList();
    }
}
