package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.ecs.internal.EcsArns;
import dev.drydock.ecs.internal.EcsErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.TargetType;
import software.amazon.awssdk.services.ecs.model.VersionInfo;

/**
 * The model's container instances: registration (as the ECS agent registers an EC2 host, with its instance identity
 * document and total resources), lookup by id or ARN, DescribeContainerInstances, ListContainerInstances, the
 * ACTIVE/DRAINING/INACTIVE states and attributes (built-in {@code ecs.*} ones and up to 10 custom ones). Guarded by the
 * backend's lock: callers hold it.
 */
final class ContainerInstances {
    /**
     * The ports the ECS agent reserves by default (ECS_RESERVED_PORTS: SSH, the Docker daemon and the agent's
     * introspection and credentials ports; https://github.com/aws/amazon-ecs-agent/blob/master/README.md).
     */
    static final List<String> RESERVED_PORTS = List.of("22", "2375", "2376", "51678", "51679");
    /** Custom attributes a container instance may carry (PutAttributes). */
    static final int MAX_CUSTOM_ATTRIBUTES = 10;
    /** ECS agent version Drydock's container instances report. */
    static final String AGENT_VERSION = "1.89.2";

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-zA-Z0-9_./\\\\-]{1,128}");
    private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("[a-zA-Z0-9_.@/\\\\: -]{1,128}");
    private static final Pattern AVAILABILITY_ZONE = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d[a-z]");

    private final EcsArns arns;
    private final Clock clock;
    private final Map<String, ContainerInstanceRecord> byArn = new LinkedHashMap<>();
    /** Told of each instance registered (where its EC2 instance is). */
    private final Consumer<ContainerInstanceRecord> located;
    /** The registered (ACTIVE or DRAINING) instances of each cluster, in registration order. */
    private final Map<String, List<ContainerInstanceRecord>> registered = new HashMap<>();

    private int nextIp = 10;

    ContainerInstances(EcsArns arns, Clock clock, Consumer<ContainerInstanceRecord> located) {
        this.arns = arns;
        this.clock = clock;
        this.located = located;
    }

    /**
     * RegisterContainerInstance: a new ACTIVE container instance in {@code cluster}. The instance identity document
     * (JSON, as EC2's instance metadata serves it) gives the EC2 instance id, type, availability zone, AMI,
     * architecture and private IP; {@code totalResources} the CPU units, MiB and reserved ports, else they come from
     * the instance type's size ({@link InstanceTypes}). The agent's {@code attributes} are kept; when they hold no
     * capabilities (only custom attributes), the instance carries those of an ECS-optimized AMI's agent. Re-registering a known
     * {@code containerInstanceArn} updates its attributes.
     *
     * @throws AwsException InvalidParameterException for an identity document that is not JSON, a resource or
     *     attribute ECS refuses, or an instance whose size is unknown
     */
    ContainerInstanceRecord register(ClusterRecord cluster, RegisterContainerInstanceRequest r) {
        if (r.containerInstanceArn() != null) {
            ContainerInstanceRecord known = lookup(cluster, r.containerInstanceArn());
            if (known == null || known.status == ContainerInstanceRecord.Status.INACTIVE) {
                throw EcsErrors.invalidParameter(
                        "The referenced container instance " + r.containerInstanceArn() + " was not found.");
            }
            Map<String, String> merged = new LinkedHashMap<>(known.attributes);
            for (Attribute a : r.attributes()) {
                merged.put(a.name(), a.value());
            }
            checkAttributes(merged, r.attributes());
            known.attributes.clear();
            known.attributes.putAll(merged);
            known.version++;
            return known;
        }
        Map<String, Object> identity = identityDocument(r.instanceIdentityDocument());
        String instanceType = text(identity, "instanceType");
        String az = text(identity, "availabilityZone");
        if (az == null) {
            az = arns.region() + "a";
        } else if (!AVAILABILITY_ZONE.matcher(az).matches()) {
            throw EcsErrors.invalidParameter("instanceIdentityDocument: availabilityZone '" + az
                    + "' is not an availability zone (e.g. " + arns.region() + "a).");
        }
        String ec2InstanceId = Optional.ofNullable(text(identity, "instanceId")).orElseGet(EcsArns::newEc2InstanceId);
        String privateIp = Optional.ofNullable(text(identity, "privateIp")).orElseGet(this::nextPrivateIp);
        String ami = Optional.ofNullable(text(identity, "imageId")).orElse("ami-0" + EcsArns.newHex(16));
        String architecture =
                Optional.ofNullable(text(identity, "architecture")).orElse("x86_64");

        Integer cpu = null;
        Integer memory = null;
        Set<String> ports = new LinkedHashSet<>(RESERVED_PORTS);
        Set<String> udpPorts = new LinkedHashSet<>();
        for (Resource res : r.totalResources()) {
            switch (res.name() == null ? "" : res.name()) {
                case "CPU" -> cpu = positive(res);
                case "MEMORY" -> memory = positive(res);
                case "PORTS" -> ports = checkedPorts(res);
                case "PORTS_UDP" -> udpPorts = checkedPorts(res);
                default ->
                    throw EcsErrors.invalidParameter("totalResources: unknown resource '" + res.name()
                            + "'. Valid names: CPU, MEMORY, PORTS, PORTS_UDP.");
            }
        }
        if (cpu == null || memory == null) {
            InstanceTypes.InstanceType size = InstanceTypes.find(instanceType)
                    .orElseThrow(() -> EcsErrors.invalidParameter("totalResources must give CPU and MEMORY for "
                            + "instance type '" + instanceType + "': Drydock knows the size of "
                            + InstanceTypes.known() + "."));
            cpu = cpu == null ? size.cpuUnits() : cpu;
            memory = memory == null ? size.memoryMiB() : memory;
        }

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ecs.ami-id", ami);
        attributes.put("ecs.availability-zone", az);
        if (instanceType != null) {
            attributes.put("ecs.instance-type", instanceType);
        }
        attributes.put("ecs.os-type", "linux");
        attributes.put("ecs.os-family", "LINUX");
        attributes.put("ecs.cpu-architecture", architecture.equals("arm64") ? "arm64" : "x86_64");
        if (r.attributes().stream().allMatch(a -> a.name() != null && custom(a.name()))) {
            for (String capability : AGENT_CAPABILITIES) {
                attributes.put(capability, null);
            }
        }
        for (Attribute a : r.attributes()) {
            attributes.put(a.name(), a.value());
        }
        checkAttributes(attributes, r.attributes());

        String id = EcsArns.newTaskId();
        VersionInfo version = r.versionInfo() != null
                ? r.versionInfo()
                : VersionInfo.builder()
                        .agentVersion(AGENT_VERSION)
                        .agentHash("drydock")
                        .dockerVersion("DockerVersion: 20.10.25")
                        .build();
        ContainerInstanceRecord ci = new ContainerInstanceRecord(
                id,
                arns.containerInstance(cluster.name, id),
                cluster.name,
                ec2InstanceId,
                instanceType,
                az,
                privateIp,
                clock.instant(),
                version,
                cpu,
                memory,
                ports,
                udpPorts);
        ci.attributes.putAll(attributes);
        InstanceTypes.find(instanceType).ifPresent(type -> ci.taskEniLimit = type.maxEnis() - 1);
        ci.ec2Instance = new Ec2Instance(
                ci.arn,
                ec2InstanceId,
                instanceType,
                az,
                privateIp,
                ami,
                attributes.get("ecs.cpu-architecture"),
                arns.region(),
                arns.accountId(),
                ci.registeredAt,
                null);
        ci.tags.addAll(r.tags());
        byArn.put(ci.arn, ci);
        registered.computeIfAbsent(cluster.name, k -> new ArrayList<>()).add(ci);
        located.accept(ci);
        return ci;
    }

    /** The capabilities an ECS-optimized AMI's agent registers, as name-only attributes (those Drydock can honour). */
    private static final List<String> AGENT_CAPABILITIES = capabilities();

    private static List<String> capabilities() {
        List<String> c = new ArrayList<>();
        for (int minor = 17; minor <= 41; minor++) {
            c.add("com.amazonaws.ecs.capability.docker-remote-api.1." + minor);
        }
        c.add("com.amazonaws.ecs.capability.logging-driver.json-file");
        c.add("com.amazonaws.ecs.capability.logging-driver.awslogs");
        c.add("com.amazonaws.ecs.capability.logging-driver.none");
        c.add("com.amazonaws.ecs.capability.task-iam-role");
        c.add("com.amazonaws.ecs.capability.task-iam-role-network-host");
        c.add("ecs.capability.execution-role-awslogs");
        c.add("ecs.capability.execution-role-ecr-pull");
        c.add("ecs.capability.container-health-check");
        c.add("ecs.capability.task-eni");
        c.add("ecs.capability.secrets.asm.environment-variables");
        c.add("ecs.capability.secrets.ssm.environment-variables");
        c.add("ecs.capability.efsAuth");
        c.add("ecs.capability.efs");
        c.add("ecs.capability.container-ordering");
        return List.copyOf(c);
    }

    private String nextPrivateIp() {
        int n = nextIp++;
        return "10.0." + (n / 250) + "." + (n % 250 + 2);
    }

    private static Map<String, Object> identityDocument(String document) {
        if (document == null || document.isBlank()) {
            return Map.of();
        }
        try {
            if (JsonTree.parse(document.getBytes(StandardCharsets.UTF_8)) instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> result = (Map<String, Object>) map;
                return result;
            }
        } catch (IOException e) {
            // answered below
        }
        throw EcsErrors.invalidParameter("instanceIdentityDocument must be the instance identity document as JSON "
                + "(http://169.254.169.254/latest/dynamic/instance-identity/document).");
    }

    private static String text(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v instanceof String s && !s.isBlank() ? s : null;
    }

    private static int positive(Resource r) {
        Integer v = r.integerValue();
        if (v == null || v <= 0) {
            throw EcsErrors.invalidParameter("totalResources: " + r.name() + " must have a positive integerValue.");
        }
        return v;
    }

    private static Set<String> checkedPorts(Resource r) {
        Set<String> ports = new LinkedHashSet<>();
        for (String p : r.stringSetValue()) {
            int port;
            try {
                port = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw EcsErrors.invalidParameter(
                        "totalResources: " + r.name() + " holds '" + p + "', which is not a port number (1-65535).");
            }
            ports.add(Integer.toString(port));
        }
        return ports;
    }

    /**
     * Checks attribute names and values (PutAttributes' rules,
     * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Attribute.html) and the limit of 10 custom
     * attributes per instance.
     */
    static void checkAttributes(Map<String, String> all, List<Attribute> given) {
        for (Attribute a : given) {
            if (a.name() == null || !ATTRIBUTE_NAME.matcher(a.name()).matches()) {
                throw EcsErrors.invalidParameter("Attribute name '" + a.name() + "' is invalid: 1 to 128 letters, "
                        + "numbers, hyphens, underscores, forward slashes, back slashes or periods.");
            }
            if (a.value() != null
                    && (!ATTRIBUTE_VALUE.matcher(a.value()).matches()
                            || a.value().startsWith(" ")
                            || a.value().endsWith(" "))) {
                throw EcsErrors.invalidParameter("Attribute value '" + a.value() + "' of " + a.name() + " is "
                        + "invalid: 1 to 128 letters, numbers, hyphens, underscores, periods, at signs, forward "
                        + "slashes, back slashes, colons or spaces, not starting or ending with a space.");
            }
        }
        long custom = all.keySet().stream().filter(ContainerInstances::custom).count();
        if (custom > MAX_CUSTOM_ATTRIBUTES) {
            throw AwsException.client(
                    "AttributeLimitExceededException",
                    "You can apply up to " + MAX_CUSTOM_ATTRIBUTES + " custom attributes for each resource.");
        }
    }

    /** Whether an attribute is a custom one (not the agent's {@code ecs.*} or {@code com.amazonaws.ecs.*}). */
    static boolean custom(String name) {
        return !name.startsWith("ecs.") && !name.startsWith("com.amazonaws.ecs.");
    }

    /** The container instance with this ARN, whatever its status, or {@code null}. */
    ContainerInstanceRecord byArn(String arn) {
        return byArn.get(arn);
    }

    /** Tells the sink where a container instance is, again (its address changed). */
    void located(ContainerInstanceRecord ci) {
        located.accept(ci);
    }

    /** The container instance of {@code cluster} an id or ARN names (INACTIVE ones too), or {@code null}. */
    ContainerInstanceRecord lookup(ClusterRecord cluster, String ref) {
        if (ref == null) {
            return null;
        }
        String arn = ref.startsWith("arn:") ? ref : arns.containerInstance(cluster.name, ref);
        ContainerInstanceRecord ci = byArn.get(arn);
        if (ci == null && ref.startsWith("arn:")) {
            // the old format without the cluster: arn:aws:ecs:region:account:container-instance/<id>
            Optional<String> id = arns.resource(ref, "container-instance");
            if (id.isPresent() && !id.get().contains("/")) {
                ci = byArn.get(arns.containerInstance(cluster.name, id.get()));
            }
        }
        return ci != null && ci.clusterName.equals(cluster.name) ? ci : null;
    }

    /** The ACTIVE or DRAINING instances of a cluster, in registration order (the live list). */
    List<ContainerInstanceRecord> registered(String cluster) {
        return registered.getOrDefault(cluster, List.of());
    }

    /** Whether the cluster has an ACTIVE container instance, where EC2 tasks can go. */
    boolean hasActive(String cluster) {
        for (ContainerInstanceRecord ci : registered(cluster)) {
            if (ci.active()) {
                return true;
            }
        }
        return false;
    }

    /** The ARN of a cluster of this model, by name. */
    String clusterArn(String cluster) {
        return arns.cluster(cluster);
    }

    /** Every container instance ever registered (INACTIVE ones too). */
    Collection<ContainerInstanceRecord> all() {
        return byArn.values();
    }

    /** DescribeContainerInstances: unknown ones come back as failures with reason MISSING. */
    EcsBackend.Described<ContainerInstance> describe(ClusterRecord cluster, List<String> refs, boolean includeTags) {
        List<ContainerInstance> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : refs) {
            ContainerInstanceRecord ci = lookup(cluster, ref);
            if (ci == null) {
                failures.add(
                        EcsBackend.missing(ref.startsWith("arn:") ? ref : arns.containerInstance(cluster.name, ref)));
            } else {
                found.add(ci.toModel(includeTags));
            }
        }
        return new EcsBackend.Described<>(found, failures);
    }

    /**
     * ListContainerInstances: ARNs of the cluster's instances in {@code status} (ACTIVE or DRAINING; both when
     * {@code null}) that {@code filter} accepts ({@code null}: all).
     */
    List<String> arns(ClusterRecord cluster, String status, Predicate<ContainerInstanceRecord> filter) {
        List<String> result = new ArrayList<>();
        for (ContainerInstanceRecord ci : registered(cluster.name)) {
            if ((status == null || ci.status.name().equals(status)) && (filter == null || filter.test(ci))) {
                result.add(ci.arn);
            }
        }
        return result;
    }

    /**
     * DeregisterContainerInstance: the instance becomes INACTIVE and gets no more tasks. Without {@code force}, an
     * instance that still has tasks is refused; with it, its tasks keep running (ECS leaves them orphaned; their
     * service replaces them).
     *
     * @throws AwsException InvalidParameterException for an unknown instance, or one with tasks without force
     */
    ContainerInstanceRecord deregister(ClusterRecord cluster, String ref, boolean force) {
        ContainerInstanceRecord ci = lookup(cluster, ref);
        if (ci == null || ci.status == ContainerInstanceRecord.Status.INACTIVE) {
            throw EcsErrors.invalidParameter("The referenced container instance " + ref + " was not found.");
        }
        if (!force && !ci.tasks.isEmpty()) {
            throw EcsErrors.invalidParameter(
                    "Found running tasks on the instance. Stop them first, or deregister " + "with force.");
        }
        ci.status = ContainerInstanceRecord.Status.INACTIVE;
        ci.agentConnected = false;
        ci.version++;
        registered(cluster.name).remove(ci);
        return ci;
    }

    /**
     * UpdateContainerInstancesState: each instance found moves to {@code status} (ACTIVE or DRAINING); unknown ones
     * come back as failures with reason MISSING.
     */
    EcsBackend.Described<ContainerInstance> updateState(ClusterRecord cluster, List<String> refs, String status) {
        ContainerInstanceRecord.Status target;
        if ("ACTIVE".equals(status)) {
            target = ContainerInstanceRecord.Status.ACTIVE;
        } else if ("DRAINING".equals(status)) {
            target = ContainerInstanceRecord.Status.DRAINING;
        } else {
            throw EcsErrors.invalidParameter(
                    "Container instances can only be set to ACTIVE or DRAINING, not " + status + ".");
        }
        List<ContainerInstance> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : refs) {
            ContainerInstanceRecord ci = lookup(cluster, ref);
            if (ci == null || ci.status == ContainerInstanceRecord.Status.INACTIVE) {
                failures.add(
                        EcsBackend.missing(ref.startsWith("arn:") ? ref : arns.containerInstance(cluster.name, ref)));
                continue;
            }
            if (ci.status != target) {
                ci.status = target;
                ci.version++;
            }
            found.add(ci.toModel(false));
        }
        return new EcsBackend.Described<>(found, failures);
    }

    /**
     * The container instance an attribute targets, for PutAttributes and DeleteAttributes.
     *
     * @throws AwsException TargetNotFoundException when there is none, InvalidParameterException for another target
     *     type
     */
    ContainerInstanceRecord target(ClusterRecord cluster, Attribute a) {
        if (a.targetType() != null && a.targetType() != TargetType.CONTAINER_INSTANCE) {
            throw EcsErrors.invalidParameter("targetType must be container-instance.");
        }
        if (a.targetId() == null) {
            throw EcsErrors.invalidParameter("targetId can not be blank for attribute " + a.name() + ".");
        }
        ContainerInstanceRecord ci = lookup(cluster, a.targetId());
        if (ci == null || ci.status == ContainerInstanceRecord.Status.INACTIVE) {
            throw AwsException.client(
                    "TargetNotFoundException",
                    "Could not find the target " + a.targetId() + " in cluster " + cluster.name + ".");
        }
        return ci;
    }

    /** PutAttributes: all or nothing; returns the attributes as given, with their target. */
    List<Attribute> putAttributes(ClusterRecord cluster, List<Attribute> given) {
        Map<ContainerInstanceRecord, Map<String, String>> next = new LinkedHashMap<>();
        Map<ContainerInstanceRecord, List<Attribute>> byTarget = new LinkedHashMap<>();
        for (Attribute a : given) {
            ContainerInstanceRecord ci = target(cluster, a);
            next.computeIfAbsent(ci, k -> new LinkedHashMap<>(k.attributes)).put(a.name(), a.value());
            byTarget.computeIfAbsent(ci, k -> new ArrayList<>()).add(a);
        }
        for (Map.Entry<ContainerInstanceRecord, Map<String, String>> e : next.entrySet()) {
            checkAttributes(e.getValue(), byTarget.get(e.getKey()));
        }
        for (Map.Entry<ContainerInstanceRecord, Map<String, String>> e : next.entrySet()) {
            e.getKey().attributes.clear();
            e.getKey().attributes.putAll(e.getValue());
        }
        return withTargets(given);
    }

    /** DeleteAttributes: all or nothing; returns the attributes as given, with their target. */
    List<Attribute> deleteAttributes(ClusterRecord cluster, List<Attribute> given) {
        List<ContainerInstanceRecord> targets = new ArrayList<>();
        for (Attribute a : given) {
            targets.add(target(cluster, a));
        }
        for (int i = 0; i < given.size(); i++) {
            targets.get(i).attributes.remove(given.get(i).name());
        }
        return withTargets(given);
    }

    private static List<Attribute> withTargets(List<Attribute> given) {
        List<Attribute> result = new ArrayList<>();
        for (Attribute a : given) {
            result.add(a.toBuilder().targetType(TargetType.CONTAINER_INSTANCE).build());
        }
        return result;
    }

    /**
     * ListAttributes: the attributes of the cluster's registered instances, optionally only those of one name (and
     * value).
     */
    List<Attribute> listAttributes(ClusterRecord cluster, String name, String value) {
        List<Attribute> result = new ArrayList<>();
        for (ContainerInstanceRecord ci : registered(cluster.name)) {
            for (Attribute a : ci.attributeModels(true)) {
                if ((name == null || name.equals(a.name())) && (value == null || value.equals(a.value()))) {
                    result.add(a);
                }
            }
        }
        return result;
    }
}
