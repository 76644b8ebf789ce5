package dev.drydock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One listener of a {@link ApplicationLoadBalancer} (HTTP) or {@link NetworkLoadBalancer} (TCP): its port and default
 * action (forward to a target group, or, for an application load balancer, a fixed response), and its rules.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface ElbListener {
    /** The listener's port as ELB knows it (the proxy listens on a free local port). */
    int port();

    /** The target group (name) the default action forwards to; empty for a fixed response. */
    String forward() default "";

    /** The status of the default fixed response, when {@link #forward()} is empty (e.g. 404). */
    int fixedResponseStatus() default 404;

    /** The body of the default fixed response. */
    String fixedResponseBody() default "";

    /** The listener's rules (application load balancers). */
    ElbRule[] rules() default {};
}
