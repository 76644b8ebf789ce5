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
 * <pre>{@code
 * @FargateService(cluster = "shop", name = "orders", taskDefinition = "ecs/orders.json", desiredCount = 2,
 *         minimumHealthyPercent = 50, circuitBreaker = true, rollback = true,
 *         environment = {"app:LOG_LEVEL=debug", "FEATURE_X=on"})
 * }</pre>
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

    /**
     * The deployment configuration's {@code minimumHealthyPercent}: the lower limit of running tasks during a
     * deployment, in percent of the desired count; -1 (the default) leaves ECS's default, 100.
     */
    int minimumHealthyPercent() default -1;

    /**
     * The deployment configuration's {@code maximumPercent}: the upper limit of running or pending tasks during a
     * deployment, in percent of the desired count; -1 (the default) leaves ECS's default, 200.
     */
    int maximumPercent() default -1;

    /**
     * Turns on the deployment circuit breaker ({@code deploymentCircuitBreaker.enable}): a deployment whose tasks keep
     * failing to reach a steady state fails (rolloutState FAILED) instead of retrying for ever.
     */
    boolean circuitBreaker() default false;

    /**
     * With {@link #circuitBreaker()}, a failed deployment rolls back to the service's last completed one
     * ({@code deploymentCircuitBreaker.rollback}).
     */
    boolean rollback() default false;

    /**
     * Environment variables for the service's containers, each {@code NAME=value} (every container) or
     * {@code container:NAME=value} (the container definition of that name), written into the registered task
     * definition revision (a service's tasks take their environment from it; CreateService has no container
     * overrides), replacing a variable of the same name. For a value known only at run time (a Testcontainers
     * database's URL), use the programmatic twin's {@code environment(container, name, () -> value)}.
     */
    String[] environment() default {};

    /**
     * Load balancers for the service's tasks ({@code loadBalancers} of CreateService, up to 5): each task is registered
     * in the target group once RUNNING, counts toward a deployment only when healthy there, and is deregistered and
     * drained (the target group's deregistration delay) before its containers stop. Needs drydock-elb-fixtures.
     */
    ServiceLoadBalancer[] loadBalancers() default {};

    /**
     * How long, in seconds, ECS ignores failing ELB health checks of a new task ({@code healthCheckGracePeriodSeconds});
     * -1 (the default) leaves ECS's default, 0.
     */
    int healthCheckGracePeriodSeconds() default -1;
}
