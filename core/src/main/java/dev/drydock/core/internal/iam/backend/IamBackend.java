package dev.drydock.core.internal.iam.backend;

import static dev.drydock.core.internal.iam.IamErrors.noSuchUser;

import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.iam.policy.PolicyKind;
import dev.drydock.core.iam.policy.PolicySet;
import dev.drydock.core.internal.auth.SigningCredential;
import dev.drydock.core.internal.iam.IamAccess;
import dev.drydock.core.internal.iam.Principal;
import dev.drydock.core.spi.AwsException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/**
 * IAM for one account: users, roles, managed and inline policies, permissions boundaries, tags, access keys and
 * sessions. Every method is atomic under one lock; policy documents are parsed (and so validated) when stored, and a
 * method that fails changes nothing. Names of roles, users and managed policies are unique ignoring case and looked up
 * ignoring case, as in IAM.
 *
 * <p>The methods the IAM API operations use answer the SDK's model shapes ({@link Role}, {@link Policy} ...) with the
 * members each operation returns in AWS: CreateRole's role has no MaxSessionDuration or RoleLastUsed, ListRoles'
 * roles have no tags, boundary or RoleLastUsed, and every policy document is URL-encoded (RFC 3986) as IAM returns it.
 *
 * <p>AWS managed policies available to attach: {@link AwsManagedPolicies}.
 */
public final class IamBackend implements IamAccess {
    private final IamState state;
    private final Credentials credentials;
    private final Roles roles;
    private final ManagedPolicies policies;
    private final PrincipalPolicies principals;

    /**
     * @param accountId the 12-digit account
     * @param clock stamps creation dates and session expirations
     */
    public IamBackend(String accountId, Clock clock) {
        this.state = new IamState(accountId, clock);
        for (ManagedPolicyRecord p : AwsManagedPolicies.all(state.now())) {
            state.managedPolicies.put(p.arn, p);
        }
        this.credentials = new Credentials(state);
        this.roles = new Roles(state);
        this.policies = new ManagedPolicies(state);
        this.principals = new PrincipalPolicies(state);
    }

    @Override
    public String accountId() {
        return state.accountId;
    }

    /** The clock of this account. */
    public Clock clock() {
        return state.clock;
    }

    /** Runs {@code action} atomically with every other change to this account's IAM state. */
    public <T> T locked(Supplier<T> action) {
        synchronized (state.lock) {
            return action.get();
        }
    }

    // ====================================================================================== IamAccess

    @Override
    public Optional<SigningCredential> credential(String accessKeyId) {
        return credentials.credential(accessKeyId);
    }

    @Override
    public Principal testPrincipal() {
        return credentials.testPrincipal();
    }

    @Override
    public SigningCredential testCredential() {
        return credentials.testCredential();
    }

    @Override
    public PolicySet policies(Principal principal) {
        return principals.policies(principal);
    }

    @Override
    public Optional<NamedPolicy> trustPolicy(String roleArn) {
        return principals.trustPolicy(roleArn);
    }

    @Override
    public Optional<String> roleArn(String nameOrArn) {
        synchronized (state.lock) {
            RoleRecord r = nameOrArn.startsWith("arn:")
                    ? state.roleByArn(nameOrArn)
                    : state.roles.get(IamState.key(nameOrArn));
            return Optional.ofNullable(r).map(x -> x.arn);
        }
    }

    @Override
    public SessionCredentials issueSession(
            String roleArn,
            String sessionName,
            Duration duration,
            List<NamedPolicy> sessionPolicies,
            Map<String, String> sessionTags) {
        return credentials.issueSession(roleArn, sessionName, duration, sessionPolicies, sessionTags);
    }

    /**
     * Issues temporary credentials for an IAM user, as STS GetSessionToken does (this method evaluates nothing). They
     * act as the user, with the user's policies.
     *
     * @param user the user principal (an IAM user, not a session)
     * @param duration how long the credentials live
     */
    public SessionCredentials issueUserSession(Principal user, Duration duration) {
        return credentials.issueUserSession(user, duration);
    }

    @Override
    public Map<String, String> resourceTags(String arn) {
        synchronized (state.lock) {
            RoleRecord r = state.roleByArn(arn);
            if (r != null) {
                return Map.copyOf(r.tags);
            }
            for (UserRecord u : state.users.values()) {
                if (u.arn.equals(arn)) {
                    return Map.copyOf(u.tags);
                }
            }
            ManagedPolicyRecord p = state.managedPolicies.get(arn);
            return p == null ? Map.of() : Map.copyOf(p.tags);
        }
    }

    // ====================================================================================== roles (IAM API)

    /** The ARN a role has, or would have with the default path: what IAM authorizes calls on the role against. */
    public String roleArnFor(String name) {
        return roles.roleArnFor(name);
    }

    /** The permissions boundary of a role ({@code iam:PermissionsBoundary} of calls on it), if it has one. */
    public Optional<String> roleBoundary(String name) {
        return roles.roleBoundary(name);
    }

    /** A role's MaxSessionDuration in seconds, if the role exists. */
    public Optional<Integer> roleMaxSessionDuration(String roleArn) {
        return roles.roleMaxSessionDuration(roleArn);
    }

    /**
     * CreateRole.
     *
     * @return the role as CreateRole answers it
     * @throws AwsException ValidationError (name, path, MaxSessionDuration, tags), InvalidInput / NoSuchEntity (the
     *     boundary), EntityAlreadyExists, MalformedPolicyDocument (the trust policy), LimitExceeded (its size)
     */
    public Role createRole(
            String name,
            String path,
            String trustPolicy,
            String description,
            Integer maxSessionDuration,
            String boundaryArn,
            Map<String, String> tags) {
        return roles.createRole(name, path, trustPolicy, description, maxSessionDuration, boundaryArn, tags);
    }

    /** GetRole. */
    public Role getRole(String name) {
        return roles.getRole(name);
    }

    /** DeleteRole: DeleteConflict while managed policies are attached or inline policies remain, as IAM. */
    public void deleteRole(String name) {
        roles.deleteRole(name);
    }

    /** ListRoles: the roles whose path starts with {@code pathPrefix}, by name. */
    public List<Role> listRoles(String pathPrefix) {
        return roles.listRoles(pathPrefix);
    }

    /** UpdateRole: the description and/or MaxSessionDuration. */
    public void updateRole(String name, String description, Integer maxSessionDuration) {
        roles.updateRole(name, description, maxSessionDuration);
    }

    /** UpdateRoleDescription; answers the role as that operation does. */
    public Role updateRoleDescription(String name, String description) {
        return roles.updateRoleDescription(name, description);
    }

    /** UpdateAssumeRolePolicy: the new trust policy, validated as one. */
    public void updateAssumeRolePolicy(String name, String trustPolicy) {
        roles.updateAssumeRolePolicy(name, trustPolicy);
    }

    /** PutRolePolicy: adds or replaces an inline policy. */
    public void putRolePolicy(String roleName, String policyName, String json) {
        roles.putRolePolicy(roleName, policyName, json);
    }

    /** GetRolePolicy: the inline policy's document as it was given (not yet URL-encoded). */
    public String getRolePolicy(String roleName, String policyName) {
        return roles.getRolePolicy(roleName, policyName);
    }

    /** The name of the role as stored (its case), for answers. */
    public String roleName(String name) {
        return roles.roleName(name);
    }

    /** DeleteRolePolicy. */
    public void deleteRolePolicy(String roleName, String policyName) {
        roles.deleteRolePolicy(roleName, policyName);
    }

    /** ListRolePolicies: the inline policy names, sorted. */
    public List<String> listRolePolicies(String roleName) {
        return roles.listRolePolicies(roleName);
    }

    /** AttachRolePolicy (attaching an attached policy again changes nothing). */
    public void attachRolePolicy(String roleName, String policyArn) {
        roles.attachRolePolicy(roleName, policyArn);
    }

    /** DetachRolePolicy: NoSuchEntity "Policy ARN was not found." when it is not attached. */
    public void detachRolePolicy(String roleName, String policyArn) {
        roles.detachRolePolicy(roleName, policyArn);
    }

    /** ListAttachedRolePolicies, in attachment order, those under {@code pathPrefix}. */
    public List<AttachedPolicy> listAttachedRolePolicies(String roleName, String pathPrefix) {
        return roles.listAttachedRolePolicies(roleName, pathPrefix);
    }

    /** PutRolePermissionsBoundary: sets or replaces the boundary. */
    public void putRolePermissionsBoundary(String roleName, String boundaryArn) {
        roles.putRolePermissionsBoundary(roleName, boundaryArn);
    }

    /** DeleteRolePermissionsBoundary (a role without one is left as it is). */
    public void deleteRolePermissionsBoundary(String roleName) {
        roles.deleteRolePermissionsBoundary(roleName);
    }

    /** TagRole: adds tags, replacing the values of keys it has (keys compare ignoring case). */
    public void tagRole(String roleName, Map<String, String> tags) {
        roles.tagRole(roleName, tags);
    }

    /** UntagRole: removes the tags with these keys (ignoring case); keys it does not have are ignored. */
    public void untagRole(String roleName, List<String> keys) {
        roles.untagRole(roleName, keys);
    }

    /** ListRoleTags. */
    public List<Tag> listRoleTags(String roleName) {
        return roles.listRoleTags(roleName);
    }

    // ====================================================================================== managed policies

    /** The ARN a customer managed policy of that name and path has. */
    public String policyArnFor(String path, String name) {
        return policies.policyArnFor(path, name);
    }

    /**
     * CreatePolicy: a customer managed policy {@code arn:aws:iam::<account>:policy<path><name>} with version v1.
     *
     * @return the policy as CreatePolicy answers it
     */
    public Policy createPolicy(String name, String path, String json, String description, Map<String, String> tags) {
        return policies.createPolicy(name, path, json, description, tags);
    }

    /** GetPolicy. */
    public Policy getPolicy(String arn) {
        return policies.getPolicy(arn);
    }

    /**
     * DeletePolicy: DeleteConflict while attached or used as a boundary, or while it has versions besides the
     * default one, as IAM.
     */
    public void deletePolicy(String arn) {
        policies.deletePolicy(arn);
    }

    /**
     * ListPolicies.
     *
     * @param scope {@code All} (default, also for null), {@code AWS} or {@code Local}
     * @param onlyAttached only policies attached to a user, group or role (or used as a boundary, when
     *     {@code usage} is {@code PermissionsBoundary})
     * @param pathPrefix only policies whose path starts with it
     * @param usage {@code PermissionsPolicy}, {@code PermissionsBoundary} or null
     */
    public List<Policy> listPolicies(
            PolicyScopeType scope, boolean onlyAttached, String pathPrefix, PolicyUsageType usage) {
        return policies.listPolicies(scope, onlyAttached, pathPrefix, usage);
    }

    /** GetPolicyVersion: with the document URL-encoded, as IAM answers. */
    public PolicyVersion getPolicyVersion(String arn, String versionId) {
        return policies.getPolicyVersion(arn, versionId);
    }

    /** CreatePolicyVersion: at most five versions (LimitExceeded); the new one becomes default if asked. */
    public PolicyVersion createPolicyVersion(String arn, String json, boolean setAsDefault) {
        return policies.createPolicyVersion(arn, json, setAsDefault);
    }

    /** ListPolicyVersions: newest first, without documents. */
    public List<PolicyVersion> listPolicyVersions(String arn) {
        return policies.listPolicyVersions(arn);
    }

    /** DeletePolicyVersion: not the default version (DeleteConflict). */
    public void deletePolicyVersion(String arn, String versionId) {
        policies.deletePolicyVersion(arn, versionId);
    }

    /** SetDefaultPolicyVersion. */
    public void setDefaultPolicyVersion(String arn, String versionId) {
        policies.setDefaultPolicyVersion(arn, versionId);
    }

    /** TagPolicy. */
    public void tagPolicy(String arn, Map<String, String> tags) {
        policies.tagPolicy(arn, tags);
    }

    /** UntagPolicy. */
    public void untagPolicy(String arn, List<String> keys) {
        policies.untagPolicy(arn, keys);
    }

    /** ListPolicyTags. */
    public List<Tag> listPolicyTags(String arn) {
        return policies.listPolicyTags(arn);
    }

    /**
     * A managed policy as a session policy (AssumeRole's PolicyArns): NoSuchEntity when there is none with that ARN.
     */
    public NamedPolicy sessionPolicy(String arn) {
        return policies.sessionPolicy(arn);
    }

    // ====================================================================================== state.users

    /** The ARN a user has, or would have with the default path. */
    public String userArnFor(String name) {
        synchronized (state.lock) {
            UserRecord u = state.users.get(IamState.key(name));
            return u != null ? u.arn : "arn:aws:iam::" + state.accountId + ":user/" + name;
        }
    }

    /** GetUser. */
    public User getUser(String name) {
        synchronized (state.lock) {
            UserRecord u = state.users.get(IamState.key(name));
            if (u == null) {
                throw noSuchUser(name);
            }
            User.Builder b = User.builder()
                    .path(u.path)
                    .userName(u.name)
                    .userId(u.id)
                    .arn(u.arn)
                    .createDate(u.createDate);
            if (!u.tags.isEmpty()) {
                b.tags(IamShapes.tagList(u.tags));
            }
            if (u.boundary != null) {
                b.permissionsBoundary(IamShapes.boundaryShape(u.boundary));
            }
            return b.build();
        }
    }

    // ====================================================================================== policy simulator

    /**
     * The policies of a user or role as the IAM policy simulator names them: managed policies by name, inline
     * policies as {@code user_<user>_<policy>} / {@code role_<role>_<policy>} (as AWS's SimulatePrincipalPolicy
     * reports {@code SourcePolicyId}), and the permissions boundary.
     *
     * @param arn a user or role ARN
     * @throws AwsException NoSuchEntity when there is no such user or role
     */
    public SimulationSubject simulationSubject(String arn) {
        return principals.simulationSubject(arn);
    }

    /**
     * A user or role as the policy simulator evaluates it.
     *
     * @param arn its ARN
     * @param identityPolicies its inline and attached managed policies, named as the simulator names them
     * @param permissionsBoundary its boundary, or null
     */
    public record SimulationSubject(String arn, List<NamedPolicy> identityPolicies, NamedPolicy permissionsBoundary) {
        public SimulationSubject {
            identityPolicies = List.copyOf(identityPolicies);
        }
    }

    // ====================================================================================== shared

    /** A policy document as IAM returns it: URL-encoded per RFC 3986 ({@code %7B%22Version%22...}). */
    public static String encoded(String json) {
        return IamShapes.encoded(json);
    }

    /** Parses a policy document, answering MalformedPolicyDocument with IAM's reason. */
    public static PolicyDocument parse(String json, PolicyKind kind) {
        return IamValidation.parse(json, kind);
    }
}
