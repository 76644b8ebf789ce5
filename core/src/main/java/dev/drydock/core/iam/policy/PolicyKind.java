package dev.drydock.core.iam.policy;

/**
 * The role a policy document plays, which decides the kind-specific grammar rules applied by
 * {@link PolicyDocument#parse(String, PolicyKind)}.
 *
 * <p>Follows "Policies and permissions in IAM" (policy types) and "AWS JSON policy elements: Principal" of the
 * IAM User Guide: {@code Principal}/{@code NotPrincipal} are required in resource-based policies and role trust
 * policies and forbidden in identity-based policies, permissions boundaries and session policies; {@code Resource}
 * (or {@code NotResource}) is required in the latter three.
 */
public enum PolicyKind {
    /** An identity-based policy (managed or inline) attached to a user, group or role. No Principal allowed. */
    IDENTITY,
    /** A resource-based policy attached to a resource (for example an ECR repository policy). Principal required. */
    RESOURCE,
    /** A role trust policy (the role's resource-based policy for {@code sts:AssumeRole*}). Principal required. */
    TRUST,
    /** A managed policy used as a permissions boundary. Same grammar as {@link #IDENTITY}. */
    PERMISSIONS_BOUNDARY,
    /** A session policy passed to AssumeRole* or GetFederationToken. Same grammar as {@link #IDENTITY}. */
    SESSION,
    /**
     * An AWS KMS key policy: a resource-based policy (Principal required, Resource required and {@code "*"} by
     * convention) that is the primary control of its key. Unlike other resource-based policies, identity-based
     * policies have effect on the key only when the key policy allows it, usually by naming the account
     * ({@code arn:aws:iam::<account>:root}) as the default key policy does
     * (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam).
     */
    KEY;

    /** @return true for kinds whose statements must name a principal (resource-based and trust policies). */
    public boolean requiresPrincipal() {
        return this == RESOURCE || this == TRUST || this == KEY;
    }
}
