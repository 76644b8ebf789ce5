package dev.drydock.efs.internal.mounts;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.TaskVolumeProvider.EfsVolumeRequest;
import dev.drydock.core.spi.TaskVolumeProvider.Mount;
import dev.drydock.core.spi.TaskVolumeProvider.VolumeFailure;
import dev.drydock.efs.internal.backend.EfsBackend;
import dev.drydock.efs.internal.storage.FileSystemStore;
import java.io.IOException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.efs.model.CreationInfo;
import software.amazon.awssdk.services.efs.model.PosixUser;

/**
 * Prepares a task's EFS volume as Fargate's EFS mount helper does: resolves the file system and access point, checks
 * IAM when the volume asks for it (ClientMount, else the task fails to start; ClientWrite, else the mount is
 * read-only; ClientRootAccess, else root is squashed to 65534), creates the access point's root directory from its
 * creation info on first mount, and answers what to mount (see {@link FileSystemStore}).
 */
public final class TaskMounts {
    private static final String SETUP_FAILED =
            "ResourceInitializationError: failed to invoke EFS utils commands to " + "set up EFS volumes: stderr: ";
    private static final long NOBODY = 65534;

    private final EfsBackend backend;
    private final Supplier<FileSystemStore> storage;
    private final MountAuthorization authorization;
    private final String region;

    /**
     * @param storage the store of every file system, chosen on first use (it may need the container runtime)
     */
    public TaskMounts(
            EfsBackend backend, Supplier<FileSystemStore> storage, MountAuthorization authorization, String region) {
        this.backend = backend;
        this.storage = storage;
        this.authorization = authorization;
        this.region = region;
    }

    /** See {@link dev.drydock.core.spi.TaskVolumeProvider#efsVolume}. */
    public Mount mount(EfsVolumeRequest r) {
        EfsBackend.MountView view = resolve(r);
        boolean iam = "ENABLED".equals(r.iam());
        MountAuthorization.Grants grants = new MountAuthorization.Grants(true, true, true);
        if (iam) {
            if (r.taskRoleArn() == null) {
                throw new VolumeFailure(SETUP_FAILED + "b'mount.nfs4: access denied by server while mounting "
                        + "127.0.0.1:/' (the volume sets authorizationConfig.iam ENABLED but the task has no task "
                        + "role)");
            }
            grants = authorization.evaluate(
                    taskId(r.taskArn()), r.taskRoleArn(), view, "ENABLED".equals(r.transitEncryption()));
            if (!grants.mount()) {
                throw new VolumeFailure(SETUP_FAILED + "b'mount.nfs4: access denied by server while mounting "
                        + "127.0.0.1:/' (IAM denied elasticfilesystem:ClientMount on " + view.fileSystemArn()
                        + " to the task role; see the decision log)");
            }
        }
        String fsId = view.fileSystemId();
        FileSystemStore store = storage.get();
        String dir;
        PosixUser user = null;
        try {
            if (view.accessPoint() != null) {
                EfsBackend.AccessPoint ap = view.accessPoint();
                String denied =
                        SETUP_FAILED + "b'mount.nfs4: access denied by server while mounting 127.0.0.1:/' (access "
                                + "point " + ap.id() + " has root directory " + ap.rootPath();
                dir = directory(store, fsId, ap.rootPath(), null, denied);
                if (!store.isDirectory(dir)) {
                    CreationInfo ci = ap.creationInfo();
                    if (ci == null) {
                        throw new VolumeFailure(
                                denied + ", which does not exist, and no CreationInfo to create it with)");
                    }
                    FileSystemStore.Owner owner = new FileSystemStore.Owner(
                            ci.ownerUid(), ci.ownerGid(), Integer.parseInt(ci.permissions(), 8));
                    dir = directory(store, fsId, ap.rootPath(), owner, denied);
                    if (!store.isDirectory(dir)) {
                        throw new VolumeFailure(denied + ", which is not a directory)");
                    }
                }
                user = ap.posixUser();
            } else {
                String path = r.rootDirectory() == null || r.rootDirectory().isEmpty() ? "/" : r.rootDirectory();
                String missing = SETUP_FAILED + "b'mount.nfs4: mounting " + fsId + ".efs." + region + ".amazonaws.com:"
                        + path + " failed, reason given by server: No such file or directory'";
                dir = directory(store, fsId, path, null, missing + " (rootDirectory " + path);
                if (!store.isDirectory(dir)) {
                    throw new VolumeFailure(missing);
                }
            }
            if (user != null) {
                return store.mount(dir, user.uid(), user.gid(), !grants.write());
            } else if (!grants.rootAccess()) {
                return store.mount(dir, NOBODY, NOBODY, !grants.write());
            }
            return store.mount(dir, null, null, !grants.write());
        } catch (IOException e) {
            throw new VolumeFailure(SETUP_FAILED + "Drydock could not prepare file system " + fsId + ": " + e);
        }
    }

    private EfsBackend.MountView resolve(EfsVolumeRequest r) {
        String fs = r.fileSystemId();
        String ap = r.accessPointId();
        try {
            if (fs != null && !fs.startsWith("fs-") && !fs.startsWith("arn:")) {
                fs = backend.fileSystemNamed(fs).map(EfsBackend.FileSystem::id).orElse(fs);
            }
            if (ap != null && !ap.startsWith("fsap-") && !ap.startsWith("arn:")) {
                String fsId = fs;
                ap = backend.accessPointNamed(fsId != null && fsId.startsWith("fs-") ? fsId : null, ap)
                        .map(EfsBackend.AccessPoint::id)
                        .orElse(ap);
            }
            return backend.mountView(fs, ap);
        } catch (AwsException e) {
            if (e.errorCode().equals("AccessPointNotFound")
                    || ap != null
                            && !ap.startsWith("fsap-")
                            && e.errorCode().equals("BadRequest")
                            && e.getMessage().contains("access point")) {
                throw new VolumeFailure(SETUP_FAILED + "b'mount.nfs4: access denied by server while mounting "
                        + "127.0.0.1:/' (access point '" + r.accessPointId() + "' does not exist)");
            }
            throw new VolumeFailure(SETUP_FAILED + "Failed to resolve \"" + r.fileSystemId() + ".efs." + region
                    + ".amazonaws.com\" - check that your file system ID is correct, and ensure that the VPC has an "
                    + "EFS mount target for this file system ID. (" + e.getMessage() + ")");
        }
    }

    /**
     * The location of {@code path} inside the file system, never outside it (see {@link FileSystemStore#resolve}); a
     * path that leaves it, or cannot be resolved or created, fails the mount with {@code failure} and the reason.
     */
    private static String directory(
            FileSystemStore store, String fileSystemId, String path, FileSystemStore.Owner create, String failure) {
        try {
            return store.resolve(fileSystemId, path, create);
        } catch (IllegalArgumentException e) {
            throw new VolumeFailure(failure + ": " + e.getMessage() + ")");
        } catch (IOException e) {
            throw new VolumeFailure(failure + ": Drydock cannot resolve or create it: " + e + ")");
        }
    }

    private static String taskId(String taskArn) {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }
}
