package dev.drydock.core.internal.service;

import dev.drydock.core.internal.iam.Principal;

/**
 * The authenticated principal behind a request, and the key it signed with.
 *
 * @param principal the IAM principal (user, assumed-role session, root)
 * @param accessKeyId the access key the request was signed with
 */
public record Caller(Principal principal, String accessKeyId) {

    /** The principal ARN, e.g. {@code arn:aws:sts::123456789012:assumed-role/orders-task/1a2b}. */
    public String arn() {
        return principal.arn();
    }

    /** The principal's account. */
    public String accountId() {
        return principal.accountId();
    }

    /** GetCallerIdentity's UserId. */
    public String userId() {
        return principal.userId();
    }
}
