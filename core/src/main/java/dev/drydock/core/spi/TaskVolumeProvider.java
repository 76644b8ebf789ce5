package dev.drydock.core.spi;

/**
 * A service module that provides the storage behind a task's volumes (EFS file systems), so the ECS model can mount
 * them without depending on the module. ECS finds it with {@link ServiceContext#module(Class)}; when none is on the
 * classpath, a task with such a volume fails to start.
 */
public interface TaskVolumeProvider extends ServiceModule {

    /**
     * Prepares one {@code efsVolumeConfiguration} volume for a task that is starting: resolves the file system and
     * access point (by id, ARN or {@code Name} tag), authorizes the mount for the task role when IAM authorization
     * is enabled, and prepares the directory to bind. Called from the task's start, never from an API handler.
     *
     * @param request the task and the volume, as the task definition states it
     * @return what to bind into each container that mounts the volume
     * @throws VolumeFailure when the task cannot mount it; its message is the task's stoppedReason
     */
    Mount efsVolume(EfsVolumeRequest request);

    /**
     * One EFS volume of a starting task.
     *
     * @param taskArn the task's ARN
     * @param taskRoleArn the task role's ARN, or {@code null} when the task has none
     * @param volumeName the volume's name in the task definition
     * @param fileSystemId {@code efsVolumeConfiguration.fileSystemId} (an id, ARN or a file system's Name tag)
     * @param rootDirectory {@code rootDirectory}, or {@code null}
     * @param transitEncryption {@code ENABLED}, {@code DISABLED} or {@code null}
     * @param accessPointId {@code authorizationConfig.accessPointId} (id, ARN or Name tag), or {@code null}
     * @param iam {@code authorizationConfig.iam}: {@code ENABLED}, {@code DISABLED} or {@code null}
     */
    record EfsVolumeRequest(
            String taskArn,
            String taskRoleArn,
            String volumeName,
            String fileSystemId,
            String rootDirectory,
            String transitEncryption,
            String accessPointId,
            String iam) {}

    /**
     * What to mount into the task's containers.
     *
     * @param hostPath the absolute path on the engine's host to bind-mount, or with {@code namedVolume} the name of the
     *     Docker volume to mount
     * @param readOnly whether every container gets it read-only (for EFS: IAM denied {@code ClientWrite})
     * @param namedVolume whether {@code hostPath} names a volume (on engines whose host this JVM does not share)
     */
    record Mount(String hostPath, boolean readOnly, boolean namedVolume) {
        /** A bind mount of a path on the engine's host. */
        public Mount(String hostPath, boolean readOnly) {
            this(hostPath, readOnly, false);
        }
    }

    /** The task cannot mount the volume; the message is the stoppedReason, worded as ECS words it. */
    final class VolumeFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public VolumeFailure(String stoppedReason) {
            super(stoppedReason);
        }
    }
}
