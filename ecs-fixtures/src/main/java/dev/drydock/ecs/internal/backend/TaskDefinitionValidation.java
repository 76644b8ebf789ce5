package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsErrors;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.LinuxParameters;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * The rules ECS applies to a RegisterTaskDefinition request, each answered with ECS's error code and message
 * (ClientException unless noted). Messages are the ones real ECS answers where they are known (collected from real
 * responses users reported); where AWS's text is unknown, the message says what is wrong and how to fix it.
 *
 * <p>Sources: the task definition parameters
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html), the Fargate task
 * sizes (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html) and container
 * dependencies (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html).
 */
final class TaskDefinitionValidation {
    private static final Pattern FAMILY = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final Pattern CONTAINER_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final Pattern BUFFER_SIZE = Pattern.compile("\\d+(\\.\\d+)?[kKmMgG]?[bB]?");
    private static final Pattern ECR_IMAGE = Pattern.compile("\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com/.*");

    private TaskDefinitionValidation() {}

    /**
     * Checks {@code request} as ECS does.
     *
     * @param cpu the task CPU in units as ECS stores it ({@link TaskDefinitions#normalizeCpu}), or null
     * @param memory the task memory in MiB as ECS stores it ({@link TaskDefinitions#normalizeMemory}), or null
     * @throws AwsException ClientException or InvalidParameterException with ECS's message
     */
    static void check(RegisterTaskDefinitionRequest request, String cpu, String memory) {
        if (!FAMILY.matcher(request.family()).matches()) {
            throw EcsErrors.client("Family contains invalid characters.");
        }
        List<ContainerDefinition> containers = request.containerDefinitions();
        if (containers.isEmpty()) {
            throw EcsErrors.client("Container list cannot be empty.");
        }
        if (containers.size() > 10) {
            throw EcsErrors.client("Too many containers.");
        }
        String networkMode = request.networkModeAsString();
        if (networkMode != null && NetworkMode.fromValue(networkMode) == NetworkMode.UNKNOWN_TO_SDK_VERSION) {
            throw EcsErrors.client(
                    "Invalid networkMode '" + networkMode + "'. Valid values: awsvpc, bridge, host," + " none.");
        }
        checkRoleArn(request.taskRoleArn());
        checkRoleArn(request.executionRoleArn());
        boolean awsvpc = request.networkMode() == NetworkMode.AWSVPC;
        boolean executionRole = request.executionRoleArn() != null
                && !request.executionRoleArn().isEmpty();

        Set<String> names = new HashSet<>();
        boolean anyEssential = false;
        long containerCpu = 0;
        long containerReservation = 0;
        for (ContainerDefinition c : containers) {
            checkContainer(c, names, awsvpc, memory, executionRole);
            containerCpu += c.cpu() == null ? 0 : c.cpu();
            containerReservation += c.memoryReservation() == null ? 0 : c.memoryReservation();
            anyEssential |= essential(c);
        }
        if (!anyEssential) {
            throw EcsErrors.client("Task definition doesn't have any essential container.");
        }
        if (cpu != null && containerCpu > Integer.parseInt(cpu)) {
            throw EcsErrors.client(
                    "The sum of all container 'cpu' values cannot be greater than the value of the task" + " 'cpu'.");
        }
        if (memory != null && containerReservation > Integer.parseInt(memory)) {
            throw EcsErrors.client("The sum of all container 'memoryReservation' values cannot be greater than the "
                    + "value of the task 'memory'.");
        }
        checkDependencies(containers);

        for (String r : request.requiresCompatibilitiesAsStrings()) {
            if (Compatibility.fromValue(r) == Compatibility.UNKNOWN_TO_SDK_VERSION) {
                throw EcsErrors.invalidParameter("Invalid requiresCompatibilities value '" + r + "'. Valid values: EC2,"
                        + " FARGATE, EXTERNAL, MANAGED_INSTANCES.");
            }
        }
        if (request.requiresCompatibilities().contains(Compatibility.FARGATE)) {
            checkFargate(request, cpu, memory, executionRole);
        }
    }

    private static boolean essential(ContainerDefinition c) {
        return c.essential() == null || c.essential();
    }

    private static void checkContainer(
            ContainerDefinition c, Set<String> names, boolean awsvpc, String memory, boolean executionRole) {
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
        // ECS's texts as its users quote them, e.g. https://github.com/aws-observability/aws-otel-collector/issues/1359
        // (links) and ecs-cli's Fargate notes (dnsServers); the container definition parameters page says neither
        // parameter is supported with awsvpc
        // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html)
        if (awsvpc && !c.links().isEmpty()) {
            throw EcsErrors.client("Links are not supported when networkMode=awsvpc.");
        }
        if (awsvpc && !c.dnsServers().isEmpty()) {
            throw EcsErrors.client("DNS servers are not supported on container when networkMode=awsvpc.");
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
            throw EcsErrors.client(
                    "The 'memory' setting for container '" + c.name() + "' is greater than for the " + "task.");
        }
        if (c.hasSecrets() && !c.secrets().isEmpty() && !executionRole) {
            throw EcsErrors.client("When you are specifying container secrets, you must also specify a value for "
                    + "'executionRoleArn'.");
        }
        if (c.repositoryCredentials() != null && !executionRole) {
            throw EcsErrors.client("Private repository authentication requires that the task definition specify a "
                    + "value for executionRoleArn.");
        }
        checkHealthCheck(c);
        checkLogConfiguration(c);
        for (PortMapping p : c.portMappings()) {
            if (p.containerPort() == null && p.containerPortRange() == null) {
                throw EcsErrors.client(
                        "Invalid port mapping for container '" + c.name() + "': containerPort is " + "required.");
            }
            if (p.containerPort() != null && (p.containerPort() < 1 || p.containerPort() > 65535)) {
                throw EcsErrors.client("Invalid 'containerPort' setting for container '" + c.name() + "'.");
            }
            if (awsvpc
                    && p.containerPort() != null
                    && p.hostPort() != null
                    && p.hostPort() != 0
                    && !p.hostPort().equals(p.containerPort())) {
                throw EcsErrors.client("When networkMode=awsvpc, the host ports and container ports in port "
                        + "mappings must match.");
            }
        }
    }

    /**
     * logConfiguration with the awslogs driver, in ECS's words (real ClientException texts quoted in
     * terraform-aws-modules/terraform-aws-ecs#173 and #206, aws-cloudformation/cfn-lint#1787,
     * terraform-linters/tflint-ruleset-aws#348): {@code awslogs-region} and {@code awslogs-group} are required, the
     * group not empty, {@code awslogs-create-group} only {@code true}. {@code mode} and {@code max-buffer-size}
     * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html) are checked in Drydock's
     * words.
     */
    private static void checkLogConfiguration(ContainerDefinition c) {
        LogConfiguration log = c.logConfiguration();
        if (log == null || !"awslogs".equals(log.logDriverAsString())) {
            return;
        }
        Map<String, String> options = log.options();
        List<String> missing = Stream.of("awslogs-region", "awslogs-group")
                .filter(o -> !options.containsKey(o))
                .toList();
        if (!missing.isEmpty()) {
            throw EcsErrors.client("Log driver awslogs requires options: " + String.join(", ", missing));
        }
        if (options.get("awslogs-group") == null || options.get("awslogs-group").isEmpty()) {
            throw EcsErrors.client("Log driver awslogs option 'awslogs-group' should not be null or empty.");
        }
        String createGroup = options.get("awslogs-create-group");
        if (createGroup != null && !createGroup.equals("true")) {
            throw EcsErrors.client(
                    "Log driver awslogs option 'awslogs-create-group' should only be set to 'true', else omit option.");
        }
        String mode = options.get("mode");
        if (mode != null && !mode.equals("blocking") && !mode.equals("non-blocking")) {
            throw EcsErrors.client("Invalid 'mode' log option for container '" + c.name() + "': '" + mode
                    + "'. Valid values: blocking, non-blocking.");
        }
        String buffer = options.get("max-buffer-size");
        if (buffer != null && !BUFFER_SIZE.matcher(buffer).matches()) {
            throw EcsErrors.client("Invalid 'max-buffer-size' log option for container '" + c.name() + "': '" + buffer
                    + "'. Give a size such as 25m, 4096k or 1g.");
        }
    }

    /**
     * healthCheck: a command starting with CMD or CMD-SHELL (or NONE), interval 5-300 s, timeout 2-60 s, retries
     * 1-10, startPeriod 0-300 s, as https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html
     * documents. The wording is Drydock's (AWS's texts are not known).
     */
    private static void checkHealthCheck(ContainerDefinition c) {
        HealthCheck h = c.healthCheck();
        if (h == null) {
            return;
        }
        if (!h.hasCommand()
                || h.command().isEmpty()
                || !Set.of("CMD", "CMD-SHELL", "NONE").contains(h.command().get(0))) {
            throw EcsErrors.client("Invalid 'healthCheck.command' setting for container '" + c.name() + "': it must "
                    + "start with CMD or CMD-SHELL, e.g. [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"].");
        }
        checkRange(c, "interval", h.interval(), 5, 300);
        checkRange(c, "timeout", h.timeout(), 2, 60);
        checkRange(c, "retries", h.retries(), 1, 10);
        checkRange(c, "startPeriod", h.startPeriod(), 0, 300);
    }

    private static void checkRange(ContainerDefinition c, String member, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw EcsErrors.client("Invalid 'healthCheck." + member + "' setting for container '" + c.name() + "': "
                    + value + " is outside " + min + "-" + max + ".");
        }
    }

    /**
     * dependsOn: each names another container of the task with a known condition; SUCCESS and COMPLETE only on a
     * non-essential container (an essential one must keep running); HEALTHY only on a container with a healthCheck;
     * no cycles.
     */
    private static void checkDependencies(List<ContainerDefinition> containers) {
        Map<String, ContainerDefinition> byName = new HashMap<>();
        for (ContainerDefinition c : containers) {
            byName.put(c.name(), c);
        }
        for (ContainerDefinition c : containers) {
            for (ContainerDependency d : c.dependsOn()) {
                ContainerDefinition target = d.containerName() == null ? null : byName.get(d.containerName());
                if (target == null) {
                    throw EcsErrors.client(
                            "Cannot depend on container + '" + d.containerName() + "' because it does not exist");
                }
                ContainerCondition condition = d.condition();
                if (condition == null || condition == ContainerCondition.UNKNOWN_TO_SDK_VERSION) {
                    throw EcsErrors.client("Invalid dependsOn condition '" + d.conditionAsString() + "' for container '"
                            + c.name() + "'. Valid values: START, COMPLETE, SUCCESS, HEALTHY.");
                }
                if ((condition == ContainerCondition.SUCCESS || condition == ContainerCondition.COMPLETE)
                        && essential(target)) {
                    throw EcsErrors.client("A dependency container with SUCCESS or COMPLETE condition cannot be an "
                            + "essential container");
                }
                if (condition == ContainerCondition.HEALTHY && target.healthCheck() == null) {
                    throw EcsErrors.client("Container '" + c.name() + "' depends on container '" + target.name()
                            + "' being HEALTHY, but '" + target.name() + "' has no healthCheck. Add a healthCheck to '"
                            + target.name() + "' or use the START condition.");
                }
            }
        }
        Set<String> done = new HashSet<>();
        for (ContainerDefinition c : containers) {
            findCycle(c.name(), byName, done, new HashSet<>());
        }
    }

    private static void findCycle(
            String name, Map<String, ContainerDefinition> byName, Set<String> done, Set<String> path) {
        if (done.contains(name)) {
            return;
        }
        if (!path.add(name)) {
            throw EcsErrors.client("Container dependencies should not have a cycle: container '" + name
                    + "' depends on itself through dependsOn.");
        }
        for (ContainerDependency d : byName.get(name).dependsOn()) {
            findCycle(d.containerName(), byName, done, path);
        }
        path.remove(name);
        done.add(name);
    }

    private static void checkRoleArn(String value) {
        if (value != null
                && !value.isEmpty()
                && !ROLE_ARN.matcher(value).matches()
                && !value.matches("[\\w+=,.@-]{1,64}")) {
            throw EcsErrors.client("Role is not valid");
        }
    }

    private static void checkFargate(
            RegisterTaskDefinitionRequest request, String cpu, String memory, boolean executionRole) {
        if (request.networkMode() != NetworkMode.AWSVPC) {
            throw EcsErrors.client("Fargate only supports network mode \u2018awsvpc\u2019.");
        }
        if (cpu == null) {
            throw EcsErrors.client("Fargate requires that 'cpu' be defined at the task level.");
        }
        if (memory == null) {
            throw EcsErrors.client("Fargate requires that 'memory' be defined at the task level.");
        }
        checkFargateSize(cpu, memory);
        if (request.ipcModeAsString() != null) {
            throw EcsErrors.client("Tasks using the Fargate launch type do not support ipcMode.");
        }
        for (ContainerDefinition c : request.containerDefinitions()) {
            if (c.stopTimeout() != null && (c.stopTimeout() < 0 || c.stopTimeout() > 120)) {
                throw EcsErrors.client("Invalid 'stopTimeout' setting for container '" + c.name() + "': on Fargate "
                        + "it is at most 120 seconds, " + c.stopTimeout() + " given.");
            }
            checkFargateContainer(c);
        }
        if (executionRole) {
            return;
        }
        for (ContainerDefinition c : request.containerDefinitions()) {
            if (c.logConfiguration() != null
                    && "awslogs".equals(c.logConfiguration().logDriverAsString())) {
                throw EcsErrors.client("Fargate requires task definition to have execution role ARN to support log "
                        + "driver awslogs.");
            }
            if (c.image() != null && ECR_IMAGE.matcher(c.image()).matches()) {
                throw EcsErrors.client(
                        "Fargate requires task definition to have execution role ARN to support ECR " + "images.");
            }
        }
    }

    /**
     * What Fargate refuses in a container definition. The stream prefix in ECS's words (quoted in aws/aws-cdk#1422);
     * the others in Drydock's, after the notes of
     * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html and
     * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html: capabilities may be
     * dropped, and only {@code SYS_PTRACE} added; {@code devices}, {@code sharedMemorySize}, {@code maxSwap} and
     * {@code swappiness} are not supported, nor is {@code privileged}
     * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html). {@code tmpfs} is
     * (since January 2026, aws/containers-roadmap#736).
     */
    private static void checkFargateContainer(ContainerDefinition c) {
        LogConfiguration log = c.logConfiguration();
        if (log != null
                && "awslogs".equals(log.logDriverAsString())
                && !log.options().containsKey("awslogs-stream-prefix")) {
            throw EcsErrors.client("Fargate requires log configuration options to include awslogs-stream-prefix to "
                    + "support log driver awslogs.");
        }
        if (Boolean.TRUE.equals(c.privileged())) {
            throw EcsErrors.client("The 'privileged' parameter of container '" + c.name()
                    + "' is not supported for tasks that use the Fargate launch type.");
        }
        LinuxParameters linux = c.linuxParameters();
        if (linux == null) {
            return;
        }
        if (linux.capabilities() != null) {
            for (String add : linux.capabilities().add()) {
                if (!add.equals("SYS_PTRACE")) {
                    throw EcsErrors.client("Invalid 'linuxParameters.capabilities.add' setting for container '"
                            + c.name() + "': tasks on Fargate can only add the SYS_PTRACE kernel capability, " + add
                            + " given.");
                }
            }
        }
        String refused = linux.hasDevices() && !linux.devices().isEmpty()
                ? "devices"
                : linux.sharedMemorySize() != null
                        ? "sharedMemorySize"
                        : linux.maxSwap() != null ? "maxSwap" : linux.swappiness() != null ? "swappiness" : null;
        if (refused != null) {
            throw EcsErrors.client("The 'linuxParameters." + refused + "' parameter of container '" + c.name()
                    + "' is not supported for tasks that use the Fargate launch type.");
        }
    }

    /**
     * The Fargate task size rule: {@code cpu} (CPU units) and {@code memory} (MiB), both as ECS stores them, must be a
     * row of the Fargate table.
     *
     * @throws AwsException ClientException {@code No Fargate configuration exists for given values: ...}
     */
    static void checkFargateSize(String cpu, String memory) {
        if (!fargateSizeExists(Integer.parseInt(cpu), Integer.parseInt(memory))) {
            throw EcsErrors.client("No Fargate configuration exists for given values: " + cpu + " CPU, " + memory
                    + " memory. See the Amazon ECS documentation for the valid values.");
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
}
