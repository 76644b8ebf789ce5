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
 * Declares an Elastic Load Balancing target group that exists while the annotated test class runs (created before
 * every load balancer and service, so listeners can forward to it and {@link FargateService#loadBalancers()} can
 * register tasks in it). By default: protocol HTTP, port 80, target type {@code ip} (what awsvpc tasks need), in
 * Drydock's VPC, with ELB's default health check (GET {@code /} every 30 s, healthy after 5 passes, unhealthy after 2
 * failures) and deregistration delay (300 s); {@code elb.time-scale} shortens every such period. Repeatable;
 * composable.
 *
 * <pre>{@code
 * @ElbTargetGroup(name = "web", healthCheckPath = "/health", deregistrationDelaySeconds = 30)
 * }</pre>
 *
 * <p>Programmatic twin: {@code dev.drydock.elb.ElbFixtures.targetGroup(name)}. See
 * <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html">Target
 * groups for your Application Load Balancers</a>.
 */
@DrydockAnnotation(module = "dev.drydock:drydock-elb-fixtures")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(ElbTargetGroups.class)
@ExtendWith(DrydockExtension.class)
public @interface ElbTargetGroup {
    /** The target group's name (1-32 letters, digits and hyphens). */
    String name();

    /** HTTP (default) or HTTPS for application load balancers, TCP for network load balancers. */
    String protocol() default "HTTP";

    /** The port traffic goes to unless a target says otherwise. */
    int port() default 80;

    /** {@code ip} (awsvpc tasks) or {@code instance}. */
    String targetType() default "ip";

    /** The HTTP health check's path. */
    String healthCheckPath() default "/";

    /** The HTTP codes a passing health check answers, e.g. {@code 200-299}; empty for ELB's default. */
    String matcher() default "";

    /** Seconds between health checks (5-300); 0 for ELB's default, 30. */
    int healthCheckIntervalSeconds() default 0;

    /** Seconds a health check may take (2-120, below the interval); 0 for ELB's default. */
    int healthCheckTimeoutSeconds() default 0;

    /** Consecutive passes to turn healthy (2-10); 0 for ELB's default, 5. */
    int healthyThresholdCount() default 0;

    /** Consecutive failures to turn unhealthy (2-10); 0 for ELB's default, 2. */
    int unhealthyThresholdCount() default 0;

    /** {@code deregistration_delay.timeout_seconds} (0-3600); -1 for ELB's default, 300. */
    int deregistrationDelaySeconds() default -1;
}
