package dev.drydock.autoscaling.internal.backend;

import static dev.drydock.autoscaling.internal.AutoScalingErrors.validation;

import dev.drydock.autoscaling.internal.AutoScalingErrors;
import dev.drydock.core.spi.LaunchTemplateSource;
import dev.drydock.core.spi.LaunchTemplateSource.LaunchSpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;
import software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy;

/**
 * The Auto Scaling groups of one account and region and their instances. A group keeps its launch template reference
 * as given (id or name, version: a number, {@code $Latest} or {@code $Default}), or a mixed instances policy
 * instead ({@link MixedInstances}: instances get its first override's instance type), min, max and desired capacity,
 * and its Availability Zones (given, or those of its subnets). When the desired capacity rises it launches instances
 * from the template version the reference resolves to at that moment, each in the zone with the fewest of the group's
 * instances (AWS's balance); when it falls it terminates, as AWS's default termination policy does, from the zone
 * with the most instances, those not protected from scale-in, oldest launch template version first, then oldest
 * launch. An instance is {@code Pending} for the pending time of the scaling clock, then {@code InService}; an
 * instance scale-in terminates is {@code Terminating}, then {@code Terminating:Wait} until the {@link InstanceListener}
 * (the ECS agent, draining it) completes, then terminated: it leaves the group. Every launch and termination is a
 * scaling activity ({@link Activities}). One lock (this object).
 */
public final class AutoScalingGroups {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final Duration pendingTime;
    private final Supplier<Optional<LaunchTemplateSource>> templates;
    private final InstanceListener listener;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Activities activities = new Activities();

    /** A group's settings as a request gives them; null members keep what the group has. */
    public record Settings(
            LaunchTemplateSpecification launchTemplate,
            MixedInstancesPolicy mixedInstancesPolicy,
            Integer minSize,
            Integer maxSize,
            Integer desiredCapacity,
            List<String> availabilityZones,
            String vpcZoneIdentifier,
            Integer defaultCooldown,
            String healthCheckType,
            Integer healthCheckGracePeriod,
            Boolean newInstancesProtectedFromScaleIn,
            Integer defaultInstanceWarmup) {}

    /**
     * What a scaling policy reads of a group.
     *
     * @param defaultInstanceWarmup seconds, or null when the group has none
     * @param defaultCooldown seconds
     * @param inService when each instance turned (or turns) InService, on the scaling clock
     */
    public record Capacity(
            int desired,
            int min,
            int max,
            int defaultCooldown,
            Integer defaultInstanceWarmup,
            List<Instant> inService) {}

    private static final class Group {
        final String name;
        final String arn;
        final Instant created;
        /** Exactly one of launchTemplate and mixed is set. */
        LaunchTemplateSpecification launchTemplate;

        MixedInstancesPolicy mixed;
        int min;
        int max;
        int desired;
        List<String> zones;
        String vpcZoneIdentifier;
        int defaultCooldown = 300;
        String healthCheckType = "EC2";
        int healthCheckGracePeriod = 0;
        boolean protectNew;
        Integer defaultInstanceWarmup;
        final List<Member> instances = new ArrayList<>();
        /** Instances being terminated: id to {@code Terminating} or {@code Terminating:Wait}. */
        final Map<String, String> terminating = new LinkedHashMap<>();

        Group(String name, String arn, Instant created) {
            this.name = name;
            this.arn = arn;
            this.created = created;
        }
    }

    private record Member(
            String id,
            String zone,
            String instanceType,
            String templateId,
            String templateName,
            long version,
            Instant launched,
            boolean protectedFromScaleIn) {
        Member protectedFromScaleIn(boolean value) {
            return new Member(id, zone, instanceType, templateId, templateName, version, launched, value);
        }
    }

    /**
     * @param clock the scaling clock
     * @param pendingTime how long a launched instance is Pending, in AWS time
     * @param templates the launch template source (drydock-ec2-fixtures), looked up on use
     * @param listener told of every launch and termination
     */
    public AutoScalingGroups(
            String region,
            String accountId,
            Clock clock,
            Duration pendingTime,
            Supplier<Optional<LaunchTemplateSource>> templates,
            InstanceListener listener) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.pendingTime = pendingTime;
        this.templates = templates;
        this.listener = listener;
    }

    /** A group's ARN, {@code *} standing for the id of a group not created yet. */
    public synchronized String arn(String name) {
        Group g = groups.get(name);
        return g != null
                ? g.arn
                : "arn:aws:autoscaling:" + region + ":" + accountId + ":autoScalingGroup:*:autoScalingGroupName/"
                        + name;
    }

    /**
     * Creates a group and launches its desired capacity (min when not given).
     *
     * @param zonesOfSubnets the Availability Zones of the subnets of {@code vpcZoneIdentifier}, in order
     * @throws dev.drydock.core.spi.AwsException {@code AlreadyExists}; {@code ValidationError} for sizes out of order,
     *     no zone, or a launch template that does not exist
     */
    public synchronized void create(String name, Settings s, List<String> zonesOfSubnets) {
        if (groups.containsKey(name)) {
            throw AutoScalingErrors.alreadyExists(name);
        }
        if ((s.launchTemplate() == null) == (s.mixedInstancesPolicy() == null)) {
            throw AutoScalingErrors.oneLaunchSource();
        }
        List<String> zones = zones(s.availabilityZones(), zonesOfSubnets);
        if (zones.isEmpty()) {
            throw validation("At least one Availability Zone or VPC Subnet is required.");
        }
        int min = s.minSize();
        int max = s.maxSize();
        int desired = s.desiredCapacity() == null ? min : s.desiredCapacity();
        checkSizes(min, max, desired);
        checkLaunchSource(s);
        Group g = new Group(
                name,
                "arn:aws:autoscaling:" + region + ":" + accountId + ":autoScalingGroup:" + UUID.randomUUID()
                        + ":autoScalingGroupName/" + name,
                clock.instant());
        g.launchTemplate = s.launchTemplate();
        g.mixed = s.mixedInstancesPolicy();
        g.min = min;
        g.max = max;
        g.zones = zones;
        g.vpcZoneIdentifier = s.vpcZoneIdentifier();
        apply(g, s);
        groups.put(name, g);
        scaleTo(g, desired, "a user request created an AutoScalingGroup");
    }

    /**
     * Changes a group: sizes (a new min above the desired capacity raises it, a new max below lowers it, as
     * UpdateAutoScalingGroup documents), launch template (for instances launched from now on), zones, settings.
     *
     * @throws dev.drydock.core.spi.AwsException {@code ValidationError} when the group does not exist or the result
     *     would be invalid; nothing changes then
     */
    public synchronized void update(String name, Settings s, List<String> zonesOfSubnets) {
        Group g = group(name);
        int min = s.minSize() == null ? g.min : s.minSize();
        int max = s.maxSize() == null ? g.max : s.maxSize();
        int desired = s.desiredCapacity() != null ? s.desiredCapacity() : Math.min(max, Math.max(min, g.desired));
        checkSizes(min, max, desired);
        List<String> zones = s.availabilityZones() == null && s.vpcZoneIdentifier() == null
                ? g.zones
                : zones(s.availabilityZones(), zonesOfSubnets);
        if (zones.isEmpty()) {
            throw validation("At least one Availability Zone or VPC Subnet is required.");
        }
        if (s.launchTemplate() != null && s.mixedInstancesPolicy() != null) {
            throw AutoScalingErrors.oneLaunchSource();
        }
        if (s.launchTemplate() != null || s.mixedInstancesPolicy() != null) {
            checkLaunchSource(s);
            g.launchTemplate = s.launchTemplate();
            g.mixed = s.mixedInstancesPolicy();
        }
        g.min = min;
        g.max = max;
        g.zones = zones;
        if (s.vpcZoneIdentifier() != null) {
            g.vpcZoneIdentifier = s.vpcZoneIdentifier();
        }
        apply(g, s);
        scaleTo(
                g,
                desired,
                "a user request update of AutoScalingGroup constraints to min: " + min + ", max: " + max + ", desired: "
                        + desired);
    }

    /**
     * SetDesiredCapacity.
     *
     * @throws dev.drydock.core.spi.AwsException {@code ValidationError} "New SetDesiredCapacity value N is above max
     *     value M for the AutoScalingGroup." (or below min), or for an unknown group
     */
    public synchronized void setDesiredCapacity(String name, int desired) {
        Group g = group(name);
        if (desired > g.max) {
            throw validation("New SetDesiredCapacity value " + desired + " is above max value " + g.max
                    + " for the AutoScalingGroup.");
        }
        if (desired < g.min) {
            throw validation("New SetDesiredCapacity value " + desired + " is below min value " + g.min
                    + " for the AutoScalingGroup.");
        }
        scaleTo(g, desired, "a user request explicitly set group desired capacity");
    }

    /**
     * What a scaling policy reads of a group.
     *
     * @throws dev.drydock.core.spi.AwsException {@code ValidationError} for an unknown group
     */
    public synchronized Capacity capacity(String name) {
        Group g = group(name);
        return new Capacity(
                g.desired,
                g.min,
                g.max,
                g.defaultCooldown,
                g.defaultInstanceWarmup,
                active(g).stream().map(m -> m.launched().plus(pendingTime)).toList());
    }

    /**
     * A scaling policy sets the desired capacity (within min and max, which the caller checked), when it is still
     * {@code expected}.
     *
     * @param cause why, as the scaling activity's cause says it after "At <time> "
     * @return whether it changed
     */
    public synchronized boolean setDesiredCapacityBy(String name, int expected, int desired, String cause) {
        Group g = groups.get(name);
        if (g == null || g.desired != expected || desired < g.min || desired > g.max) {
            return false;
        }
        scaleTo(g, desired, cause);
        return true;
    }

    /**
     * SetInstanceProtection: sets or clears the scale-in protection of instances of a group. Instances left above the
     * desired capacity because they were protected ("If all instances in an Auto Scaling group are protected from scale
     * in, and a scale-in event occurs, its desired capacity is decremented. However, the Auto Scaling group can't
     * terminate the required number of instances until their instance scale-in protection settings are disabled.",
     * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-instance-protection.html) are terminated
     * once their protection is cleared.
     *
     * @throws dev.drydock.core.spi.AwsException {@code ValidationError} for an unknown group, an instance not in it
     *     ("The instance i-... is not part of Auto Scaling group ..."), or one not InService ("The instance i-... is
     *     not in InService or EnteringStandby or Standby."); nothing changes then
     */
    public synchronized void setInstanceProtection(String name, List<String> instanceIds, boolean protect) {
        Group g = group(name);
        Instant now = clock.instant();
        for (String id : instanceIds) {
            Member m = g.instances.stream()
                    .filter(x -> x.id().equals(id))
                    .findFirst()
                    .orElseThrow(() ->
                            validation("The instance " + id + " is not part of Auto Scaling group " + name + "."));
            if (lifecycle(g, m, now) != LifecycleState.IN_SERVICE) {
                throw validation("The instance " + id + " is not in InService or EnteringStandby or Standby.");
            }
        }
        g.instances.replaceAll(m -> instanceIds.contains(m.id()) ? m.protectedFromScaleIn(protect) : m);
        if (!protect) {
            scaleTo(g, g.desired, null);
        }
    }

    /**
     * Deletes a group; with {@code force} its instances are terminated with it.
     *
     * @throws dev.drydock.core.spi.AwsException {@code ResourceInUse} when it still has instances and {@code force}
     *     is false; {@code ValidationError} for an unknown group
     */
    public synchronized void delete(String name, boolean force) {
        Group g = group(name);
        if (!g.instances.isEmpty() && !force) {
            throw AutoScalingErrors.resourceInUse("You cannot delete an AutoScalingGroup while there are instances or "
                    + "pending Spot instance request(s) still in the group.");
        }
        groups.remove(name);
        g.instances.forEach(m -> listener.terminated(m.id()));
        activities.groupDeleted(name);
    }

    /** The groups named (unknown names are left out, as AWS does), or all, in creation order. */
    public synchronized List<AutoScalingGroup> describe(Collection<String> names) {
        Instant now = clock.instant();
        return groups.values().stream()
                .filter(g -> names.isEmpty() || names.contains(g.name))
                .map(g -> describe(g, now))
                .toList();
    }

    /** The instances named (unknown ids are left out), or all, by group then launch. */
    public synchronized List<AutoScalingInstanceDetails> instances(Collection<String> ids) {
        Instant now = clock.instant();
        List<AutoScalingInstanceDetails> out = new ArrayList<>();
        for (Group g : groups.values()) {
            for (Member m : g.instances) {
                if (ids.isEmpty() || ids.contains(m.id())) {
                    out.add(AutoScalingInstanceDetails.builder()
                            .instanceId(m.id())
                            .instanceType(m.instanceType())
                            .autoScalingGroupName(g.name)
                            .availabilityZone(m.zone())
                            .lifecycleState(lifecycle(g, m, now).toString())
                            .healthStatus("HEALTHY")
                            .launchTemplate(launched(m))
                            .protectedFromScaleIn(m.protectedFromScaleIn())
                            .build());
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Group group(String name) {
        Group g = groups.get(name);
        if (g == null) {
            throw AutoScalingErrors.groupNotFound(name);
        }
        return g;
    }

    private static List<String> zones(List<String> given, List<String> ofSubnets) {
        List<String> zones = new ArrayList<>();
        for (String z : given == null ? List.<String>of() : given) {
            if (!zones.contains(z)) {
                zones.add(z);
            }
        }
        for (String z : ofSubnets) {
            if (!zones.contains(z)) {
                zones.add(z);
            }
        }
        return zones;
    }

    private static void checkSizes(int min, int max, int desired) {
        if (min > max) {
            throw validation("Max bound, " + max + ", must be greater than or equal to min bound, " + min);
        }
        if (desired < min || desired > max) {
            throw validation("Desired capacity:" + desired + " must be between the specified min size:" + min
                    + " and max size:" + max);
        }
    }

    private static void apply(Group g, Settings s) {
        if (s.defaultCooldown() != null) {
            g.defaultCooldown = s.defaultCooldown();
        }
        if (s.healthCheckType() != null) {
            g.healthCheckType = s.healthCheckType();
        }
        if (s.healthCheckGracePeriod() != null) {
            g.healthCheckGracePeriod = s.healthCheckGracePeriod();
        }
        if (s.newInstancesProtectedFromScaleIn() != null) {
            g.protectNew = s.newInstancesProtectedFromScaleIn();
        }
        if (s.defaultInstanceWarmup() != null) {
            // -1 turns the setting off (UpdateAutoScalingGroup)
            g.defaultInstanceWarmup = s.defaultInstanceWarmup() < 0 ? null : s.defaultInstanceWarmup();
        }
    }

    /** Checks the launch template or mixed instances policy of a request: each template it names must exist. */
    private void checkLaunchSource(Settings s) {
        if (s.mixedInstancesPolicy() != null) {
            MixedInstances.check(s.mixedInstancesPolicy(), this::resolve);
        } else {
            resolve(s.launchTemplate());
        }
    }

    /** What the group's next instance is launched with. */
    private LaunchSpec nextLaunch(Group g) {
        return g.mixed != null ? MixedInstances.next(g.mixed, this::resolve) : resolve(g.launchTemplate);
    }

    /** The launch template version a reference names now. */
    private LaunchSpec resolve(LaunchTemplateSpecification ref) {
        if (ref.launchTemplateId() == null && ref.launchTemplateName() == null) {
            throw validation("You must use a valid fully-formed launch template. A launch template ID or name is "
                    + "required.");
        }
        if (ref.launchTemplateId() != null && ref.launchTemplateName() != null) {
            // AWS's answer to a launch template named by both, as users quote it (aws/aws-cli#7281, a
            // MixedInstancesPolicy's LaunchTemplateSpecification with LaunchTemplateId and LaunchTemplateName)
            throw validation("Valid requests must contain either launchTemplateId or LaunchTemplateName");
        }
        LaunchTemplateSource source = templates
                .get()
                .orElseThrow(
                        () -> validation("Drydock has no EC2 launch templates: add dev.drydock:drydock-ec2-fixtures "
                                + "to the test classpath (test scope) to launch instances from a launch template."));
        return source.launchTemplate(ref.launchTemplateId(), ref.launchTemplateName(), ref.version())
                .orElseThrow(() -> validation("You must use a valid fully-formed launch template. The specified launch "
                        + "template, with template "
                        + (ref.launchTemplateId() != null
                                ? "ID " + ref.launchTemplateId()
                                : "name " + ref.launchTemplateName())
                        + (ref.version() == null ? "" : " and version " + ref.version())
                        + ", does not exist."));
    }

    /** The instances that count towards the capacity: those not being terminated. */
    private static List<Member> active(Group g) {
        return g.instances.stream()
                .filter(m -> !g.terminating.containsKey(m.id()))
                .toList();
    }

    /**
     * Sets the desired capacity and launches or terminates instances to reach it, recording each as a scaling
     * activity whose cause starts with {@code why} ("a user request explicitly set group desired capacity"), or
     * only with the difference between desired and actual capacity when {@code why} is null.
     */
    private void scaleTo(Group g, int desired, String why) {
        int from = g.desired;
        g.desired = desired;
        Instant now = clock.instant();
        int actual = active(g).size();
        String reason = why == null || from == desired
                ? ""
                : Activities.at(now) + why + " changing the desired capacity from " + from + " to " + desired + ".  ";
        if (actual < desired) {
            LaunchSpec spec = nextLaunch(g);
            String cause = reason + Activities.at(now) + "an instance was started in response to a difference "
                    + "between desired and actual capacity, increasing the capacity from " + actual + " to " + desired
                    + ".";
            while (active(g).size() < desired) {
                Member m = new Member(
                        newInstanceId(),
                        leastUsedZone(g),
                        spec.instanceType(),
                        spec.launchTemplateId(),
                        spec.launchTemplateName(),
                        spec.version(),
                        now,
                        g.protectNew);
                g.instances.add(m);
                activities.add(new Activities.Record(
                        g.name,
                        g.arn,
                        "Launching a new EC2 instance: " + m.id(),
                        cause,
                        now,
                        "{\"Availability Zone\":\"" + m.zone() + "\"}",
                        m.id(),
                        true));
                listener.launched(m.id(), m.zone(), spec);
            }
        }
        while (active(g).size() > desired) {
            Optional<Member> victim = victim(g);
            if (victim.isEmpty()) {
                break; // every instance left is protected from scale-in: the group stays above its desired capacity
            }
            terminate(
                    g,
                    victim.get(),
                    reason + Activities.at(now) + "an instance was taken out of service in response to a difference "
                            + "between desired and actual capacity, shrinking the capacity from " + actual + " to "
                            + desired + ".  " + Activities.at(now) + "instance "
                            + victim.get().id()
                            + " was selected for termination.");
        }
    }

    /**
     * Terminates an instance: {@code Terminating}, then {@code Terminating:Wait} while the listener (the ECS agent
     * draining it) has not completed, then terminated: it leaves the group.
     */
    private void terminate(Group g, Member m, String cause) {
        g.terminating.put(m.id(), LifecycleState.TERMINATING.toString());
        activities.add(new Activities.Record(
                g.name,
                g.arn,
                "Terminating EC2 instance: " + m.id(),
                cause,
                clock.instant(),
                "{\"Availability Zone\":\"" + m.zone() + "\"}",
                m.id(),
                false));
        CompletionStage<Void> done;
        try {
            done = listener.terminating(m.id());
        } catch (RuntimeException e) {
            done = CompletableFuture.completedFuture(null);
        }
        done.whenComplete((ignored, failure) -> terminated(g, m.id()));
        if (g.terminating.containsKey(m.id())) {
            g.terminating.put(m.id(), LifecycleState.TERMINATING_WAIT.toString());
        }
    }

    /** An instance's termination completed: it is Terminated and leaves its group. */
    private synchronized void terminated(Group g, String instanceId) {
        if (g.terminating.remove(instanceId) == null) {
            return;
        }
        g.instances.removeIf(m -> m.id().equals(instanceId));
        Activities.Record r = activities.terminationOf(instanceId);
        if (r != null) {
            r.end = clock.instant();
        }
    }

    /**
     * DescribeScalingActivities: the activities of a group (every group when null), newest first.
     *
     * @param ids activity ids to keep (all when empty)
     * @param includeDeleted whether activities of deleted groups are shown
     */
    public synchronized List<Activity> activities(String group, List<String> ids, boolean includeDeleted) {
        return activities.describe(group, ids, includeDeleted, clock.instant(), this::inServiceAt);
    }

    private Instant inServiceAt(String instanceId) {
        for (Group g : groups.values()) {
            for (Member m : g.instances) {
                if (m.id().equals(instanceId)) {
                    return m.launched().plus(pendingTime);
                }
            }
        }
        return null;
    }

    private String leastUsedZone(Group g) {
        return g.zones.stream()
                .min(Comparator.comparingLong(
                        z -> active(g).stream().filter(m -> m.zone().equals(z)).count()))
                .orElseThrow();
    }

    private static Optional<Member> victim(Group g) {
        List<Member> candidates =
                active(g).stream().filter(m -> !m.protectedFromScaleIn()).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> perZone = new LinkedHashMap<>();
        for (Member m : candidates) {
            perZone.merge(m.zone(), 1L, Long::sum);
        }
        long most = perZone.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return candidates.stream()
                .filter(m -> perZone.get(m.zone()) == most)
                .min(Comparator.comparingLong(Member::version).thenComparing(Member::launched));
    }

    private LifecycleState lifecycle(Group g, Member m, Instant now) {
        String terminating = g.terminating.get(m.id());
        if (terminating != null) {
            return LifecycleState.fromValue(terminating);
        }
        return now.isBefore(m.launched().plus(pendingTime)) ? LifecycleState.PENDING : LifecycleState.IN_SERVICE;
    }

    private static LaunchTemplateSpecification launched(Member m) {
        return LaunchTemplateSpecification.builder()
                .launchTemplateId(m.templateId())
                .launchTemplateName(m.templateName())
                .version(Long.toString(m.version()))
                .build();
    }

    private AutoScalingGroup describe(Group g, Instant now) {
        return AutoScalingGroup.builder()
                .autoScalingGroupName(g.name)
                .autoScalingGroupARN(g.arn)
                .launchTemplate(g.launchTemplate)
                .mixedInstancesPolicy(g.mixed == null ? null : MixedInstances.described(g.mixed))
                .minSize(g.min)
                .maxSize(g.max)
                .desiredCapacity(g.desired)
                .defaultCooldown(g.defaultCooldown)
                .availabilityZones(g.zones)
                .loadBalancerNames(List.of())
                .targetGroupARNs(List.of())
                .healthCheckType(g.healthCheckType)
                .healthCheckGracePeriod(g.healthCheckGracePeriod)
                .instances(g.instances.stream()
                        .map(m -> Instance.builder()
                                .instanceId(m.id())
                                .instanceType(m.instanceType())
                                .availabilityZone(m.zone())
                                .lifecycleState(lifecycle(g, m, now))
                                .healthStatus("Healthy")
                                .launchTemplate(launched(m))
                                .protectedFromScaleIn(m.protectedFromScaleIn())
                                .build())
                        .toList())
                .createdTime(g.created)
                .vpcZoneIdentifier(g.vpcZoneIdentifier)
                .terminationPolicies("Default")
                .newInstancesProtectedFromScaleIn(g.protectNew)
                .defaultInstanceWarmup(g.defaultInstanceWarmup)
                .serviceLinkedRoleARN("arn:aws:iam::" + accountId
                        + ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling")
                .build();
    }

    private static String newInstanceId() {
        byte[] b = new byte[9];
        RANDOM.nextBytes(b);
        return "i-" + HexFormat.of().formatHex(b).substring(0, 17);
    }
}
