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
 * Declares a Network Load Balancer that exists while the annotated test class runs, with its
 * listeners and rules: each TCP listener is a real proxy on a free local port ({@code ElbModule.url(name)} gives it; the
 * load balancer's DNS name keeps AWS's form and resolves nowhere). Created after the {@link ElbTargetGroup}s it forwards
 * to and before services. Repeatable; composable.
 *
 * <pre>{@code
 * @NetworkLoadBalancer(name = "tcp", listeners = @ElbListener(port = 6379, forward = "cache"))
 * }</pre>
 *
 * <p>Programmatic twin: {@code dev.drydock.elb.ElbFixtures.networkLoadBalancer(name)}.
 */
@DrydockAnnotation(module = "dev.drydock:drydock-elb-fixtures")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(NetworkLoadBalancers.class)
@ExtendWith(DrydockExtension.class)
public @interface NetworkLoadBalancer {
    /** The load balancer's name (1-32 letters, digits and hyphens). */
    String name();

    /** Its subnets; empty for one subnet of Drydock's VPC, in zone a. */
    String[] subnets() default {};

    /** Whether its scheme is {@code internal} (default: {@code internet-facing}). */
    boolean internal() default false;

    /** Its TCP listeners. */
    ElbListener[] listeners() default {};
}
