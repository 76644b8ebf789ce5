package dev.drydock.efs.internal.storage;

import dev.drydock.core.spi.TaskVolumeProvider;
import java.io.IOException;
import java.util.List;

/**
 * Where the files of every file system live, and how tasks mount them and the test reads and writes them
 * ({@code EfsFiles}). {@link LocalFileSystemStore}: directories of this machine, bind-mounted into tasks (a local Linux
 * engine). {@link EngineFileSystemStore}: a Docker volume on the engine, handled through Drydock's EFS helper container
 * (every other engine). Paths are absolute paths inside a file system ({@code /uploads/a.txt}); a {@code location}
 * is the store's own name for a resolved entry, handed back to the store. Paths resolve as EFS's NFS server resolves
 * them: never outside the file system.
 */
public interface FileSystemStore extends AutoCloseable {

    /**
     * The owner and mode of directories to create.
     *
     * @param uid owner uid
     * @param gid owner gid
     * @param mode permission bits, e.g. {@code 0755}
     */
    record Owner(long uid, long gid, int mode) {}

    /**
     * The location of {@code path}, every symbolic link on it followed (only when it stays inside the file system).
     * Missing components are appended as they are, or created one level at a time (never through a link) with
     * {@code create}'s owner and mode when it is given.
     *
     * @throws IllegalArgumentException when the path leaves the file system ({@code ..}) or a symbolic link on it
     *     leads outside the file system or nowhere; the message names the path and the link
     * @throws IOException when a directory cannot be created or a component cannot be read
     */
    String resolve(String fileSystemId, String path, Owner create) throws IOException;

    /**
     * The location of the entry {@code path} names itself, its last component not followed (as {@code lstat}); missing
     * parents are created (root-owned, 0755) when {@code createParents}.
     *
     * @throws IllegalArgumentException as {@link #resolve}
     */
    String entry(String fileSystemId, String path, boolean createParents) throws IOException;

    /** Whether the location is a directory (not a link to one). */
    boolean isDirectory(String location) throws IOException;

    /**
     * What a task mounts for the directory at {@code location}: the directory itself, or, with an owner, a view of it
     * in which files created are owned by {@code ownerUid:ownerGid} (an access point's POSIX user, root squashing).
     *
     * @param ownerUid the owner of created files, or {@code null} to keep the creating process's
     */
    TaskVolumeProvider.Mount mount(String location, Long ownerUid, Long ownerGid, boolean readOnly) throws IOException;

    /** The bytes of the file at a resolved location. */
    byte[] read(String location) throws IOException;

    /**
     * Replaces (or creates) the file at {@code path}, creating missing parent directories, owned by root; a symbolic
     * link at {@code path} is followed when it stays inside the file system.
     *
     * @throws IllegalArgumentException as {@link #resolve}
     */
    void write(String fileSystemId, String path, byte[] content) throws IOException;

    /** Whether the entry exists (a dangling symbolic link exists). */
    boolean exists(String location) throws IOException;

    /** The names in the directory at a resolved location, sorted. */
    List<String> list(String location) throws IOException;

    /** The entry's owner uid, gid and permission bits ({@code lstat}). */
    long[] stat(String location) throws IOException;

    /** Whether created files get an access point's owner (bindfs is available). */
    boolean ownershipSupported();

    /** Where a file system's files are, for a failing test's report. */
    String describe(String fileSystemId);

    /** Removes the session's storage. */
    @Override
    void close();
}
