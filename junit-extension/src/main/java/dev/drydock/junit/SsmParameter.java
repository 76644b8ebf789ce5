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
 * Declares an AWS Systems Manager Parameter Store parameter that exists while the annotated test class runs (created
 * before any cluster or service, after the {@link KmsKey}s), so a task definition's {@code secrets} can name it by
 * name ({@code /orders/db-url}) or ARN ({@code arn:aws:ssm:<region>:<account>:parameter/orders/db-url}). Repeatable;
 * composable into your own annotations.
 *
 * <pre>{@code
 * @SsmParameter(name = "/orders/db-url", value = "jdbc:postgresql://db:5432/orders")
 * @SsmParameter(name = "/orders/db-password", value = "s3cr3t", type = "SecureString")
 * }</pre>
 *
 * <p>Programmatic twin: {@code dev.drydock.ssm.SsmFixtures.parameter(name, value)} (and {@code secureString},
 * {@code stringList}).
 */
@DrydockAnnotation(module = "dev.drydock:drydock-secrets-fixtures")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(SsmParameters.class)
@ExtendWith(DrydockExtension.class)
public @interface SsmParameter {
    /** The parameter's name, e.g. {@code /orders/db-url} (a hierarchy) or {@code db-url}. */
    String name();

    /** The value: up to 4 KB (Standard tier) or 8 KB (Advanced). */
    String value();

    /** {@code String} (default), {@code StringList} (comma-separated values) or {@code SecureString}. */
    String type() default "String";

    /** A SecureString's KMS key (id, ARN, alias or alias ARN); empty for the AWS managed key {@code aws/ssm}. */
    String keyId() default "";

    /** {@code Standard} (default) or {@code Advanced}. */
    String tier() default "Standard";

    /** The parameter's description. */
    String description() default "";
}
