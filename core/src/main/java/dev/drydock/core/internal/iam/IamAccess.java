package dev.drydock.core.internal.iam;

import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicySet;
import dev.drydock.core.internal.auth.SigningCredential;
import dev.drydock.core.internal.iam.backend.SessionCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IAM model as the rest of Drydock uses it: who a key belongs to, which policies apply to a principal, the
 * roles tasks and tests act as. Implemented by {@code IamBackend}. Thread-safe. Failures are
 * {@link dev.drydock.core.spi.AwsException}s with IAM's codes and messages (NoSuchEntity,
 * MalformedPolicyDocument, EntityAlreadyExists ...).
 */
public interface IamAccess {

    /** The account every IAM entity belongs to. */
    String accountId();

    /**
     * The credential of an access key, long-term ({@code AKIA...}, an IAM user's) or temporary ({@code ASIA...}, a
     * session's), for SigV4 verification. Its {@link SigningCredential#principal()} is a {@link Principal}.
     */
    Optional<SigningCredential> credential(String accessKeyId);

    /**
     * The test principal: the IAM user {@code drydock-test} with the AWS managed policy AdministratorAccess
     * attached, whose long-term key the clients Drydock builds sign with.
     */
    Principal testPrincipal();

    /** The test principal's long-term key: {@code [accessKeyId, secretAccessKey]}. */
    SigningCredential testCredential();

    /**
     * The policies that apply to requests from {@code principal}: identity-based (inline and attached managed
     * policies of the user or role, each named as the IAM policy simulator names sources), the permissions boundary,
     * and the session's policies. Root has none (root is not evaluated). The returned set has no resource-based
     * policy and {@link PolicySet#roleArn()} set for sessions.
     */
    PolicySet policies(Principal principal);

    /**
     * The trust policy of a role: the resource-based policy {@code sts:AssumeRole} on it is evaluated against.
     *
     * @param roleArn the role ARN
     * @return empty when no such role exists
     */
    Optional<NamedPolicy> trustPolicy(String roleArn);

    /**
     * The ARN of a role given by name or ARN ({@code orders-task} or {@code arn:aws:iam::<account>:role/orders-task}).
     *
     * @return empty when no such role exists
     */
    Optional<String> roleArn(String nameOrArn);

    /**
     * Issues credentials for a new assumed-role session, as STS AssumeRole does after authorization (this method
     * itself evaluates nothing).
     *
     * @param roleArn the role
     * @param sessionName the role session name (2-64 characters of {@code [\w+=,.@-]})
     * @param duration how long the credentials live (900 s up to the role's MaxSessionDuration)
     * @param sessionPolicies session policies (already parsed), or empty
     * @param sessionTags session tags, or empty
     * @throws dev.drydock.core.spi.AwsException NoSuchEntity when the role does not exist
     */
    SessionCredentials issueSession(
            String roleArn,
            String sessionName,
            Duration duration,
            List<NamedPolicy> sessionPolicies,
            Map<String, String> sessionTags);

    /** The tags of an IAM resource (role, user, policy) for {@code aws:ResourceTag/*}; empty if unknown. */
    Map<String, String> resourceTags(String arn);
}
