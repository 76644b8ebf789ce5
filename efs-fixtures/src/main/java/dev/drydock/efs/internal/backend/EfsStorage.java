package dev.drydock.efs.internal.backend;

import dev.drydock.core.spi.Labels;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bytes of every file system: one host directory per file system under a session directory
 * ({@code <java.io.tmpdir>/drydock-efs/<session>/<fs-id>}), shared by every task that mounts it and kept for the
 * life of the file system (the Drydock instance). The session directory records its JVM (pid and start time): a
 * later session removes the directories, and unmounts the bindfs mounts, of sessions whose JVM is gone.
 *
 * <p>Ownership semantics (an access point's POSIX user, root squashing) need a view of the directory that rewrites
 * the owner of created files: a <a href="https://bindfs.org">bindfs</a> FUSE mount run on this host, when the
 * {@code bindfs} command exists. Mounts are shared per (directory, owner) and unmounted at close.
 */
public final class EfsStorage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EfsStorage.class);
    private static final String OWNER_FILE = "drydock-owner";

    private final Path base;
    private final Path session;
    private final Map<String, Path> ownerViews = new ConcurrentHashMap<>();
    private final boolean bindfs;

    /**
     * @param base where session directories live, e.g. {@code <java.io.tmpdir>/drydock-efs}
     * @param sessionId this Drydock session
     */
    public EfsStorage(Path base, String sessionId) {
        this.base = base;
        this.session = base.resolve(sessionId);
        this.bindfs = commandExists("bindfs");
    }

    /** Whether bindfs is installed, so access point POSIX users and root squashing take effect on file owners. */
    public boolean ownershipSupported() {
        return bindfs;
    }

    /** Creates this session's directory (on first use) and sweeps those of dead sessions. */
    private synchronized Path session() {
        if (!Files.isDirectory(session)) {
            try {
                Files.createDirectories(session);
                ProcessHandle self = ProcessHandle.current();
                Files.writeString(
                        session.resolve(OWNER_FILE),
                        self.pid() + " "
                                + self.info()
                                        .startInstant()
                                        .map(i -> Long.toString(i.toEpochMilli()))
                                        .orElse(""),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Drydock cannot create its EFS storage directory " + session, e);
            }
            sweepDeadSessions();
        }
        return session;
    }

    /** Where a file system's files are (or will be) on this machine, without creating anything. */
    public Path location(String fileSystemId) {
        return session.resolve(fileSystemId);
    }

    /** The host directory holding a file system's files (created on first use). */
    public Path fileSystemRoot(String fileSystemId) {
        Path dir = session().resolve(fileSystemId);
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                // EFS's root directory: owned by root, mode 755
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Drydock cannot create the storage of file system " + fileSystemId, e);
        }
        return dir;
    }

    /** Called for each directory {@link #resolve} creates, right after creating it (e.g. to set its owner). */
    @FunctionalInterface
    public interface DirectoryCreated {
        void accept(Path dir) throws IOException;
    }

    /**
     * The host path of {@code path} (absolute, inside the file system), resolved as EFS's NFS server resolves it:
     * never outside the file system. Components are resolved one at a time; a symbolic link is followed only when
     * its real target stays in the file system's directory, so the answer is a real path (no symbolic links left,
     * safe to hand to Docker or bindfs, which follow links on this host). Components that do not exist are appended
     * as they are, or created one level at a time (never through a link) when {@code created} is given.
     *
     * @param created called for each directory created; {@code null} to create nothing
     * @throws IllegalArgumentException when {@code path} leaves the file system ({@code ..}) or a symbolic link on
     *     it leads outside the file system or nowhere; the message names the path and the link
     * @throws IOException when a directory cannot be created or a component cannot be read
     */
    public Path resolve(String fileSystemId, String path, DirectoryCreated created) throws IOException {
        return walk(fileSystemId, path, created, true);
    }

    /**
     * The host path of the entry {@code path} names itself, as {@code lstat} sees it: its parent resolved as by
     * {@link #resolve} (missing parents created when {@code created} is given), its last component not followed
     * even when it is a symbolic link.
     *
     * @throws IllegalArgumentException as {@link #resolve}
     */
    public Path entry(String fileSystemId, String path, DirectoryCreated created) throws IOException {
        return walk(fileSystemId, path, created, false);
    }

    private Path walk(String fileSystemId, String path, DirectoryCreated created, boolean followLast)
            throws IOException {
        Path root = fileSystemRoot(fileSystemId);
        Path lexical = root.resolve(path.replaceFirst("^/+", "")).normalize();
        if (!lexical.startsWith(root)) {
            throw new IllegalArgumentException(
                    "The path '" + path + "' leaves the root of file system " + fileSystemId + ".");
        }
        Path rootReal = root.toRealPath();
        Path current = rootReal;
        Path relative = root.relativize(lexical);
        int count = relative.toString().isEmpty() ? 0 : relative.getNameCount();
        for (int i = 0; i < count; i++) {
            Path next = current.resolve(relative.getName(i));
            if (!followLast && i == count - 1) {
                return next;
            }
            if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                if (created == null) {
                    current = next;
                    continue;
                }
                try {
                    Files.createDirectory(next);
                    created.accept(next);
                    current = next;
                    continue;
                } catch (FileAlreadyExistsException e) {
                    // created meanwhile (by a task): resolve what is there now
                }
            }
            current = inside(rootReal, next, fileSystemId, path);
        }
        return current;
    }

    /** {@code entry} (its parent a real path inside {@code rootReal}) with a symbolic link resolved inside. */
    private static Path inside(Path rootReal, Path entry, String fileSystemId, String path) throws IOException {
        if (!Files.isSymbolicLink(entry)) {
            return entry;
        }
        String shown = "/" + rootReal.relativize(entry);
        String target = Files.readSymbolicLink(entry).toString();
        Path real;
        try {
            real = entry.toRealPath();
        } catch (FileSystemException e) {
            throw new IllegalArgumentException("The path '" + path + "' in file system " + fileSystemId
                    + " goes through the symbolic link " + shown + " -> " + target + ", which does not resolve to an "
                    + "existing path; Drydock follows links only to existing paths inside the file system.");
        }
        if (!real.startsWith(rootReal)) {
            throw new IllegalArgumentException("The path '" + path + "' in file system " + fileSystemId
                    + " goes through the symbolic link " + shown + " -> " + target + ", which leads outside the "
                    + "file system; EFS resolves every path inside its file system, so Drydock refuses it.");
        }
        return real;
    }

    /**
     * A host view of {@code dir} in which files created are owned by {@code uid:gid} (a bindfs mount), shared by
     * every mount with the same directory and owner; {@code dir} itself when bindfs is not installed.
     */
    public synchronized Path ownedView(Path dir, long uid, long gid) {
        if (!bindfs) {
            return dir;
        }
        String key = dir + "|" + uid + ":" + gid;
        Path existing = ownerViews.get(key);
        if (existing != null) {
            return existing;
        }
        Path view = session().resolve("views").resolve(Integer.toHexString(key.hashCode()) + "-" + uid + "-" + gid);
        try {
            Files.createDirectories(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!run(
                List.of(
                        "bindfs",
                        "-o",
                        "allow_other",
                        "--create-for-user=" + uid,
                        "--create-for-group=" + gid,
                        "--chown-ignore",
                        "--chgrp-ignore",
                        dir.toString(),
                        view.toString()),
                true)) {
            LOG.warn(
                    "Drydock EFS could not mount a bindfs view of {} (is /dev/fuse usable here?): files created there "
                            + "keep the creating process's owner instead of {}:{}",
                    dir,
                    uid,
                    gid);
            return dir;
        }
        ownerViews.put(key, view);
        return view;
    }

    /** Removes this session's storage, unmounting its bindfs views first. */
    @Override
    public synchronized void close() {
        for (Path view : ownerViews.values()) {
            unmount(view);
        }
        ownerViews.clear();
        deleteTree(session);
    }

    /** Removes the storage of sessions whose JVM is gone (a crashed run). */
    void sweepDeadSessions() {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(base)) {
            for (Path dir : dirs.toList()) {
                if (dir.equals(session) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String[] owner;
                try {
                    owner = Files.readString(dir.resolve(OWNER_FILE)).trim().split(" ");
                } catch (IOException e) {
                    owner = new String[] {""};
                }
                boolean alive = Labels.ownerAlive(
                        owner.length == 2
                                ? Map.of(Labels.PID, owner[0], Labels.PROCESS_START, owner[1])
                                : Map.of(Labels.PID, owner[0]));
                if (!alive) {
                    mountsUnder(dir).forEach(EfsStorage::unmount);
                    deleteTree(dir);
                    LOG.info("Removed the EFS storage left by crashed Drydock session {}", dir.getFileName());
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not sweep {}: {}", base, e.toString());
        }
    }

    private static List<Path> mountsUnder(Path dir) {
        List<Path> mounts = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                String[] f = line.split(" ");
                if (f.length > 1 && f[1].startsWith(dir.toString() + "/")) {
                    mounts.add(Path.of(f[1]));
                }
            }
        } catch (IOException e) {
            // no /proc (not Linux): nothing can be mounted there either
        }
        return mounts;
    }

    private static void unmount(Path view) {
        if (!run(List.of("fusermount", "-u", "-z", view.toString()), false)
                && !run(List.of("umount", "-l", view.toString()), false)) {
            LOG.warn("Could not unmount the bindfs view {}; unmount it by hand (umount -l)", view);
        }
    }

    private static boolean run(List<String> command, boolean logFailure) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            boolean done = p.waitFor(10, TimeUnit.SECONDS);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!done || p.exitValue() != 0) {
                if (logFailure) {
                    LOG.warn("{} failed: {}", String.join(" ", command), out);
                }
                p.destroyForcibly();
                return false;
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean commandExists(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not remove EFS storage {}: {}", root, e.toString());
        }
    }
}
