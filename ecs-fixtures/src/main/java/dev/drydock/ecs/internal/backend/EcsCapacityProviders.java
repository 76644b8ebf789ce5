package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Page;
import dev.drydock.ecs.internal.EcsErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProvider;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProviderUpdate;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStatus;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.CapacityProviderUpdateStatus;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterServiceConnectDefaults;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ManagedScaling;
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
    private final ContainerInstances containerInstances;
    private final Tasks tasks;
    private final Services services;
    private final TaskTransitions transitions;
    private final Runnable changed;

    EcsCapacityProviders(
            Object lock,
            Clusters clusters,
            ContainerInstances containerInstances,
            Tasks tasks,
            Services services,
            TaskTransitions transitions,
            Runnable changed) {
        this.lock = lock;
        this.clusters = clusters;
        this.containerInstances = containerInstances;
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
            clusters.checkProviders(c.name, providers);
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

    /**
     * What ECS's CapacityProviderReservation metric of a provider in a cluster is computed from, on ECS's side.
     *
     * @param containerInstances the provider's registered (ACTIVE or DRAINING) container instances
     * @param busyInstances those running a task that is not STOPPED
     * @param instanceSize CPU units and MiB registered by one of them, or null when none is registered
     * @param provisioning CPU units and MiB of each of the provider's tasks waiting in PROVISIONING
     * @param busyEc2Instances the EC2 instance ids of the busy container instances
     * @param idleEc2Instances the EC2 instance ids of the others
     */
    public record Usage(
            int containerInstances,
            int busyInstances,
            int[] instanceSize,
            List<int[]> provisioning,
            List<String> busyEc2Instances,
            List<String> idleEc2Instances) {}

    /** The usage of {@code provider}'s capacity in {@code cluster}, for managed scaling. */
    public Usage usage(String provider, String cluster) {
        synchronized (lock) {
            int count = 0;
            int busy = 0;
            int[] size = null;
            List<String> busyIds = new ArrayList<>();
            List<String> idleIds = new ArrayList<>();
            for (ContainerInstanceRecord ci : containerInstances.registered(cluster)) {
                if (!provider.equals(ci.capacityProviderName)) {
                    continue;
                }
                count++;
                size = size != null ? size : new int[] {ci.cpu, ci.memory};
                // (DAEMON services, whose tasks managed termination protection ignores, are not modelled)
                if (ci.tasks.stream().anyMatch(t -> t.lastStatus != TaskStatus.STOPPED)) {
                    busy++;
                    busyIds.add(ci.ec2InstanceId);
                } else {
                    idleIds.add(ci.ec2InstanceId);
                }
            }
            List<int[]> provisioning = new ArrayList<>();
            for (TaskRecord t : tasks.all()) {
                if (t.awaitingCapacity
                        && t.desiredStatus == DesiredStatus.RUNNING
                        && provider.equals(t.capacityProviderName)
                        && cluster.equals(t.clusterName)) {
                    PlacementEngine.Demand d = PlacementEngine.demand(t.taskDefinition, t.overrides, t.group);
                    provisioning.add(new int[] {d.cpu(), d.memory()});
                }
            }
            return new Usage(count, busy, size, provisioning, busyIds, idleIds);
        }
    }

    /**
     * The Auto Scaling group capacity providers with managed scaling ENABLED that are associated with an ACTIVE
     * cluster: those whose CapacityProviderReservation ECS publishes.
     */
    public List<Provider> managedScaling() {
        synchronized (lock) {
            List<Provider> result = new ArrayList<>();
            for (AutoScalingProviders.Provider p : clusters.providers().all()) {
                Provider view = provider(p.name);
                if (view.cluster() != null && p.managedScalingEnabled()) {
                    result.add(view);
                }
            }
            return result;
        }
    }

    /** Whether the account has an Auto Scaling group capacity provider. */
    public boolean hasAutoScalingProviders() {
        synchronized (lock) {
            return !clusters.providers().all().isEmpty();
        }
    }

    /** The capacity provider whose Auto Scaling group has this name, if any. */
    public Optional<String> providerOfGroup(String groupName) {
        synchronized (lock) {
            return clusters.providers().all().stream()
                    .filter(p -> p.groupName.equals(groupName))
                    .map(p -> p.name)
                    .findFirst();
        }
    }

    /**
     * An Auto Scaling group as ECS reads it from EC2 Auto Scaling (DescribeAutoScalingGroups).
     *
     * @param arn the group's ARN
     * @param name the group's name
     * @param newInstancesProtectedFromScaleIn whether instances it launches are protected from scale in
     */
    public record Group(String arn, String name, boolean newInstancesProtectedFromScaleIn) {}

    /**
     * The checks of CreateCapacityProvider that need no Auto Scaling group, made before ECS asks EC2 Auto Scaling
     * about it: the name and that it is free, and the managed scaling settings.
     *
     * @throws AwsException ClientException as {@link #createCapacityProvider} words it
     */
    public void checkCreate(CreateCapacityProviderRequest request) {
        synchronized (lock) {
            AsgProviderRules.checkName(request.name());
            if (clusters.providers().lookup(request.name()) != null) {
                throw AsgProviderRules.alreadyExists();
            }
            AsgProviderRules.settings(request.autoScalingGroupProvider().managedScaling());
        }
    }

    /**
     * CreateCapacityProvider for an Auto Scaling group
     * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html): managed scaling
     * with AWS's defaults for what is left out ({@link AsgProviderRules#settings}), termination protection DISABLED
     * and managed draining ENABLED unless given.
     *
     * @param group the group {@code autoScalingGroupArn} names, as EC2 Auto Scaling describes it
     * @return the provider, as DescribeCapacityProviders describes it (with its tags)
     * @throws AwsException ClientException for a name ECS refuses or one already used, a group another capacity
     *     provider uses, managed termination protection without managed scaling or on a group whose new instances are
     *     not protected from scale in ({@link AsgProviderRules}); nothing is stored then
     */
    public CapacityProvider createCapacityProvider(CreateCapacityProviderRequest request, Group group) {
        synchronized (lock) {
            AutoScalingProviders providers = clusters.providers();
            AsgProviderRules.checkName(request.name());
            if (providers.lookup(request.name()) != null) {
                throw AsgProviderRules.alreadyExists();
            }
            if (providers.ofGroup(group.arn()) != null) {
                throw AsgProviderRules.groupInUse();
            }
            AutoScalingGroupProvider given = request.autoScalingGroupProvider();
            AutoScalingProviders.Provider p = new AutoScalingProviders.Provider(
                    request.name(), providers.arnOf(request.name()), group.arn(), group.name());
            p.managedScaling = AsgProviderRules.settings(given.managedScaling());
            p.managedTerminationProtection =
                    AsgProviderRules.or(given.managedTerminationProtectionAsString(), "DISABLED");
            p.managedDraining = AsgProviderRules.or(given.managedDrainingAsString(), "ENABLED");
            AsgProviderRules.checkProtection(p, group);
            p.tags = new ArrayList<>(request.tags());
            providers.add(p);
            return providers.model(p, true);
        }
    }

    /**
     * UpdateCapacityProvider (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateCapacityProvider.html):
     * the managed scaling members given replace the provider's, as do termination protection and draining when given.
     *
     * @param group the provider's Auto Scaling group as EC2 Auto Scaling describes it now
     * @throws AwsException ClientException for an unknown provider, AWS's own FARGATE/FARGATE_SPOT, or settings
     *     {@link #createCapacityProvider} refuses; nothing changes then
     */
    public CapacityProvider updateCapacityProvider(
            String name, AutoScalingGroupProviderUpdate update, Function<String, Group> group) {
        Group g = group.apply(provider(name).groupArn());
        synchronized (lock) {
            AutoScalingProviders.Provider p = stored(name);
            ManagedScaling scaling = AsgProviderRules.merge(p.managedScaling, update.managedScaling());
            AutoScalingProviders.Provider changed =
                    new AutoScalingProviders.Provider(p.name, p.arn, p.groupArn, p.groupName);
            changed.managedScaling = scaling;
            changed.managedTerminationProtection =
                    AsgProviderRules.or(update.managedTerminationProtectionAsString(), p.managedTerminationProtection);
            changed.managedDraining = AsgProviderRules.or(update.managedDrainingAsString(), p.managedDraining);
            AsgProviderRules.checkProtection(changed, g);
            p.managedScaling = changed.managedScaling;
            p.managedTerminationProtection = changed.managedTerminationProtection;
            p.managedDraining = changed.managedDraining;
            p.updateStatus = CapacityProviderUpdateStatus.UPDATE_COMPLETE;
            p.updateStatusReason = null;
            return clusters.providers().model(p, true);
        }
    }

    /**
     * The Auto Scaling group capacity provider a name or ARN refers to.
     *
     * @throws AwsException ClientException for FARGATE or FARGATE_SPOT (AWS's, which cannot change) or a name no
     *     provider has
     */
    public Provider provider(String ref) {
        synchronized (lock) {
            AutoScalingProviders.Provider p = stored(ref);
            String cluster = null;
            for (String arn : clusters.activeArns()) {
                ClusterRecord c = clusters.lookup(arn);
                if (c.capacityProviders.contains(p.name)) {
                    cluster = c.name;
                }
            }
            return new Provider(
                    p.name,
                    p.arn,
                    p.groupArn,
                    p.groupName,
                    p.managedScaling,
                    p.managedTerminationProtectionEnabled(),
                    p.managedDrainingEnabled(),
                    cluster,
                    p.scalingPolicyName);
        }
    }

    /**
     * Records ECS's target tracking policy on a provider's group: its name ({@code null}: none), and whether setting it
     * up failed ({@code failure}: the provider's {@code updateStatusReason}, with updateStatus UPDATE_FAILED).
     */
    public void scalingPolicy(String provider, String policyName, String failure) {
        synchronized (lock) {
            AutoScalingProviders.Provider p = clusters.providers().lookup(provider);
            if (p == null) {
                return;
            }
            p.scalingPolicyName = policyName;
            p.updateStatusReason = failure;
            if (failure != null) {
                p.updateStatus = CapacityProviderUpdateStatus.UPDATE_FAILED;
            }
        }
    }

    /**
     * An Auto Scaling group capacity provider's settings.
     *
     * @param managedScaling with every member set (AWS's defaults for those left out)
     * @param cluster the ACTIVE cluster associated with it, or null
     * @param scalingPolicyName ECS's target tracking policy on the group, or null
     */
    public record Provider(
            String name,
            String arn,
            String groupArn,
            String groupName,
            ManagedScaling managedScaling,
            boolean managedTerminationProtection,
            boolean managedDraining,
            String cluster,
            String scalingPolicyName) {}

    private AutoScalingProviders.Provider stored(String ref) {
        String name = ref.startsWith("arn:") ? ref.substring(ref.lastIndexOf('/') + 1) : ref;
        if (CapacityProviderStrategies.FARGATE_PROVIDERS.contains(name)) {
            throw AsgProviderRules.fargateIsAws(name);
        }
        AutoScalingProviders.Provider p = clusters.providers().lookup(ref);
        if (p == null) {
            throw AsgProviderRules.notFound();
        }
        return p;
    }

    /**
     * DescribeCapacityProviders (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeCapacityProviders.html):
     * the providers named (by name or ARN; unknown ones are failures with reason MISSING), or all of them (FARGATE,
     * FARGATE_SPOT, then the account's in creation order) a page at a time (1-10, default 10).
     *
     * @throws AwsException InvalidParameterException for a page size or token ECS refuses
     */
    public DescribeCapacityProvidersResponse describeCapacityProviders(
            List<String> refs, boolean includeTags, Integer maxResults, String nextToken) {
        synchronized (lock) {
            AutoScalingProviders providers = clusters.providers();
            List<CapacityProvider> found = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            if (refs.isEmpty()) {
                List<CapacityProvider> all = new ArrayList<>();
                all.add(providers.fargate(CapacityProviderStrategies.FARGATE));
                all.add(providers.fargate(CapacityProviderStrategies.FARGATE_SPOT));
                for (AutoScalingProviders.Provider p : providers.all()) {
                    all.add(providers.model(p, includeTags));
                }
                Page<CapacityProvider> page = EcsErrors.CAPACITY_PROVIDERS_PAGINATOR.page(all, maxResults, nextToken);
                return DescribeCapacityProvidersResponse.builder()
                        .capacityProviders(page.items())
                        .nextToken(page.nextToken())
                        .build();
            }
            for (String ref : refs) {
                String name = ref.startsWith("arn:") ? ref.substring(ref.lastIndexOf('/') + 1) : ref;
                AutoScalingProviders.Provider p = providers.lookup(ref);
                if (p != null) {
                    found.add(providers.model(p, includeTags));
                } else if (CapacityProviderStrategies.FARGATE_PROVIDERS.contains(name)) {
                    found.add(providers.fargate(name));
                } else {
                    failures.add(EcsBackend.missing(providers.arnOf(ref)));
                }
            }
            return DescribeCapacityProvidersResponse.builder()
                    .capacityProviders(found)
                    .failures(failures)
                    .build();
        }
    }

    /**
     * DeleteCapacityProvider (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteCapacityProvider.html):
     * a provider no cluster is associated with is removed; the answer describes it INACTIVE, DELETE_IN_PROGRESS.
     *
     * @throws AwsException ClientException for an unknown provider or FARGATE/FARGATE_SPOT; ResourceInUseException while
     *     a cluster is associated with it (remove it with PutClusterCapacityProviders first)
     */
    public CapacityProvider deleteCapacityProvider(String ref) {
        synchronized (lock) {
            AutoScalingProviders.Provider p = stored(ref);
            for (String cluster : clusters.activeArns()) {
                ClusterRecord c = clusters.lookup(cluster);
                if (c.capacityProviders.contains(p.name)) {
                    throw AsgProviderRules.associated(p.name, c.name);
                }
            }
            clusters.providers().remove(p);
            return clusters.providers().model(p, true).toBuilder()
                    .status(CapacityProviderStatus.INACTIVE)
                    .updateStatus(CapacityProviderUpdateStatus.DELETE_IN_PROGRESS)
                    .build();
        }
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
