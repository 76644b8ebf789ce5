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
 * Declares an AWS KMS customer managed key with the alias {@code alias/<name>} that exists while the annotated test
 * class runs (created before the {@link Secret}s and {@link SsmParameter}s that name it). Without a key policy it
 * gets KMS's default one, which lets the account's IAM policies grant {@code kms:Decrypt}; with one, only what the
 * key policy allows (and, where it names the account, what IAM policies allow too) may use the key, as on AWS.
 * Repeatable; composable into your own annotations.
 *
 * <pre>{@code
 * @KmsKey(name = "orders", policy = "kms/orders-key-policy.json")
 * @Secret(name = "orders/db", value = "...", kmsKeyId = "alias/orders")
 * }</pre>
 *
 * <p>Programmatic twin: {@code dev.drydock.kms.KmsFixtures.key(name)}.
 */
@DrydockAnnotation(module = "dev.drydock:drydock-secrets-fixtures")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(KmsKeys.class)
@ExtendWith(DrydockExtension.class)
public @interface KmsKey {
    /** The alias without {@code alias/}: letters, digits, {@code /}, {@code _} and {@code -}, e.g. {@code orders}. */
    String name();

    /** The key's description. */
    String description() default "";

    /**
     * A classpath resource holding the key policy (JSON), e.g. {@code kms/orders-key-policy.json}; empty for KMS's
     * default key policy. It must let the test principal (or the account) put key policies, as KMS's lockout safety
     * check requires.
     */
    String policy() default "";
}
