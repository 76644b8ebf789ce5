package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.internal.service.ServiceContext;
import dev.drydock.core.internal.service.TaskVolumeProvider;
import dev.drydock.core.runtime.ContainerSpec;
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
 * A starting task's volumes as bind mounts per container: each {@code efsVolumeConfiguration} volume is prepared by
 * the {@link TaskVolumeProvider} on the classpath (Drydock's EFS module) and mounted at every container's
 * {@code mountPoints} that name it ({@code readOnly} honoured, and read-only everywhere when the provider says so).
 * Volumes of other kinds are not mounted.
 */
final class TaskVolumes {
    private TaskVolumes() {
    }

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
            if (efs == null || !mounted(task, v.name())) {
                continue;
            }
            TaskVolumeProvider provider = context.module(TaskVolumeProvider.class).orElseThrow(() ->
                    new TaskVolumeProvider.VolumeFailure("ResourceInitializationError: failed to invoke EFS utils "
                            + "commands to set up EFS volumes: volume '" + v.name() + "' needs Amazon EFS, which this "
                            + "Drydock does not model: add the test dependency dev.drydock:drydock-efs-fixtures."));
            var auth = efs.authorizationConfig();
            TaskVolumeProvider.Mount m = provider.efsVolume(new TaskVolumeProvider.EfsVolumeRequest(task.arn(),
                    roleArn, v.name(), efs.fileSystemId(), efs.rootDirectory(), efs.transitEncryptionAsString(),
                    auth == null ? null : auth.accessPointId(), auth == null ? null : auth.iamAsString()));
            for (ContainerRecord c : task.containers()) {
                for (MountPoint mp : c.definition().mountPoints()) {
                    if (v.name().equals(mp.sourceVolume())) {
                        mounts.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(new ContainerSpec.Mount(
                                m.hostPath(), mp.containerPath(), m.readOnly() || Boolean.TRUE.equals(mp.readOnly()),
                                true));
                    }
                }
            }
        }
        return mounts;
    }

    private static boolean mounted(TaskRecord task, String volume) {
        return task.containers().stream().flatMap(c -> c.definition().mountPoints().stream())
                .anyMatch(mp -> volume.equals(mp.sourceVolume()));
    }
}
