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
 * Declares an ECS cluster that exists while the annotated test class runs (CreateCluster before the first test;
 * everything in it is removed after the last). Repeatable; composable into your own annotations.
 *
 * <pre>{@code
 * @EcsCluster(name = "shop")
 * @FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/web.json", desiredCount = 2)
 * class WebTest { ... }
 * }</pre>
 *
 * <p>With EC2 capacity:
 *
 * <pre>{@code
 * @EcsCluster(name = "shop", containerInstances = @ContainerInstances(count = 3, instanceType = "m5.large"))
 * }</pre>
 *
 * <p>Programmatic twin: {@code dev.drydock.ecs.EcsFixtures.cluster(name)}, with
 * {@code EcsFixtures.containerInstances(name, count, instanceType)} for each {@link ContainerInstances}.
 */
@DrydockAnnotation(module = "dev.drydock:drydock-ecs-fixtures")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(EcsClusters.class)
@ExtendWith(DrydockExtension.class)
public @interface EcsCluster {

    /** The cluster name: up to 255 letters, digits, hyphens and underscores. */
    String name();

    /**
     * The cluster's EC2 capacity: container instances registered when the cluster is created (none by default, for a
     * Fargate-only cluster).
     */
    ContainerInstances[] containerInstances() default {};
}
