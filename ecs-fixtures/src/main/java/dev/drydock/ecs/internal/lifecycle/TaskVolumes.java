package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.TaskVolumeProvider;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.EFSVolumeConfiguration;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * A starting task's volumes as mounts per container: each {@code efsVolumeConfiguration} volume is prepared by the
 * {@link TaskVolumeProvider} on the classpath (Drydock's EFS module) and bind-mounted at every container's
 * {@code mountPoints} that name it ({@code readOnly} honoured, and read-only everywhere when the provider says so); a
 * volume with only a name (Fargate task storage) is a Docker volume of the task's own, shared by its containers and
 * removed with the session. Volumes of other kinds ({@code host}, Docker volume configurations) are not mounted.
 */
final class TaskVolumes {
    private TaskVolumes() {}

    /**
     * The mounts of each container (by container name).
     *
     * @param roleArn the task role's ARN, or {@code null}
     * @throws TaskVolumeProvider.VolumeFailure with the task's stoppedReason when a volume cannot be mounted
     */
    static Map<String, List<ContainerSpec.Mount>> mounts(ServiceContext context, TaskRecord task, String roleArn) {
        Map<String, List<ContainerSpec.Mount>> mounts = new LinkedHashMap<>();
        for (Volume v : task.taskDefinition().volumes()) {
            EFSVolumeConfiguration efs = v.efsVolumeConfiguration();
            if (!mounted(task, v.name())) {
                continue;
            }
            if (efs == null) {
                if (v.host() == null
                        && v.dockerVolumeConfiguration() == null
                        && v.fsxWindowsFileServerVolumeConfiguration() == null) {
                    // Fargate task storage: a volume with only a name, shared by the task's containers
                    String name =
                            "drydock-" + context.sessionId() + "-" + task.id().substring(0, 12) + "-" + v.name();
                    addMounts(mounts, task, v.name(), name, false, false);
                }
                continue;
            }
            TaskVolumeProvider provider = context.module(TaskVolumeProvider.class)
                    .orElseThrow(
                            () -> new TaskVolumeProvider.VolumeFailure(
                                    "ResourceInitializationError: failed to invoke EFS utils "
                                            + "commands to set up EFS volumes: volume '" + v.name()
                                            + "' needs Amazon EFS, which this "
                                            + "Drydock does not model: add the test dependency dev.drydock:drydock-efs-fixtures."));
            var auth = efs.authorizationConfig();
            TaskVolumeProvider.Mount m;
            try {
                m = provider.efsVolume(new TaskVolumeProvider.EfsVolumeRequest(
                        task.arn(),
                        roleArn,
                        v.name(),
                        efs.fileSystemId(),
                        efs.rootDirectory(),
                        efs.transitEncryptionAsString(),
                        auth == null ? null : auth.accessPointId(),
                        auth == null ? null : auth.iamAsString()));
            } catch (TaskVolumeProvider.VolumeFailure e) {
                throw e;
            } catch (RuntimeException e) {
                throw new TaskVolumeProvider.VolumeFailure("ResourceInitializationError: failed to invoke EFS utils "
                        + "commands to set up EFS volumes: volume '" + v.name() + "': " + e);
            }
            addMounts(mounts, task, v.name(), m.hostPath(), m.readOnly(), !m.namedVolume());
        }
        return mounts;
    }

    /** Mounts {@code source} at each container's mount points of {@code volume}. */
    private static void addMounts(
            Map<String, List<ContainerSpec.Mount>> mounts,
            TaskRecord task,
            String volume,
            String source,
            boolean readOnly,
            boolean bind) {
        for (ContainerRecord c : task.containers()) {
            for (MountPoint mp : c.definition().mountPoints()) {
                if (volume.equals(mp.sourceVolume())) {
                    mounts.computeIfAbsent(c.name(), k -> new ArrayList<>())
                            .add(new ContainerSpec.Mount(
                                    source, mp.containerPath(), readOnly || Boolean.TRUE.equals(mp.readOnly()), bind));
                }
            }
        }
    }

    private static boolean mounted(TaskRecord task, String volume) {
        return task.containers().stream()
                .flatMap(c -> c.definition().mountPoints().stream())
                .anyMatch(mp -> volume.equals(mp.sourceVolume()));
    }
}
