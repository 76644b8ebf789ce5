package dev.drydock.autoscaling.internal.agent;

import dev.drydock.autoscaling.internal.backend.InstanceListener;
import dev.drydock.core.DrydockException;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.EcsAgent;
import dev.drydock.core.spi.LaunchTemplateSource.LaunchSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ECS container agent of the instances Auto Scaling launches: an instance whose user data names a cluster
 * ({@code ECS_CLUSTER=orders}, as the ECS-optimized AMI's user data writes to {@code /etc/ecs/ecs.config}) registers as
 * a container instance of that cluster through core's {@link EcsAgent} port (drydock-ecs-fixtures) once it has booted
 * (after its pending time, when it turns InService); when scale-in terminates it, ECS is told through
 * {@link EcsAgent#instanceTerminating} and the instance waits ({@code Terminating:Wait}) until ECS lets it go (at once
 * without managed draining: deregistered with force); a group deleted with ForceDelete deregisters it at once. An instance whose user
 * data names no cluster registers nowhere: Drydock cannot tell whether its AMI runs the agent (on AWS the ECS-optimized
 * AMI would join the cluster {@code default}). The launch template's instance profile becomes the container
 * instance's ({@link #instanceProfileRole}: the role named as the profile), whose credentials its instance metadata
 * service serves. A registration ECS refuses (the cluster does not exist, the profile's role does not exist or does
 * not trust EC2) is logged, as the agent would log its retries. The one daemon thread starts with the first instance that names a cluster.
 */
public final class AgentRegistrations implements InstanceListener {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRegistrations.class);
    private static final Pattern ECS_CLUSTER = Pattern.compile("ECS_CLUSTER=[\"']?([A-Za-z0-9_-]{1,255})");

    private final Supplier<Optional<EcsAgent>> agent;
    private final Duration bootTime;
    private final Map<String, ScheduledFuture<?>> booting = new ConcurrentHashMap<>();
    private final Map<String, String[]> registered = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    /**
     * @param agent the ECS module, looked up on use
     * @param bootTime how long after launch the agent registers, on the wall clock (the pending time, scaled)
     */
    public AgentRegistrations(Supplier<Optional<EcsAgent>> agent, Duration bootTime) {
        this.agent = agent;
        this.bootTime = bootTime;
    }

    /** The cluster user data names with {@code ECS_CLUSTER=}, if any. */
    public static Optional<String> cluster(String userData) {
        if (userData == null) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getMimeDecoder().decode(userData), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            text = userData;
        }
        Matcher m = ECS_CLUSTER.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The role of an instance profile a launch template names, by its name or ARN
     * ({@code arn:aws:iam::123456789012:instance-profile/ecsInstanceRole}, a path before the name allowed): Drydock's
     * IAM does not model instance profiles, so a profile stands for the role of its name, as the IAM console names
     * the profile it creates with a role; null for null.
     */
    public static String instanceProfileRole(String profile) {
        if (profile == null || profile.isBlank()) {
            return null;
        }
        int at = profile.indexOf(":instance-profile/");
        String name = at < 0 ? profile : profile.substring(at + ":instance-profile/".length());
        return name.substring(name.lastIndexOf('/') + 1);
    }

    @Override
    public void launched(String instanceId, String availabilityZone, LaunchSpec spec) {
        Optional<String> cluster = cluster(spec.userData());
        if (cluster.isEmpty()) {
            return;
        }
        booting.put(
                instanceId,
                executor()
                        .schedule(
                                () -> register(instanceId, cluster.get(), availabilityZone, spec),
                                bootTime.toMillis(),
                                TimeUnit.MILLISECONDS));
    }

    @Override
    public CompletionStage<Void> terminating(String instanceId) {
        ScheduledFuture<?> boot = booting.remove(instanceId);
        if (boot != null) {
            boot.cancel(false);
        }
        String[] clusterAndArn = registered.remove(instanceId);
        if (clusterAndArn == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        executor().execute(() -> {
            try {
                agent.get()
                        .map(ecs -> ecs.instanceTerminating(clusterAndArn[0], clusterAndArn[1]))
                        .orElse(CompletableFuture.completedFuture(null))
                        .whenComplete((ignored, failure) -> {
                            if (failure != null) {
                                LOG.warn(
                                        "Container instance {} of terminating instance {}: {}",
                                        clusterAndArn[1],
                                        instanceId,
                                        failure.getMessage());
                            }
                            done.complete(null);
                        });
            } catch (RuntimeException e) {
                LOG.warn("Container instance {} of terminating instance {}: {}", clusterAndArn[1], instanceId, e);
                done.complete(null);
            }
        });
        return done;
    }

    @Override
    public void terminated(String instanceId) {
        ScheduledFuture<?> boot = booting.remove(instanceId);
        if (boot != null) {
            boot.cancel(false);
        }
        String[] clusterAndArn = registered.remove(instanceId);
        if (clusterAndArn != null) {
            executor().execute(() -> deregister(instanceId, clusterAndArn[0], clusterAndArn[1]));
        }
    }

    private void register(String instanceId, String cluster, String zone, LaunchSpec spec) {
        if (booting.remove(instanceId) == null) {
            return; // terminated while booting
        }
        Optional<EcsAgent> ecs = agent.get();
        if (ecs.isEmpty()) {
            LOG.warn(
                    "Instance {} names ECS cluster {} in its user data, but drydock-ecs-fixtures is not on the "
                            + "classpath: it registers nowhere.",
                    instanceId,
                    cluster);
            return;
        }
        try {
            String arn = ecs.get()
                    .registerContainerInstance(
                            cluster,
                            instanceId,
                            spec.instanceType(),
                            zone,
                            spec.imageId(),
                            instanceProfileRole(spec.iamInstanceProfile()));
            registered.put(instanceId, new String[] {cluster, arn});
        } catch (AwsException | DrydockException e) {
            LOG.warn(
                    "The ECS agent of instance {} cannot register with cluster {}: {}",
                    instanceId,
                    cluster,
                    e.getMessage());
        }
    }

    private void deregister(String instanceId, String cluster, String arn) {
        try {
            agent.get().ifPresent(ecs -> ecs.deregisterContainerInstance(cluster, arn));
        } catch (AwsException e) {
            LOG.warn(
                    "Container instance {} of terminated instance {} was not deregistered: {}",
                    arn,
                    instanceId,
                    e.getMessage());
        }
    }

    private synchronized ScheduledExecutorService executor() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "drydock-autoscaling-agents");
                t.setDaemon(true);
                return t;
            });
        }
        return executor;
    }

    /** Stops the thread; registrations not made yet are dropped. */
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
