package dev.drydock.core.internal.service;

import dev.drydock.core.internal.auth.SigningCredential;
import dev.drydock.core.internal.iam.IamAccess;
import dev.drydock.core.internal.iam.Principal;
import dev.drydock.core.internal.iam.SessionCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions of an IAM role that a service opens for work it does on a task's behalf, as ECS does with a task's
 * execution role ({@code arn:aws:sts::<account>:assumed-role/<role>/<task-id>}), so that the calls it makes are
 * authorized against the role's policies and recorded in the decision log under that session.
 */
public final class RoleSessions {
    private RoleSessions() {}

    /**
     * A new session of {@code role}, as the caller of the calls made with it.
     *
     * @param role the role's name or ARN
     * @param sessionName the session's name, e.g. the task id (2-64 characters of {@code [\w+=,.@-]})
     * @return empty when no such role exists
     */
    public static Optional<Caller> open(IamAccess iam, String role, String sessionName) {
        Optional<String> roleArn = iam.roleArn(role);
        if (roleArn.isEmpty()) {
            return Optional.empty();
        }
        SessionCredentials session =
                iam.issueSession(roleArn.get(), sessionName, Duration.ofHours(1), List.of(), Map.of());
        Principal principal = (Principal) iam.credential(session.accessKeyId())
                .map(SigningCredential::principal)
                .orElseThrow();
        return Optional.of(new Caller(principal, session.accessKeyId()));
    }
}
