package dev.drydock.junit;

import dev.drydock.junit.spi.DrydockAnnotation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares an ECR repository that exists while the annotated test class runs (CreateRepository before the first
 * test, before any service starts), optionally with an image built and pushed into it, or an image already on the
 * Docker engine pushed into it. Task definitions then name the image by its ECR URI,
 * {@code <account>.dkr.ecr.<region>.amazonaws.com/<name>:<tag>}, and tasks pull it from Drydock's registry as their
 * execution role. Repeatable; composable into your own annotations.
 *
 * <pre>{@code
 * @EcrRepository(name = "orders", image = @ImageBuild(context = "src/test/docker/orders", tag = "v1"))
 * @EcsCluster(name = "shop")
 * @FargateService(cluster = "shop", name = "orders", taskDefinition = "ecs/orders.json")
 * class OrdersImageTest { ... }
 * }</pre>
 *
 * <p>Programmatic twin: {@code dev.drydock.ecr.EcrFixtures.repository(name)}. See
 * https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html.
 */
@DrydockAnnotation(module = "dev.drydock:drydock-ecr-fixtures")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(EcrRepositories.class)
@ExtendWith(DrydockExtension.class)
public @interface EcrRepository {

    /** The repository name: 2-256 lower-case letters, digits and {@code . _ - /}, e.g. {@code team/orders}. */
    String name();

    /** An image to build and push (at most one); none by default. */
    ImageBuild[] image() default {};

    /**
     * An image present on the Docker engine to push into the repository as {@link #tag()}, e.g.
     * {@code my-app:test}; none by default. Not together with {@link #image()}.
     */
    String pushImage() default "";

    /** The tag {@link #pushImage()} gets in the repository. */
    String tag() default "latest";

    /** {@code MUTABLE} or {@code IMMUTABLE} (pushing an existing tag again fails). */
    String imageTagMutability() default "MUTABLE";
}
