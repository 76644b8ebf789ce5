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
 * Declares an ECS service on Fargate that runs while the annotated test class runs: the task definition file is
 * registered (as its family's next revision) and the service created with launch type FARGATE and an awsvpc network
 * configuration; the service scheduler then keeps {@link #desiredCount()} tasks running, each as real Docker
 * containers. Repeatable; composable into your own annotations.
 *
 * <p>The extension does not wait for the tasks: use the SDK's waiter, e.g.
 * {@code ecs.waiter().waitUntilServicesStable(r -> r.cluster("shop").services("web"))}.
 *
 * <p>Programmatic twin: {@code dev.drydock.ecs.EcsFixtures.fargateService(cluster, name, taskDefinition)}.
 */
@DrydockAnnotation(module = "dev.drydock:drydock-ecs-fixtures")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(FargateServices.class)
@ExtendWith(DrydockExtension.class)
public @interface FargateService {

    /** The cluster's name; declare it with {@link EcsCluster}. */
    String cluster();

    /** The service name: up to 255 letters, digits, hyphens and underscores. */
    String name();

    /**
     * A classpath resource holding the task definition, in the JSON format that
     * {@code aws ecs register-task-definition --cli-input-json} takes (AWS's documented examples are in it), e.g.
     * {@code ecs/web.json} for {@code src/test/resources/ecs/web.json}. Fargate needs {@code networkMode: awsvpc}
     * and task-level {@code cpu} and {@code memory}.
     */
    String taskDefinition();

    /** How many tasks the service keeps running. */
    int desiredCount() default 1;

    /** Subnets of the service's awsvpc configuration; any syntactically valid subnet id works in Drydock. */
    String[] subnets() default {};
}
