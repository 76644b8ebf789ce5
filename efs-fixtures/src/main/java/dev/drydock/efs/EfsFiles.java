package dev.drydock.efs;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.internal.protocol.AwsException;
import dev.drydock.efs.internal.EfsBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
    private final EfsModule efs;

    private EfsFiles(EfsModule efs) {
        this.efs = efs;
    }

    /**
     * The files of {@code drydock}'s file systems.
     *
     * @throws DrydockException when drydock-efs-fixtures is not on the classpath
     */
    public static EfsFiles of(Drydock drydock) {
        return new EfsFiles(drydock.service(EfsModule.class));
    }

    /** The text of a file (UTF-8). @throws UncheckedIOException when it cannot be read (e.g. it does not exist) */
    public String readString(String fileSystem, String path) {
        try {
            return Files.readString(resolve(fileSystem, path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file (UTF-8), creating missing parent directories, owned by the JVM's user (root here). */
    public void writeString(String fileSystem, String path, String content) {
        Path file = resolve(fileSystem, path);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a file or directory exists. */
    public boolean exists(String fileSystem, String path) {
        return Files.exists(resolve(fileSystem, path), LinkOption.NOFOLLOW_LINKS);
    }

    /** The names in a directory, sorted. */
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
            return ((Number) Files.getAttribute(resolve(fileSystem, path), name, LinkOption.NOFOLLOW_LINKS))
                    .longValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path resolve(String fileSystem, String path) {
        String id;
        try {
            id = fileSystem.startsWith("fs-") || fileSystem.startsWith("arn:") ? efs.backend().fileSystem(fileSystem)
                    .id() : efs.backend().fileSystemNamed(fileSystem).map(EfsBackend.FileSystem::id)
                    .orElseThrow(() -> new DrydockException("There is no EFS file system named '" + fileSystem
                            + "'. Declare it, e.g. @EfsFileSystem(name = \"" + fileSystem + "\")."));
        } catch (AwsException e) {
            throw new DrydockException("EFS: " + e.getMessage(), e);
        }
        Path root = efs.storage().fileSystemRoot(id);
        Path p = root.resolve(path.replaceFirst("^/+", "")).normalize();
        if (!p.startsWith(root)) {
            throw new DrydockException("The path '" + path + "' leaves the file system's root.");
        }
        return p;
    }
}
