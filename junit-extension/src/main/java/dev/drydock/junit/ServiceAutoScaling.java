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
 * Declares auto scaling for an ECS service while the annotated test class runs: its scalable target (Application Auto
 * Scaling's RegisterScalableTarget on {@code service/<cluster>/<service>}, {@code ecs:service:DesiredCount}) and its
 * target tracking policies (PutScalingPolicy), registered after the class's services are created. The policies act: their
 * CloudWatch alarms watch the service's {@code AWS/ECS} metrics and change its desired count (docs/scaling.md says how
 * and when; {@code scaling.time-scale} compresses the time). Repeatable (one per service); composable into your own
 * annotations. Needs drydock-scaling-fixtures and drydock-cloudwatch-fixtures.
 *
 * <pre>{@code
 * @DrydockSetting(key = "scaling.time-scale", value = "1/20")
 * @EcsCluster(name = "load")
 * @FargateService(cluster = "load", name = "web", taskDefinition = "ecs/cpu-burner.json")
 * @ServiceAutoScaling(cluster = "load", service = "web", minCapacity = 1, maxCapacity = 3,
 *         targetTracking = @TargetTrackingPolicy(name = "cpu50", targetValue = 50, scaleOutCooldown = 60,
 *                 scaleInCooldown = 60))
 * }</pre>
 *
 * <p>Programmatic twin: {@code dev.drydock.scaling.ApplicationAutoScalingFixtures.serviceScaling(cluster, service,
 * minCapacity, maxCapacity)}.
 */
@DrydockAnnotation(module = "dev.drydock:drydock-scaling-fixtures")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(ServiceAutoScalings.class)
@ExtendWith(DrydockExtension.class)
public @interface ServiceAutoScaling {

    /** The service's cluster (declared with {@link EcsCluster} or created otherwise before the class runs). */
    String cluster();

    /** The service's name (declared with {@link FargateService}, or a service created before the class runs). */
    String service();

    /** The fewest tasks scaling may leave ({@code MinCapacity}), 0 or more. */
    int minCapacity();

    /** The most tasks scaling may set ({@code MaxCapacity}), at least {@link #minCapacity()}. */
    int maxCapacity();

    /** Target tracking policies on the service (none: a scalable target only, for policies a test puts itself). */
    TargetTrackingPolicy[] targetTracking() default {};
}
