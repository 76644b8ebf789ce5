package dev.drydock.ecr.internal.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Image blobs pushed into Drydock's registry, kept across sessions and runs in {@code <ecr.storage-directory>/
 * layer-cache}: {@code blobs/sha256/<hex>} (hard links to the session's blob files where the file system allows,
 * copies otherwise) and {@code diff-ids/<hex>}, the blob digests known for an uncompressed layer digest (a
 * {@code rootfs.diff_ids} entry of an image config), one per line. A session that pushes an image already pushed
 * before finds its layers here by the image's diff ids (what the Docker engine reports of a local image) and gives
 * them to the repository before the push, so Docker finds them there ("Layer already exists") instead of compressing
 * and uploading them again.
 *
 * <p>Shared by every JVM on the machine: files are published by atomic moves, so concurrent sessions at worst store a
 * blob twice or lose a line of an index. Blobs beyond {@code maxBytes}, least recently used first (by modification
 * time, touched on use), are deleted when the cache is opened.
 */
public final class LayerCache {
    private static final Logger LOG = LoggerFactory.getLogger(LayerCache.class);

    private final Path blobs;
    private final Path diffIds;
    private final Path tmp;

    private LayerCache(Path root) throws IOException {
        this.blobs = Files.createDirectories(root.resolve("blobs").resolve("sha256"));
        this.diffIds = Files.createDirectories(root.resolve("diff-ids"));
        this.tmp = Files.createDirectories(root.resolve("tmp"));
    }

    /**
     * Opens (creating it if needed) the cache in {@code root}, deleting the least recently used blobs beyond
     * {@code maxBytes}.
     *
     * @return the cache, or empty when the directory cannot be used (logged; Drydock works without it)
     */
    public static Optional<LayerCache> open(Path root, long maxBytes) {
        try {
            LayerCache cache = new LayerCache(root);
            cache.evict(maxBytes);
            return Optional.of(cache);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Drydock cannot use its ECR layer cache in {} ({}); images are pushed whole", root, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Remembers the layers of a pushed image: links each layer's blob into the cache and notes it under the layer's
     * diff id, and the config blob too.
     *
     * @param configDigest the image config's digest
     * @param layerDigests the manifest's layer digests, in order
     * @param layerDiffIds the config's {@code rootfs.diff_ids}, in the same order
     * @param store where the blobs are now
     */
    public void remember(String configDigest, List<String> layerDigests, List<String> layerDiffIds, BlobStore store) {
        try {
            keep(configDigest, store);
            for (int i = 0; i < layerDigests.size() && i < layerDiffIds.size(); i++) {
                if (keep(layerDigests.get(i), store)) {
                    note(layerDiffIds.get(i), layerDigests.get(i));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not add an image's layers to the ECR layer cache: {}", e.toString());
        }
    }

    /** The cached blobs (digest and file) known for an uncompressed layer digest, most recently noted first. */
    public List<Cached> layers(String diffId) {
        List<Cached> result = new ArrayList<>();
        if (!BlobStore.DIGEST.matcher(diffId).matches()) {
            return result;
        }
        List<String> digests;
        try {
            digests = Files.readAllLines(diffIds.resolve(hex(diffId)), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return result;
        } catch (IOException e) {
            LOG.debug("Could not read the ECR layer cache's index of {}: {}", diffId, e.toString());
            return result;
        }
        for (int i = digests.size() - 1; i >= 0; i--) {
            blob(digests.get(i).trim()).ifPresent(result::add);
        }
        return result;
    }

    /** A cached blob by digest (e.g. an image config, whose digest is the image id). */
    public Optional<Cached> blob(String digest) {
        if (!BlobStore.DIGEST.matcher(digest).matches()) {
            return Optional.empty();
        }
        Path file = blobs.resolve(hex(digest));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            return Optional.of(new Cached(digest, file, Files.size(file)));
        } catch (IOException e) {
            return Optional.empty(); // evicted meanwhile
        }
    }

    /**
     * A blob in the cache.
     *
     * @param digest its digest
     * @param file its file
     * @param size its size in bytes
     */
    public record Cached(String digest, Path file, long size) {}

    /** Links a stored blob into the cache (or copies it, across file systems); false when the store lacks it. */
    private boolean keep(String digest, BlobStore store) throws IOException {
        if (!store.exists(digest)) {
            return false;
        }
        Path target = blobs.resolve(hex(digest));
        if (Files.exists(target)) {
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            return true;
        }
        Path staged = tmp.resolve(UUID.randomUUID().toString());
        try {
            Files.createLink(staged, store.path(digest));
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(store.path(digest), staged);
        }
        publish(staged, target);
        return true;
    }

    /** Adds {@code digest} to the diff id's index (rewritten whole, by an atomic move). */
    private void note(String diffId, String digest) throws IOException {
        if (!BlobStore.DIGEST.matcher(diffId).matches()) {
            return;
        }
        Path index = diffIds.resolve(hex(diffId));
        Set<String> digests = new LinkedHashSet<>();
        if (Files.exists(index)) {
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    digests.add(line.trim());
                }
            }
        }
        digests.remove(digest);
        digests.add(digest); // the most recent last
        Path staged = tmp.resolve(UUID.randomUUID().toString());
        Files.writeString(staged, String.join("\n", digests) + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(staged, index, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staged, index, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void publish(Path staged, Path target) throws IOException {
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            if (Files.exists(target)) {
                Files.deleteIfExists(staged); // another session cached it meanwhile
            } else {
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Deletes the least recently used blobs beyond {@code maxBytes}, and staging files left by crashed sessions. */
    private void evict(long maxBytes) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(blobs)) {
            files = new ArrayList<>(all.toList());
        }
        List<long[]> meta = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            try {
                long size = Files.size(files.get(i));
                meta.add(new long[] {Files.getLastModifiedTime(files.get(i)).toMillis(), size, i});
                total += size;
            } catch (IOException e) {
                // gone meanwhile
            }
        }
        if (total > maxBytes) {
            meta.sort(Comparator.comparingLong(m -> m[0]));
            for (long[] m : meta) {
                if (total <= maxBytes) {
                    break;
                }
                Files.deleteIfExists(files.get((int) m[2]));
                total -= m[1];
            }
        }
        Instant hourAgo = Instant.now().minusSeconds(3600);
        try (Stream<Path> staged = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) staged::iterator) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(hourAgo)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String hex(String digest) {
        return digest.substring("sha256:".length());
    }
}
