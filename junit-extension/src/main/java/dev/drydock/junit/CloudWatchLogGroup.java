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
 * Declares an Amazon CloudWatch Logs log group that exists while the annotated test class runs (created before any
 * cluster or service), so that containers with the {@code awslogs} log driver ({@code "awslogs-group": "<name>"})
 * write their output to it without {@code awslogs-create-group}; tests read the lines through the Logs API
 * ({@code GetLogEvents}, {@code FilterLogEvents}). Repeatable; composable into your own annotations.
 *
 * <pre>{@code
 * @CloudWatchLogGroup(name = "/ecs/orders", retentionInDays = 7)
 * }</pre>
 *
 * <p>Programmatic twin: {@code dev.drydock.logs.LogsFixtures.logGroup(name)}. See
 * <a href="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html">Send Amazon ECS logs to
 * CloudWatch</a>.
 */
@DrydockAnnotation(module = "dev.drydock:drydock-logs-fixtures")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(CloudWatchLogGroups.class)
@ExtendWith(DrydockExtension.class)
public @interface CloudWatchLogGroup {
    /** The log group's name: 1-512 letters, digits and {@code ._-/#}, e.g. {@code /ecs/orders}. */
    String name();

    /** Days to keep events (one of CloudWatch Logs' values: 1, 3, 5, 7, 14, 30, ...); 0 keeps them forever. */
    int retentionInDays() default 0;

    /** Log streams to create in it ahead of time (the awslogs driver creates its own). */
    String[] streams() default {};
}
