package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.KernelCapabilities;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LinuxParameters;
import software.amazon.awssdk.services.ecs.model.SystemControl;
import software.amazon.awssdk.services.ecs.model.Tmpfs;
import software.amazon.awssdk.services.ecs.model.Ulimit;

/**
 * Turns an ECS container definition (with RunTask's overrides) into the runtime's container spec: image,
 * entryPoint, command, environment, workingDirectory, user, memory, memoryReservation, cpu, readonlyRootFilesystem,
 * stopTimeout, dockerLabels, healthCheck, ulimits, linuxParameters (initProcessEnabled, capabilities add and drop,
 * tmpfs),
 * systemControls, pseudoTerminal and interactive, joined to the task's network namespace, as the ECS agent maps them
 * to Docker (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html). The
 * container's {@code secrets}, read before it starts, join its environment after {@code environment} and RunTask's
 * overrides. An image pulled from a Drydock registry (ECR) runs by the local reference it was pulled as.
 *
 * <p>Like Fargate, Drydock adds {@code AWS_REGION}, {@code AWS_DEFAULT_REGION} and {@code AWS_EXECUTION_ENV}, the
 * task role's {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}, and
 * {@code AWS_ENDPOINT_URL} pointing at Drydock's endpoint, unless the task definition sets them, and
 * {@code ECS_CONTAINER_METADATA_URI_V4} and {@code ECS_CONTAINER_METADATA_URI} (in {@code extraEnvironment}).
 */
final class ContainerSpecs {
    private ContainerSpecs() {}

    static ContainerSpec forContainer(
            TaskRecord task,
            ContainerRecord container,
            String name,
            String sandboxId,
            Map<String, String> labels,
            RuntimeSession session,
            String region,
            Map<String, String> extraEnvironment,
            List<ContainerSpec.Mount> mounts,
            String pulledImage,
            Map<String, String> secrets,
            TaskLimits.Applied taskLimits) {
        ContainerDefinition d = container.definition();
        ContainerOverride o = task.overrideFor(d.name());

        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_EXECUTION_ENV", "AWS_ECS_FARGATE");
        env.put("AWS_ENDPOINT_URL", session.endpointForContainers().toString());
        env.putAll(extraEnvironment);
        for (KeyValuePair kv : d.environment()) {
            env.put(kv.name(), kv.value() == null ? "" : kv.value());
        }
        if (o != null) {
            for (KeyValuePair kv : o.environment()) {
                env.put(kv.name(), kv.value() == null ? "" : kv.value());
            }
        }
        env.putAll(secrets);

        Map<String, String> allLabels = new LinkedHashMap<>();
        if (d.dockerLabels() != null) {
            allLabels.putAll(d.dockerLabels());
        }
        allLabels.putAll(labels);

        List<String> command = o != null && o.hasCommand() ? o.command() : d.hasCommand() ? d.command() : null;
        Integer memory = o != null && o.memory() != null ? o.memory() : d.memory();
        Integer reservation =
                o != null && o.memoryReservation() != null ? o.memoryReservation() : d.memoryReservation();
        Integer cpu = o != null && o.cpu() != null ? o.cpu() : d.cpu();

        ContainerSpec.Builder spec = ContainerSpec.builder(name, pulledImage != null ? pulledImage : d.image())
                .entryPoint(d.hasEntryPoint() ? d.entryPoint() : null)
                .command(command)
                .environment(env)
                .workingDirectory(d.workingDirectory())
                .user(d.user())
                .labels(allLabels)
                .joinNetworkOf(sandboxId)
                .memoryMiB(memory == null ? taskLimits.eachContainerMemoryMiB() : Long.valueOf(memory))
                .cgroupParent(taskLimits.cgroupParent())
                .memoryReservationMiB(reservation == null ? null : reservation.longValue())
                .cpuShares(cpu == null || cpu == 0 ? null : cpu)
                .readonlyRootFilesystem(Boolean.TRUE.equals(d.readonlyRootFilesystem()))
                .init(d.linuxParameters() != null
                        && Boolean.TRUE.equals(d.linuxParameters().initProcessEnabled()));
        mounts.forEach(spec::mount);
        settings(d, spec);
        if (d.stopTimeout() != null) {
            spec.stopTimeout(Duration.ofSeconds(d.stopTimeout()));
        }
        if (container.hasHealthCheck()) {
            spec.healthCheck(healthCheck(d.healthCheck()));
        }
        return spec.build();
    }

    /** ulimits, capabilities, systemControls, pseudoTerminal and interactive, as the agent passes them to Docker. */
    private static void settings(ContainerDefinition d, ContainerSpec.Builder spec) {
        for (Ulimit u : d.ulimits()) {
            spec.ulimit(new ContainerSpec.Ulimit(u.nameAsString(), u.softLimit(), u.hardLimit()));
        }
        LinuxParameters linux = d.linuxParameters();
        if (linux != null && linux.capabilities() != null) {
            KernelCapabilities caps = linux.capabilities();
            spec.capabilities(caps.add(), caps.drop());
        }
        if (linux != null) {
            for (Tmpfs t : linux.tmpfs()) {
                List<String> options = new ArrayList<>();
                options.add("size=" + t.size() + "m");
                options.addAll(t.mountOptions());
                spec.tmpfs(t.containerPath(), String.join(",", options));
            }
        }
        Map<String, String> sysctls = new LinkedHashMap<>();
        for (SystemControl c : d.systemControls()) {
            sysctls.put(c.namespace(), c.value());
        }
        spec.sysctls(sysctls)
                .tty(Boolean.TRUE.equals(d.pseudoTerminal()))
                .openStdin(Boolean.TRUE.equals(d.interactive()));
    }

    /**
     * ECS's health check as the runtime's, with ECS's defaults: interval 30 s, timeout 5 s, 3 retries, no start period
     * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html). The command is Docker's form
     * already ({@code CMD} or {@code CMD-SHELL} first).
     */
    static ContainerSpec.HealthCheck healthCheck(HealthCheck h) {
        return new ContainerSpec.HealthCheck(
                h.command(),
                Duration.ofSeconds(h.interval() == null ? 30 : h.interval()),
                Duration.ofSeconds(h.timeout() == null ? 5 : h.timeout()),
                h.retries() == null ? 3 : h.retries(),
                Duration.ofSeconds(h.startPeriod() == null ? 0 : h.startPeriod()));
    }
}
