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
 * Declares an AWS Secrets Manager secret that exists while the annotated test class runs (created before any cluster
 * or service, after the {@link KmsKey}s, so a task's {@code secrets} and {@code repositoryCredentials} can name it).
 * Its value becomes the {@code AWSCURRENT} version; its ARN ends in six random characters, as on AWS: task
 * definitions name it by the full ARN (read it with {@code DescribeSecret}) or, in Drydock as on AWS, by the partial
 * ARN {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>}. Repeatable; composable into your own
 * annotations.
 *
 * <pre>{@code
 * @Secret(name = "orders/db", value = "{\"username\":\"app\",\"password\":\"s3cr3t\"}", kmsKeyId = "alias/orders")
 * @Secret(name = "orders/api-key", valueResource = "secrets/api-key.txt")
 * }</pre>
 *
 * <p>Programmatic twin: {@code dev.drydock.secretsmanager.SecretsManagerFixtures.secret(name, value)}. See
 * <a href="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html">Pass sensitive
 * data to an Amazon ECS container</a>.
 */
@DrydockAnnotation(module = "dev.drydock:drydock-secrets-fixtures")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(Secrets.class)
@ExtendWith(DrydockExtension.class)
public @interface Secret {
    /** The secret's name: 1-512 letters, digits and {@code /_+=.@-}, e.g. {@code orders/db}. */
    String name();

    /** The secret string (often JSON with the keys a task definition's {@code :json-key:} names); up to 64 KB. */
    String value() default "";

    /** A classpath resource holding the secret string, instead of {@link #value()}, e.g. {@code secrets/db.json}. */
    String valueResource() default "";

    /**
     * The KMS key it is encrypted under: key id, key ARN, alias ({@code alias/orders}, e.g. a {@link KmsKey}) or alias
     * ARN; empty for the AWS managed key {@code aws/secretsmanager}.
     */
    String kmsKeyId() default "";

    /** The secret's description. */
    String description() default "";

    /** A classpath resource holding the secret's resource policy (JSON), e.g. {@code secretsmanager/db-policy.json}. */
    String resourcePolicy() default "";
}
