package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsArns;
import dev.drydock.ecs.internal.EcsErrors;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * Builds the task definition a RegisterTaskDefinition request registers, once {@link TaskDefinitionValidation} has
 * checked it: every member given comes back, plus the members ECS fills in (revision, status, compatibilities,
 * requiresAttributes, container defaults such as {@code cpu: 0} and awsvpc host ports), with the task size in units
 * ("1 vCPU" becomes "1024", "2 GB" becomes "2048") as
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html describes.
 */
final class TaskDefinitions {
    private static final Pattern VCPU = Pattern.compile("(?i)\\s*([0-9.]+)\\s*vcpu\\s*");
    private static final Pattern GB = Pattern.compile("(?i)\\s*([0-9.]+)\\s*gb\\s*");

    private TaskDefinitions() {}

    /**
     * Validates {@code request} and builds the registered task definition.
     *
     * @param arn the new revision's ARN
     * @param revision the new revision number
     * @param registeredBy the ARN of the principal registering it
     * @param registeredAt when
     * @throws AwsException ClientException or InvalidParameterException with ECS's message
     */
    static TaskDefinition build(
            RegisterTaskDefinitionRequest request,
            String arn,
            int revision,
            String registeredBy,
            Instant registeredAt) {
        String cpu = request.cpu() == null ? null : normalizeCpu(request.cpu());
        String memory = request.memory() == null ? null : normalizeMemory(request.memory());
        TaskDefinitionValidation.check(request, cpu, memory);
        EfsVolumeValidation.validate(request.volumes());
        boolean awsvpc = request.networkMode() == NetworkMode.AWSVPC;

        List<ContainerDefinition> containers = new ArrayList<>();
        for (ContainerDefinition c : request.containerDefinitions()) {
            containers.add(normalizeContainer(c, awsvpc));
        }
        List<Compatibility> requires = request.requiresCompatibilities();
        List<Compatibility> compatibilities = new ArrayList<>();
        compatibilities.add(Compatibility.EC2);
        if (requires.contains(Compatibility.FARGATE)) {
            compatibilities.add(Compatibility.FARGATE);
        }
        if (requires.contains(Compatibility.EXTERNAL)) {
            compatibilities.add(Compatibility.EXTERNAL);
        }

        TaskDefinition.Builder b = TaskDefinition.builder();
        copyMatchingFields(request, (SdkPojo) b);
        b.containerDefinitions(containers)
                .taskDefinitionArn(arn)
                .revision(revision)
                .status(TaskDefinitionStatus.ACTIVE)
                .compatibilities(compatibilities)
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

    /** Task CPU as ECS stores it: CPU units as an integer string ("1 vCPU" becomes "1024"). */
    static String normalizeCpu(String cpu) {
        Matcher m = VCPU.matcher(cpu);
        try {
            if (m.matches()) {
                return new BigDecimal(m.group(1))
                        .multiply(BigDecimal.valueOf(1024))
                        .toBigIntegerExact()
                        .toString();
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
                return new BigDecimal(m.group(1))
                        .multiply(BigDecimal.valueOf(1024))
                        .toBigIntegerExact()
                        .toString();
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
        if (c.healthCheck() != null) {
            b.healthCheck(healthCheckDefaults(c.healthCheck()));
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
                if (awsvpc && p.containerPort() != null) {
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

    /** A health check as ECS stores it: interval 30 s, timeout 5 s and 3 retries unless given. */
    private static HealthCheck healthCheckDefaults(HealthCheck h) {
        return h.toBuilder()
                .interval(h.interval() == null ? 30 : h.interval())
                .timeout(h.timeout() == null ? 5 : h.timeout())
                .retries(h.retries() == null ? 3 : h.retries())
                .build();
    }

    private static List<Attribute> requiredAttributes(RegisterTaskDefinitionRequest r, boolean awsvpc) {
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
            if (c.logConfiguration() != null
                    && "awslogs".equals(c.logConfiguration().logDriverAsString())) {
                awslogs = true;
            }
        }
        if (awslogs) {
            names.add("com.amazonaws.ecs.capability.logging-driver.awslogs");
            names.add("com.amazonaws.ecs.capability.docker-remote-api.1.19");
        }
        List<Attribute> attributes = new ArrayList<>();
        for (String n : names) {
            attributes.add(Attribute.builder().name(n).build());
        }
        return attributes;
    }

    /** Copies every member {@code source} has set into the builder's member of the same name. */
    private static void copyMatchingFields(SdkPojo source, SdkPojo targetBuilder) {
        var targetFields = targetBuilder.sdkFieldNameToField();
        for (SdkField<?> field : source.sdkFields()) {
            SdkField<?> target = targetFields.get(field.memberName());
            Object value = field.getValueOrDefault(source);
            if (target != null
                    && value != null
                    && !(value instanceof SdkAutoConstructList)
                    && !(value instanceof SdkAutoConstructMap)) {
                target.set(targetBuilder, value);
            }
        }
    }

    /** The family, or the family and revision, of a task definition reference. */
    record Reference(String family, Integer revision) {
        static Reference parse(String ref, EcsArns arns) {
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
