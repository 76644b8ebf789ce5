package dev.drydock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One rule of an {@link ElbListener}: its priority, conditions (every non-empty one must match; within one, any value)
 * and action (forward to a target group, or a fixed response). See
 * <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html">condition
 * types</a>.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface ElbRule {
    /** 1-50000, unique on the listener; lower is evaluated first. */
    int priority();

    /** {@code path-pattern} values, e.g. {@code /api/*}. */
    String[] pathPatterns() default {};

    /** {@code host-header} values, e.g. {@code api.example.com}. */
    String[] hostHeaders() default {};

    /** {@code http-request-method} values, e.g. {@code POST}. */
    String[] httpRequestMethods() default {};

    /** {@code source-ip} CIDR blocks, e.g. {@code 10.0.0.0/8}. */
    String[] sourceIps() default {};

    /** The target group (name) the rule forwards to; empty for a fixed response. */
    String forward() default "";

    /** The status of the fixed response, when {@link #forward()} is empty. */
    int fixedResponseStatus() default 404;

    /** The body of the fixed response. */
    String fixedResponseBody() default "";
}
