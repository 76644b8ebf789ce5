package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.EventPublisher;
import dev.drydock.ecs.internal.EcsArns;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.EcsRequestChecks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterServiceConnectDefaults;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * The ECS model for one account and region: clusters, task definitions, tasks and services, and the state
 * machines that move them. Plain Java: no HTTP, no Docker. Every method is atomic under one lock, validates before it
 * changes anything, and never blocks on a container runtime (container work goes to the {@link TaskLifecycle}).
 */
public final class EcsBackend {
    private static final Pattern SUBNET = Pattern.compile("subnet-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final Pattern CLUSTER_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    /** The stoppedReason of a service task the scheduler stops because its health checks failed. */
    static final String UNHEALTHY_REASON = "Task failed container health checks";

    private final EcsArns arns;
    private final Clock clock;
    private final Object lock = new Object();
    private final Map<String, ClusterRecord> clusters = new LinkedHashMap<>();
    private final Map<String, List<TaskDefinition>> families = new TreeMap<>();
    private final Map<String, List<Tag>> taskDefinitionTags = new HashMap<>();
    private final Map<String, TaskRecord> tasks = new LinkedHashMap<>();
    private final Map<String, ServiceRecord> services = new LinkedHashMap<>();
    private final List<ServiceRecord> inactiveServices = new ArrayList<>();
    /** Tasks by {@code cluster/service}, so the scheduler never scans every task for each service. */
    private final Map<String, List<TaskRecord>> tasksByService = new HashMap<>();

    private volatile EcsEvents events = new EcsEvents(null);
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private volatile TaskLifecycle lifecycle = TaskLifecycle.NONE;

    public EcsBackend(EcsArns arns, Clock clock) {
        this.arns = arns;
        this.clock = clock;
    }

    public EcsArns arns() {
        return arns;
    }

    public Clock clock() {
        return clock;
    }

    /** Where container work for tasks goes. */
    public void lifecycle(TaskLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Where the backend emits ECS's EventBridge events. */
    public void events(EventPublisher log) {
        this.events = new EcsEvents(log);
    }

    /**
     * Called after any task or service changes, possibly with the model lock held: listeners must only signal
     * (the service scheduler wakes up on it), never block or call back into the backend.
     */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    private void changed() {
        for (Runnable r : changeListeners) {
            r.run();
        }
    }

    // =============================================================================================== clusters

    /** CreateCluster: idempotent on the name; the default name is {@code default}. */
    public Cluster createCluster(CreateClusterRequest request) {
        String name = request.clusterName() == null ? "default" : request.clusterName();
        if (!CLUSTER_NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter("Cluster name '" + name + "' is invalid. Up to 255 letters (uppercase and "
                    + "lowercase), numbers, underscores, and hyphens are allowed.");
        }
        synchronized (lock) {
            ClusterRecord existing = clusters.get(name);
            if (existing != null && existing.active()) {
                return clusterModel(existing, true, true);
            }
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
            return clusterModel(c, true, true);
        }
    }

    /** DescribeClusters: unknown names come back as failures with reason MISSING. */
    public Described<Cluster> describeClusters(List<String> refs, boolean includeTags, boolean includeSettings) {
        List<String> wanted = refs.isEmpty() ? List.of("default") : refs;
        synchronized (lock) {
            List<Cluster> found = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            for (String ref : wanted) {
                ClusterRecord c = lookupCluster(ref);
                if (c == null) {
                    failures.add(Failure.builder()
                            .arn(ref.startsWith("arn:") ? ref : arns.cluster(ref))
                            .reason("MISSING")
                            .build());
                } else {
                    found.add(clusterModel(c, includeTags, includeSettings));
                }
            }
            return new Described<>(found, failures);
        }
    }

    /** ListClusters: ARNs of the ACTIVE clusters, in creation order. */
    public List<String> listClusterArns() {
        synchronized (lock) {
            List<String> result = new ArrayList<>();
            for (ClusterRecord c : clusters.values()) {
                if (c.active()) {
                    result.add(c.arn);
                }
            }
            return result;
        }
    }

    /** DeleteCluster: only a cluster without active services and tasks; it becomes INACTIVE. */
    public Cluster deleteCluster(String ref) {
        synchronized (lock) {
            ClusterRecord c = lookupCluster(ref);
            if (c == null) {
                throw EcsErrors.clusterNotFound();
            }
            if (!c.active()) {
                return clusterModel(c, true, true);
            }
            for (ServiceRecord s : services.values()) {
                if (s.clusterName.equals(c.name)) {
                    throw AwsException.client(
                            "ClusterContainsServicesException",
                            "The Cluster cannot be deleted while Services are active.");
                }
            }
            for (TaskRecord t : tasks.values()) {
                if (t.clusterName.equals(c.name) && t.lastStatus != TaskStatus.STOPPED) {
                    throw AwsException.client(
                            "ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.");
                }
            }
            c.status = "INACTIVE";
            return clusterModel(c, true, true);
        }
    }

    /** The ACTIVE cluster a name or ARN refers to ({@code default} when empty). */
    public String clusterArn(String ref) {
        synchronized (lock) {
            return activeCluster(ref).arn;
        }
    }

    private ClusterRecord lookupCluster(String ref) {
        String name = clusterName(ref);
        return name == null ? null : clusters.get(name);
    }

    private String clusterName(String ref) {
        if (ref == null || ref.isEmpty()) {
            return "default";
        }
        if (ref.startsWith("arn:")) {
            return arns.resource(ref, "cluster").orElse(null);
        }
        return ref;
    }

    private ClusterRecord activeCluster(String ref) {
        ClusterRecord c = lookupCluster(ref);
        if (c == null || !c.active()) {
            throw EcsErrors.clusterNotFound();
        }
        return c;
    }

    private Cluster clusterModel(ClusterRecord c, boolean includeTags, boolean includeSettings) {
        int running = 0;
        int pending = 0;
        for (TaskRecord t : tasks.values()) {
            if (t.clusterName.equals(c.name)) {
                if (t.lastStatus == TaskStatus.RUNNING) {
                    running++;
                } else if (t.lastStatus.pending()) {
                    pending++;
                }
            }
        }
        int activeServices = 0;
        for (ServiceRecord s : services.values()) {
            if (s.clusterName.equals(c.name) && "ACTIVE".equals(s.status)) {
                activeServices++;
            }
        }
        return c.toModel(running, pending, activeServices, includeTags, includeSettings);
    }

    // ======================================================================================= task definitions

    /** RegisterTaskDefinition: the family's next revision, ACTIVE. */
    public TaskDefinition registerTaskDefinition(RegisterTaskDefinitionRequest request, String registeredBy) {
        synchronized (lock) {
            List<TaskDefinition> revisions = families.getOrDefault(request.family(), List.of());
            int revision = revisions.size() + 1;
            TaskDefinition td = TaskDefinitions.build(
                    request, arns.taskDefinition(request.family(), revision), revision, registeredBy, clock.instant());
            families.computeIfAbsent(request.family(), f -> new ArrayList<>()).add(td);
            taskDefinitionTags.put(td.taskDefinitionArn(), new ArrayList<>(request.tags()));
            return td;
        }
    }

    /**
     * The task definition a reference names: {@code family} (its latest ACTIVE revision), {@code family:revision}
     * or an ARN.
     */
    public Optional<TaskDefinition> findTaskDefinition(String ref) {
        synchronized (lock) {
            return Optional.ofNullable(lookupTaskDefinition(ref));
        }
    }

    private TaskDefinition lookupTaskDefinition(String ref) {
        TaskDefinitions.Reference r = ref == null ? null : TaskDefinitions.Reference.parse(ref, arns);
        if (r == null) {
            return null;
        }
        List<TaskDefinition> revisions = families.get(r.family());
        if (revisions == null) {
            return null;
        }
        if (r.revision() == null) {
            for (int i = revisions.size() - 1; i >= 0; i--) {
                if ("ACTIVE".equals(revisions.get(i).statusAsString())) {
                    return revisions.get(i);
                }
            }
            return null;
        }
        if (r.revision() < 1 || r.revision() > revisions.size()) {
            return null;
        }
        TaskDefinition td = revisions.get(r.revision() - 1);
        return "DELETE_IN_PROGRESS".equals(td.statusAsString()) ? null : td;
    }

    /** The tags of a task definition revision. */
    public List<Tag> taskDefinitionTags(String arn) {
        synchronized (lock) {
            return List.copyOf(taskDefinitionTags.getOrDefault(arn, List.of()));
        }
    }

    /** ListTaskDefinitions: ARNs, filtered, sorted by family then revision. */
    public List<String> listTaskDefinitionArns(String familyPrefix, String status, boolean descending) {
        synchronized (lock) {
            List<String> result = new ArrayList<>();
            for (Map.Entry<String, List<TaskDefinition>> e : families.entrySet()) {
                if (familyPrefix != null && !e.getKey().startsWith(familyPrefix)) {
                    continue;
                }
                for (TaskDefinition td : e.getValue()) {
                    if (status == null || status.equals(td.statusAsString())) {
                        result.add(td.taskDefinitionArn());
                    }
                }
            }
            if (descending) {
                Collections.reverse(result);
            }
            return result;
        }
    }

    /** ListTaskDefinitionFamilies: family names, filtered by prefix and status (ACTIVE: has an ACTIVE revision). */
    public List<String> listFamilies(String familyPrefix, String status) {
        synchronized (lock) {
            List<String> result = new ArrayList<>();
            for (Map.Entry<String, List<TaskDefinition>> e : families.entrySet()) {
                if (familyPrefix != null && !e.getKey().startsWith(familyPrefix)) {
                    continue;
                }
                boolean anyActive = e.getValue().stream().anyMatch(td -> "ACTIVE".equals(td.statusAsString()));
                if (status == null || "ALL".equals(status) || ("ACTIVE".equals(status) == anyActive)) {
                    result.add(e.getKey());
                }
            }
            return result;
        }
    }

    /** DeregisterTaskDefinition: the revision becomes INACTIVE; running tasks and services keep it. */
    public TaskDefinition deregisterTaskDefinition(String ref) {
        synchronized (lock) {
            TaskDefinitions.Reference r = TaskDefinitions.Reference.parse(ref, arns);
            if (r == null || r.revision() == null) {
                throw EcsErrors.client("Invalid revision number. Number: " + (r == null ? ref : "null"));
            }
            TaskDefinition td = lookupTaskDefinition(ref);
            if (td == null) {
                throw EcsErrors.client("The specified task definition does not exist.");
            }
            if ("INACTIVE".equals(td.statusAsString())) {
                return td; // already deregistered: it keeps its deregisteredAt
            }
            TaskDefinition inactive = td.toBuilder()
                    .status("INACTIVE")
                    .deregisteredAt(clock.instant())
                    .build();
            families.get(r.family()).set(r.revision() - 1, inactive);
            return inactive;
        }
    }

    // ================================================================================================== tasks

    /**
     * RunTask: validates everything, then creates {@code count} tasks in PROVISIONING and hands them to the
     * lifecycle. Returns the tasks as they are at that moment.
     */
    public List<Task> runTask(RunTaskRequest request, TaskDefinition td) {
        List<TaskRecord> created = new ArrayList<>();
        synchronized (lock) {
            ClusterRecord cluster = activeCluster(request.cluster());
            String launchType =
                    resolveLaunchType(request.launchTypeAsString(), request.capacityProviderStrategy(), cluster);
            checkRunnable(td, launchType, request.networkConfiguration(), false);
            checkOverrides(td, request.overrides());
            List<Tag> tags = runTaskTags(request, td);
            if (Boolean.TRUE.equals(request.enableECSManagedTags())) {
                tags = withManagedTags(tags, cluster.name, null);
            }
            List<CapacityProviderStrategyItem> strategy =
                    effectiveStrategy(request.launchTypeAsString(), request.capacityProviderStrategy(), cluster);
            int count = request.count() == null ? 1 : request.count();
            String group = request.group() != null ? request.group() : "family:" + td.family();
            for (int i = 0; i < count; i++) {
                created.add(newTask(
                        cluster,
                        td,
                        request.overrides(),
                        group,
                        request.startedBy(),
                        launchType,
                        capacityProviderName(strategy),
                        request.networkConfiguration().awsvpcConfiguration(),
                        tags,
                        null,
                        Boolean.TRUE.equals(request.enableExecuteCommand())));
            }
        }
        List<Task> result = new ArrayList<>();
        synchronized (lock) {
            for (TaskRecord t : created) {
                result.add(t.toModel(true));
            }
        }
        for (TaskRecord t : created) {
            lifecycle.launch(t);
        }
        changed();
        return result;
    }

    private TaskRecord newTask(
            ClusterRecord cluster,
            TaskDefinition td,
            TaskOverride overrides,
            String group,
            String startedBy,
            String launchType,
            String capacityProviderName,
            AwsVpcConfiguration awsvpc,
            List<Tag> tags,
            String serviceName,
            boolean enableExecuteCommand) {
        String id = EcsArns.newTaskId();
        TaskRecord.Builder b = TaskRecord.builder();
        b.id = id;
        b.arn = arns.task(cluster.name, id);
        b.clusterName = cluster.name;
        b.clusterArn = cluster.arn;
        b.taskDefinition = td;
        b.overrides = overrides;
        b.group = group;
        b.startedBy = startedBy;
        b.launchType = launchType; // FARGATE also when a capacity provider placed it, as ECS answers
        b.capacityProviderName = capacityProviderName;
        b.platformVersion = "1.4.0";
        b.awsvpc = awsvpc;
        b.tags = tags;
        b.createdAt = clock.instant();
        b.serviceName = serviceName;
        b.enableExecuteCommand = enableExecuteCommand;
        b.availabilityZone = arns.region() + "a";
        TaskRecord t = new TaskRecord(b);
        for (ContainerDefinition c : td.containerDefinitions()) {
            t.containers.add(new ContainerRecord(c, arns.container(cluster.name, id), id));
        }
        tasks.put(t.arn, t);
        if (serviceName != null) {
            tasksByService
                    .computeIfAbsent(serviceKey(cluster.name, serviceName), k -> new ArrayList<>())
                    .add(t);
        }
        t.statusListener = x -> events.task(x, clock.instant());
        events.task(t, t.createdAt);
        return t;
    }

    /**
     * The capacity provider strategy tasks are placed with: the one given, else (without a launch type) the cluster's
     * default strategy; empty for a launch type.
     */
    private static List<CapacityProviderStrategyItem> effectiveStrategy(
            String launchType, List<CapacityProviderStrategyItem> strategy, ClusterRecord cluster) {
        if (launchType != null) {
            return List.of();
        }
        return strategy != null && !strategy.isEmpty() ? strategy : cluster.defaultCapacityProviderStrategy;
    }

    private static String capacityProviderName(List<CapacityProviderStrategyItem> strategy) {
        return strategy == null || strategy.isEmpty() ? null : strategy.get(0).capacityProvider();
    }

    private String resolveLaunchType(
            String launchType, List<CapacityProviderStrategyItem> strategy, ClusterRecord cluster) {
        if (launchType != null && strategy != null && !strategy.isEmpty()) {
            throw EcsErrors.invalidParameter("Specifying both a launch type and capacity provider strategy is not "
                    + "supported. Remove one and try again.");
        }
        if (launchType == null) {
            List<CapacityProviderStrategyItem> effective =
                    strategy != null && !strategy.isEmpty() ? strategy : cluster.defaultCapacityProviderStrategy;
            if (!effective.isEmpty()) {
                for (CapacityProviderStrategyItem item : effective) {
                    if (!"FARGATE".equals(item.capacityProvider()) && !"FARGATE_SPOT".equals(item.capacityProvider())) {
                        throw EcsErrors.invalidParameter("The specified capacity provider " + item.capacityProvider()
                                + " is not in an ACTIVE state. Drydock runs the FARGATE and FARGATE_SPOT capacity "
                                + "providers only.");
                    }
                }
                return "FARGATE";
            }
            launchType = "EC2";
        }
        if ("EC2".equals(launchType) || "EXTERNAL".equals(launchType) || "MANAGED_INSTANCES".equals(launchType)) {
            throw EcsErrors.invalidParameter("No Container Instances were found in your cluster.");
        }
        if (!"FARGATE".equals(launchType)) {
            throw EcsErrors.invalidParameter("Invalid launchType '" + launchType + "'. Valid values: EC2, FARGATE, "
                    + "EXTERNAL, MANAGED_INSTANCES.");
        }
        return launchType;
    }

    private static void checkRunnable(
            TaskDefinition td, String launchType, NetworkConfiguration network, boolean service) {
        if (!td.compatibilitiesAsStrings().contains(launchType)) {
            throw EcsErrors.invalidParameter("Task definition does not support launch_type " + launchType + ".");
        }
        if (network == null || network.awsvpcConfiguration() == null) {
            throw EcsErrors.invalidParameter(
                    "Network Configuration must be provided when networkMode 'awsvpc' is " + "specified.");
        }
        AwsVpcConfiguration vpc = network.awsvpcConfiguration();
        if (vpc.subnets().isEmpty()) {
            throw EcsErrors.invalidParameter("subnets can not be empty.");
        }
        if (vpc.subnets().size() > 16) {
            throw EcsErrors.invalidParameter("subnets can have at most 16 items.");
        }
        for (String subnet : vpc.subnets()) {
            if (!SUBNET.matcher(subnet).matches()) {
                throw EcsErrors.invalidParameter("Error retrieving subnet information for [" + subnet + "]: The subnet"
                        + " ID '" + subnet + "' does not exist (ErrorCode: InvalidSubnetID.NotFound)");
            }
        }
        for (String group : vpc.securityGroups()) {
            if (!SECURITY_GROUP.matcher(group).matches()) {
                throw EcsErrors.invalidParameter("Error retrieving security group information for [" + group + "]: "
                        + "Invalid id: \"" + group + "\" (expecting \"sg-...\")");
            }
        }
        if (vpc.assignPublicIpAsString() != null
                && !"ENABLED".equals(vpc.assignPublicIpAsString())
                && !"DISABLED".equals(vpc.assignPublicIpAsString())) {
            throw EcsErrors.invalidParameter("assignPublicIp must be ENABLED or DISABLED.");
        }
    }

    private static void checkOverrides(TaskDefinition td, TaskOverride overrides) {
        if (overrides == null) {
            return;
        }
        for (ContainerOverride o : overrides.containerOverrides()) {
            boolean known =
                    td.containerDefinitions().stream().anyMatch(c -> c.name().equals(o.name()));
            if (!known) {
                throw EcsErrors.invalidParameter(
                        "Override for container named " + o.name() + " is not a container in the TaskDefinition.");
            }
        }
        String cpu = overrides.cpu() != null ? TaskDefinitions.normalizeCpu(overrides.cpu()) : td.cpu();
        String memory = overrides.memory() != null ? TaskDefinitions.normalizeMemory(overrides.memory()) : td.memory();
        if ((overrides.cpu() != null || overrides.memory() != null) && cpu != null && memory != null) {
            TaskDefinitionValidation.checkFargateSize(cpu, memory); // Drydock runs every task on Fargate
        }
        for (ContainerOverride o : overrides.containerOverrides()) {
            ContainerDefinition c = td.containerDefinitions().stream()
                    .filter(d -> d.name().equals(o.name()))
                    .findFirst()
                    .orElseThrow();
            Integer hard = o.memory() != null ? o.memory() : c.memory();
            Integer soft = o.memoryReservation() != null ? o.memoryReservation() : c.memoryReservation();
            if (hard != null && soft != null && soft > hard) {
                throw EcsErrors.invalidParameter("Invalid setting for container '" + o.name() + "'. "
                        + "'memoryReservation' must be less than or equal to 'memory'.");
            }
            if (memory != null && hard != null && hard > Integer.parseInt(memory)) {
                // RunTask words it unlike RegisterTaskDefinition (github.com/artilleryio/artillery/issues/591)
                throw EcsErrors.invalidParameter(
                        "'memory' setting for container '" + o.name() + "' is greater than for task.");
            }
            if (cpu != null && o.cpu() != null && o.cpu() > Integer.parseInt(cpu)) {
                throw EcsErrors.invalidParameter(
                        "'cpu' setting for container '" + o.name() + "' is greater than for task.");
            }
        }
    }

    /**
     * The tags a service's new task gets: the service's or the task definition's, as its propagateTags says, and with
     * enableECSManagedTags ECS's {@code aws:ecs:clusterName} and {@code aws:ecs:serviceName}
     * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-using-tags.html).
     */
    private List<Tag> serviceTaskTags(ServiceRecord s, TaskDefinition td) {
        List<Tag> tags = "SERVICE".equals(s.propagateTags)
                ? s.mutableTags
                : "TASK_DEFINITION".equals(s.propagateTags)
                        ? taskDefinitionTags.getOrDefault(td.taskDefinitionArn(), List.of())
                        : List.of();
        return s.enableEcsManagedTags ? withManagedTags(tags, s.clusterName, s.name) : tags;
    }

    /** {@code tags} followed by ECS's managed tags for a task of {@code cluster} (and {@code service}, if any). */
    private static List<Tag> withManagedTags(List<Tag> tags, String cluster, String service) {
        List<Tag> result = new ArrayList<>(tags);
        result.add(Tag.builder().key("aws:ecs:clusterName").value(cluster).build());
        if (service != null) {
            result.add(Tag.builder().key("aws:ecs:serviceName").value(service).build());
        }
        return result;
    }

    /**
     * The tags a new task gets: RunTask's tags, after the task definition's tags when propagateTags is
     * TASK_DEFINITION (RunTask's win on the same key).
     */
    private List<Tag> runTaskTags(RunTaskRequest request, TaskDefinition td) {
        if ("SERVICE".equals(request.propagateTagsAsString())) {
            throw EcsErrors.invalidParameter("propagateTags SERVICE is only valid for tasks a service starts; RunTask "
                    + "accepts TASK_DEFINITION or NONE.");
        }
        if (!"TASK_DEFINITION".equals(request.propagateTagsAsString())) {
            return request.tags();
        }
        Map<String, Tag> merged = new LinkedHashMap<>();
        for (Tag t : taskDefinitionTags.getOrDefault(td.taskDefinitionArn(), List.of())) {
            merged.put(t.key(), t);
        }
        for (Tag t : request.tags()) {
            merged.put(t.key(), t);
        }
        List<Tag> tags = new ArrayList<>(merged.values());
        EcsRequestChecks.checkTags(tags);
        return tags;
    }

    /** StopTask: desired status STOPPED with stopCode UserInitiated; the lifecycle stops its containers. */
    public Task stopTask(String clusterRef, String taskRef, String reason) {
        TaskRecord t;
        synchronized (lock) {
            ClusterRecord cluster = activeCluster(clusterRef);
            t = lookupTask(cluster, taskRef);
            if (t == null) {
                throw EcsErrors.invalidParameter("The referenced task was not found.");
            }
            requestStop(t, "UserInitiated", reason == null || reason.isEmpty() ? "Task stopped by user" : reason);
        }
        Task model;
        synchronized (lock) {
            model = t.toModel(true);
        }
        changed();
        return model;
    }

    /** Marks a task to stop (desiredStatus STOPPED) and asks the lifecycle to stop it. Caller holds the lock. */
    private void requestStop(TaskRecord t, String stopCode, String reason) {
        if ("STOPPED".equals(t.desiredStatus)) {
            return;
        }
        t.desiredStatus = "STOPPED";
        t.stopCode = stopCode;
        t.stoppedReason = reason;
        t.version++;
        t.note(clock.instant(), "desiredStatus STOPPED", stopCode + ": " + reason);
        events.task(t, clock.instant());
        lifecycle.stop(t);
    }

    private TaskRecord lookupTask(ClusterRecord cluster, String ref) {
        if (ref == null) {
            return null;
        }
        String arn = ref.startsWith("arn:") ? ref : arns.task(cluster.name, ref);
        TaskRecord t = tasks.get(arn);
        if (t == null && ref.startsWith("arn:")) {
            // old-format ARN without the cluster name: arn:aws:ecs:region:account:task/<id>
            Optional<String> id = arns.resource(ref, "task");
            if (id.isPresent() && !id.get().contains("/")) {
                t = tasks.get(arns.task(cluster.name, id.get()));
            }
        }
        return t != null && t.clusterName.equals(cluster.name) ? t : null;
    }

    /** DescribeTasks: unknown ids come back as failures with reason MISSING. */
    public Described<Task> describeTasks(String clusterRef, List<String> refs, boolean includeTags) {
        synchronized (lock) {
            ClusterRecord cluster = activeCluster(clusterRef);
            List<Task> found = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            for (String ref : refs) {
                TaskRecord t = lookupTask(cluster, ref);
                if (t == null) {
                    failures.add(Failure.builder()
                            .arn(ref.startsWith("arn:") ? ref : arns.task(cluster.name, ref))
                            .reason("MISSING")
                            .build());
                } else {
                    found.add(t.toModel(includeTags));
                }
            }
            return new Described<>(found, failures);
        }
    }

    /**
     * ListTasks: ARNs of the cluster's tasks that match every filter given; {@code desiredStatus} defaults to
     * RUNNING.
     */
    public List<String> listTaskArns(
            String clusterRef,
            String family,
            String serviceName,
            String startedBy,
            String desiredStatus,
            String launchType) {
        synchronized (lock) {
            ClusterRecord cluster = activeCluster(clusterRef);
            String wanted = desiredStatus == null ? "RUNNING" : desiredStatus;
            if (serviceName != null && serviceName.startsWith("arn:")) {
                serviceName = serviceName.substring(serviceName.lastIndexOf('/') + 1); // a service ARN names it too
            }
            List<String> result = new ArrayList<>();
            Collection<TaskRecord> candidates = serviceName == null
                    ? tasks.values()
                    : tasksByService.getOrDefault(serviceKey(cluster.name, serviceName), List.of());
            for (TaskRecord t : candidates) {
                boolean match = t.clusterName.equals(cluster.name)
                        && statusMatches(t, wanted)
                        && (family == null || family.equals(t.taskDefinition.family()))
                        && (serviceName == null || serviceName.equals(t.serviceName))
                        && (startedBy == null || startedBy.equals(t.startedBy))
                        && (launchType == null
                                || launchType.equals(t.launchType)
                                || ("FARGATE".equals(launchType) && t.capacityProviderName != null));
                if (match) {
                    result.add(t.arn);
                }
            }
            return result;
        }
    }

    private static boolean statusMatches(TaskRecord t, String wanted) {
        if ("PENDING".equals(wanted)) {
            return "RUNNING".equals(t.desiredStatus) && t.lastStatus.pending();
        }
        return wanted.equals(t.desiredStatus);
    }

    /** A snapshot of every task (for reports and the scheduler). */
    public List<TaskRecord> allTasks() {
        synchronized (lock) {
            return new ArrayList<>(tasks.values());
        }
    }

    /** Runs {@code reader} under the model lock, so it sees one consistent state. */
    public <T> T read(Supplier<T> reader) {
        synchronized (lock) {
            return reader.get();
        }
    }

    // ================================================================================== lifecycle callbacks

    /** The task's network sandbox runs: its ENI is attached and the task moves to PENDING. */
    public void eniAttached(TaskRecord t, String sandboxRuntimeId, String privateIp, Map<String, Integer> hostPorts) {
        synchronized (lock) {
            Instant now = clock.instant();
            t.sandboxRuntimeId = sandboxRuntimeId;
            t.privateIp = privateIp;
            t.eniId = EcsArns.newEniId();
            t.macAddress = EcsArns.newMacAddress();
            t.hostPorts = Map.copyOf(hostPorts);
            t.attachmentStatus = "ATTACHED";
            t.connectivityAt = now;
            t.advance(TaskStatus.PENDING, now, "ENI " + t.eniId + " attached, private IP " + privateIp);
        }
        changed();
    }

    public void pullStarted(TaskRecord t) {
        synchronized (lock) {
            t.pullStartedAt = clock.instant();
            t.version++;
        }
    }

    public void pullStopped(TaskRecord t, Map<String, String> imageDigests) {
        synchronized (lock) {
            t.pullStoppedAt = clock.instant();
            for (ContainerRecord c : t.containers) {
                c.imageDigest = imageDigests.get(c.name());
            }
            t.version++;
        }
    }

    public void containerCreated(TaskRecord t, String containerName, String runtimeId) {
        synchronized (lock) {
            ContainerRecord c = t.container(containerName);
            c.runtimeId = runtimeId;
            c.createdAt = clock.instant();
        }
    }

    public void containerRunning(TaskRecord t, String containerName) {
        synchronized (lock) {
            ContainerRecord c = t.container(containerName);
            if (!"PENDING".equals(c.lastStatus)) {
                return;
            }
            c.lastStatus = "RUNNING";
            c.startedAt = clock.instant();
            t.version++;
            t.note(clock.instant(), "container " + containerName + " RUNNING", "runtime id " + shortId(c.runtimeId));
        }
    }

    /** Every essential container runs: ACTIVATING, then RUNNING. False when the task is already stopping. */
    public boolean taskRunning(TaskRecord t) {
        synchronized (lock) {
            if (!"RUNNING".equals(t.desiredStatus) || t.lastStatus.ordinal() >= TaskStatus.ACTIVATING.ordinal()) {
                return false;
            }
            Instant now = clock.instant();
            t.startedAt = now;
            t.reachedRunning = true;
            t.advance(TaskStatus.ACTIVATING, now, "containers started");
            t.advance(TaskStatus.RUNNING, now, "all essential containers running");
        }
        changed();
        return true;
    }

    /**
     * A container exited. Records its exit code and reason; when it is essential and the task should be running,
     * the task is told to stop (EssentialContainerExited).
     *
     * @return whether the task must now stop
     */
    public boolean containerExited(
            TaskRecord t, String containerName, Integer exitCode, String reason, List<String> logTail) {
        boolean stop = false;
        synchronized (lock) {
            ContainerRecord c = t.container(containerName);
            if ("STOPPED".equals(c.lastStatus)) {
                return false;
            }
            c.lastStatus = "STOPPED";
            c.exitCode = exitCode;
            c.reason = reason;
            c.finishedAt = clock.instant();
            c.lastLogLines = List.copyOf(logTail);
            t.version++;
            t.note(
                    clock.instant(),
                    "container " + containerName + " STOPPED",
                    "exit code " + exitCode + (reason == null ? "" : " (" + reason + ")"));
            if (c.essential() && "RUNNING".equals(t.desiredStatus)) {
                requestStopQuietly(t, "EssentialContainerExited", "Essential container in task exited");
                stop = true;
            }
        }
        changed();
        return stop;
    }

    /**
     * A container's health check result changed ({@code HEALTHY}, {@code UNHEALTHY} or {@code UNKNOWN}). A task of a
     * service whose health becomes UNHEALTHY is told to stop (ServiceSchedulerInitiated, "Task failed container health
     * checks"), so the service replaces it; a task started by RunTask keeps running, as on ECS
     * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html).
     *
     * @return whether the task must now stop
     */
    public boolean containerHealth(TaskRecord t, String containerName, String status) {
        boolean stop = false;
        synchronized (lock) {
            ContainerRecord c = t.container(containerName);
            if (status.equals(c.healthStatus)) {
                return false;
            }
            String before = t.healthStatus();
            c.healthStatus = status;
            c.healthSince = clock.instant();
            t.version++;
            t.note(clock.instant(), "container " + containerName + " " + status, "health check");
            if ("UNHEALTHY".equals(t.healthStatus())
                    && !"UNHEALTHY".equals(before)
                    && t.serviceName != null
                    && "RUNNING".equals(t.desiredStatus)) {
                requestStopQuietly(t, "ServiceSchedulerInitiated", "Task failed container health checks");
                stop = true;
            }
        }
        changed();
        return stop;
    }

    /** The task failed before it ran (image pull, container start ...): it stops with stopCode TaskFailedToStart. */
    public void failedToStart(TaskRecord t, String stoppedReason, String containerName, String containerReason) {
        synchronized (lock) {
            if (containerName != null) {
                ContainerRecord c = t.container(containerName);
                if (c != null && c.reason == null) {
                    c.reason = containerReason;
                }
            }
            t.desiredStatus = "STOPPED";
            t.stopCode = "TaskFailedToStart";
            t.stoppedReason = stoppedReason;
            t.version++;
            t.note(clock.instant(), "desiredStatus STOPPED", "TaskFailedToStart: " + stoppedReason);
        }
        changed();
    }

    /** The lifecycle lost the task's containers (runtime gone): the task stops with this reason. */
    public void lost(TaskRecord t, String stoppedReason) {
        synchronized (lock) {
            if ("STOPPED".equals(t.desiredStatus)) {
                return;
            }
            t.desiredStatus = "STOPPED";
            t.stoppedReason = stoppedReason;
            t.version++;
            t.note(clock.instant(), "desiredStatus STOPPED", stoppedReason);
        }
        changed();
    }

    private void requestStopQuietly(TaskRecord t, String stopCode, String reason) {
        t.desiredStatus = "STOPPED";
        t.stopCode = stopCode;
        t.stoppedReason = reason;
        t.version++;
        t.note(clock.instant(), "desiredStatus STOPPED", stopCode + ": " + reason);
    }

    public void stopping(TaskRecord t) {
        synchronized (lock) {
            Instant now = clock.instant();
            if (t.lastStatus.ordinal() < TaskStatus.DEACTIVATING.ordinal()) {
                t.stoppingAt = now;
                if (t.lastStatus == TaskStatus.RUNNING) {
                    t.advance(TaskStatus.DEACTIVATING, now, "stopping");
                }
                t.advance(TaskStatus.STOPPING, now, "stopping containers");
            }
        }
        changed();
    }

    public void executionStopped(TaskRecord t) {
        synchronized (lock) {
            t.executionStoppedAt = clock.instant();
            for (ContainerRecord c : t.containers) {
                if (!"STOPPED".equals(c.lastStatus)) {
                    c.lastStatus = "STOPPED";
                }
            }
            t.advance(TaskStatus.DEPROVISIONING, t.executionStoppedAt, "containers stopped; releasing the ENI");
            t.attachmentStatus = "DETACHED";
        }
    }

    public void stopped(TaskRecord t) {
        synchronized (lock) {
            Instant now = clock.instant();
            if (t.stoppingAt == null) {
                t.stoppingAt = now;
            }
            if (t.executionStoppedAt == null) {
                t.executionStoppedAt = now;
            }
            for (ContainerRecord c : t.containers) {
                c.lastStatus = "STOPPED";
            }
            t.attachmentStatus = "DELETED";
            t.stoppedAt = now;
            t.advance(
                    TaskStatus.STOPPED,
                    now,
                    t.stopCode == null ? t.stoppedReason : t.stopCode + ": " + t.stoppedReason);
        }
        changed();
    }

    static String shortId(String id) {
        return id == null ? "-" : id.substring(0, Math.min(12, id.length()));
    }

    // =============================================================================================== services

    /** CreateService: a REPLICA service with one PRIMARY deployment; the scheduler starts its tasks. */
    public Service createService(CreateServiceRequest request, TaskDefinition td, String createdBy) {
        synchronized (lock) {
            ClusterRecord cluster = activeCluster(request.cluster());
            String name = request.serviceName();
            if (!SERVICE_NAME.matcher(name).matches()) {
                throw EcsErrors.invalidParameter("Service name '" + name + "' is invalid. Up to 255 letters "
                        + "(uppercase and lowercase), numbers, underscores, and hyphens are allowed.");
            }
            if (request.schedulingStrategyAsString() != null
                    && !"REPLICA".equals(request.schedulingStrategyAsString())) {
                throw EcsErrors.invalidParameter(
                        "Drydock runs REPLICA services only; DAEMON services need container " + "instances.");
            }
            int desired = request.desiredCount() == null ? 0 : request.desiredCount();
            if (desired < 0) {
                throw EcsErrors.invalidParameter("Task count can not be lesser than 0");
            }
            String launchType =
                    resolveLaunchType(request.launchTypeAsString(), request.capacityProviderStrategy(), cluster);
            checkRunnable(td, launchType, request.networkConfiguration(), true);
            if (services.containsKey(serviceKey(cluster.name, name))) {
                throw EcsErrors.invalidParameter("Creation of service was not idempotent.");
            }
            DeploymentConfiguration dc = deploymentConfiguration(request.deploymentConfiguration());
            List<CapacityProviderStrategyItem> strategy =
                    effectiveStrategy(request.launchTypeAsString(), request.capacityProviderStrategy(), cluster);
            String lt = strategy.isEmpty() ? launchType : null;
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
                    request.propagateTagsAsString() == null ? "NONE" : request.propagateTagsAsString(),
                    Boolean.TRUE.equals(request.enableECSManagedTags()),
                    "arn:aws:iam::" + arns.accountId()
                            + ":role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS");
            s.desiredCount = desired;
            s.taskDefinition = td;
            s.networkConfiguration = request.networkConfiguration();
            s.deploymentConfiguration = dc;
            s.enableExecuteCommand = Boolean.TRUE.equals(request.enableExecuteCommand());
            s.deployments.add(new DeploymentRecord(
                    EcsArns.newDeploymentId(),
                    td,
                    request.networkConfiguration(),
                    lt,
                    strategy,
                    desired,
                    clock.instant()));
            services.put(serviceKey(cluster.name, name), s);
            events.deployment(
                    s,
                    s.primary(),
                    "INFO",
                    "SERVICE_DEPLOYMENT_IN_PROGRESS",
                    s.primary().rolloutStateReason,
                    s.createdAt);
            Service model = serviceModel(s, true);
            changed();
            return model;
        }
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

    /** UpdateService: desired count, a new task definition (a new deployment), network configuration. */
    public Service updateService(UpdateServiceRequest request, TaskDefinition newTd) {
        synchronized (lock) {
            ClusterRecord cluster = activeCluster(request.cluster());
            ServiceRecord s = services.get(serviceKey(cluster.name, request.service()));
            if (s == null) {
                s = lookupServiceByArn(cluster, request.service());
            }
            if (s == null) {
                if (inactiveServiceExists(cluster.name, request.service())) {
                    throw EcsErrors.serviceNotActive();
                }
                throw EcsErrors.serviceNotFound();
            }
            if (!"ACTIVE".equals(s.status)) {
                throw EcsErrors.serviceNotActive();
            }
            if (request.desiredCount() != null && request.desiredCount() < 0) {
                throw EcsErrors.invalidParameter("Task count can not be lesser than 0");
            }
            NetworkConfiguration network =
                    request.networkConfiguration() != null ? request.networkConfiguration() : s.networkConfiguration;
            TaskDefinition td = newTd != null ? newTd : s.taskDefinition;
            String launchType = s.launchType != null ? s.launchType : "FARGATE";
            checkRunnable(td, launchType, network, true);
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
                s.propagateTags = request.propagateTagsAsString();
            }
            if (request.enableECSManagedTags() != null) {
                s.enableEcsManagedTags = request.enableECSManagedTags();
            }
            boolean newDeployment = Boolean.TRUE.equals(request.forceNewDeployment())
                    || !td.taskDefinitionArn().equals(s.taskDefinition.taskDefinitionArn())
                    || !network.equals(s.networkConfiguration);
            s.taskDefinition = td;
            s.networkConfiguration = network;
            Instant now = clock.instant();
            if (newDeployment) {
                for (DeploymentRecord d : s.deployments) {
                    d.status = "ACTIVE";
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
                if (s.primary().rolloutState.equals("COMPLETED")) {
                    s.steadyStateReported = false;
                }
            }
            Service model = serviceModel(s, true);
            changed();
            return model;
        }
    }

    /** DeleteService: desiredCount must be 0 unless forced; the service drains, then becomes INACTIVE. */
    public Service deleteService(String clusterRef, String serviceRef, boolean force) {
        synchronized (lock) {
            ClusterRecord cluster = activeCluster(clusterRef);
            ServiceRecord s = services.get(serviceKey(cluster.name, serviceRef));
            if (s == null) {
                s = lookupServiceByArn(cluster, serviceRef);
            }
            if (s == null) {
                if (inactiveServiceExists(cluster.name, serviceRef)) {
                    throw EcsErrors.serviceNotActive();
                }
                throw EcsErrors.serviceNotFound();
            }
            if (!"ACTIVE".equals(s.status)) {
                throw EcsErrors.serviceNotActive();
            }
            if (s.desiredCount > 0 && !force) {
                throw EcsErrors.invalidParameter("The service cannot be stopped while it is scaled above 0.");
            }
            s.desiredCount = 0;
            s.status = "DRAINING";
            for (DeploymentRecord d : s.deployments) {
                d.desiredCount = 0;
                d.updatedAt = clock.instant();
            }
            Service model = serviceModel(s, true);
            changed();
            return model;
        }
    }

    /** DescribeServices: unknown names come back as failures with reason MISSING. */
    public Described<Service> describeServices(String clusterRef, List<String> refs, boolean includeTags) {
        synchronized (lock) {
            ClusterRecord cluster = activeCluster(clusterRef);
            List<Service> found = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            for (String ref : refs) {
                ServiceRecord s = services.get(serviceKey(cluster.name, ref));
                if (s == null) {
                    s = lookupServiceByArn(cluster, ref);
                }
                if (s == null) {
                    s = lastInactive(cluster.name, ref);
                }
                if (s == null) {
                    failures.add(Failure.builder()
                            .arn(ref.startsWith("arn:") ? ref : arns.service(cluster.name, ref))
                            .reason("MISSING")
                            .build());
                } else {
                    found.add(serviceModel(s, includeTags));
                }
            }
            return new Described<>(found, failures);
        }
    }

    /** Whether the cluster has an ACTIVE or DRAINING service of that name or ARN. */
    public boolean serviceExists(String clusterRef, String serviceRef) {
        synchronized (lock) {
            ClusterRecord cluster = activeCluster(clusterRef);
            return services.containsKey(serviceKey(cluster.name, serviceRef))
                    || lookupServiceByArn(cluster, serviceRef) != null;
        }
    }

    /** ListServices: ARNs of the cluster's services that are not INACTIVE. */
    public List<String> listServiceArns(String clusterRef, String launchType) {
        synchronized (lock) {
            ClusterRecord cluster = activeCluster(clusterRef);
            List<String> result = new ArrayList<>();
            for (ServiceRecord s : services.values()) {
                if (s.clusterName.equals(cluster.name) && (launchType == null || launchType.equals(s.launchType))) {
                    result.add(s.arn);
                }
            }
            return result;
        }
    }

    private ServiceRecord lookupServiceByArn(ClusterRecord cluster, String ref) {
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
        return clusterPart.equals(cluster.name) ? services.get(serviceKey(cluster.name, name)) : null;
    }

    private boolean inactiveServiceExists(String cluster, String ref) {
        return lastInactive(cluster, ref) != null;
    }

    private ServiceRecord lastInactive(String cluster, String ref) {
        for (int i = inactiveServices.size() - 1; i >= 0; i--) {
            ServiceRecord s = inactiveServices.get(i);
            if (s.clusterName.equals(cluster) && (s.name.equals(ref) || s.arn.equals(ref))) {
                return s;
            }
        }
        return null;
    }

    private static String serviceKey(String cluster, String service) {
        return cluster + "/" + service;
    }

    private Service serviceModel(ServiceRecord s, boolean includeTags) {
        List<ServiceRecord.DeploymentCounts> counts = new ArrayList<>();
        int running = 0;
        int pending = 0;
        for (DeploymentRecord d : s.deployments) {
            int r = 0;
            int p = 0;
            for (TaskRecord t : tasksOf(s, d)) {
                if (t.lastStatus == TaskStatus.RUNNING && "RUNNING".equals(t.desiredStatus)) {
                    r++;
                } else if (t.lastStatus.pending() && "RUNNING".equals(t.desiredStatus)) {
                    p++;
                }
            }
            counts.add(new ServiceRecord.DeploymentCounts(r, p));
            running += r;
            pending += p;
        }
        return s.toModel(running, pending, counts, includeTags);
    }

    private List<TaskRecord> tasksOf(ServiceRecord s, DeploymentRecord d) {
        List<TaskRecord> result = new ArrayList<>();
        for (TaskRecord t : serviceTasks(s)) {
            if (d.id.equals(t.startedBy)) {
                result.add(t);
            }
        }
        return result;
    }

    /** Every task a service of this cluster and name ever started (an index: no scan over all tasks). */
    private List<TaskRecord> serviceTasks(ServiceRecord s) {
        return tasksByService.getOrDefault(serviceKey(s.clusterName, s.name), List.of());
    }

    // ====================================================================================== service scheduler

    /**
     * One pass of the service scheduler over every service: keep each PRIMARY deployment at its desired count,
     * replace stopped and unhealthy tasks, roll old deployments out within minimumHealthyPercent/maximumPercent, trip
     * the deployment circuit breaker (and roll back), drain deleted services, and record the events ECS records.
     * Launches and stops go to the lifecycle, which never blocks.
     *
     * @return the earliest time a throttled launch may retry, or {@code null} when nothing waits
     */
    public Instant reconcileServices() {
        List<TaskRecord> toLaunch = new ArrayList<>();
        Instant retryAt = null;
        synchronized (lock) {
            Instant now = clock.instant();
            for (ServiceRecord s : new ArrayList<>(services.values())) {
                Instant r = reconcile(s, now, toLaunch);
                if (r != null && (retryAt == null || r.isBefore(retryAt))) {
                    retryAt = r;
                }
            }
        }
        for (TaskRecord t : toLaunch) {
            lifecycle.launch(t);
        }
        return retryAt;
    }

    private Instant reconcile(ServiceRecord s, Instant now, List<TaskRecord> toLaunch) {
        ClusterRecord cluster = clusters.get(s.clusterName);
        List<TaskRecord> mine = serviceTasks(s);
        stopUnhealthy(mine);
        countFailures(s, mine, now);
        int desired = s.desiredCount;
        s.primary().desiredCount = desired;
        circuitBreaker(s, now);
        DeploymentRecord primary = s.primary();
        boolean failed = "FAILED".equals(primary.rolloutState);
        int maxTasks = (int) Math.floor(desired * s.deploymentConfiguration.maximumPercent() / 100.0);
        int minHealthy = (int) Math.ceil(desired * s.deploymentConfiguration.minimumHealthyPercent() / 100.0);
        if ("DRAINING".equals(s.status)) {
            maxTasks = 0;
            minHealthy = 0;
        }

        List<TaskRecord> active = filter(mine, t -> "RUNNING".equals(t.desiredStatus));
        List<TaskRecord> primaryTasks = filter(active, t -> primary.id.equals(t.startedBy));
        List<TaskRecord> oldTasks = filter(active, t -> !primary.id.equals(t.startedBy));
        int primaryHealthy = count(primaryTasks, EcsBackend::healthy);
        int oldHealthy = count(oldTasks, EcsBackend::healthy);

        // 1. scale the primary deployment down
        if (primaryTasks.size() > desired) {
            List<TaskRecord> victims = new ArrayList<>(primaryTasks);
            victims.sort(Comparator.comparing((TaskRecord t) -> t.lastStatus == TaskStatus.RUNNING)
                    .thenComparing(t -> t.createdAt, Comparator.reverseOrder()));
            List<TaskRecord> stop = victims.subList(0, primaryTasks.size() - desired);
            stopForService(s, primary, stop, now);
            primaryTasks.removeAll(stop);
            primaryHealthy = count(primaryTasks, EcsBackend::healthy);
        }
        // 2. stop old deployments' tasks as far as minimumHealthyPercent allows (a FAILED deployment keeps them):
        // tasks not RUNNING yet at once; RUNNING ones whose first health check has not reported (UNKNOWN) count for
        // nothing but are no unhealthy tasks either, so they stop only once the healthy tasks meet the minimum
        boolean stoppedOld = false;
        if (!oldTasks.isEmpty() && (!failed || "DRAINING".equals(s.status))) {
            int surplus = primaryHealthy + oldHealthy - minHealthy;
            List<TaskRecord> stop =
                    filter(oldTasks, t -> t.lastStatus != TaskStatus.RUNNING || (!healthy(t) && surplus >= 0));
            int stoppable = Math.max(0, surplus);
            for (TaskRecord t : oldTasks) {
                if (healthy(t) && stoppable > 0) {
                    stop.add(t);
                    stoppable--;
                }
            }
            if (!stop.isEmpty()) {
                stopForService(s, primary, stop, now);
                oldTasks.removeAll(stop);
                stoppedOld = true;
            }
        }
        // 3. launch primary tasks up to desired, within maximumPercent; a FAILED deployment launches none
        int launchable = Math.min(desired - primaryTasks.size(), maxTasks - primaryTasks.size() - oldTasks.size());
        Instant retryAt = null;
        if (launchable > 0 && !failed && cluster != null && cluster.active()) {
            if (now.isBefore(s.nextLaunchAllowedAt)) {
                retryAt = s.nextLaunchAllowedAt;
            } else {
                List<String> started = new ArrayList<>();
                for (int i = 0; i < launchable; i++) {
                    TaskRecord t = newTask(
                            cluster,
                            primary.taskDefinition,
                            null,
                            "service:" + s.name,
                            primary.id,
                            primary.launchType != null ? primary.launchType : "FARGATE",
                            capacityProviderName(primary.capacityProviderStrategy),
                            primary.networkConfiguration.awsvpcConfiguration(),
                            serviceTaskTags(s, primary.taskDefinition),
                            s.name,
                            s.enableExecuteCommand);
                    toLaunch.add(t);
                    started.add("(task " + t.id + ")");
                }
                String replaced = s.unhealthyReplaced > 0
                        ? " Amazon ECS replaced " + s.unhealthyReplaced + " tasks due to an unhealthy status."
                        : "";
                s.unhealthyReplaced = 0;
                s.event(now, "has started " + started.size() + " tasks: " + String.join(" ", started) + "." + replaced);
                s.steadyStateReported = false;
                s.stuckReported = false;
            }
        } else if (launchable <= 0
                && !stoppedOld
                && !oldTasks.isEmpty()
                && !failed
                && !s.stuckReported
                && primaryTasks.size() < desired
                && count(primaryTasks, t -> t.lastStatus.pending()) == 0
                && count(primaryTasks, EcsBackend::awaitingHealth) + count(oldTasks, EcsBackend::awaitingHealth) == 0) {
            // neither a start nor a stop fits the deployment configuration (and no health check result will change
            // that): ECS says so once
            s.stuckReported = true;
            s.event(
                    now,
                    "was unable to stop or start tasks during a deployment because of the service deployment "
                            + "configuration. Update the minimumHealthyPercent or maximumPercent value and try again.");
        }
        // 4. retire drained deployments, complete the rollout, report steady state
        for (int i = s.deployments.size() - 1; i >= 1; i--) {
            DeploymentRecord d = s.deployments.get(i);
            if (tasksOf(s, d).stream().allMatch(t -> t.lastStatus == TaskStatus.STOPPED)) {
                d.status = "INACTIVE";
                d.updatedAt = now;
                s.deployments.remove(i);
            }
        }
        if ("DRAINING".equals(s.status)) {
            if (mine.stream().allMatch(t -> t.lastStatus == TaskStatus.STOPPED)) {
                s.status = "INACTIVE";
                for (DeploymentRecord d : s.deployments) {
                    d.status = "INACTIVE";
                }
                services.remove(serviceKey(s.clusterName, s.name));
                inactiveServices.add(s);
            }
            return retryAt;
        }
        int primaryReady = count(primaryTasks, t -> healthy(t) && "RUNNING".equals(t.desiredStatus));
        boolean settled = s.deployments.size() == 1
                && !failed
                && primaryReady == desired
                && primaryTasks.stream().noneMatch(t -> "RUNNING".equals(t.desiredStatus) && t.lastStatus.pending());
        if (settled) {
            if ("IN_PROGRESS".equals(primary.rolloutState)) {
                primary.rolloutState = "COMPLETED";
                primary.rolloutStateReason = "ECS deployment " + primary.id + " completed.";
                primary.updatedAt = now;
                s.lastCompleted = primary;
                s.event(now, "(deployment " + primary.id + ") deployment completed.");
                events.deployment(s, primary, "INFO", "SERVICE_DEPLOYMENT_COMPLETED", primary.rolloutStateReason, now);
            }
            if (!s.steadyStateReported) {
                s.steadyStateReported = true;
                s.event(now, "has reached a steady state.");
                events.serviceAction(s, "INFO", "SERVICE_STEADY_STATE", now);
            }
        }
        return retryAt;
    }

    /**
     * Counts the service's tasks that failed since the last pass against their deployment (a task that could not
     * start, whose essential container exited, or that failed its health checks), and throttles launches after
     * tasks that could not start, as ECS's service throttle logic does.
     */
    private void countFailures(ServiceRecord s, List<TaskRecord> mine, Instant now) {
        for (TaskRecord t : mine) {
            if ("STOPPED".equals(t.desiredStatus) && !t.failureCounted && failure(t)) {
                t.failureCounted = true;
                if (UNHEALTHY_REASON.equals(t.stoppedReason)) {
                    s.event(now, "(task " + t.id + ") failed container health checks.");
                    s.event(now, "has stopped 1 running tasks: (task " + t.id + ").");
                    events.serviceAction(s, "INFO", "TASKS_STOPPED", now);
                    s.unhealthyReplaced++;
                    s.steadyStateReported = false;
                }
                DeploymentRecord d = s.deployment(t.startedBy);
                if (d != null && "IN_PROGRESS".equals(d.rolloutState)) {
                    d.failedTasks++;
                    d.updatedAt = now;
                }
                if ("TaskFailedToStart".equals(t.stopCode)) {
                    s.consecutiveLaunchFailures++;
                    s.nextLaunchAllowedAt = now.plusMillis(
                            Math.min(30_000L, 500L * (1L << Math.min(6, s.consecutiveLaunchFailures - 1))));
                    s.event(now, "failed to launch a task with (error " + t.stoppedReason + ").");
                    if (s.consecutiveLaunchFailures == 3) {
                        s.event(
                                now,
                                "is unable to consistently start tasks successfully. For more information, see "
                                        + "the Troubleshooting section of the Amazon ECS Developer Guide.");
                        events.serviceAction(s, "WARN", "SERVICE_TASK_START_IMPAIRED", now);
                    }
                }
            } else if (t.reachedRunning && !t.successCounted && !"TaskFailedToStart".equals(t.stopCode)) {
                t.successCounted = true;
                s.consecutiveLaunchFailures = 0;
            }
        }
    }

    private static boolean failure(TaskRecord t) {
        return "TaskFailedToStart".equals(t.stopCode)
                || "EssentialContainerExited".equals(t.stopCode)
                || (t.stoppedReason != null && t.stoppedReason.startsWith(UNHEALTHY_REASON));
    }

    /**
     * Stops the service's running tasks whose health checks failed (ServiceSchedulerInitiated, "Task failed container
     * health checks"); {@link #countFailures} reports them, whoever stopped them, and the launch step replaces them.
     */
    private void stopUnhealthy(List<TaskRecord> mine) {
        for (TaskRecord t :
                filter(mine, x -> "RUNNING".equals(x.desiredStatus) && "UNHEALTHY".equals(x.healthStatus()))) {
            requestStop(t, "ServiceSchedulerInitiated", UNHEALTHY_REASON);
        }
    }

    /**
     * The deployment circuit breaker: a PRIMARY deployment still IN_PROGRESS whose failed tasks reach the threshold
     * (0.5 x its desired count, at least 3, at most 200) becomes FAILED; with rollback, the last COMPLETED deployment
     * becomes PRIMARY again.
     */
    private void circuitBreaker(ServiceRecord s, Instant now) {
        DeploymentCircuitBreaker breaker = s.deploymentConfiguration.deploymentCircuitBreaker();
        DeploymentRecord primary = s.primary();
        if (breaker == null
                || !Boolean.TRUE.equals(breaker.enable())
                || !"ACTIVE".equals(s.status)
                || !"IN_PROGRESS".equals(primary.rolloutState)
                || primary.failedTasks < circuitBreakerThreshold(primary.desiredCount)) {
            return;
        }
        primary.rolloutState = "FAILED";
        primary.rolloutStateReason = "ECS deployment circuit breaker: tasks failed to start.";
        primary.updatedAt = now;
        s.event(now, "(deployment " + primary.id + ") deployment failed: tasks failed to start.");
        events.deployment(s, primary, "ERROR", "SERVICE_DEPLOYMENT_FAILED", primary.rolloutStateReason, now);
        DeploymentRecord target = s.lastCompleted;
        if (!Boolean.TRUE.equals(breaker.rollback()) || target == null || target == primary) {
            return;
        }
        primary.status = "ACTIVE";
        s.deployments.remove(target);
        s.deployments.add(0, target);
        target.status = "PRIMARY";
        target.rolloutState = "IN_PROGRESS";
        target.rolloutStateReason = "ECS deployment circuit breaker: rolling back to deploymentId " + target.id + ".";
        target.desiredCount = s.desiredCount;
        target.updatedAt = now;
        s.taskDefinition = target.taskDefinition;
        s.networkConfiguration = target.networkConfiguration;
        s.steadyStateReported = false;
        s.event(now, "rolling back to deployment " + target.id + ".");
        events.deployment(s, target, "INFO", "SERVICE_DEPLOYMENT_IN_PROGRESS", target.rolloutStateReason, now);
    }

    /** ECS's circuit breaker threshold: 0.5 x the desired count, rounded up, between 3 and 200. */
    static int circuitBreakerThreshold(int desiredCount) {
        return Math.min(200, Math.max(3, (desiredCount + 1) / 2));
    }

    /**
     * Whether a task counts as healthy for minimumHealthyPercent and steady state: RUNNING, and HEALTHY when one of
     * its containers has a health check (UNKNOWN otherwise).
     */
    private static boolean healthy(TaskRecord t) {
        if (t.lastStatus != TaskStatus.RUNNING) {
            return false;
        }
        String health = t.healthStatus();
        if ("HEALTHY".equals(health)) {
            return true;
        }
        return "UNKNOWN".equals(health)
                && t.containers.stream().noneMatch(c -> c.definition().healthCheck() != null);
    }

    /** Whether a task is RUNNING and waits for the first result of its health checks (health UNKNOWN). */
    private static boolean awaitingHealth(TaskRecord t) {
        return t.lastStatus == TaskStatus.RUNNING
                && "UNKNOWN".equals(t.healthStatus())
                && t.containers.stream().anyMatch(c -> c.definition().healthCheck() != null);
    }

    private void stopForService(ServiceRecord s, DeploymentRecord primary, Collection<TaskRecord> stop, Instant now) {
        stopForService(
                s,
                stop,
                now,
                "ServiceSchedulerInitiated",
                "Scaling activity initiated by (deployment " + primary.id + ")");
    }

    private void stopForService(
            ServiceRecord s, Collection<TaskRecord> stop, Instant now, String stopCode, String reason) {
        if (stop.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        for (TaskRecord t : stop) {
            boolean running = t.lastStatus == TaskStatus.RUNNING;
            requestStop(t, stopCode, reason);
            if (running) {
                ids.add("(task " + t.id + ")");
            }
        }
        if (!ids.isEmpty()) {
            s.event(now, "has stopped " + ids.size() + " running tasks: " + String.join(" ", ids) + ".");
            events.serviceAction(s, "INFO", "TASKS_STOPPED", now);
        }
        s.steadyStateReported = false;
    }

    private static List<TaskRecord> filter(List<TaskRecord> tasks, Predicate<TaskRecord> p) {
        List<TaskRecord> result = new ArrayList<>();
        for (TaskRecord t : tasks) {
            if (p.test(t)) {
                result.add(t);
            }
        }
        return result;
    }

    private static int count(List<TaskRecord> tasks, Predicate<TaskRecord> p) {
        int n = 0;
        for (TaskRecord t : tasks) {
            if (p.test(t)) {
                n++;
            }
        }
        return n;
    }

    /** Stops every task that is not stopped yet (used when Drydock closes). */
    public List<TaskRecord> stopAll(String reason) {
        List<TaskRecord> stopping = new ArrayList<>();
        synchronized (lock) {
            for (ServiceRecord s : services.values()) {
                s.desiredCount = 0;
            }
            for (TaskRecord t : tasks.values()) {
                if (t.lastStatus != TaskStatus.STOPPED) {
                    requestStop(t, "UserInitiated", reason);
                    stopping.add(t);
                }
            }
        }
        return stopping;
    }

    // ================================================================================================== tags

    /** The tags of a cluster, task definition, task or service ARN. */
    public List<Tag> tags(String resourceArn) {
        synchronized (lock) {
            return List.copyOf(mutableTags(resourceArn));
        }
    }

    /** The tags of an ECS resource as a map, for {@code aws:ResourceTag/*}; empty for ARNs that are not ECS's. */
    public Map<String, String> tagMap(String resourceArn) {
        synchronized (lock) {
            Map<String, String> result = new LinkedHashMap<>();
            try {
                for (Tag t : mutableTags(resourceArn)) {
                    result.put(t.key(), t.value());
                }
            } catch (AwsException e) {
                return Map.of();
            }
            return result;
        }
    }

    /** TagResource: adds or replaces tags by key; the resource keeps at most 50 tags, or nothing changes. */
    public void tag(String resourceArn, List<Tag> add) {
        synchronized (lock) {
            List<Tag> tags = mutableTags(resourceArn);
            List<Tag> merged = new ArrayList<>(tags);
            for (Tag t : add) {
                merged.removeIf(x -> x.key().equals(t.key()));
                merged.add(t);
            }
            EcsRequestChecks.checkTags(merged);
            tags.clear();
            tags.addAll(merged);
        }
    }

    /** UntagResource: removes tags by key. */
    public void untag(String resourceArn, List<String> keys) {
        synchronized (lock) {
            mutableTags(resourceArn).removeIf(t -> keys.contains(t.key()));
        }
    }

    private List<Tag> mutableTags(String arn) {
        checkTaggableArn(arn);
        if (arns.resource(arn, "cluster").isPresent()) {
            ClusterRecord c = lookupCluster(arn);
            if (c != null) {
                return c.tags;
            }
        }
        if (taskDefinitionTags.containsKey(arn)) {
            return taskDefinitionTags.get(arn);
        }
        TaskRecord t = tasks.get(arn);
        if (t != null) {
            return t.mutableTags;
        }
        for (ServiceRecord s : services.values()) {
            if (s.arn.equals(arn)) {
                return s.mutableTags;
            }
        }
        throw AwsException.client("InvalidParameterException", "The specified resource is not found: " + arn);
    }

    /**
     * The ARN forms ECS tags: an ECS ARN (else {@code The ARN provided is invalid},
     * https://github.com/boto/boto3/issues/2774), in the long format for tasks and services, with the cluster name
     * (else {@code Long arn format must be used for tagging operations}).
     */
    private void checkTaggableArn(String arn) {
        if (!arn.startsWith("arn:aws:ecs:")) {
            throw EcsErrors.invalidParameter("The ARN provided is invalid");
        }
        for (String type : List.of("task", "service")) {
            Optional<String> resource = arns.resource(arn, type);
            if (resource.isPresent() && !resource.get().contains("/")) {
                throw EcsErrors.invalidParameter("Long arn format must be used for tagging operations");
            }
        }
    }

    /**
     * A Describe* result: what was found, and a {@link Failure} (reason MISSING) for each reference that was not.
     *
     * @param found the described resources
     * @param failures the references not found
     */
    public record Described<T>(List<T> found, List<Failure> failures) {}
}
