package dev.drydock.ecr.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layer cache without Docker: what it keeps, how it finds it by diff id, what it evicts. */
class LayerCacheTest {
    @TempDir
    Path dir;

    private BlobStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void keepsAPushedImagesBlobsFindableByDiffIdAfterTheSessionEnds() {
        store = BlobStore.open(dir.resolve("storage"), "s1");
        String config = store.put("{\"rootfs\":{}}".getBytes(StandardCharsets.UTF_8));
        String layer = store.put("layer bytes".getBytes(StandardCharsets.UTF_8));
        String diffId = "sha256:" + "a".repeat(64);
        LayerCache cache = LayerCache.open(dir.resolve("cache"), Long.MAX_VALUE).orElseThrow();

        cache.remember(config, List.of(layer), List.of(diffId), store);
        store.close();

        LayerCache reopened =
                LayerCache.open(dir.resolve("cache"), Long.MAX_VALUE).orElseThrow();
        assertThat(reopened.layers(diffId))
                .extracting(LayerCache.Cached::digest)
                .containsExactly(layer);
        assertThat(reopened.blob(config)).isPresent();
        assertThat(reopened.layers("sha256:" + "b".repeat(64))).isEmpty();

        // a new session's store adopts it
        BlobStore next = BlobStore.open(dir.resolve("storage"), "s2");
        try {
            next.adopt(layer, reopened.layers(diffId).get(0).file());
            assertThat(next.exists(layer)).isTrue();
            assertThat(next.size(layer)).contains((long) "layer bytes".length());
        } finally {
            next.close();
        }
    }

    @Test
    void evictsTheLeastRecentlyUsedBlobsBeyondItsSize() throws Exception {
        store = BlobStore.open(dir.resolve("storage"), "s1");
        LayerCache cache = LayerCache.open(dir.resolve("cache"), Long.MAX_VALUE).orElseThrow();
        String old = store.put(new byte[600]);
        String recent = store.put(new byte[500]);
        String config = store.put(new byte[10]);
        cache.remember(
                config, List.of(old, recent), List.of("sha256:" + "1".repeat(64), "sha256:" + "2".repeat(64)), store);
        Path blobs = dir.resolve("cache").resolve("blobs").resolve("sha256");
        Files.setLastModifiedTime(blobs.resolve(old.substring(7)), FileTime.fromMillis(1_000));

        LayerCache.open(dir.resolve("cache"), 1000).orElseThrow();

        assertThat(blobs.resolve(old.substring(7))).doesNotExist();
        assertThat(blobs.resolve(recent.substring(7))).exists();
        assertThat(cache.layers("sha256:" + "1".repeat(64))).isEmpty();
    }
}
