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
 * Declares an Application Load Balancer that exists while the annotated test class runs, with its
 * listeners and rules: each HTTP listener is a real proxy on a free local port ({@code ElbModule.url(name)} gives it; the
 * load balancer's DNS name keeps AWS's form and resolves nowhere). Created after the {@link ElbTargetGroup}s it forwards
 * to and before services. Repeatable; composable.
 *
 * <pre>{@code
 * @ApplicationLoadBalancer(name = "shop",
 *         listeners = @ElbListener(port = 80, forward = "web",
 *                 rules = @ElbRule(priority = 10, pathPatterns = "/api/*", forward = "api")))
 * }</pre>
 *
 * <p>Programmatic twin: {@code dev.drydock.elb.ElbFixtures.applicationLoadBalancer(name)}.
 */
@DrydockAnnotation(module = "dev.drydock:drydock-elb-fixtures")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(ApplicationLoadBalancers.class)
@ExtendWith(DrydockExtension.class)
public @interface ApplicationLoadBalancer {
    /** The load balancer's name (1-32 letters, digits and hyphens). */
    String name();

    /** Its subnets; empty for two subnets of Drydock's VPC in zones a and b. */
    String[] subnets() default {};

    /** Whether its scheme is {@code internal} (default: {@code internet-facing}). */
    boolean internal() default false;

    /** Seconds an idle connection stays open, and a target may take to answer before the client gets a 504 (1-4000). */
    int idleTimeoutSeconds() default 60;

    /** Its HTTP listeners. */
    ElbListener[] listeners() default {};
}
