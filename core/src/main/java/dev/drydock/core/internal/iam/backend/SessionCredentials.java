package dev.drydock.core.internal.iam.backend;

import dev.drydock.core.internal.iam.Principal;
import java.time.Instant;

/**
 * Temporary credentials, as STS issues them and the ECS container credentials endpoint serves them.
 *
 * @param accessKeyId {@code ASIA...}
 * @param secretAccessKey the secret
 * @param sessionToken the token that must accompany every request signed with them
 * @param expiration when they stop working (never null)
 * @param principal the assumed-role session they authenticate as
 */
public record SessionCredentials(
        String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration, Principal principal) {

    @Override
    public String toString() {
        return "SessionCredentials[accessKeyId=" + accessKeyId + ", expiration=" + expiration + ", principal="
                + principal.arn() + "]";
    }
}
