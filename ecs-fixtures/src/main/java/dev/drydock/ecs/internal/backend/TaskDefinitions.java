package dev.drydock.ecs.internal.backend;

import dev.drydock.core.internal.protocol.AwsException;
import dev.drydock.ecs.internal.EcsErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Validates a RegisterTaskDefinition request as ECS does and builds the task definition it registers: every member
 * given comes back, plus the members ECS fills in (revision, status, compatibilities, requiresAttributes, container
 * defaults such as {@code cpu: 0} and awsvpc host ports).
 *
 * <p>Fargate rules follow https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html
 * and the task size table in https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html.
 */
final class TaskDefinitions {
    private static final Pattern FAMILY = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final Pattern CONTAINER_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final Pattern VCPU = Pattern.compile("(?i)\\s*([0-9.]+)\\s*vcpu\\s*");
    private static final Pattern GB = Pattern.compile("(?i)\\s*([0-9.]+)\\s*gb\\s*");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final Set<String> NETWORK_MODES = Set.of("bridge", "host", "awsvpc", "none");

    private TaskDefinitions() {
    }

    /**
     * Validates {@code request} and builds the registered task definition.
     *
     * @param arn the new revision's ARN
     * @param revision the new revision number
     * @param registeredBy the ARN of the principal registering it
     * @param registeredAt when
     * @throws AwsException ClientException or InvalidParameterException with ECS's message
     */
    static TaskDefinition build(RegisterTaskDefinitionRequest request, String arn, int revision, String registeredBy,
            java.time.Instant registeredAt) {
        String family = request.family();
        if (!FAMILY.matcher(family).matches()) {
            throw EcsErrors.client("Family contains invalid characters.");
        }
        if (request.containerDefinitions().isEmpty()) {
            throw EcsErrors.client("Container list cannot be empty.");
        }
        if (request.containerDefinitions().size() > 10) {
            throw EcsErrors.client("Too many containers.");
        }
        String networkMode = request.networkModeAsString();
        if (networkMode != null && !NETWORK_MODES.contains(networkMode)) {
            throw EcsErrors.client("Invalid networkMode '" + networkMode + "'. Valid values: awsvpc, bridge, host,"
                    + " none.");
        }
        checkRoleArn(request.taskRoleArn());
        checkRoleArn(request.executionRoleArn());
        String cpu = request.cpu() == null ? null : normalizeCpu(request.cpu());
        String memory = request.memory() == null ? null : normalizeMemory(request.memory());
        boolean awsvpc = "awsvpc".equals(networkMode);

        List<ContainerDefinition> containers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean anyEssential = false;
        long containerCpu = 0;
        for (ContainerDefinition c : request.containerDefinitions()) {
            if (c.name() == null || c.name().isEmpty()) {
                throw EcsErrors.client("Container.name should not be null or empty.");
            }
            if (!CONTAINER_NAME.matcher(c.name()).matches()) {
                throw EcsErrors.client("Container.name contains invalid characters.");
            }
            if (!names.add(c.name())) {
                throw EcsErrors.client("Container names must be unique within a Task Definition.");
            }
            if (awsvpc && c.hostname() != null) {
                throw EcsErrors.client("hostname is not supported on container when networkMode=awsvpc.");
            }
            if (c.image() == null || c.image().isEmpty()) {
                throw EcsErrors.client("Container.image should not be null or empty.");
            }
            if (memory == null && c.memory() == null && c.memoryReservation() == null) {
                throw EcsErrors.client("Invalid setting for container '" + c.name() + "'. At least one of 'memory' or "
                        + "'memoryReservation' must be specified.");
            }
            if (c.memory() != null && c.memoryReservation() != null && c.memoryReservation() > c.memory()) {
                throw EcsErrors.client("Invalid setting for container '" + c.name() + "'. 'memoryReservation' must be"
                        + " less than or equal to 'memory'.");
            }
            if (memory != null && c.memory() != null && c.memory() > Integer.parseInt(memory)) {
                throw EcsErrors.client("The 'memory' setting for container '" + c.name() + "' is greater than for the "
                        + "task.");
            }
            boolean executionRole = request.executionRoleArn() != null && !request.executionRoleArn().isEmpty();
            if (c.hasSecrets() && !c.secrets().isEmpty() && !executionRole) {
                throw EcsErrors.client("When you are specifying container secrets, you must also specify a value for "
                        + "'executionRoleArn'.");
            }
            if (c.repositoryCredentials() != null && !executionRole) {
                throw EcsErrors.client("Private repository authentication requires that the task definition specify a "
                        + "value for executionRoleArn.");
            }
            containerCpu += c.cpu() == null ? 0 : c.cpu();
            anyEssential |= c.essential() == null || c.essential();
            containers.add(normalizeContainer(c, awsvpc));
        }
        if (!anyEssential) {
            throw EcsErrors.client("Task definition doesn't have any essential container.");
        }
        if (cpu != null && containerCpu > Integer.parseInt(cpu)) {
            throw EcsErrors.client("The sum of all container 'cpu' values cannot be greater than the value of the task"
                    + " 'cpu'.");
        }

        EfsVolumeValidation.validate(request.volumes());
        List<String> requires = request.requiresCompatibilitiesAsStrings();
        List<String> compatibilities = new ArrayList<>();
        compatibilities.add("EC2");
        if (requires.contains("FARGATE")) {
            validateFargate(request, networkMode, cpu, memory);
            compatibilities.add("FARGATE");
        }
        if (requires.contains("EXTERNAL")) {
            compatibilities.add("EXTERNAL");
        }
        for (String r : requires) {
            if (Compatibility.fromValue(r) == Compatibility.UNKNOWN_TO_SDK_VERSION) {
                throw EcsErrors.invalidParameter("Invalid requiresCompatibilities value '" + r + "'. Valid values: EC2,"
                        + " FARGATE, EXTERNAL, MANAGED_INSTANCES.");
            }
        }

        TaskDefinition.Builder b = TaskDefinition.builder();
        copyMatchingFields(request, (SdkPojo) b);
        b.containerDefinitions(containers)
                .taskDefinitionArn(arn)
                .revision(revision)
                .status("ACTIVE")
                .compatibilitiesWithStrings(compatibilities)
                .requiresAttributes(requiredAttributes(request, awsvpc))
                .registeredAt(registeredAt)
                .registeredBy(registeredBy)
                .volumes(request.hasVolumes() ? request.volumes() : List.of())
                .placementConstraints(request.hasPlacementConstraints() ? request.placementConstraints() : List.of());
        if (cpu != null) {
            b.cpu(cpu);
        }
        if (memory != null) {
            b.memory(memory);
        }
        return b.build();
    }

    private static void checkRoleArn(String value) {
        if (value != null && !value.isEmpty() && !ROLE_ARN.matcher(value).matches()
                && !value.matches("[\\w+=,.@-]{1,64}")) {
            throw EcsErrors.client("Role is not valid");
        }
    }

    private static void validateFargate(RegisterTaskDefinitionRequest request, String networkMode, String cpu,
            String memory) {
        if (!"awsvpc".equals(networkMode)) {
            throw EcsErrors.client("Fargate only supports network mode \u2018awsvpc\u2019.");
        }
        if (cpu == null) {
            throw EcsErrors.client("Fargate requires that 'cpu' be defined at the task level.");
        }
        if (memory == null) {
            throw EcsErrors.client("Fargate requires that 'memory' be defined at the task level.");
        }
        if (!fargateSizeExists(Integer.parseInt(cpu), Integer.parseInt(memory))) {
            throw EcsErrors.client("No Fargate configuration exists for given values: " + cpu + " CPU, " + memory
                    + " memory. See the Amazon ECS documentation for the valid values.");
        }
        if (request.ipcModeAsString() != null) {
            throw EcsErrors.client("Tasks using the Fargate launch type do not support ipcMode.");
        }
        boolean executionRole = request.executionRoleArn() != null && !request.executionRoleArn().isEmpty();
        for (ContainerDefinition c : request.containerDefinitions()) {
            if (executionRole) {
                break;
            }
            if (c.logConfiguration() != null && "awslogs".equals(c.logConfiguration().logDriverAsString())) {
                throw EcsErrors.client("Fargate requires task definition to have execution role ARN to support log "
                        + "driver awslogs.");
            }
            if (c.image() != null && c.image().matches("\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com/.*")) {
                throw EcsErrors.client("Fargate requires task definition to have execution role ARN to support ECR "
                        + "images.");
            }
        }
    }

    /** The Fargate task sizes: CPU units and the memory (MiB) each allows. */
    static boolean fargateSizeExists(int cpu, int memory) {
        switch (cpu) {
            case 256:
                return memory == 512 || memory == 1024 || memory == 2048;
            case 512:
                return inSteps(memory, 1024, 4096, 1024);
            case 1024:
                return inSteps(memory, 2048, 8192, 1024);
            case 2048:
                return inSteps(memory, 4096, 16384, 1024);
            case 4096:
                return inSteps(memory, 8192, 30720, 1024);
            case 8192:
                return inSteps(memory, 16384, 61440, 4096);
            case 16384:
                return inSteps(memory, 32768, 122880, 8192);
            default:
                return false;
        }
    }

    private static boolean inSteps(int value, int min, int max, int step) {
        return value >= min && value <= max && (value - min) % step == 0;
    }

    /** Task CPU as ECS stores it: CPU units as an integer string ("1 vCPU" becomes "1024"). */
    static String normalizeCpu(String cpu) {
        Matcher m = VCPU.matcher(cpu);
        try {
            if (m.matches()) {
                return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024)).toBigIntegerExact().toString();
            }
            int units = Integer.parseInt(cpu.trim());
            if (units < 0) {
                throw new NumberFormatException();
            }
            return Integer.toString(units);
        } catch (NumberFormatException | ArithmeticException e) {
            throw EcsErrors.client("Invalid 'cpu' setting for task. For more information, see the Troubleshooting "
                    + "section of the Amazon ECS Developer Guide.");
        }
    }

    /** Task memory as ECS stores it: MiB as an integer string ("1 GB" becomes "1024"). */
    static String normalizeMemory(String memory) {
        Matcher m = GB.matcher(memory);
        try {
            if (m.matches()) {
                return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024)).toBigIntegerExact().toString();
            }
            int mib = Integer.parseInt(memory.trim());
            if (mib <= 0) {
                throw new NumberFormatException();
            }
            return Integer.toString(mib);
        } catch (NumberFormatException | ArithmeticException e) {
            throw EcsErrors.client("Invalid 'memory' setting for task. For more information, see the "
                    + "Troubleshooting section of the Amazon ECS Developer Guide.");
        }
    }

    private static ContainerDefinition normalizeContainer(ContainerDefinition c, boolean awsvpc) {
        ContainerDefinition.Builder b = c.toBuilder();
        if (c.cpu() == null) {
            b.cpu(0);
        }
        if (c.essential() == null) {
            b.essential(true);
        }
        if (!c.hasEnvironment()) {
            b.environment(List.of());
        }
        if (!c.hasMountPoints()) {
            b.mountPoints(List.of());
        }
        if (!c.hasVolumesFrom()) {
            b.volumesFrom(List.of());
        }
        if (!c.hasPortMappings()) {
            b.portMappings(List.of());
        } else {
            List<PortMapping> mappings = new ArrayList<>();
            for (PortMapping p : c.portMappings()) {
                PortMapping.Builder pb = p.toBuilder();
                if (p.containerPort() == null && p.containerPortRange() == null) {
                    throw EcsErrors.client("Invalid port mapping for container '" + c.name() + "': containerPort is "
                            + "required.");
                }
                if (awsvpc && p.containerPort() != null) {
                    if (p.hostPort() != null && p.hostPort() != 0 && !p.hostPort().equals(p.containerPort())) {
                        throw EcsErrors.client("When networkMode=awsvpc, the host ports and container ports in port "
                                + "mappings must match.");
                    }
                    pb.hostPort(p.containerPort());
                }
                if (p.protocol() == null) {
                    pb.protocol("tcp");
                }
                mappings.add(pb.build());
            }
            b.portMappings(mappings);
        }
        return b.build();
    }

    private static List<software.amazon.awssdk.services.ecs.model.Attribute> requiredAttributes(
            RegisterTaskDefinitionRequest r, boolean awsvpc) {
        List<String> names = new ArrayList<>();
        names.add("com.amazonaws.ecs.capability.docker-remote-api.1.18");
        if (awsvpc) {
            names.add("ecs.capability.task-eni");
        }
        if (r.taskRoleArn() != null) {
            names.add("com.amazonaws.ecs.capability.task-iam-role");
        }
        if (r.executionRoleArn() != null) {
            names.add("ecs.capability.execution-role-awslogs");
        }
        boolean awslogs = false;
        for (ContainerDefinition c : r.containerDefinitions()) {
            if (c.logConfiguration() != null && "awslogs".equals(c.logConfiguration().logDriverAsString())) {
                awslogs = true;
            }
        }
        if (awslogs) {
            names.add("com.amazonaws.ecs.capability.logging-driver.awslogs");
            names.add("com.amazonaws.ecs.capability.docker-remote-api.1.19");
        }
        List<software.amazon.awssdk.services.ecs.model.Attribute> attributes = new ArrayList<>();
        for (String n : names) {
            attributes.add(software.amazon.awssdk.services.ecs.model.Attribute.builder().name(n).build());
        }
        return attributes;
    }

    /** Copies every member {@code source} has set into the builder's member of the same name. */
    private static void copyMatchingFields(SdkPojo source, SdkPojo targetBuilder) {
        var targetFields = targetBuilder.sdkFieldNameToField();
        for (SdkField<?> field : source.sdkFields()) {
            SdkField<?> target = targetFields.get(field.memberName());
            Object value = field.getValueOrDefault(source);
            if (target != null && value != null
                    && !(value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList)
                    && !(value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap)) {
                target.set(targetBuilder, value);
            }
        }
    }

    /** The family, or the family and revision, of a task definition reference. */
    record Reference(String family, Integer revision) {
        static Reference parse(String ref, dev.drydock.ecs.internal.EcsArns arns) {
            String s = ref;
            if (s.startsWith("arn:")) {
                s = arns.resource(ref, "task-definition").orElse(null);
                if (s == null) {
                    return null;
                }
            }
            int colon = s.lastIndexOf(':');
            if (colon < 0) {
                return new Reference(s, null);
            }
            try {
                return new Reference(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
