package dev.drydock.efs.internal.storage;

import dev.drydock.core.spi.TaskVolumeProvider;
import dev.drydock.efs.internal.backend.EfsStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of every file system in directories of this machine ({@link EfsStorage}), bind-mounted into tasks: the
 * local Linux engine's fast path. Locations are host paths.
 */
public final class LocalFileSystemStore implements FileSystemStore {
    private final EfsStorage storage;

    public LocalFileSystemStore(EfsStorage storage) {
        this.storage = storage;
    }

    @Override
    public String resolve(String fileSystemId, String path, Owner create) throws IOException {
        EfsStorage.DirectoryCreated created = create == null ? null : dir -> applyOwner(dir, create);
        return storage.resolve(fileSystemId, path, created).toString();
    }

    @Override
    public String entry(String fileSystemId, String path, boolean createParents) throws IOException {
        return storage.entry(fileSystemId, path, createParents ? dir -> {} : null)
                .toString();
    }

    @Override
    public boolean isDirectory(String location) {
        return Files.isDirectory(Path.of(location), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public TaskVolumeProvider.Mount mount(String location, Long ownerUid, Long ownerGid, boolean readOnly) {
        Path dir = Path.of(location);
        Path bind = ownerUid == null ? dir : storage.ownedView(dir, ownerUid, ownerGid);
        return new TaskVolumeProvider.Mount(bind.toString(), readOnly);
    }

    @Override
    public byte[] read(String location) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(location), LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void write(String fileSystemId, String path, byte[] content) throws IOException {
        Path file = storage.entry(fileSystemId, path, dir -> {});
        if (Files.isSymbolicLink(file)) {
            file = storage.resolve(fileSystemId, path, null);
        }
        Files.write(
                file,
                content,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public boolean exists(String location) {
        return Files.exists(Path.of(location), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public List<String> list(String location) throws IOException {
        try (Stream<Path> s = Files.list(Path.of(location))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public long[] stat(String location) throws IOException {
        Path p = Path.of(location);
        return new long[] {
            ((Number) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue(),
            ((Number) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS)).longValue(),
            ((Number) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)).longValue() & 07777
        };
    }

    @Override
    public boolean ownershipSupported() {
        return storage.ownershipSupported();
    }

    @Override
    public String describe(String fileSystemId) {
        return "files in " + storage.location(fileSystemId);
    }

    @Override
    public void close() {
        storage.close();
    }

    /** Sets a directory Drydock just created to the creation info's mode and owner, never through a link. */
    private static void applyOwner(Path dir, Owner owner) throws IOException {
        Files.getFileAttributeView(dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setPermissions(permissions(owner.mode()));
        try {
            Files.setAttribute(dir, "unix:uid", (int) owner.uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(dir, "unix:gid", (int) owner.gid(), LinkOption.NOFOLLOW_LINKS);
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
}
