package dev.drydock.core.spi;

import java.time.Instant;

/**
 * Temporary credentials of a role session, as STS issues them and the ECS container credentials endpoint serves
 * them. {@link #toString()} never shows the secret or the token.
 *
 * @param accessKeyId {@code ASIA...}
 * @param secretAccessKey the secret
 * @param sessionToken the token that must accompany every request signed with them
 * @param expiration when they stop working (never null)
 * @param roleArn the role's ARN
 * @param caller the session as a caller (its ARN is {@code arn:aws:sts::<account>:assumed-role/<role>/<session>})
 */
public record RoleSession(
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        Instant expiration,
        String roleArn,
        Caller caller) {

    @Override
    public String toString() {
        return "RoleSession[accessKeyId=" + accessKeyId + ", expiration=" + expiration + ", caller=" + caller.arn()
                + "]";
    }
}
