package dev.drydock.efs.internal.mounts;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.TaskVolumeProvider.EfsVolumeRequest;
import dev.drydock.core.spi.TaskVolumeProvider.Mount;
import dev.drydock.core.spi.TaskVolumeProvider.VolumeFailure;
import dev.drydock.efs.internal.backend.EfsBackend;
import dev.drydock.efs.internal.backend.EfsStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import software.amazon.awssdk.services.efs.model.CreationInfo;
import software.amazon.awssdk.services.efs.model.PosixUser;

/**
 * Prepares a task's EFS volume as Fargate's EFS mount helper does: resolves the file system and access point, checks
 * IAM when the volume asks for it (ClientMount, else the task fails to start; ClientWrite, else the mount is
 * read-only; ClientRootAccess, else root is squashed to 65534), creates the access point's root directory from its
 * creation info on first mount, and answers the host directory to bind.
 */
public final class TaskMounts {
    private static final String SETUP_FAILED =
            "ResourceInitializationError: failed to invoke EFS utils commands to " + "set up EFS volumes: stderr: ";
    private static final long NOBODY = 65534;

    private final EfsBackend backend;
    private final EfsStorage storage;
    private final MountAuthorization authorization;
    private final String region;

    public TaskMounts(EfsBackend backend, EfsStorage storage, MountAuthorization authorization, String region) {
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
        Path dir;
        PosixUser user = null;
        if (view.accessPoint() != null) {
            EfsBackend.AccessPoint ap = view.accessPoint();
            String denied = SETUP_FAILED + "b'mount.nfs4: access denied by server while mounting 127.0.0.1:/' (access "
                    + "point " + ap.id() + " has root directory " + ap.rootPath();
            dir = directory(fsId, ap.rootPath(), null, denied);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                CreationInfo ci = ap.creationInfo();
                if (ci == null) {
                    throw new VolumeFailure(denied + ", which does not exist, and no CreationInfo to create it with)");
                }
                dir = directory(fsId, ap.rootPath(), created -> applyOwner(created, ci), denied);
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    throw new VolumeFailure(denied + ", which is not a directory)");
                }
            }
            user = ap.posixUser();
        } else {
            String path = r.rootDirectory() == null || r.rootDirectory().isEmpty() ? "/" : r.rootDirectory();
            String missing = SETUP_FAILED + "b'mount.nfs4: mounting " + fsId + ".efs." + region + ".amazonaws.com:"
                    + path + " failed, reason given by server: No such file or directory'";
            dir = directory(fsId, path, null, missing + " (rootDirectory " + path);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new VolumeFailure(missing);
            }
        }
        Path bind = dir;
        if (user != null) {
            bind = storage.ownedView(dir, user.uid(), user.gid());
        } else if (!grants.rootAccess()) {
            bind = storage.ownedView(dir, NOBODY, NOBODY);
        }
        return new Mount(bind.toString(), !grants.write());
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
     * The host directory of {@code path} inside the file system, a real path that never leaves it (see
     * {@link EfsStorage#resolve}); a path that leaves it, or cannot be resolved
     * or created, fails the mount with {@code failure} and the reason.
     */
    private Path directory(String fileSystemId, String path, EfsStorage.DirectoryCreated created, String failure) {
        try {
            return storage.resolve(fileSystemId, path, created);
        } catch (IllegalArgumentException e) {
            throw new VolumeFailure(failure + ": " + e.getMessage() + ")");
        } catch (IOException e) {
            throw new VolumeFailure(failure + ": Drydock cannot resolve or create it: " + e + ")");
        }
    }

    /** Sets a directory Drydock just created to the creation info's mode and owner, never through a link. */
    private static void applyOwner(Path dir, CreationInfo ci) throws IOException {
        Files.getFileAttributeView(dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setPermissions(permissions(Integer.parseInt(ci.permissions(), 8)));
        try {
            Files.setAttribute(dir, "unix:uid", ci.ownerUid().intValue(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(dir, "unix:gid", ci.ownerGid().intValue(), LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | SecurityException | IOException e) {
            // not root or not a Unix file system: the owner stays the JVM's user (documented)
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ
        };
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(order[i]);
            }
        }
        return set;
    }

    private static String taskId(String taskArn) {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }
}
