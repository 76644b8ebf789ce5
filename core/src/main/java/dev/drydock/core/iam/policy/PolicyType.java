package dev.drydock.core.iam.policy;

/**
 * The policy types that take part in an evaluation, in the words AWS uses in AccessDenied messages
 * ("Troubleshooting access denied error messages" in the IAM User Guide).
 */
public enum PolicyType {
    /** Identity-based policies of the principal: "identity-based policy". */
    IDENTITY_BASED("an identity-based policy", "identity-based policy"),
    /** The principal's permissions boundary: "permissions boundary". */
    PERMISSIONS_BOUNDARY("a permissions boundary", "permissions boundary"),
    /** Session policies of a role or federated-user session: "session policy". */
    SESSION("a session policy", "session policy"),
    /** The resource's resource-based policy: "resource-based policy". */
    RESOURCE_BASED("a resource-based policy", "resource-based policy");

    private final String explicitPhrase;
    private final String implicitPhrase;

    PolicyType(String explicitPhrase, String implicitPhrase) {
        this.explicitPhrase = explicitPhrase;
        this.implicitPhrase = implicitPhrase;
    }

    /** @return the phrase after "with an explicit deny in ", e.g. {@code "a permissions boundary"}. */
    public String explicitDenyPhrase() {
        return explicitPhrase;
    }

    /** @return the phrase after "because no ", e.g. {@code "permissions boundary"}. */
    public String implicitDenyPhrase() {
        return implicitPhrase;
    }
}
