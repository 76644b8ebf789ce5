package dev.drydock.efs;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.spi.AwsException;
import dev.drydock.efs.internal.EfsServiceModule;
import dev.drydock.efs.internal.backend.EfsBackend;
import dev.drydock.efs.internal.storage.FileSystemStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Direct access to the files of a Drydock file system, as a test's view from outside any task: read what a task
 * wrote, seed data a task reads, check owners. File systems are named by id ({@code fs-...}), ARN or name (their
 * {@code Name} tag); paths are absolute paths inside the file system ({@code /uploads/a.txt}). Changes are seen at
 * once by every task that mounts the file system (they share the storage). On engines whose host this JVM does not
 * share, the files live in a Docker volume and each call runs a command in Drydock's EFS helper container.
 *
 * <pre>{@code EfsFiles files = EfsFiles.of(drydock); assertThat(files.readString("uploads", "/out.txt")).isEqualTo("hi");}</pre>
 */
public final class EfsFiles {
    private final EfsServiceModule efs;

    private EfsFiles(EfsServiceModule efs) {
        this.efs = efs;
    }

    /**
     * The files of {@code drydock}'s file systems.
     *
     * @throws DrydockException when drydock-efs-fixtures is not on the classpath
     */
    public static EfsFiles of(Drydock drydock) {
        return new EfsFiles(EfsServiceModule.of(drydock));
    }

    /**
     * The text of a file (UTF-8).
     *
     * @throws UncheckedIOException when it cannot be read (e.g. it does not exist)
     * @throws IllegalArgumentException when the path leaves the file system ({@code ..}, or a symbolic link a task
     *     created that points outside it): EFS resolves every path inside the file system
     */
    public String readString(String fileSystem, String path) {
        try {
            FileSystemStore store = efs.store();
            return new String(store.read(store.resolve(id(fileSystem), path, null)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a file (UTF-8), creating missing parent directories, owned by root.
     *
     * @throws IllegalArgumentException when the path leaves the file system, as {@link #readString}
     */
    public void writeString(String fileSystem, String path, String content) {
        try {
            efs.store().write(id(fileSystem), path, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a file or directory (or symbolic link) exists. @throws IllegalArgumentException as {@link #readString} */
    public boolean exists(String fileSystem, String path) {
        try {
            return efs.store().exists(entry(fileSystem, path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names in a directory, sorted. @throws IllegalArgumentException as {@link #readString} */
    public List<String> list(String fileSystem, String directory) {
        try {
            FileSystemStore store = efs.store();
            return store.list(store.resolve(id(fileSystem), directory, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The numeric owner uid of a file or directory. */
    public long ownerUid(String fileSystem, String path) {
        return stat(fileSystem, path)[0];
    }

    /** The numeric owner gid of a file or directory. */
    public long ownerGid(String fileSystem, String path) {
        return stat(fileSystem, path)[1];
    }

    /** The permission bits of a file or directory, e.g. {@code 0755} as the int 493. */
    public int mode(String fileSystem, String path) {
        return (int) stat(fileSystem, path)[2];
    }

    private long[] stat(String fileSystem, String path) {
        try {
            return efs.store().stat(entry(fileSystem, path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The location of the entry {@code path} names, a symbolic link itself (see FileSystemStore#entry). */
    private String entry(String fileSystem, String path) throws IOException {
        return efs.store().entry(id(fileSystem), path, false);
    }

    private String id(String fileSystem) {
        try {
            return fileSystem.startsWith("fs-") || fileSystem.startsWith("arn:")
                    ? efs.backend().fileSystem(fileSystem).id()
                    : efs.backend()
                            .fileSystemNamed(fileSystem)
                            .map(EfsBackend.FileSystem::id)
                            .orElseThrow(() -> new DrydockException("There is no EFS file system named '" + fileSystem
                                    + "'. Declare it, e.g. @EfsFileSystem(name = \"" + fileSystem + "\")."));
        } catch (AwsException e) {
            throw new DrydockException("EFS: " + e.getMessage(), e);
        }
    }
}
