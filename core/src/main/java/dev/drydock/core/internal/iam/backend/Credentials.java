package dev.drydock.core.internal.iam.backend;

import static dev.drydock.core.internal.iam.IamErrors.noSuchRole;
import static dev.drydock.core.internal.iam.IamErrors.noSuchUser;

import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.internal.auth.SigningCredential;
import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access keys and sessions: the test principal's long-term key, and the temporary credentials of role sessions
 * (AssumeRole, task roles) and user sessions (GetSessionToken), which SigV4 verification looks up by access key id.
 */
final class Credentials {
    private final IamState state;
    private final Map<String, SigningCredential> keys = new ConcurrentHashMap<>();
    private final Principal testPrincipal;
    private final SigningCredential testCredential;

    /** Creates the test user {@code drydock-test} with AdministratorAccess and its long-term key. */
    Credentials(IamState state) {
        this.state = state;
        UserRecord user = new UserRecord(
                "drydock-test",
                "/",
                "arn:aws:iam::" + state.accountId + ":user/drydock-test",
                "AIDA" + IamState.random(17),
                state.now());
        user.attached.add(AwsManagedPolicies.ADMINISTRATOR_ACCESS);
        state.users.put(IamState.key(user.name), user);
        state.managedPolicies.get(AwsManagedPolicies.ADMINISTRATOR_ACCESS).attachmentCount++;
        this.testPrincipal = user.principal(state.accountId);
        this.testCredential = SigningCredential.longTerm("AKIA" + IamState.random(16), secret(), testPrincipal);
        keys.put(testCredential.accessKeyId(), testCredential);
    }

    Optional<SigningCredential> credential(String accessKeyId) {
        return Optional.ofNullable(keys.get(accessKeyId));
    }

    Principal testPrincipal() {
        return testPrincipal;
    }

    SigningCredential testCredential() {
        return testCredential;
    }

    SessionCredentials issueSession(
            String roleArn,
            String sessionName,
            Duration duration,
            List<NamedPolicy> sessionPolicies,
            Map<String, String> sessionTags) {
        synchronized (state.lock) {
            RoleRecord r = state.roleByArn(roleArn);
            if (r == null) {
                throw noSuchRole(roleArn.substring(roleArn.lastIndexOf('/') + 1));
            }
            Map<String, String> tags = new LinkedHashMap<>(r.tags);
            sessionTags.forEach((k, v) -> IamErrors.putTag(tags, k, v));
            Principal principal = new Principal(
                    Principal.Type.ASSUMED_ROLE,
                    "arn:aws:sts::" + state.accountId + ":assumed-role/" + r.name + "/" + sessionName,
                    state.accountId,
                    r.id + ":" + sessionName,
                    r.name,
                    r.arn,
                    sessionName,
                    tags,
                    sessionPolicies);
            return register(principal, state.clock.instant().plus(duration));
        }
    }

    /**
     * Issues temporary credentials for an IAM user, as STS GetSessionToken does (this method evaluates nothing). They
     * act as the user, with the user's policies.
     *
     * @param user the user principal (an IAM user, not a session)
     * @param duration how long the credentials live
     */
    SessionCredentials issueUserSession(Principal user, Duration duration) {
        synchronized (state.lock) {
            UserRecord u = state.users.get(IamState.key(user.name()));
            if (u == null) {
                throw noSuchUser(user.name());
            }
            return register(u.principal(state.accountId), state.clock.instant().plus(duration));
        }
    }

    private SessionCredentials register(Principal principal, Instant expiration) {
        SigningCredential credential =
                new SigningCredential("ASIA" + IamState.random(16), secret(), sessionToken(), expiration, principal);
        keys.put(credential.accessKeyId(), credential);
        return new SessionCredentials(
                credential.accessKeyId(),
                credential.secretAccessKey(),
                credential.sessionToken(),
                expiration,
                principal);
    }

    private static String secret() {
        return IamState.randomBase64(30);
    }

    private static String sessionToken() {
        return "IQoJb3JpZ2luX2VjE" + IamState.randomBase64(180);
    }
}
