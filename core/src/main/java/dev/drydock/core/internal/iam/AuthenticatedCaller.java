package dev.drydock.core.internal.iam;

import dev.drydock.core.spi.Caller;

/**
 * The {@link Caller} core creates: the authenticated IAM principal behind a request, and the key it signed with.
 *
 * @param principal the IAM principal (user, assumed-role session, root)
 * @param accessKeyId the access key the request was signed with
 */
public record AuthenticatedCaller(Principal principal, String accessKeyId) implements Caller {

    /**
     * The principal of a caller core created.
     *
     * @throws IllegalArgumentException for a caller core did not create
     */
    public static Principal principalOf(Caller caller) {
        if (caller instanceof AuthenticatedCaller c) {
            return c.principal();
        }
        throw new IllegalArgumentException("Not a caller Drydock authenticated: " + caller);
    }

    @Override
    public String arn() {
        return principal.arn();
    }

    @Override
    public String accountId() {
        return principal.accountId();
    }

    @Override
    public String userId() {
        return principal.userId();
    }
}
