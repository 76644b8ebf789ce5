package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsArns;
import dev.drydock.ecs.internal.EcsErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterServiceConnectDefaults;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.Failure;

/**
 * The model's clusters: creation (idempotent on the name), lookup by name or ARN, the ACTIVE to INACTIVE lifecycle and
 * the cluster as DescribeClusters answers it. What a cluster holds (tasks, services, container instances) it
 * asks through {@link Usage}. Guarded by the backend's lock: callers hold it.
 */
final class Clusters {
    private static final Pattern CLUSTER_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");

    /** What the rest of the model holds in a cluster, for its counts and for DeleteCluster. */
    interface Usage {
        /** The cluster's RUNNING tasks and those not running yet (PROVISIONING, PENDING, ACTIVATING). */
        TaskCounts tasks(String cluster);

        /** The cluster's ACTIVE services. */
        int activeServices(String cluster);

        /** Whether the cluster has a service that is not INACTIVE (ACTIVE or DRAINING). */
        boolean hasServices(String cluster);

        /** Whether the cluster has a task that is not STOPPED. */
        boolean hasActiveTasks(String cluster);

        /** The cluster's registered (ACTIVE or DRAINING) container instances. */
        int containerInstances(String cluster);
    }

    /**
     * Task counts of a cluster.
     *
     * @param running tasks whose lastStatus is RUNNING
     * @param pending tasks not running yet
     */
    record TaskCounts(int running, int pending) {}

    private final EcsArns arns;
    private final Usage usage;
    private final Map<String, ClusterRecord> clusters = new LinkedHashMap<>();
    private final AutoScalingProviders providers;

    Clusters(EcsArns arns, Usage usage) {
        this.arns = arns;
        this.usage = usage;
        this.providers = new AutoScalingProviders(arns);
    }

    /** The account's Auto Scaling group capacity providers. */
    AutoScalingProviders providers() {
        return providers;
    }

    /**
     * Checks the capacity providers a cluster is to be associated with (CreateCluster, PutClusterCapacityProviders):
     * FARGATE, FARGATE_SPOT or the account's Auto Scaling group providers, each once, an Auto Scaling group provider
     * with no other cluster.
     *
     * @throws AwsException InvalidParameterException ({@link CapacityProviderStrategies#checkProviders})
     */
    void checkProviders(String cluster, List<String> names) {
        CapacityProviderStrategies.checkProviders(names, name -> providers.lookup(name) != null);
        for (String name : names) {
            for (ClusterRecord other : clusters.values()) {
                if (other.active()
                        && !other.name.equals(cluster)
                        && other.capacityProviders.contains(name)
                        && !CapacityProviderStrategies.FARGATE_PROVIDERS.contains(name)) {
                    // Drydock's words: an Auto Scaling group capacity provider serves one cluster
                    throw EcsErrors.invalidParameter("The capacity provider " + name + " is already associated with "
                            + "the cluster " + other.name + ". An Auto Scaling group capacity provider can be "
                            + "associated with one cluster only; create another capacity provider for this cluster.");
                }
            }
        }
    }

    /**
     * Checks a CreateCluster name ({@code default} when absent) without the lock.
     *
     * @throws AwsException InvalidParameterException for a name ECS refuses
     */
    static String checkedName(CreateClusterRequest request) {
        String name = request.clusterName() == null ? "default" : request.clusterName();
        if (!CLUSTER_NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter("Cluster name '" + name + "' is invalid. Up to 255 letters (uppercase and "
                    + "lowercase), numbers, underscores, and hyphens are allowed.");
        }
        return name;
    }

    /**
     * CreateCluster: the ACTIVE cluster of that name, else a new one.
     *
     * @throws AwsException InvalidParameterException for capacity providers or a default strategy ECS refuses
     *     ({@link CapacityProviderStrategies})
     */
    Cluster create(String name, CreateClusterRequest request) {
        ClusterRecord existing = clusters.get(name);
        if (existing != null && existing.active()) {
            return model(existing, true, true);
        }
        checkProviders(name, request.capacityProviders());
        CapacityProviderStrategies.check(
                "defaultCapacityProviderStrategy",
                request.defaultCapacityProviderStrategy(),
                request.capacityProviders());
        ClusterRecord c = new ClusterRecord(name, arns.cluster(name));
        c.tags = new ArrayList<>(request.tags());
        c.settings = request.hasSettings()
                ? new ArrayList<>(request.settings())
                : new ArrayList<>(List.of(ClusterSetting.builder()
                        .name("containerInsights")
                        .value("disabled")
                        .build()));
        c.capacityProviders = new ArrayList<>(request.capacityProviders());
        c.defaultCapacityProviderStrategy = new ArrayList<>(request.defaultCapacityProviderStrategy());
        c.configuration = request.configuration();
        if (request.serviceConnectDefaults() != null) {
            c.serviceConnectDefaults = ClusterServiceConnectDefaults.builder()
                    .namespace(request.serviceConnectDefaults().namespace())
                    .build();
        }
        clusters.put(name, c);
        return model(c, true, true);
    }

    /** DescribeClusters: unknown names come back as failures with reason MISSING. */
    EcsBackend.Described<Cluster> describe(List<String> refs, boolean includeTags, boolean includeSettings) {
        List<String> wanted = refs.isEmpty() ? List.of("default") : refs;
        List<Cluster> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : wanted) {
            ClusterRecord c = lookup(ref);
            if (c == null) {
                failures.add(EcsBackend.missing(ref.startsWith("arn:") ? ref : arns.cluster(ref)));
            } else {
                found.add(model(c, includeTags, includeSettings));
            }
        }
        return new EcsBackend.Described<>(found, failures);
    }

    /** ListClusters: ARNs of the ACTIVE clusters, in creation order. */
    List<String> activeArns() {
        List<String> result = new ArrayList<>();
        for (ClusterRecord c : clusters.values()) {
            if (c.active()) {
                result.add(c.arn);
            }
        }
        return result;
    }

    /** DeleteCluster: only a cluster without active services and tasks; it becomes INACTIVE. */
    Cluster delete(String ref) {
        ClusterRecord c = lookup(ref);
        if (c == null) {
            throw EcsErrors.clusterNotFound();
        }
        if (!c.active()) {
            return model(c, true, true);
        }
        if (usage.hasServices(c.name)) {
            throw AwsException.client(
                    "ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active.");
        }
        if (usage.hasActiveTasks(c.name)) {
            throw AwsException.client(
                    "ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.");
        }
        if (usage.containerInstances(c.name) > 0) {
            throw AwsException.client(
                    "ClusterContainsContainerInstancesException",
                    "The Cluster cannot be deleted while Container Instances are active or draining.");
        }
        c.status = ClusterRecord.Status.INACTIVE;
        return model(c, true, true);
    }

    /** The cluster a name or ARN refers to ({@code default} when empty), ACTIVE or not, or {@code null}. */
    ClusterRecord lookup(String ref) {
        String name = name(ref);
        return name == null ? null : clusters.get(name);
    }

    /** The cluster of that name, or {@code null}. */
    ClusterRecord named(String name) {
        return clusters.get(name);
    }

    /**
     * The ACTIVE cluster a name or ARN refers to ({@code default} when empty).
     *
     * @throws AwsException ClusterNotFoundException when there is none
     */
    ClusterRecord active(String ref) {
        ClusterRecord c = lookup(ref);
        if (c == null || !c.active()) {
            throw EcsErrors.clusterNotFound();
        }
        return c;
    }

    private String name(String ref) {
        if (ref == null || ref.isEmpty()) {
            return "default";
        }
        if (ref.startsWith("arn:")) {
            return arns.resource(ref, "cluster").orElse(null);
        }
        return ref;
    }

    /** The cluster as DescribeClusters answers it with {@code include} TAGS and SETTINGS. */
    Cluster model(ClusterRecord c) {
        return model(c, true, true);
    }

    private Cluster model(ClusterRecord c, boolean includeTags, boolean includeSettings) {
        TaskCounts tasks = usage.tasks(c.name);
        return c.toModel(
                usage.containerInstances(c.name),
                tasks.running(),
                tasks.pending(),
                usage.activeServices(c.name),
                includeTags,
                includeSettings);
    }
}
