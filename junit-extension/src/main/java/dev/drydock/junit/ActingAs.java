package dev.drydock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an injected client parameter ({@code EcsClient}, {@code IamClient}, {@code StsClient}): the client signs as a
 * session of this IAM role ({@code arn:aws:sts::<account>:assumed-role/<role>/drydock-test}) instead of the
 * administrator test principal, so IAM evaluates the role's policies for its calls, as it does for a task with that
 * role.
 *
 * <pre>{@code
 * @Test
 * void cannotDeleteTheCluster(@ActingAs("orders-task") EcsClient ecs) {
 *     assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster("shop"))).isInstanceOf(EcsException.class);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ActingAs {

    /** The role's name or ARN; declare it with {@link IamRole}. */
    String value();
}
