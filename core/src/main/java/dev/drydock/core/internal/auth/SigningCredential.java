package dev.drydock.core.internal.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A credential the verifier may check a request against, as returned by a {@link CredentialResolver}.
 *
 * <p>{@link #toString()} never shows the secret access key or the session token.
 *
 * @param accessKeyId the access key id, for example {@code AKIAIOSFODNN7EXAMPLE}; not null
 * @param secretAccessKey the secret access key the request must have been signed with; not null
 * @param sessionToken the session token of temporary credentials, which the request must carry as
 *     {@code X-Amz-Security-Token}; null for a long-term key, in which case a request carrying a token is rejected
 * @param expiration when the credential stops being valid (requests from then on fail with
 *     {@link SigV4Failure#EXPIRED_TOKEN}); null for no expiry
 * @param principal whatever the caller wants back in {@link VerifiedIdentity#principal()} (an IAM user or role
 *     session, say); may be null
 */
public record SigningCredential(
        String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration, Object principal) {

    /**
     * Validates the required parts.
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @param sessionToken the session token, or null
     * @param expiration the expiry, or null
     * @param principal the caller's principal object, or null
     * @throws NullPointerException if the access key id or secret is null
     */
    public SigningCredential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /**
     * A long-term key (no session token, no expiry).
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @param principal the caller's principal object, may be null
     * @return the credential
     */
    public static SigningCredential longTerm(String accessKeyId, String secretAccessKey, Object principal) {
        return new SigningCredential(accessKeyId, secretAccessKey, null, null, principal);
    }

    /**
     * Whether this is a temporary credential, that is, one with a session token.
     *
     * @return true if {@link #sessionToken()} is not null
     */
    public boolean isTemporary() {
        return sessionToken != null;
    }

    @Override
    public String toString() {
        return "SigningCredential[accessKeyId=" + accessKeyId + ", secretAccessKey=<redacted>, sessionToken="
                + (sessionToken == null ? "none" : "<redacted>") + ", expiration=" + expiration
                + ", principal=" + principal + "]";
    }
}
