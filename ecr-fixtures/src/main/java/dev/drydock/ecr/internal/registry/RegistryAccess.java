package dev.drydock.ecr.internal.registry;

import dev.drydock.core.spi.Caller;

/** Who may use the registry: authentication of a request and IAM authorization of what it does. */
public interface RegistryAccess {

    /**
     * The principal behind a request's {@code Authorization} header (HTTP Basic, user {@code AWS}, the password
     * from GetAuthorizationToken).
     *
     * @param authorization the header's value, or {@code null}
     * @throws RegistryError UNAUTHORIZED (401) for a missing, unknown or expired token
     */
    Caller authenticate(String authorization);

    /**
     * Authorizes one registry request as {@code caller}: {@code action} (e.g. {@code ecr:BatchGetImage}) on the
     * repository's ARN, with the repository's policy, recording the decision.
     *
     * @param operation the registry operation, for the decision log, e.g. {@code GetManifest}
     * @param sourceIp the client's address
     * @throws RegistryError DENIED (403) with AWS's AccessDenied message
     */
    void authorize(Caller caller, String operation, String action, String repository, String sourceIp);
}
