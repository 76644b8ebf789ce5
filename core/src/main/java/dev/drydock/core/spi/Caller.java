package dev.drydock.core.spi;

/**
 * The authenticated principal behind a call, and the key it signed with. Core creates callers (for requests, for
 * role sessions through {@link Iam}, for the test principal); modules keep and pass them back, never implement them.
 */
public interface Caller {

    /**
     * The principal ARN as AWS reports it, e.g. {@code arn:aws:iam::123456789012:user/drydock-test} or
     * {@code arn:aws:sts::123456789012:assumed-role/orders-task/1a2b}.
     */
    String arn();

    /** The principal's 12-digit account. */
    String accountId();

    /**
     * GetCallerIdentity's UserId: {@code AIDA...} for a user, {@code AROA...:<session>} for a role session, the
     * account id for root.
     */
    String userId();

    /** The access key the caller signed with ({@code AKIA...} long-term, {@code ASIA...} temporary). */
    String accessKeyId();
}
