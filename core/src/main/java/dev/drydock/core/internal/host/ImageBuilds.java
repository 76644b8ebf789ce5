package dev.drydock.core.internal.host;

import dev.drydock.core.DrydockException;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.LocalImage;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.Labels;
import dev.drydock.core.spi.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The images a Drydock instance builds ({@code Drydock.buildImage}, {@code @ImageBuild}).
 *
 * <p>With the setting {@code build-cache} {@code on} (the default) the image of a build context outlives the session as
 * Docker's build cache: it carries the label {@value #CACHE_LABEL} (a key of the context directory's path) and the tag
 * {@value #CACHE_REPOSITORY}{@code :<key>} instead of the session's labels, so the next build of an unchanged context
 * (by the next test class, or the next run) is a cache hit that yields the same image, whose layers the registry
 * already has. The session's own tag is removed when it closes. The previous image of a context is removed when a
 * changed context builds a new one, and cache images built more than {@value #MAX_AGE_DAYS} days ago, or beyond the
 * {@value #MAX_IMAGES} newest, are removed when Drydock builds (an image a container or another tag still uses stays).
 * With {@code off}, a built image carries the session's labels and is removed with it.
 */
final class ImageBuilds {
    private static final Logger LOG = LoggerFactory.getLogger(ImageBuilds.class);
    /** The label that marks an image kept as build cache; its value is the context's key. */
    static final String CACHE_LABEL = "dev.drydock.build-cache";
    /** The repository of the tags that keep cache images. */
    static final String CACHE_REPOSITORY = "drydock-build-cache";

    static final int MAX_IMAGES = 50;
    static final int MAX_AGE_DAYS = 30;

    private final boolean cache;
    private final Map<String, String> sessionLabels;
    private final Set<String> sessionTags = new LinkedHashSet<>();

    /**
     * @param settings where {@code build-cache} is read
     * @param sessionLabels the labels of the session's objects (for builds without the cache)
     * @throws DrydockException when {@code build-cache} is neither {@code on} nor {@code off}
     */
    ImageBuilds(Settings settings, Map<String, String> sessionLabels) {
        String value = settings.get("build-cache", "on").toLowerCase(Locale.ROOT);
        if (!value.equals("on") && !value.equals("off")) {
            throw new DrydockException("The setting build-cache is '" + value + "'. Use 'on' (the default: the image "
                    + "of a build context is kept as Docker's build cache, so an unchanged image is not built and pushed "
                    + "again) or 'off' (built images are removed with the session).");
        }
        this.cache = value.equals("on");
        this.sessionLabels = Map.copyOf(sessionLabels);
    }

    /**
     * Builds an image and tags it {@code tag} for the session.
     *
     * @return the image's content id
     * @throws RuntimeFailure when the build fails
     */
    String build(ContainerRuntime runtime, Path contextDirectory, String tag) {
        if (!cache) {
            return runtime.buildImage(contextDirectory, tag, sessionLabels);
        }
        String key = key(contextDirectory);
        String id = runtime.buildImage(contextDirectory, tag, Map.of(Labels.DRYDOCK, "true", CACHE_LABEL, key));
        synchronized (sessionTags) {
            sessionTags.add(tag);
        }
        runtime.tagImage(id, CACHE_REPOSITORY + ":" + key);
        prune(runtime, key, id);
        return id;
    }

    /** Removes the session's tags (the cache images stay). */
    void close(ContainerRuntime runtime) {
        List<String> tags;
        synchronized (sessionTags) {
            tags = new ArrayList<>(sessionTags);
            sessionTags.clear();
        }
        for (String tag : tags) {
            try {
                runtime.removeImageReference(tag);
            } catch (RuntimeFailure e) {
                LOG.debug("Could not remove the image tag {}: {}", tag, e.getMessage());
            }
        }
    }

    /**
     * Removes the context's earlier images that nothing else tags, and the cache images beyond the newest
     * {@value #MAX_IMAGES} or older than {@value #MAX_AGE_DAYS} days (their cache tag; Docker keeps an image that
     * another tag or a container uses).
     */
    private static void prune(ContainerRuntime runtime, String key, String current) {
        try {
            List<LocalImage> cached = new ArrayList<>();
            for (LocalImage image : runtime.images(Map.of(Labels.DRYDOCK, "true"))) {
                if (image.labels().containsKey(CACHE_LABEL)) {
                    cached.add(image);
                }
            }
            Instant oldest = Instant.now().minus(Duration.ofDays(MAX_AGE_DAYS));
            cached.sort(Comparator.comparing(LocalImage::created).reversed());
            for (int i = 0; i < cached.size(); i++) {
                LocalImage image = cached.get(i);
                if (image.id().equals(current)) {
                    continue;
                }
                String cacheTag = CACHE_REPOSITORY + ":" + image.labels().get(CACHE_LABEL);
                boolean replaced = key.equals(image.labels().get(CACHE_LABEL))
                        && image.tags().isEmpty();
                boolean stale = i >= MAX_IMAGES || image.created().isBefore(oldest);
                if (replaced) {
                    remove(runtime, image.id());
                } else if (stale && image.tags().contains(cacheTag)) {
                    remove(runtime, cacheTag);
                }
            }
        } catch (RuntimeFailure e) {
            LOG.debug("Could not prune Drydock's build cache images: {}", e.getMessage());
        }
    }

    private static void remove(ContainerRuntime runtime, String reference) {
        try {
            runtime.removeImageReference(reference);
            LOG.debug("Removed build cache image {}", reference);
        } catch (RuntimeFailure e) {
            LOG.debug("Kept build cache image {}: {}", reference, e.getMessage());
        }
    }

    /** The first 16 hex digits of the SHA-256 of the context directory's absolute, normalized path. */
    static String key(Path contextDirectory) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(contextDirectory
                            .toAbsolutePath()
                            .normalize()
                            .toString()
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
