package dev.drydock.core.internal.service;

import dev.drydock.core.iam.policy.NamedPolicy;
import java.util.List;
import java.util.Map;

/**
 * Decides whether the caller of an operation may perform an IAM action on a resource, as AWS's policy evaluation
 * does, and records the decision. Throws the service's access-denied error when denied.
 */
public interface Authorizer {
    /** Allows everything; used when no IAM model is active. */
    Authorizer ALLOW_ALL = new Authorizer() {
        @Override
        public void authorize(Call context, String action, String resource, Map<String, List<String>> keys) {}

        @Override
        public boolean allows(
                Call context,
                String action,
                String resource,
                Map<String, List<String>> keys,
                NamedPolicy resourcePolicy,
                String resourceOwnerAccount) {
            return true;
        }
    };

    /**
     * @param context the call being authorized
     * @param action the IAM action, e.g. {@code ecs:RunTask}
     * @param resource the resource ARN the Service Authorization Reference lists for the action, or {@code *}
     * @param conditionKeys the request's condition keys (service-specific ones such as {@code ecs:cluster}; the
     *     global {@code aws:} keys are added by the authorizer)
     */
    void authorize(Call context, String action, String resource, Map<String, List<String>> conditionKeys);

    /**
     * Authorizes with a resource-based policy in play as well (a role's trust policy for {@code sts:AssumeRole},
     * repository and file system policies).
     *
     * @param resourcePolicy the resource's policy, or {@code null}
     * @param resourceOwnerAccount the account owning the resource
     */
    default void authorize(
            Call context,
            String action,
            String resource,
            Map<String, List<String>> conditionKeys,
            NamedPolicy resourcePolicy,
            String resourceOwnerAccount) {
        authorize(context, action, resource, conditionKeys);
    }

    /**
     * Whether the caller may do {@code action}, evaluated as {@link #authorize(Call, String, String, Map, NamedPolicy,
     * String)} would, without recording a decision and without throwing.
     */
    boolean allows(
            Call context,
            String action,
            String resource,
            Map<String, List<String>> conditionKeys,
            NamedPolicy resourcePolicy,
            String resourceOwnerAccount);
}
