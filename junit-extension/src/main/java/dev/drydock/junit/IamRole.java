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
 * Declares an IAM role ({@code arn:aws:iam::<account>:role/<name>}) that exists while the annotated test class
 * runs, created before any cluster or service. A task definition's {@code taskRoleArn} (or
 * {@code executionRoleArn}) may name it by ARN or by name; each task then gets temporary credentials of an
 * assumed-role session of it through the container credentials provider, and IAM evaluates its policies for every
 * call the task makes. Repeatable; composable into your own annotations.
 *
 * <pre>{@code
 * @IamRole(name = "orders-task", policy = "iam/orders-task.json")
 * }</pre>
 *
 * <p>Programmatic twin: {@code dev.drydock.core.IamFixtures.role(name)}.
 */
@DrydockAnnotation(module = "dev.drydock:drydock-core")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(IamRoles.class)
@ExtendWith(DrydockExtension.class)
public @interface IamRole {

    /** The role name: 1-64 characters of letters, digits and {@code +=,.@_-}. */
    String name();

    /**
     * Classpath resources holding IAM policy documents (JSON) to put as inline, identity-based policies; each is
     * named after its file, e.g. {@code orders-task} for {@code iam/orders-task.json}.
     */
    String[] policy() default {};

    /** Managed policy ARNs to attach, e.g. {@code arn:aws:iam::aws:policy/AdministratorAccess}. */
    String[] managedPolicies() default {};

    /** A managed policy ARN to set as the role's permissions boundary. */
    String permissionsBoundary() default "";

    /**
     * A classpath resource holding the trust policy (AssumeRolePolicyDocument); by default the role is trusted by
     * {@code ecs-tasks.amazonaws.com}, as a task role must be.
     */
    String trustPolicy() default "";

    /** The role's path, e.g. {@code /app/}. */
    String path() default "/";
}
