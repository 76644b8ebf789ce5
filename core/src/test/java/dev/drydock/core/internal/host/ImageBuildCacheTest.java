package dev.drydock.core.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import dev.drydock.core.internal.docker.DockerRuntime;
import dev.drydock.core.runtime.LocalImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real Docker engine: an image Drydock builds stays as build cache after its session (without the session's tag),
 * the next session's build of the unchanged context yields the same image, a changed context replaces it, and with
 * {@code build-cache=off} the image goes with its session.
 */
class ImageBuildCacheTest {
    @TempDir
    Path context;

    private final DockerRuntime docker = DockerRuntime.connect();
    private String cacheTag;

    @AfterEach
    void removeTheCacheImage() {
        if (cacheTag != null) {
            docker.removeImageReference(cacheTag);
        }
        docker.close();
    }

    @Test
    void anUnchangedContextBuildsTheSameImageInTheNextSessionAndAChangedOneReplacesIt() throws Exception {
        write("one");
        cacheTag = ImageBuilds.CACHE_REPOSITORY + ":" + ImageBuilds.key(context);
        String tag = "drydock-test/cached:" + UUID.randomUUID();

        String first = build(Map.of(), tag);
        // the session's tag is gone, the image stays under the cache tag, labelled as cache
        assertThat(docker.imageId(tag)).isEmpty();
        LocalImage kept = docker.inspectImage(cacheTag).orElseThrow();
        assertThat(kept.id()).isEqualTo(first);
        assertThat(kept.labels())
                .containsEntry(ImageBuilds.CACHE_LABEL, ImageBuilds.key(context))
                .doesNotContainKey("dev.drydock.session");
        assertThat(kept.layers()).isNotEmpty();

        assertThat(build(Map.of(), tag)).as("the unchanged context's image").isEqualTo(first);

        write("two");
        String changed = build(Map.of(), tag);
        assertThat(changed).isNotEqualTo(first);
        assertThat(docker.imageId(cacheTag)).contains(changed);
        assertThat(docker.inspectImage(first)).as("the replaced image").isEmpty();
    }

    @Test
    void withTheCacheOffTheImageGoesWithItsSession() throws Exception {
        write("off");
        String tag = "drydock-test/uncached:" + UUID.randomUUID();
        String id = build(Map.of("build-cache", "off"), tag);
        assertThat(docker.inspectImage(id)).isEmpty();
        assertThat(docker.imageId(ImageBuilds.CACHE_REPOSITORY + ":" + ImageBuilds.key(context)))
                .isEmpty();
    }

    /** Builds in a session of its own, closed before this returns; checks the tag existed while it ran. */
    private String build(Map<String, String> settings, String tag) {
        Drydock.Builder builder = Drydock.builder();
        settings.forEach(builder::setting);
        try (Drydock drydock = builder.start()) {
            String id = drydock.buildImage(context, tag);
            Optional<String> tagged = docker.imageId(tag);
            assertThat(tagged).as("the session's tag while it runs").contains(id);
            return id;
        }
    }

    private void write(String content) throws Exception {
        Files.writeString(context.resolve("content.txt"), content);
        Files.writeString(
                context.resolve("Dockerfile"), "FROM drydock/busybox:1.35-local\nCOPY content.txt /content.txt\n");
    }
}
