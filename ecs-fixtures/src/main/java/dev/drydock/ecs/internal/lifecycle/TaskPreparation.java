package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.ImageResolver;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.TaskVolumeProvider;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a task needs before its first container starts, in the agent's order: its images (pulled from a Drydock
 * registry as the execution role, else by the runtime), its task role's credentials, and its volumes. A step that
 * fails stops the task with Fargate's stoppedReason. What else Fargate resolves before the containers start
 * (secrets, private registry credentials, log destinations) belongs here as further steps.
 */
final class TaskPreparation {
    /**
     * What the task's containers are created with.
     *
     * @param taskRoleArn the task role's ARN, or {@code null} without one
     * @param roleEnvironment the task role's credentials environment (empty without one)
     * @param mounts each container's mounts, by container name
     * @param pulledImages the local reference of each image pulled from a Drydock registry, by container name
     */
    record Prepared(
            String taskRoleArn,
            Map<String, String> roleEnvironment,
            Map<String, List<ContainerSpec.Mount>> mounts,
            Map<String, String> pulledImages) {}

    /** A step failed: the task fails to start with this reason (and, when given, its container's). */
    static final class StartFailure extends Exception {
        private final String containerName;
        private final String containerReason;

        StartFailure(String stoppedReason, String containerName, String containerReason) {
            super(stoppedReason, null, false, false);
            this.containerName = containerName;
            this.containerReason = containerReason;
        }

        /** The container it concerns, or {@code null}. */
        String containerName() {
            return containerName;
        }

        /** The container's reason, or {@code null}. */
        String containerReason() {
            return containerReason;
        }
    }

    private final ServiceContext context;
    private final EcsBackend backend;
    private final TaskCredentials credentials;
    private final RegistryImages registryImages;

    TaskPreparation(ServiceContext context, EcsBackend backend, TaskCredentials credentials) {
        this.context = context;
        this.backend = backend;
        this.credentials = credentials;
        this.registryImages = new RegistryImages(context);
    }

    /**
     * Pulls the task's images, registers its task role's credentials and prepares its volumes.
     *
     * @throws StartFailure with the task's stoppedReason when a step fails
     */
    Prepared prepare(TaskRecord task, ContainerRuntime runtime) throws StartFailure {
        Map<String, String> pulledImages = pullImages(task, runtime);
        String taskRoleArn = taskRoleArn(task);
        Map<String, String> roleEnvironment =
                taskRoleArn == null ? Map.of() : credentials.register(task.arn(), task.id(), taskRoleArn);
        try {
            return new Prepared(
                    taskRoleArn, roleEnvironment, TaskVolumes.mounts(context, task, taskRoleArn), pulledImages);
        } catch (TaskVolumeProvider.VolumeFailure e) {
            throw new StartFailure(e.getMessage(), null, null);
        }
    }

    /**
     * Pulls each container's image, recording the pull's start, end and digests on the task.
     *
     * @return the local references of the images pulled from a Drydock registry, by container name
     */
    private Map<String, String> pullImages(TaskRecord task, ContainerRuntime runtime) throws StartFailure {
        backend.pullStarted(task);
        Map<String, String> digests = new LinkedHashMap<>();
        Map<String, String> pulled = new LinkedHashMap<>();
        for (ContainerRecord c : task.containers()) {
            String image = c.definition().image();
            if (registryImages.serves(image)) {
                try {
                    ImageResolver.PulledImage p = registryImages.pull(task, image, runtime);
                    digests.put(c.name(), p.digest());
                    pulled.put(c.name(), p.localReference());
                    continue;
                } catch (ImageResolver.ImagePullFailure e) {
                    backend.pullStopped(task, digests);
                    throw new StartFailure(e.getMessage(), c.name(), e.getMessage());
                }
            }
            try {
                digests.put(c.name(), runtime.ensureImage(image));
            } catch (RuntimeFailure e) {
                String reason = "CannotPullContainerError: pull image manifest has been retried 1 time(s): "
                        + "failed to resolve ref " + image + ": " + e.getMessage();
                backend.pullStopped(task, digests);
                throw new StartFailure(reason, c.name(), reason);
            }
        }
        backend.pullStopped(task, digests);
        return pulled;
    }

    /**
     * The ARN of the task's role (RunTask's override, else the task definition's), or {@code null} without one.
     *
     * @throws StartFailure when the role does not exist
     */
    private String taskRoleArn(TaskRecord task) throws StartFailure {
        String role = task.overrides() != null && task.overrides().taskRoleArn() != null
                ? task.overrides().taskRoleArn()
                : task.taskDefinition().taskRoleArn();
        if (role == null || role.isEmpty()) {
            return null;
        }
        Optional<String> roleArn = context.iam().roleArn(role);
        if (roleArn.isEmpty()) {
            throw new StartFailure(
                    "ResourceInitializationError: ECS was unable to assume the role '" + role + "' that was "
                            + "provided for this task: the role does not exist.",
                    null,
                    null);
        }
        return roleArn.get();
    }
}
