package dev.drydock.efs;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.spi.AwsException;
import dev.drydock.efs.internal.EfsServiceModule;
import dev.drydock.efs.internal.backend.EfsBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Direct access to the files of a Drydock file system, as a test's view from outside any task: read what a task
 * wrote, seed data a task reads, check owners. File systems are named by id ({@code fs-...}), ARN or name (their
 * {@code Name} tag); paths are absolute paths inside the file system ({@code /uploads/a.txt}). Changes are seen at
 * once by every task that mounts the file system (they share the storage).
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
        try (InputStream in = Files.newInputStream(resolve(fileSystem, path), LinkOption.NOFOLLOW_LINKS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a file (UTF-8), creating missing parent directories, owned by the JVM's user (root here).
     *
     * @throws IllegalArgumentException when the path leaves the file system, as {@link #readString}
     */
    public void writeString(String fileSystem, String path, String content) {
        String id = id(fileSystem);
        try {
            Path file = efs.storage().entry(id, path, dir -> {});
            if (Files.isSymbolicLink(file)) {
                file = efs.storage().resolve(id, path, null);
            }
            Files.writeString(
                    file,
                    content,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a file or directory (or symbolic link) exists. @throws IllegalArgumentException as {@link #readString} */
    public boolean exists(String fileSystem, String path) {
        return Files.exists(entry(fileSystem, path), LinkOption.NOFOLLOW_LINKS);
    }

    /** The names in a directory, sorted. @throws IllegalArgumentException as {@link #readString} */
    public List<String> list(String fileSystem, String directory) {
        try (Stream<Path> s = Files.list(resolve(fileSystem, directory))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The numeric owner uid of a file or directory. */
    public long ownerUid(String fileSystem, String path) {
        return attribute(fileSystem, path, "unix:uid");
    }

    /** The numeric owner gid of a file or directory. */
    public long ownerGid(String fileSystem, String path) {
        return attribute(fileSystem, path, "unix:gid");
    }

    /** The permission bits of a file or directory, e.g. {@code 0755} as the int 493. */
    public int mode(String fileSystem, String path) {
        return (int) attribute(fileSystem, path, "unix:mode") & 07777;
    }

    private long attribute(String fileSystem, String path, String name) {
        try {
            return ((Number) Files.getAttribute(entry(fileSystem, path), name, LinkOption.NOFOLLOW_LINKS)).longValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host path of {@code path}, never outside the file system (see EfsStorage#resolve). */
    private Path resolve(String fileSystem, String path) {
        try {
            return efs.storage().resolve(id(fileSystem), path, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host path of the entry {@code path} names, a symbolic link itself (see EfsStorage#entry). */
    private Path entry(String fileSystem, String path) {
        try {
            return efs.storage().entry(id(fileSystem), path, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
