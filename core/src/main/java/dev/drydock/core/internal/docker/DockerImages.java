package dev.drydock.core.internal.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.drydock.core.runtime.LocalImage;
import dev.drydock.core.runtime.RuntimeFailure;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The images part of {@link DockerRuntime}: inspect, pull (with registry credentials or without), build, tag, push. */
final class DockerImages {
    private static final Logger LOG = LoggerFactory.getLogger(DockerImages.class);

    private final DockerClient client;

    DockerImages(DockerClient client) {
        this.client = client;
    }

    Optional<String> imageId(String image) {
        try {
            return Optional.ofNullable(client.inspectImageCmd(image).exec().getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "inspect image " + image);
        }
    }

    Optional<LocalImage> inspectImage(String image) {
        InspectImageResponse r;
        try {
            r = client.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "inspect image " + image);
        }
        Map<String, String> labels = r.getConfig() == null || r.getConfig().getLabels() == null
                ? Map.of()
                : r.getConfig().getLabels();
        List<String> layers = r.getRootFS() == null || r.getRootFS().getLayers() == null
                ? List.of()
                : r.getRootFS().getLayers();
        Instant created = r.getCreated() == null ? Instant.EPOCH : Instant.parse(r.getCreated());
        return Optional.of(new LocalImage(
                r.getId(), r.getRepoTags() == null ? List.of() : r.getRepoTags(), created, labels, layers));
    }

    List<LocalImage> images(Map<String, String> labels) {
        List<LocalImage> result = new ArrayList<>();
        try {
            for (Image i : client.listImagesCmd().withLabelFilter(labels).exec()) {
                result.add(new LocalImage(
                        i.getId(),
                        i.getRepoTags() == null
                                ? List.of()
                                : Arrays.stream(i.getRepoTags())
                                        .filter(t -> !t.equals("<none>:<none>"))
                                        .toList(),
                        Instant.ofEpochSecond(i.getCreated() == null ? 0 : i.getCreated()),
                        i.getLabels() == null ? Map.of() : i.getLabels(),
                        List.of()));
            }
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "list images labelled " + labels);
        }
        return result;
    }

    String ensureImage(String image) {
        Optional<String> present = imageId(image);
        if (present.isPresent()) {
            return present.get();
        }
        return pull(image, null);
    }
    /** Pulls an image, with registry credentials or without ({@code auth} null), and answers its content id. */
    private String pull(String image, AuthConfig auth) {
        LOG.info("Pulling image {} ...", image);
        long t0 = System.nanoTime();
        try {
            var command = client.pullImageCmd(image);
            if (auth != null) {
                command.withAuthConfig(auth);
            }
            PullCallback callback = command.exec(new PullCallback());
            if (!callback.awaitCompletion(10, TimeUnit.MINUTES)) {
                throw new RuntimeFailure(
                        RuntimeFailure.Kind.IMAGE_PULL,
                        "the pull of " + image + " took longer than " + "10 minutes",
                        null);
            }
            if (callback.failure != null) {
                throw new RuntimeFailure(
                        RuntimeFailure.Kind.IMAGE_PULL, DockerErrors.rootMessage(callback.failure), callback.failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure(RuntimeFailure.Kind.IMAGE_PULL, "interrupted while pulling " + image, e);
        } catch (RuntimeException e) {
            throw new RuntimeFailure(RuntimeFailure.Kind.IMAGE_PULL, DockerErrors.rootMessage(e), e);
        }
        String id = imageId(image)
                .orElseThrow(() -> new RuntimeFailure(
                        RuntimeFailure.Kind.IMAGE_PULL,
                        "the pull of " + image + " finished but the image is not present",
                        null));
        LOG.info("Pulled image {} in {} ms", image, (System.nanoTime() - t0) / 1_000_000);
        return id;
    }

    String buildImage(Path contextDirectory, String tag, Map<String, String> labels) {
        LOG.info("Building image {} from {} ...", tag, contextDirectory);
        long t0 = System.nanoTime();
        try {
            String id = client.buildImageCmd(contextDirectory.toFile())
                    .withTags(Set.of(tag))
                    .withLabels(labels)
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true) // also the intermediate container of a step that fails
                    .start()
                    .awaitImageId(10, TimeUnit.MINUTES);
            LOG.info("Built image {} in {} ms", tag, (System.nanoTime() - t0) / 1_000_000);
            // the build's stream names the short id ("Successfully built 6b853c69c6a4"): answer the content id
            return imageId(tag).orElse(id);
        } catch (RuntimeException e) {
            throw new RuntimeFailure(
                    RuntimeFailure.Kind.OTHER,
                    "building image " + tag + " from " + contextDirectory + " failed: " + DockerErrors.rootMessage(e),
                    e);
        }
    }

    String pullImage(String image, String username, String password) {
        return pull(
                image,
                new AuthConfig().withUsername(username).withPassword(password).withRegistryAddress(registryOf(image)));
    }

    void tagImage(String image, String reference) {
        int colon = reference.lastIndexOf(':');
        boolean hasTag = colon > reference.lastIndexOf('/');
        try {
            client.tagImageCmd(
                            image,
                            hasTag ? reference.substring(0, colon) : reference,
                            hasTag ? reference.substring(colon + 1) : "latest")
                    .exec();
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "tag image " + image + " as " + reference);
        }
    }

    void pushImage(String reference, String username, String password) {
        LOG.info("Pushing image {} ...", reference);
        long t0 = System.nanoTime();
        try {
            client.pushImageCmd(reference)
                    .withAuthConfig(new AuthConfig()
                            .withUsername(username)
                            .withPassword(password)
                            .withRegistryAddress(registryOf(reference)))
                    .start()
                    .awaitCompletion(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, "interrupted while pushing " + reference, e);
        } catch (RuntimeException e) {
            throw new RuntimeFailure(
                    RuntimeFailure.Kind.OTHER, "pushing " + reference + " failed: " + DockerErrors.rootMessage(e), e);
        }
        LOG.info("Pushed image {} in {} ms", reference, (System.nanoTime() - t0) / 1_000_000);
    }

    void removeImageReference(String reference) {
        try {
            client.removeImageCmd(reference).withForce(false).withNoPrune(false).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "remove image reference " + reference);
        }
    }
    /** The registry host of an image reference ({@code 127.0.0.1:40123} of {@code 127.0.0.1:40123/orders:v1}). */
    private static String registryOf(String image) {
        int slash = image.indexOf('/');
        return slash < 0 ? "docker.io" : image.substring(0, slash);
    }
    /** Waits for a pull and keeps its failure. */
    private static final class PullCallback extends DockerErrors.FailureKeepingCallback<PullResponseItem> {}
}
