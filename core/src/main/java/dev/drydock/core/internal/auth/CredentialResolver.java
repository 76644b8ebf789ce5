package dev.drydock.core.internal.auth;

import java.util.Optional;

/**
 * Looks up the credential behind an access key id, for {@link SigV4Verifier}. Implementations back onto Drydock's
 * IAM users' access keys and STS sessions. Must be safe to call from several threads if the verifier is shared.
 */
@FunctionalInterface
public interface CredentialResolver {
    /**
     * Finds the credential for an access key id.
     *
     * @param accessKeyId the access key id taken from the request's credential scope, never null
     * @return the credential, or empty if the key is unknown (the request then fails with
     *     {@link SigV4Failure#UNKNOWN_ACCESS_KEY})
     */
    Optional<SigningCredential> resolve(String accessKeyId);
}
