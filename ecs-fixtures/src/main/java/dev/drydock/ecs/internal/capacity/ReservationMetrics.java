package dev.drydock.ecs.internal.capacity;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.MetricSink;
import dev.drydock.core.spi.ScalingTime;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.ecs.internal.backend.EcsCapacityProviders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.SetInstanceProtectionRequest;
import software.amazon.awssdk.services.autoscaling.model.SetInstanceProtectionResponse;

/**
 * Publishes ECS's {@code CapacityProviderReservation} metric (namespace {@code AWS/ECS/ManagedScaling}, dimensions
 * {@code CapacityProviderName} and {@code ClusterName}, unit Percent) once a minute of the scaling clock for every Auto
 * Scaling group capacity provider with managed scaling ENABLED that is associated with a cluster, through core's
 * {@link MetricSink} (drydock-cloudwatch-fixtures; without it nothing is published), as {@link
 * CapacityProviderReservation} computes it: N from the group as EC2 Auto Scaling describes it (its Pending and
 * InService instances), M from ECS's model. ECS's target tracking policy on the group ({@link ManagedScalingPolicies})
 * tracks it. Each round also applies managed termination protection ({@link #protect}). The one daemon thread starts
 * with the first provider that needs it.
 */
public final class ReservationMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReservationMetrics.class);
    /** "Amazon ECS publishes the metric ... every minute" (cluster-auto-scaling.html: one-minute data points). */
    static final Duration PERIOD = Duration.ofMinutes(1);

    private final ServiceContext context;
    private final EcsCapacityProviders providers;
    private final AutoScalingCalls autoScaling;
    private final ScalingTime time;
    private ScheduledExecutorService timer;

    public ReservationMetrics(
            ServiceContext context, EcsCapacityProviders providers, AutoScalingCalls autoScaling, ScalingTime time) {
        this.context = context;
        this.providers = providers;
        this.autoScaling = autoScaling;
        this.time = time;
    }

    /** Starts publishing (once); called when a provider's managed scaling is set up. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drydock-ecs-managed-scaling");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(20, time.real(PERIOD).toMillis());
        timer.scheduleAtFixedRate(this::publish, 0, every, TimeUnit.MILLISECONDS);
    }

    /** One round: the metric of every managed provider now. */
    void publish() {
        try {
            Optional<MetricSink> sink = context.module(MetricSink.class);
            if (sink.isEmpty()) {
                return;
            }
            List<MetricSink.Datum> data = new ArrayList<>();
            for (EcsCapacityProviders.Provider p : providers.managedScaling()) {
                Optional<Double> value = value(p);
                value.ifPresent(v -> data.add(new MetricSink.Datum(
                        ManagedScalingPolicies.METRIC,
                        Map.of("CapacityProviderName", p.name(), "ClusterName", p.cluster()),
                        time.clock().instant(),
                        v,
                        "Percent")));
            }
            if (!data.isEmpty()) {
                sink.get().put(ManagedScalingPolicies.NAMESPACE, data);
            }
        } catch (RuntimeException e) {
            LOG.warn("Publishing ECS's CapacityProviderReservation failed", e);
        }
    }

    /**
     * The provider's metric now, or empty when its group is gone; with managed termination protection, the group's
     * instances are protected from scale in while they run tasks and unprotected when they run none
     * ({@link #protect}).
     */
    public Optional<Double> value(EcsCapacityProviders.Provider p) {
        Optional<AutoScalingGroup> group;
        try {
            group = autoScaling.describe(p.groupName());
        } catch (AwsException e) {
            return Optional.empty();
        }
        if (group.isEmpty()) {
            return Optional.empty();
        }
        int n = (int) group.get().instances().stream()
                .filter(i -> !i.lifecycleStateAsString().startsWith("Terminat"))
                .count();
        EcsCapacityProviders.Usage usage = providers.usage(p.name(), p.cluster());
        if (p.managedTerminationProtection()) {
            protect(p, group.get(), usage);
        }
        return Optional.of(CapacityProviderReservation.value(new CapacityProviderReservation.Inputs(
                n,
                usage.busyInstances(),
                usage.instanceSize(),
                usage.provisioning(),
                p.managedScaling().minimumScalingStepSize(),
                p.managedScaling().maximumScalingStepSize())));
    }

    /**
     * Managed termination protection, as "Control the instances Amazon ECS terminates"
     * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-termination-protection.html) describes it:
     * "Amazon ECS first turns on the instance scale-in protection option for the EC2 instances in the Auto Scaling
     * group. Then, Amazon ECS places the tasks on the instances. When all non-daemon tasks are stopped on an instance,
     * Amazon ECS initiates the scale-in process and turns off scale-in protection for the EC2 instance." ECS calls
     * SetInstanceProtection for the InService instances whose protection differs from what their tasks ask.
     */
    void protect(EcsCapacityProviders.Provider p, AutoScalingGroup group, EcsCapacityProviders.Usage usage) {
        List<String> protect = new ArrayList<>();
        List<String> release = new ArrayList<>();
        for (Instance i : group.instances()) {
            if (!"InService".equals(i.lifecycleStateAsString())) {
                continue;
            }
            boolean isProtected = Boolean.TRUE.equals(i.protectedFromScaleIn());
            if (usage.busyEc2Instances().contains(i.instanceId()) && !isProtected) {
                protect.add(i.instanceId());
            } else if (usage.idleEc2Instances().contains(i.instanceId()) && isProtected) {
                release.add(i.instanceId());
            }
        }
        setProtection(p, protect, true);
        setProtection(p, release, false);
    }

    private void setProtection(EcsCapacityProviders.Provider p, List<String> instances, boolean protect) {
        if (instances.isEmpty()) {
            return;
        }
        try {
            autoScaling.call(
                    SetInstanceProtectionRequest.builder()
                            .autoScalingGroupName(p.groupName())
                            .instanceIds(instances)
                            .protectedFromScaleIn(protect)
                            .build(),
                    SetInstanceProtectionResponse.class);
        } catch (AwsException e) {
            LOG.warn("ECS could not set scale-in protection of {} in {}: {}", instances, p.groupName(), e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
