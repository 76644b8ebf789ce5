package dev.drydock.ecr.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content-addressed blob storage in a directory: each blob is one file {@code blobs/sha256/<hex>}, stored once
 * whatever repositories reference it. Uploads stream to {@code uploads/<id>} through a SHA-256 digest (never whole
 * in the heap) and become a blob only when the digest the client names matches the bytes received; a failed or
 * abandoned upload leaves nothing behind.
 *
 * <p>The directory belongs to one Drydock session: created on first use under a parent, named after the owning
 * process (directories whose process is gone, left by a crashed session, are removed then), and deleted by
 * {@link #close}.
 */
public final class BlobStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobStore.class);
    /** A digest as the distribution spec writes it; Drydock stores sha256 only, as ECR does. */
    public static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");

    private final Path parent;
    private final String sessionId;
    private final Map<String, Upload> active = new ConcurrentHashMap<>();
    private volatile Path root;
    private Path blobs;
    private Path uploads;

    private BlobStore(Path parent, String sessionId) {
        this.parent = parent;
        this.sessionId = sessionId;
    }

    /**
     * A store in a new session directory {@code <parent>/<pid>-<sessionId>}, created on first use (when the
     * directories under {@code parent} whose process no longer runs are deleted too), so a session that stores
     * nothing touches no disk.
     */
    public static BlobStore open(Path parent, String sessionId) {
        return new BlobStore(parent, sessionId);
    }

    /** Creates the session directory on first use. */
    private Path dir() {
        Path r = root;
        if (r == null) {
            synchronized (this) {
                r = root;
                if (r == null) {
                    try {
                        Files.createDirectories(parent);
                        sweep(parent);
                        r = Files.createDirectories(
                                parent.resolve(ProcessHandle.current().pid() + "-" + sessionId));
                        blobs = Files.createDirectories(r.resolve("blobs").resolve("sha256"));
                        uploads = Files.createDirectories(r.resolve("uploads"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(
                                "Drydock cannot create its ECR storage under " + parent + ": " + e.getMessage()
                                        + ". Set drydock.ecr.storage-directory to a writable directory.",
                                e);
                    }
                    root = r;
                }
            }
        }
        return r;
    }

    private Path blobsDir() {
        dir();
        return blobs;
    }

    private Path uploadsDir() {
        dir();
        return uploads;
    }

    private static void sweep(Path parent) throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                int dash = name.indexOf('-');
                if (dash <= 0 || !name.substring(0, dash).matches("\\d+")) {
                    continue;
                }
                long pid = Long.parseLong(name.substring(0, dash));
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                LOG.info("Removing ECR storage {} left by a Drydock session that ended without closing", dir);
                deleteTree(dir);
            }
        }
    }

    /** The session directory (created now if it was not). */
    public Path root() {
        return dir();
    }

    /** Whether a blob with this digest is stored. */
    public boolean exists(String digest) {
        return DIGEST.matcher(digest).matches() && Files.isRegularFile(path(digest));
    }

    /** The size in bytes of a stored blob. */
    public Optional<Long> size(String digest) {
        if (!exists(digest)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.size(path(digest)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The file of a stored blob (check {@link #exists} first). */
    public Path path(String digest) {
        return blobsDir().resolve(digest.substring("sha256:".length()));
    }

    /** Stores small content (a manifest) as a blob and answers its digest. */
    public String put(byte[] content) {
        String digest = digestOf(content);
        if (!exists(digest)) {
            try {
                Path tmp = Files.createTempFile(uploadsDir(), "put-", "");
                Files.write(tmp, content);
                publish(tmp, digest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return digest;
    }

    /**
     * Stores a blob that exists as a file elsewhere (Drydock's layer cache) under its digest: a hard link to it where
     * the file system allows, a copy otherwise. The caller vouches that the file's content has that digest.
     */
    public void adopt(String digest, Path file) {
        if (exists(digest)) {
            return;
        }
        try {
            Path tmp = uploadsDir().resolve("adopt-" + UUID.randomUUID());
            try {
                Files.createLink(tmp, file);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(file, tmp);
            }
            publish(tmp, digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an upload and answers its id. */
    public String startUpload() {
        String id = UUID.randomUUID().toString();
        try {
            Path file = Files.createFile(uploadsDir().resolve(id));
            active.put(id, new Upload(id, file, sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    /** The upload with this id, if it is in progress. */
    public Optional<Upload> upload(String id) {
        return Optional.ofNullable(active.get(id));
    }

    /** Discards an upload and its bytes. */
    public void cancel(String id) {
        Upload u = active.remove(id);
        if (u != null) {
            synchronized (u) {
                deleteQuietly(u.file);
            }
        }
    }

    /**
     * Ends an upload: the bytes received become the blob {@code expectedDigest} when they hash to it. The upload is
     * gone afterwards either way.
     *
     * @return the blob's size in bytes
     * @throws DigestMismatchException when the bytes hash to another digest (nothing is stored)
     */
    public long complete(String id, String expectedDigest) {
        Upload u = active.remove(id);
        if (u == null) {
            throw new IllegalStateException("no upload " + id);
        }
        synchronized (u) {
            String actual = "sha256:" + HexFormat.of().formatHex(u.digest.digest());
            if (!actual.equals(expectedDigest)) {
                deleteQuietly(u.file);
                throw new DigestMismatchException(expectedDigest, actual);
            }
            try {
                publish(u.file, actual);
            } catch (IOException e) {
                deleteQuietly(u.file);
                throw new UncheckedIOException(e);
            }
            return u.size;
        }
    }

    private void publish(Path file, String digest) throws IOException {
        Path target = path(digest);
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            if (Files.exists(target)) {
                deleteQuietly(file); // the same content arrived twice: stored once
            } else {
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Deletes every blob and upload and the session directory. */
    @Override
    public void close() {
        active.clear();
        Path r = root;
        if (r == null) {
            return;
        }
        try {
            deleteTree(r);
        } catch (IOException e) {
            LOG.warn("Could not remove Drydock's ECR storage {} ({}); the next session removes it", r, e.getMessage());
        }
    }

    /** The sha256 digest of {@code content}, e.g. {@code sha256:e3b0...}. */
    public static String digestOf(byte[] content) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(content));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete {}", file, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One upload in progress: its bytes so far, on disk, and their running digest. */
    public static final class Upload {
        private final String id;
        private final Path file;
        private final MessageDigest digest;
        private long size;

        private Upload(String id, Path file, MessageDigest digest) {
            this.id = id;
            this.file = file;
            this.digest = digest;
        }

        public String id() {
            return id;
        }

        /** Bytes received so far. */
        public synchronized long size() {
            return size;
        }

        /**
         * Appends everything {@code in} delivers, streaming (64 KiB at a time).
         *
         * @return the upload's size afterwards
         */
        public synchronized long append(InputStream in) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    digest.update(buffer, 0, n);
                    size += n;
                }
            }
            return size;
        }
    }

    /** The bytes of an upload do not hash to the digest the client named. */
    public static final class DigestMismatchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DigestMismatchException(String expected, String actual) {
            super("the content's digest is " + actual + ", not " + expected);
        }
    }
}
