package dev.drydock.core.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a container runtime knows of an image in its store.
 *
 * @param id the content id, {@code sha256:...} (the digest of the image's config)
 * @param tags its references, e.g. {@code orders-app:test}; empty for an untagged image
 * @param created when it was built
 * @param labels its labels
 * @param layers the digests of its uncompressed layers ({@code sha256:...}, the config's {@code rootfs.diff_ids}), the
 *     base image's first; empty when the runtime does not say
 */
public record LocalImage(
        String id, List<String> tags, Instant created, Map<String, String> labels, List<String> layers) {
    public LocalImage {
        tags = List.copyOf(tags);
        labels = Map.copyOf(labels);
        layers = List.copyOf(layers);
    }
}
