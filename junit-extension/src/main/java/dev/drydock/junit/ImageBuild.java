package dev.drydock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An image to build from a Docker build context and push, inside {@link EcrRepository#image()}: {@code docker build}
 * of {@link #context()} (base images are not pulled: they must be present on the engine), then {@code docker push}
 * as {@code <repository>:<tag>}. The built image carries Drydock's labels and is removed after the class.
 *
 * <pre>{@code
 * @EcrRepository(name = "orders", image = @ImageBuild(context = "src/test/docker/orders", tag = "v1"))
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface ImageBuild {

    /**
     * The directory holding the {@code Dockerfile}: relative to the project directory (the working directory under
     * Maven and Gradle), e.g. {@code src/test/docker/orders}, or a folder on the test classpath.
     */
    String context();

    /** The image tag in the repository, e.g. {@code v1}. */
    String tag() default "latest";
}
