package dev.drydock.ecr;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.Fixture;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.AwsException;
import dev.drydock.ecr.internal.EcrServiceModule;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;

/**
 * ECR infrastructure to declare in a {@link Drydock} instance: the programmatic twin of {@code @EcrRepository}.
 *
 * <pre>{@code
 * Drydock drydock = Drydock.builder()
 *         .fixture(EcrFixtures.repository("orders").buildImage("src/test/docker/orders", "v1"))
 *         .start();
 * // task definitions then name 123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:v1
 * }</pre>
 */
public final class EcrFixtures {
    private EcrFixtures() {}

    /**
     * A repository (CreateRepository), optionally with an image pushed into it.
     *
     * @param name the repository name: 2-256 lower-case letters, digits and {@code . _ - /}
     */
    public static RepositoryFixture repository(String name) {
        return new RepositoryFixture(name);
    }

    /** A repository to create; see {@link EcrFixtures#repository(String)}. */
    public static final class RepositoryFixture implements Fixture {
        private final String name;
        private String imageTagMutability = "MUTABLE";
        private String buildContext;
        private String localImage;
        private String tag = "latest";

        private RepositoryFixture(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** {@code MUTABLE} (default) or {@code IMMUTABLE}: whether a pushed tag may be moved to another image. */
        public RepositoryFixture imageTagMutability(String mutability) {
            this.imageTagMutability = mutability;
            return this;
        }

        /**
         * Builds an image from a Docker build context (a directory holding a {@code Dockerfile}; base images are not
         * pulled, they must be present) and pushes it as {@code <name>:<tag>}. The built image carries Drydock's
         * labels and is removed when Drydock closes.
         *
         * @param context a directory relative to the working directory (the project directory under Maven and
         *     Gradle), e.g. {@code src/test/docker/orders}, or a classpath folder, e.g. {@code docker/orders}
         * @param tag the image tag, e.g. {@code v1}
         */
        public RepositoryFixture buildImage(String context, String tag) {
            this.buildContext = Objects.requireNonNull(context, "context");
            this.localImage = null;
            this.tag = Objects.requireNonNull(tag, "tag");
            return this;
        }

        /**
         * Pushes an image present on the Docker engine as {@code <name>:<tag>} (the local image stays as it is).
         *
         * @param localImage the local image reference, e.g. {@code my-app:test}
         * @param tag the image tag in the repository, e.g. {@code v1}
         */
        public RepositoryFixture pushImage(String localImage, String tag) {
            this.localImage = Objects.requireNonNull(localImage, "localImage");
            this.buildContext = null;
            this.tag = Objects.requireNonNull(tag, "tag");
            return this;
        }

        @Override
        public void apply(Drydock drydock) {
            EcrServiceModule ecr = EcrServiceModule.of(drydock);
            try {
                ecr.adminCalls()
                        .call(
                                "ecr",
                                CreateRepositoryRequest.builder()
                                        .repositoryName(name)
                                        .imageTagMutability(imageTagMutability)
                                        .build(),
                                CreateRepositoryResponse.class);
            } catch (AwsException e) {
                throw new DrydockException(
                        "ECR refuses to create the repository: " + e.errorCode() + ": " + e.getMessage(), e);
            }
            if (buildContext == null && localImage == null) {
                return;
            }
            ContainerRuntime runtime = drydock.runtime();
            if (!runtime.realContainers()) {
                throw new DrydockException("building and pushing an image needs a Docker engine, but this Drydock "
                        + "runs the simulated runtime (drydock.runtime=simulated), which has no images. Declare the "
                        + "repository without an image, or use the docker runtime.");
            }
            String target = ecr.registryHost() + "/" + name + ":" + tag;
            try {
                if (buildContext != null) {
                    drydock.buildImage(contextDirectory(buildContext), target);
                } else {
                    if (runtime.imageId(localImage).isEmpty()) {
                        throw new DrydockException("There is no image '" + localImage + "' on the Docker engine to "
                                + "push. Build or pull it first (docker images lists what is there).");
                    }
                    runtime.tagImage(localImage, target);
                }
                reuseCachedLayers(ecr, runtime, target);
                runtime.pushImage(target, EcrModule.REGISTRY_USER, ecr.testPrincipalPassword());
            } catch (RuntimeFailure e) {
                throw new DrydockException("Drydock could not push " + target + ": " + e.getMessage(), e);
            } finally {
                if (localImage != null) {
                    try {
                        runtime.removeImageReference(target);
                    } catch (RuntimeFailure e) {
                        // the session sweep does not know this reference; say so once
                        LoggerFactory.getLogger(EcrFixtures.class)
                                .warn("Could not remove the image " + "reference {}: {}", target, e.getMessage());
                    }
                }
            }
            try {
                ecr.adminCalls()
                        .call(
                                "ecr",
                                DescribeImagesRequest.builder()
                                        .repositoryName(name)
                                        .imageIds(i -> i.imageTag(tag))
                                        .build(),
                                DescribeImagesResponse.class);
            } catch (AwsException e) {
                throw new DrydockException(
                        "Docker reported pushing " + target + " but the repository has no image " + "tagged " + tag
                                + "; check the Docker engine's log.",
                        e);
            }
        }

        /**
         * Gives the repository what Drydock's layer cache holds of the image from an earlier push (by an earlier test
         * class or run), so that Docker finds those layers there and uploads only what changed.
         */
        private void reuseCachedLayers(EcrServiceModule ecr, ContainerRuntime runtime, String image) {
            long t0 = System.nanoTime();
            runtime.inspectImage(image).ifPresent(local -> {
                long bytes = ecr.reuseCachedLayers(name, local);
                if (bytes > 0) {
                    LoggerFactory.getLogger(EcrFixtures.class)
                            .debug(
                                    "Repository {} got {} MB of {}'s blobs from Drydock's layer cache in {} ms",
                                    name,
                                    bytes / 1_000_000,
                                    image,
                                    (System.nanoTime() - t0) / 1_000_000);
                }
            });
        }

        @Override
        public String describe() {
            return "EcrFixtures.repository(\"" + name + "\")";
        }

        /** A build context: a directory relative to the working directory, else a classpath folder. */
        static Path contextDirectory(String context) {
            Path dir = Path.of(context);
            if (Files.isDirectory(dir)) {
                return dir.toAbsolutePath();
            }
            String name = context.startsWith("/") ? context.substring(1) : context;
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            URL url = loader == null ? null : loader.getResource(name);
            if (url == null) {
                url = EcrFixtures.class.getClassLoader().getResource(name);
            }
            if (url != null && "file".equals(url.getProtocol())) {
                try {
                    Path fromClasspath = Path.of(url.toURI());
                    if (Files.isDirectory(fromClasspath)) {
                        return fromClasspath;
                    }
                } catch (URISyntaxException e) {
                    // fall through to the error
                }
            }
            throw new DrydockException("The Docker build context '" + context + "' is neither a directory under "
                    + Path.of("").toAbsolutePath() + " nor a folder on the test classpath. Give the directory that "
                    + "holds the Dockerfile, e.g. src/test/docker/orders.");
        }
    }
}
