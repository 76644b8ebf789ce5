package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsArns;
import dev.drydock.ecs.internal.EcsErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * The model's services: CreateService, UpdateService (a new deployment when the task definition or network
 * configuration changes, or when forced), DeleteService (DRAINING), lookup by name or ARN (INACTIVE ones too, for
 * DescribeServices), and the service as DescribeServices answers it. Keeping each service at its desired count is
 * the {@link ServiceReconciler}'s job. Guarded by the backend's lock: callers hold it.
 */
final class Services {
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");

    private final EcsArns arns;
    private final Clock clock;
    private final EcsEvents events;
    private final Tasks tasks;
    private final ServiceLoadBalancing loadBalancing;
    private final Map<String, ServiceRecord> services = new LinkedHashMap<>();
    private final List<ServiceRecord> inactive = new ArrayList<>();

    Services(EcsArns arns, Clock clock, EcsEvents events, Tasks tasks, ServiceLoadBalancing loadBalancing) {
        this.arns = arns;
        this.clock = clock;
        this.events = events;
        this.tasks = tasks;
        this.loadBalancing = loadBalancing;
    }

    /**
     * CreateService: a REPLICA service with one PRIMARY deployment.
     *
     * @throws AwsException InvalidParameterException for a bad name, scheduling strategy, desired count, launch type,
     *     network or deployment configuration, load balancers ({@link ServiceLoadBalancing#validate}), health check
     *     grace period, or a name already taken
     */
    ServiceRecord create(
            ClusterRecord cluster,
            CreateServiceRequest request,
            TaskDefinition td,
            String createdBy,
            boolean ec2Capacity) {
        String name = request.serviceName();
        if (!SERVICE_NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter("Service name '" + name + "' is invalid. Up to 255 letters "
                    + "(uppercase and lowercase), numbers, underscores, and hyphens are allowed.");
        }
        if (request.schedulingStrategy() != null && request.schedulingStrategy() != SchedulingStrategy.REPLICA) {
            throw EcsErrors.invalidParameter(
                    "Drydock runs REPLICA services only; DAEMON services need container " + "instances.");
        }
        int desired = request.desiredCount() == null ? 0 : request.desiredCount();
        if (desired < 0) {
            throw EcsErrors.invalidParameter("Task count can not be lesser than 0");
        }
        LaunchType launchType = LaunchRules.launchType(
                request.launchTypeAsString(), request.capacityProviderStrategy(), cluster, ec2Capacity);
        LaunchRules.checkRunnable(td, launchType, request.networkConfiguration());
        PlacementEngine.Rules rules = launchType != LaunchType.EC2
                ? null
                : PlacementEngine.Rules.of(
                        request.placementConstraints(),
                        td.placementConstraints(),
                        request.placementStrategy().isEmpty()
                                ? PlacementEngine.Rules.SERVICE_DEFAULT
                                : request.placementStrategy());
        List<LoadBalancer> loadBalancers =
                request.hasLoadBalancers() ? loadBalancing.validate(request.loadBalancers(), td) : List.of();
        int grace = gracePeriod(request.healthCheckGracePeriodSeconds(), 0);
        if (services.containsKey(key(cluster.name, name))) {
            throw EcsErrors.invalidParameter("Creation of service was not idempotent.");
        }
        DeploymentConfiguration dc = deploymentConfiguration(request.deploymentConfiguration());
        List<CapacityProviderStrategyItem> strategy =
                LaunchRules.strategy(request.launchTypeAsString(), request.capacityProviderStrategy(), cluster);
        LaunchType lt = strategy.isEmpty() ? launchType : null;
        ServiceRecord s = new ServiceRecord(
                name,
                arns.service(cluster.name, name),
                cluster.name,
                cluster.arn,
                clock.instant(),
                createdBy,
                lt,
                strategy,
                request.tags(),
                request.propagateTags() == null ? PropagateTags.NONE : request.propagateTags(),
                Boolean.TRUE.equals(request.enableECSManagedTags()),
                "arn:aws:iam::" + arns.accountId() + ":role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS");
        s.desiredCount = desired;
        s.taskDefinition = td;
        s.networkConfiguration = request.networkConfiguration();
        s.deploymentConfiguration = dc;
        s.enableExecuteCommand = Boolean.TRUE.equals(request.enableExecuteCommand());
        if (rules != null) {
            s.placementConstraints = request.placementConstraints();
            s.placementStrategy = request.placementStrategy();
            s.placementRules = rules;
        }
        s.loadBalancers = loadBalancers;
        s.healthCheckGracePeriodSeconds = grace;
        s.deployments.add(new DeploymentRecord(
                EcsArns.newDeploymentId(), td, request.networkConfiguration(), lt, strategy, desired, clock.instant()));
        services.put(key(cluster.name, name), s);
        events.deployment(
                s, s.primary(), "INFO", "SERVICE_DEPLOYMENT_IN_PROGRESS", s.primary().rolloutStateReason, s.createdAt);
        return s;
    }

    /**
     * UpdateService: desired count, deployment configuration (members not given keep their values), tag settings,
     * and a new PRIMARY deployment for a new task definition or network configuration, or when forced.
     *
     * @param newTd the new task definition, or {@code null} to keep the current one
     * @throws AwsException ServiceNotFoundException, ServiceNotActiveException, or InvalidParameterException
     */
    ServiceRecord update(ClusterRecord cluster, UpdateServiceRequest request, TaskDefinition newTd) {
        ServiceRecord s = activeService(cluster, request.service());
        if (request.desiredCount() != null && request.desiredCount() < 0) {
            throw EcsErrors.invalidParameter("Task count can not be lesser than 0");
        }
        NetworkConfiguration network =
                request.networkConfiguration() != null ? request.networkConfiguration() : s.networkConfiguration;
        TaskDefinition td = newTd != null ? newTd : s.taskDefinition;
        List<CapacityProviderStrategyItem> strategy = s.capacityProviderStrategy;
        LaunchType serviceLaunchType = s.launchType;
        if (request.hasCapacityProviderStrategy()) {
            strategy = List.copyOf(request.capacityProviderStrategy());
            if (!strategy.isEmpty()) {
                CapacityProviderStrategies.check("capacityProviderStrategy", strategy, cluster.capacityProviders);
                serviceLaunchType = null;
            } else if (serviceLaunchType == null) {
                // "Update the ... Fargate capacity provider back to the launch type. Pass an empty list"
                serviceLaunchType = LaunchType.FARGATE;
            }
            if (!strategy.equals(s.capacityProviderStrategy) && !Boolean.TRUE.equals(request.forceNewDeployment())) {
                // ECS's answer, as users quote it (github.com/reproio/ecs_deploy/pull/74,
                // github.com/kayac/ecspresso/pull/481); API_UpdateService: "This parameter doesn't trigger a new
                // service deployment."
                throw EcsErrors.invalidParameter("When switching from launch type to capacity provider strategy on "
                        + "an existing service, or making a change to a capacity provider strategy on a service that is "
                        + "already using one, you must force a new deployment.");
            }
        }
        LaunchType launchType = serviceLaunchType != null
                ? serviceLaunchType
                : strategy.isEmpty()
                                || CapacityProviderStrategies.FARGATE_PROVIDERS.contains(
                                        strategy.get(0).capacityProvider())
                        ? LaunchType.FARGATE
                        : LaunchType.EC2; // an Auto Scaling group capacity provider's
        LaunchRules.checkRunnable(td, launchType, network);
        List<LoadBalancer> loadBalancers = request.hasLoadBalancers()
                ? loadBalancing.validate(request.loadBalancers(), td)
                : newTd != null && !s.loadBalancers.isEmpty()
                        ? loadBalancing.validate(s.loadBalancers, td)
                        : s.loadBalancers;
        int grace = gracePeriod(request.healthCheckGracePeriodSeconds(), s.healthCheckGracePeriodSeconds);
        // members the request leaves out keep their current values
        DeploymentConfiguration dc = request.deploymentConfiguration() == null
                ? s.deploymentConfiguration
                : deploymentConfiguration(merged(s.deploymentConfiguration, request.deploymentConfiguration()));
        if (request.desiredCount() != null) {
            s.desiredCount = request.desiredCount();
        }
        s.deploymentConfiguration = dc;
        if (request.enableExecuteCommand() != null) {
            s.enableExecuteCommand = request.enableExecuteCommand();
        }
        if (request.propagateTags() != null) {
            s.propagateTags = request.propagateTags();
        }
        if (request.enableECSManagedTags() != null) {
            s.enableEcsManagedTags = request.enableECSManagedTags();
        }
        boolean newDeployment = Boolean.TRUE.equals(request.forceNewDeployment())
                || !td.taskDefinitionArn().equals(s.taskDefinition.taskDefinitionArn())
                || !Objects.equals(network, s.networkConfiguration)
                || !loadBalancers.equals(s.loadBalancers);
        s.launchType = serviceLaunchType;
        s.capacityProviderStrategy = strategy;
        s.loadBalancers = loadBalancers;
        s.healthCheckGracePeriodSeconds = grace;
        s.taskDefinition = td;
        s.networkConfiguration = network;
        Instant now = clock.instant();
        if (newDeployment) {
            for (DeploymentRecord d : s.deployments) {
                d.status = DeploymentRecord.Status.ACTIVE;
                d.updatedAt = now;
            }
            s.deployments.add(
                    0,
                    new DeploymentRecord(
                            EcsArns.newDeploymentId(),
                            td,
                            network,
                            s.launchType,
                            s.capacityProviderStrategy,
                            s.desiredCount,
                            now));
            s.steadyStateReported = false;
            s.stuckReported = false;
            events.deployment(
                    s, s.primary(), "INFO", "SERVICE_DEPLOYMENT_IN_PROGRESS", s.primary().rolloutStateReason, now);
        } else {
            s.primary().desiredCount = s.desiredCount;
            s.primary().updatedAt = now;
            if (s.primary().rolloutState == DeploymentRolloutState.COMPLETED) {
                s.steadyStateReported = false;
            }
        }
        return s;
    }

    /**
     * DeleteService: desiredCount must be 0 unless forced; the service becomes DRAINING (the reconciler makes it
     * INACTIVE once its tasks stopped).
     *
     * @throws AwsException ServiceNotFoundException, ServiceNotActiveException, or InvalidParameterException when
     *     scaled above 0 without force
     */
    ServiceRecord delete(ClusterRecord cluster, String ref, boolean force) {
        ServiceRecord s = activeService(cluster, ref);
        if (s.desiredCount > 0 && !force) {
            throw EcsErrors.invalidParameter("The service cannot be stopped while it is scaled above 0.");
        }
        s.desiredCount = 0;
        s.status = ServiceRecord.Status.DRAINING;
        for (DeploymentRecord d : s.deployments) {
            d.desiredCount = 0;
            d.updatedAt = clock.instant();
        }
        return s;
    }

    /** DescribeServices: unknown names come back as failures with reason MISSING. */
    EcsBackend.Described<Service> describe(ClusterRecord cluster, List<String> refs, boolean includeTags) {
        List<Service> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : refs) {
            ServiceRecord s = lookup(cluster, ref);
            if (s == null) {
                s = lastInactive(cluster.name, ref);
            }
            if (s == null) {
                failures.add(EcsBackend.missing(ref.startsWith("arn:") ? ref : arns.service(cluster.name, ref)));
            } else {
                found.add(model(s, includeTags));
            }
        }
        return new EcsBackend.Described<>(found, failures);
    }

    /** ListServices: ARNs of the cluster's services that are not INACTIVE. */
    List<String> arns(ClusterRecord cluster, String launchType) {
        List<String> result = new ArrayList<>();
        for (ServiceRecord s : services.values()) {
            if (s.clusterName.equals(cluster.name)
                    && (launchType == null || LaunchType.fromValue(launchType) == s.launchType)) {
                result.add(s.arn);
            }
        }
        return result;
    }

    /** The cluster's ACTIVE or DRAINING service a name or ARN names, or {@code null}. */
    ServiceRecord lookup(ClusterRecord cluster, String ref) {
        ServiceRecord s = services.get(key(cluster.name, ref));
        return s != null ? s : lookupByArn(cluster, ref);
    }

    /** The service with this ARN (not INACTIVE), or {@code null}. */
    ServiceRecord withArn(String arn) {
        for (ServiceRecord s : services.values()) {
            if (s.arn.equals(arn)) {
                return s;
            }
        }
        return null;
    }

    /** Every service that is not INACTIVE, in creation order (the live collection). */
    Collection<ServiceRecord> all() {
        return services.values();
    }

    /** A DRAINING service whose tasks all stopped: INACTIVE, found by DescribeServices only. */
    void retire(ServiceRecord s) {
        s.status = ServiceRecord.Status.INACTIVE;
        for (DeploymentRecord d : s.deployments) {
            d.status = DeploymentRecord.Status.INACTIVE;
        }
        services.remove(key(s.clusterName, s.name));
        inactive.add(s);
    }

    /** The cluster's ACTIVE services. */
    int activeIn(String cluster) {
        int active = 0;
        for (ServiceRecord s : services.values()) {
            if (s.clusterName.equals(cluster) && s.status == ServiceRecord.Status.ACTIVE) {
                active++;
            }
        }
        return active;
    }

    /** Whether the cluster has a service that is not INACTIVE. */
    boolean anyIn(String cluster) {
        for (ServiceRecord s : services.values()) {
            if (s.clusterName.equals(cluster)) {
                return true;
            }
        }
        return false;
    }

    /** Every task one deployment of the service started. */
    List<TaskRecord> tasksOf(ServiceRecord s, DeploymentRecord d) {
        List<TaskRecord> result = new ArrayList<>();
        for (TaskRecord t : tasks.ofService(s.clusterName, s.name)) {
            if (d.id.equals(t.startedBy)) {
                result.add(t);
            }
        }
        return result;
    }

    /** The service as DescribeServices answers it, with running and pending counts per deployment. */
    Service model(ServiceRecord s, boolean includeTags) {
        List<ServiceRecord.DeploymentCounts> counts = new ArrayList<>();
        int running = 0;
        int pending = 0;
        for (DeploymentRecord d : s.deployments) {
            int r = 0;
            int p = 0;
            for (TaskRecord t : tasksOf(s, d)) {
                if (t.lastStatus == TaskStatus.RUNNING && t.desiredStatus == DesiredStatus.RUNNING) {
                    r++;
                } else if (t.lastStatus.pending() && t.desiredStatus == DesiredStatus.RUNNING) {
                    p++;
                }
            }
            counts.add(new ServiceRecord.DeploymentCounts(r, p));
            running += r;
            pending += p;
        }
        return s.toModel(running, pending, counts, includeTags);
    }

    /** The ACTIVE service a name or ARN names; ServiceNotActiveException for a DRAINING or INACTIVE one. */
    private ServiceRecord activeService(ClusterRecord cluster, String ref) {
        ServiceRecord s = lookup(cluster, ref);
        if (s == null) {
            if (lastInactive(cluster.name, ref) != null) {
                throw EcsErrors.serviceNotActive();
            }
            throw EcsErrors.serviceNotFound();
        }
        if (s.status != ServiceRecord.Status.ACTIVE) {
            throw EcsErrors.serviceNotActive();
        }
        return s;
    }

    private ServiceRecord lookupByArn(ClusterRecord cluster, String ref) {
        if (ref == null || !ref.startsWith("arn:")) {
            return null;
        }
        Optional<String> resource = arns.resource(ref, "service");
        if (resource.isEmpty()) {
            return null;
        }
        String r = resource.get();
        String name = r.contains("/") ? r.substring(r.indexOf('/') + 1) : r;
        String clusterPart = r.contains("/") ? r.substring(0, r.indexOf('/')) : cluster.name;
        return clusterPart.equals(cluster.name) ? services.get(key(cluster.name, name)) : null;
    }

    private ServiceRecord lastInactive(String cluster, String ref) {
        for (int i = inactive.size() - 1; i >= 0; i--) {
            ServiceRecord s = inactive.get(i);
            if (s.clusterName.equals(cluster) && (s.name.equals(ref) || s.arn.equals(ref))) {
                return s;
            }
        }
        return null;
    }

    private static String key(String cluster, String service) {
        return cluster + "/" + service;
    }

    /**
     * {@code healthCheckGracePeriodSeconds}: {@code current} when not given.
     *
     * @throws AwsException InvalidParameterException when negative
     */
    private static int gracePeriod(Integer given, int current) {
        if (given == null) {
            return current;
        }
        if (given < 0) {
            throw EcsErrors.invalidParameter("healthCheckGracePeriodSeconds must be between 0 and 2147483647.");
        }
        return given;
    }

    /** The service named so in a cluster (ACTIVE or DRAINING), or {@code null}. */
    ServiceRecord named(String clusterName, String serviceName) {
        return services.get(key(clusterName, serviceName));
    }

    /** {@code current} with every member {@code given} sets replaced (UpdateService's partial configuration). */
    private static DeploymentConfiguration merged(DeploymentConfiguration current, DeploymentConfiguration given) {
        DeploymentConfiguration.Builder b = current.toBuilder();
        for (SdkField<?> f : given.sdkFields()) {
            Object value = f.getValueOrDefault(given);
            if (value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap)) {
                f.set(b, value);
            }
        }
        return b.build();
    }

    /** The configuration with ECS's defaults (200 %, 100 %, circuit breaker off) for members not given. */
    private static DeploymentConfiguration deploymentConfiguration(DeploymentConfiguration given) {
        DeploymentConfiguration.Builder b = given == null ? DeploymentConfiguration.builder() : given.toBuilder();
        if (given == null || given.maximumPercent() == null) {
            b.maximumPercent(200);
        }
        if (given == null || given.minimumHealthyPercent() == null) {
            b.minimumHealthyPercent(100);
        }
        if (given == null || given.deploymentCircuitBreaker() == null) {
            b.deploymentCircuitBreaker(DeploymentCircuitBreaker.builder()
                    .enable(false)
                    .rollback(false)
                    .build());
        }
        DeploymentConfiguration dc = b.build();
        if (dc.maximumPercent() < 100 || dc.minimumHealthyPercent() < 0 || dc.minimumHealthyPercent() > 100) {
            throw EcsErrors.invalidParameter("deploymentConfiguration: maximumPercent must be at least 100 and "
                    + "minimumHealthyPercent between 0 and 100.");
        }
        return dc;
    }
}
