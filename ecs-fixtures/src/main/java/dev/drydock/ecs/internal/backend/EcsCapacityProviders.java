package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterServiceConnectDefaults;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.UpdateClusterRequest;

/**
 * The capacity side of clusters in the ECS model: the Fargate capacity providers a cluster is associated with and its
 * default capacity provider strategy (PutClusterCapacityProviders), its settings and configuration (UpdateCluster,
 * UpdateClusterSettings), and Fargate Spot interruptions. It guards its work with {@link EcsBackend}'s one lock and
 * tells the backend's change listeners when tasks change (the service scheduler replaces interrupted tasks). How
 * strategies are checked and tasks distributed is {@link CapacityProviderStrategies}'s. Obtained from
 * {@link EcsBackend#capacityProviders()}.
 */
public final class EcsCapacityProviders {
    /** The values of the containerInsights cluster setting (API_ClusterSetting). */
    private static final Set<String> CONTAINER_INSIGHTS = Set.of("enhanced", "enabled", "disabled");

    private final Object lock;
    private final Clusters clusters;
    private final Tasks tasks;
    private final Services services;
    private final TaskTransitions transitions;
    private final Runnable changed;

    EcsCapacityProviders(
            Object lock,
            Clusters clusters,
            Tasks tasks,
            Services services,
            TaskTransitions transitions,
            Runnable changed) {
        this.lock = lock;
        this.clusters = clusters;
        this.tasks = tasks;
        this.services = services;
        this.transitions = transitions;
        this.changed = changed;
    }

    /**
     * PutClusterCapacityProviders: the cluster's capacity providers and default strategy become exactly those given
     * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutClusterCapacityProviders.html: providers and
     * strategy left out are disassociated; an empty list removes them all).
     *
     * @param providers capacity provider names (FARGATE, FARGATE_SPOT)
     * @param strategy the new default strategy, naming only providers of {@code providers}
     * @return the cluster as DescribeClusters describes it
     * @throws AwsException ClusterNotFoundException; InvalidParameterException for an unknown provider or a strategy
     *     {@link CapacityProviderStrategies#check} refuses; ResourceInUseException ("The specified capacity provider is
     *     in use and cannot be removed.", as users quote it: github.com/aws/containers-roadmap/issues/631) when a
     *     provider to be removed still has tasks that are not STOPPED or a service whose strategy names it. Nothing
     *     changes then.
     */
    public Cluster putClusterCapacityProviders(
            String clusterRef, List<String> providers, List<CapacityProviderStrategyItem> strategy) {
        synchronized (lock) {
            ClusterRecord c = clusters.active(clusterRef);
            CapacityProviderStrategies.checkProviders(providers);
            CapacityProviderStrategies.check("defaultCapacityProviderStrategy", strategy, providers);
            for (String removed : c.capacityProviders) {
                if (!providers.contains(removed) && inUse(c, removed)) {
                    throw AwsException.client(
                            "ResourceInUseException",
                            "The specified capacity provider is in use and cannot be removed.");
                }
            }
            c.capacityProviders = new ArrayList<>(providers);
            c.defaultCapacityProviderStrategy = new ArrayList<>(strategy);
            return clusters.model(c);
        }
    }

    /**
     * UpdateCluster: the settings, configuration and Service Connect defaults given replace the cluster's (a setting
     * by name); members left out keep their values
     * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateCluster.html).
     *
     * @throws AwsException ClusterNotFoundException; InvalidParameterException for a containerInsights value other
     *     than enhanced, enabled or disabled
     */
    public Cluster updateCluster(UpdateClusterRequest request) {
        synchronized (lock) {
            ClusterRecord c = clusters.active(request.cluster());
            checkSettings(request.settings());
            merge(c, request.settings());
            if (request.configuration() != null) {
                c.configuration = request.configuration();
            }
            if (request.serviceConnectDefaults() != null) {
                c.serviceConnectDefaults = ClusterServiceConnectDefaults.builder()
                        .namespace(request.serviceConnectDefaults().namespace())
                        .build();
            }
            return clusters.model(c);
        }
    }

    /**
     * UpdateClusterSettings: the settings given replace the cluster's of the same name
     * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateClusterSettings.html).
     *
     * @throws AwsException ClusterNotFoundException; InvalidParameterException for a containerInsights value other
     *     than enhanced, enabled or disabled
     */
    public Cluster updateClusterSettings(String clusterRef, List<ClusterSetting> settings) {
        synchronized (lock) {
            ClusterRecord c = clusters.active(clusterRef);
            checkSettings(settings);
            merge(c, settings);
            return clusters.model(c);
        }
    }

    /**
     * Fargate Spot takes capacity back: up to {@code count} of the cluster's FARGATE_SPOT tasks that are not told to
     * stop yet (oldest first; of one service when {@code serviceName} is given) get ECS's two-minute warning, see
     * {@link TaskTransitions#interruptSpot}. A service replaces them as its strategy says.
     *
     * @param count how many tasks to interrupt at most; 0 or less: all of them
     * @return the interrupted tasks as DescribeTasks describes them right after the warning
     * @throws AwsException ClusterNotFoundException for a cluster that is not ACTIVE
     */
    public List<Task> interruptSpotTasks(String clusterRef, String serviceName, int count) {
        List<Task> result = new ArrayList<>();
        synchronized (lock) {
            ClusterRecord c = clusters.active(clusterRef);
            List<TaskRecord> candidates = new ArrayList<>();
            for (TaskRecord t : tasks.all()) {
                if (t.clusterName.equals(c.name)
                        && CapacityProviderStrategies.FARGATE_SPOT.equals(t.capacityProviderName)
                        && t.desiredStatus == DesiredStatus.RUNNING
                        && (serviceName == null || serviceName.equals(t.serviceName))) {
                    candidates.add(t);
                }
            }
            candidates.sort((a, b) -> a.createdAt.compareTo(b.createdAt));
            for (TaskRecord t : candidates) {
                if (count > 0 && result.size() == count) {
                    break;
                }
                if (transitions.interruptSpot(t)) {
                    result.add(t.toModel(true));
                }
            }
        }
        if (!result.isEmpty()) {
            changed.run();
        }
        return result;
    }

    private boolean inUse(ClusterRecord c, String provider) {
        for (TaskRecord t : tasks.all()) {
            if (t.clusterName.equals(c.name)
                    && provider.equals(t.capacityProviderName)
                    && t.lastStatus != TaskStatus.STOPPED) {
                return true;
            }
        }
        for (ServiceRecord s : services.all()) {
            if (s.clusterName.equals(c.name)
                    && s.status != ServiceRecord.Status.INACTIVE
                    && s.capacityProviderStrategy.stream().anyMatch(i -> provider.equals(i.capacityProvider()))) {
                return true;
            }
        }
        return false;
    }

    private static void checkSettings(List<ClusterSetting> settings) {
        for (ClusterSetting s : settings) {
            if (!CONTAINER_INSIGHTS.contains(s.value())) {
                throw EcsErrors.invalidParameter("The value '" + s.value() + "' of the cluster setting "
                        + s.nameAsString() + " is not valid. Valid values: enhanced, enabled, disabled.");
            }
        }
    }

    private static void merge(ClusterRecord c, List<ClusterSetting> settings) {
        for (ClusterSetting s : settings) {
            c.settings.removeIf(x -> x.nameAsString().equals(s.nameAsString()));
            c.settings.add(s);
        }
    }
}
