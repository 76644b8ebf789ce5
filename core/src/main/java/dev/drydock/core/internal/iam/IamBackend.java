package dev.drydock.core.internal.iam;

import static dev.drydock.core.internal.iam.IamErrors.alreadyExists;
import static dev.drydock.core.internal.iam.IamErrors.constraint;
import static dev.drydock.core.internal.iam.IamErrors.deleteConflict;
import static dev.drydock.core.internal.iam.IamErrors.limitExceeded;
import static dev.drydock.core.internal.iam.IamErrors.noSuchRole;
import static dev.drydock.core.internal.iam.IamErrors.noSuchRolePolicy;
import static dev.drydock.core.internal.iam.IamErrors.noSuchUser;
import static dev.drydock.core.internal.iam.IamErrors.policyNotAttachable;
import static dev.drydock.core.internal.iam.IamErrors.policyNotFound;

import dev.drydock.core.iam.policy.MalformedPolicyDocumentException;
import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.iam.policy.PolicyKind;
import dev.drydock.core.iam.policy.PolicySet;
import dev.drydock.core.iam.policy.PolicySourceType;
import dev.drydock.core.internal.auth.SigningCredential;
import dev.drydock.core.spi.AwsException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

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
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Managed policies attached to one role (IAM's default quota). */
    static final int MAX_POLICIES_PER_ROLE = 10;
    /** Versions of one managed policy. */
    static final int MAX_POLICY_VERSIONS = 5;

    private final String accountId;
    private final Clock clock;
    private final Object lock = new Object();
    /** By lower-case name. */
    final Map<String, UserRecord> users = new LinkedHashMap<>();
    /** By lower-case name. */
    final Map<String, RoleRecord> roles = new LinkedHashMap<>();
    /** By ARN. */
    final Map<String, ManagedPolicyRecord> managedPolicies = new LinkedHashMap<>();

    private final Map<String, SigningCredential> keys = new ConcurrentHashMap<>();
    private final Principal testPrincipal;
    private final SigningCredential testCredential;

    /**
     * @param accountId the 12-digit account
     * @param clock stamps creation dates and session expirations
     */
    public IamBackend(String accountId, Clock clock) {
        this.accountId = accountId;
        this.clock = clock;
        for (ManagedPolicyRecord p : AwsManagedPolicies.all(now())) {
            managedPolicies.put(p.arn, p);
        }
        UserRecord user = new UserRecord(
                "drydock-test", "/", "arn:aws:iam::" + accountId + ":user/drydock-test", "AIDA" + random(17), now());
        user.attached.add(AwsManagedPolicies.ADMINISTRATOR_ACCESS);
        users.put(key(user.name), user);
        managedPolicies.get(AwsManagedPolicies.ADMINISTRATOR_ACCESS).attachmentCount++;
        this.testPrincipal = user.principal(accountId);
        this.testCredential = SigningCredential.longTerm("AKIA" + random(16), secret(), testPrincipal);
        keys.put(testCredential.accessKeyId(), testCredential);
    }

    @Override
    public String accountId() {
        return accountId;
    }

    /** The clock of this account. */
    public Clock clock() {
        return clock;
    }

    /** Runs {@code action} atomically with every other change to this account's IAM state. */
    public <T> T locked(Supplier<T> action) {
        synchronized (lock) {
            return action.get();
        }
    }

    // ====================================================================================== IamAccess

    @Override
    public Optional<SigningCredential> credential(String accessKeyId) {
        return Optional.ofNullable(keys.get(accessKeyId));
    }

    @Override
    public Principal testPrincipal() {
        return testPrincipal;
    }

    @Override
    public SigningCredential testCredential() {
        return testCredential;
    }

    @Override
    public PolicySet policies(Principal principal) {
        synchronized (lock) {
            PolicySet.Builder b = PolicySet.builder();
            switch (principal.type()) {
                case USER: {
                    UserRecord u = users.get(key(principal.name()));
                    if (u != null) {
                        u.inline.forEach(
                                (name, doc) -> b.identityPolicy(new NamedPolicy(name, PolicySourceType.USER, doc)));
                        addManaged(b, u.attached);
                        if (u.boundary != null) {
                            boundary(b, u.boundary);
                        }
                    }
                    break;
                }
                case ASSUMED_ROLE: {
                    RoleRecord r = roleByArn(principal.roleArn());
                    if (r != null) {
                        r.inline.forEach(
                                (name, doc) -> b.identityPolicy(new NamedPolicy(name, PolicySourceType.ROLE, doc)));
                        addManaged(b, r.attached);
                        if (r.boundary != null) {
                            boundary(b, r.boundary);
                        }
                    }
                    principal.sessionPolicies().forEach(b::sessionPolicy);
                    b.roleArn(principal.roleArn());
                    break;
                }
                default:
                    break;
            }
            return b.build();
        }
    }

    private void addManaged(PolicySet.Builder b, Set<String> arns) {
        for (String arn : arns) {
            ManagedPolicyRecord p = managedPolicies.get(arn);
            if (p != null) {
                b.identityPolicy(new NamedPolicy(p.name, p.sourceType(), p.defaultDocument()));
            }
        }
    }

    private void boundary(PolicySet.Builder b, String arn) {
        ManagedPolicyRecord p = managedPolicies.get(arn);
        if (p != null) {
            b.permissionsBoundary(new NamedPolicy(p.name, p.sourceType(), p.defaultDocument()));
        }
    }

    @Override
    public Optional<NamedPolicy> trustPolicy(String roleArn) {
        synchronized (lock) {
            RoleRecord r = roleByArn(roleArn);
            return r == null
                    ? Optional.empty()
                    : Optional.of(new NamedPolicy(r.name, PolicySourceType.RESOURCE, r.trustPolicy));
        }
    }

    @Override
    public Optional<String> roleArn(String nameOrArn) {
        synchronized (lock) {
            RoleRecord r = nameOrArn.startsWith("arn:") ? roleByArn(nameOrArn) : roles.get(key(nameOrArn));
            return Optional.ofNullable(r).map(x -> x.arn);
        }
    }

    /** The role with that ARN (path included), or {@code null}. Caller holds the lock. */
    RoleRecord roleByArn(String arn) {
        if (arn == null) {
            return null;
        }
        for (RoleRecord r : roles.values()) {
            if (r.arn.equals(arn)) {
                return r;
            }
        }
        return null;
    }

    @Override
    public SessionCredentials issueSession(
            String roleArn,
            String sessionName,
            Duration duration,
            List<NamedPolicy> sessionPolicies,
            Map<String, String> sessionTags) {
        synchronized (lock) {
            RoleRecord r = roleByArn(roleArn);
            if (r == null) {
                throw noSuchRole(roleArn.substring(roleArn.lastIndexOf('/') + 1));
            }
            Map<String, String> tags = new LinkedHashMap<>(r.tags);
            sessionTags.forEach((k, v) -> IamErrors.putTag(tags, k, v));
            Principal principal = new Principal(
                    Principal.Type.ASSUMED_ROLE,
                    "arn:aws:sts::" + accountId + ":assumed-role/" + r.name + "/" + sessionName,
                    accountId,
                    r.id + ":" + sessionName,
                    r.name,
                    r.arn,
                    sessionName,
                    tags,
                    sessionPolicies);
            return register(principal, clock.instant().plus(duration));
        }
    }

    /**
     * Issues temporary credentials for an IAM user, as STS GetSessionToken does (this method evaluates nothing). They
     * act as the user, with the user's policies.
     *
     * @param user the user principal (an IAM user, not a session)
     * @param duration how long the credentials live
     */
    public SessionCredentials issueUserSession(Principal user, Duration duration) {
        synchronized (lock) {
            UserRecord u = users.get(key(user.name()));
            if (u == null) {
                throw noSuchUser(user.name());
            }
            return register(u.principal(accountId), clock.instant().plus(duration));
        }
    }

    private SessionCredentials register(Principal principal, Instant expiration) {
        SigningCredential credential =
                new SigningCredential("ASIA" + random(16), secret(), sessionToken(), expiration, principal);
        keys.put(credential.accessKeyId(), credential);
        return new SessionCredentials(
                credential.accessKeyId(),
                credential.secretAccessKey(),
                credential.sessionToken(),
                expiration,
                principal);
    }

    @Override
    public Map<String, String> resourceTags(String arn) {
        synchronized (lock) {
            RoleRecord r = roleByArn(arn);
            if (r != null) {
                return Map.copyOf(r.tags);
            }
            for (UserRecord u : users.values()) {
                if (u.arn.equals(arn)) {
                    return Map.copyOf(u.tags);
                }
            }
            ManagedPolicyRecord p = managedPolicies.get(arn);
            return p == null ? Map.of() : Map.copyOf(p.tags);
        }
    }

    // ====================================================================================== roles (IAM API)

    /** The ARN a role has, or would have with the default path: what IAM authorizes calls on the role against. */
    public String roleArnFor(String name) {
        synchronized (lock) {
            RoleRecord r = roles.get(key(name));
            return r != null ? r.arn : "arn:aws:iam::" + accountId + ":role/" + name;
        }
    }

    /** The permissions boundary of a role ({@code iam:PermissionsBoundary} of calls on it), if it has one. */
    public Optional<String> roleBoundary(String name) {
        synchronized (lock) {
            RoleRecord r = roles.get(key(name));
            return r == null ? Optional.empty() : Optional.ofNullable(r.boundary);
        }
    }

    /** A role's MaxSessionDuration in seconds, if the role exists. */
    public Optional<Integer> roleMaxSessionDuration(String roleArn) {
        synchronized (lock) {
            RoleRecord r = roleByArn(roleArn);
            return r == null ? Optional.empty() : Optional.of(r.maxSessionDuration);
        }
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
        synchronized (lock) {
            RoleRecord r = newRole(name, path, trustPolicy, description, maxSessionDuration, boundaryArn, tags);
            store(r);
            return role(r, View.CREATE);
        }
    }

    /** Validates and builds a role, without storing it. Caller holds the lock. */
    private RoleRecord newRole(
            String name,
            String path,
            String trustPolicy,
            String description,
            Integer maxSessionDuration,
            String boundaryArn,
            Map<String, String> tags) {
        IamErrors.name("roleName", name, 64);
        String p = path == null ? "/" : path;
        IamErrors.path(p);
        description(description);
        int maxSession = maxSessionDuration == null ? 3600 : maxSessionDuration;
        maxSessionDuration(maxSession);
        if (boundaryArn != null) {
            boundaryPolicy(boundaryArn);
        }
        if (roles.containsKey(key(name))) {
            throw alreadyExists("Role with name " + name + " already exists.");
        }
        PolicyDocument trust = parseTrust(trustPolicy);
        RoleRecord r = new RoleRecord(
                name,
                p,
                "arn:aws:iam::" + accountId + ":role" + p + name,
                "AROA" + random(17),
                now(),
                trustPolicy,
                trust);
        r.description = description;
        r.maxSessionDuration = maxSession;
        r.boundary = boundaryArn;
        r.tags.putAll(tags);
        return r;
    }

    private void store(RoleRecord r) {
        if (r.boundary != null) {
            managedPolicies.get(r.boundary).permissionsBoundaryUsageCount++;
        }
        roles.put(key(r.name), r);
    }

    /** GetRole. */
    public Role getRole(String name) {
        synchronized (lock) {
            return role(existingRole(name), View.GET);
        }
    }

    /** DeleteRole: DeleteConflict while managed policies are attached or inline policies remain, as IAM. */
    public void deleteRole(String name) {
        synchronized (lock) {
            RoleRecord r = existingRole(name);
            if (!r.attached.isEmpty()) {
                throw deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (!r.inline.isEmpty()) {
                throw deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (r.boundary != null) {
                managedPolicies.get(r.boundary).permissionsBoundaryUsageCount--;
            }
            roles.remove(key(r.name));
        }
    }

    /** ListRoles: the roles whose path starts with {@code pathPrefix}, by name. */
    public List<Role> listRoles(String pathPrefix) {
        IamErrors.pathPrefix(pathPrefix);
        synchronized (lock) {
            List<Role> list = new ArrayList<>();
            for (RoleRecord r : sortedRoles()) {
                if (pathPrefix == null || r.path.startsWith(pathPrefix)) {
                    list.add(role(r, View.LIST));
                }
            }
            return list;
        }
    }

    private List<RoleRecord> sortedRoles() {
        List<RoleRecord> sorted = new ArrayList<>(roles.values());
        sorted.sort(Comparator.comparing(r -> key(r.name)));
        return sorted;
    }

    /** UpdateRole: the description and/or MaxSessionDuration. */
    public void updateRole(String name, String description, Integer maxSessionDuration) {
        synchronized (lock) {
            RoleRecord r = existingRole(name);
            description(description);
            if (maxSessionDuration != null) {
                maxSessionDuration(maxSessionDuration);
            }
            if (description != null) {
                r.description = description;
            }
            if (maxSessionDuration != null) {
                r.maxSessionDuration = maxSessionDuration;
            }
        }
    }

    /** UpdateRoleDescription; answers the role as that operation does. */
    public Role updateRoleDescription(String name, String description) {
        synchronized (lock) {
            RoleRecord r = existingRole(name);
            description(description);
            r.description = description;
            return role(r, View.UPDATE_DESCRIPTION);
        }
    }

    /** UpdateAssumeRolePolicy: the new trust policy, validated as one. */
    public void updateAssumeRolePolicy(String name, String trustPolicy) {
        synchronized (lock) {
            RoleRecord r = existingRole(name);
            PolicyDocument trust = parseTrust(trustPolicy);
            r.trustPolicyJson = trustPolicy;
            r.trustPolicy = trust;
        }
    }

    /** PutRolePolicy: adds or replaces an inline policy. */
    public void putRolePolicy(String roleName, String policyName, String json) {
        synchronized (lock) {
            RoleRecord r = existingRole(roleName);
            IamErrors.name("policyName", policyName, 128);
            PolicyDocument doc = parse(json, PolicyKind.IDENTITY);
            Map<String, String> after = new LinkedHashMap<>(r.inlineJson);
            after.put(policyName, json);
            checkInlineSize(r.name, after.values());
            r.inline.put(policyName, doc);
            r.inlineJson.put(policyName, json);
        }
    }

    /** GetRolePolicy: the inline policy's document as it was given (not yet URL-encoded). */
    public String getRolePolicy(String roleName, String policyName) {
        synchronized (lock) {
            RoleRecord r = existingRole(roleName);
            String json = r.inlineJson.get(policyName);
            if (json == null) {
                throw noSuchRolePolicy(policyName);
            }
            return json;
        }
    }

    /** The name of the role as stored (its case), for answers. */
    public String roleName(String name) {
        synchronized (lock) {
            return existingRole(name).name;
        }
    }

    /** DeleteRolePolicy. */
    public void deleteRolePolicy(String roleName, String policyName) {
        synchronized (lock) {
            RoleRecord r = existingRole(roleName);
            if (!r.inline.containsKey(policyName)) {
                throw noSuchRolePolicy(policyName);
            }
            r.inline.remove(policyName);
            r.inlineJson.remove(policyName);
        }
    }

    /** ListRolePolicies: the inline policy names, sorted. */
    public List<String> listRolePolicies(String roleName) {
        synchronized (lock) {
            List<String> names = new ArrayList<>(existingRole(roleName).inline.keySet());
            names.sort(Comparator.naturalOrder());
            return names;
        }
    }

    /** AttachRolePolicy (attaching an attached policy again changes nothing). */
    public void attachRolePolicy(String roleName, String policyArn) {
        synchronized (lock) {
            IamErrors.policyArn("policyArn", policyArn);
            RoleRecord r = existingRole(roleName);
            ManagedPolicyRecord p = attachable(policyArn);
            if (r.attached.contains(policyArn)) {
                return;
            }
            if (r.attached.size() >= MAX_POLICIES_PER_ROLE) {
                throw limitExceeded("Cannot exceed quota for PoliciesPerRole: " + MAX_POLICIES_PER_ROLE);
            }
            r.attached.add(policyArn);
            p.attachmentCount++;
        }
    }

    /** DetachRolePolicy: NoSuchEntity "Policy ARN was not found." when it is not attached. */
    public void detachRolePolicy(String roleName, String policyArn) {
        synchronized (lock) {
            IamErrors.policyArn("policyArn", policyArn);
            RoleRecord r = existingRole(roleName);
            if (!r.attached.contains(policyArn)) {
                throw policyNotFound(policyArn);
            }
            r.attached.remove(policyArn);
            ManagedPolicyRecord p = managedPolicies.get(policyArn);
            if (p != null) {
                p.attachmentCount--;
            }
        }
    }

    /** ListAttachedRolePolicies, in attachment order, those under {@code pathPrefix}. */
    public List<AttachedPolicy> listAttachedRolePolicies(String roleName, String pathPrefix) {
        IamErrors.pathPrefix(pathPrefix);
        synchronized (lock) {
            List<AttachedPolicy> list = new ArrayList<>();
            for (String arn : existingRole(roleName).attached) {
                ManagedPolicyRecord p = managedPolicies.get(arn);
                if (p != null && (pathPrefix == null || p.path.startsWith(pathPrefix))) {
                    list.add(AttachedPolicy.builder()
                            .policyName(p.name)
                            .policyArn(p.arn)
                            .build());
                }
            }
            return list;
        }
    }

    /** PutRolePermissionsBoundary: sets or replaces the boundary. */
    public void putRolePermissionsBoundary(String roleName, String boundaryArn) {
        synchronized (lock) {
            RoleRecord r = existingRole(roleName);
            ManagedPolicyRecord p = boundaryPolicy(boundaryArn);
            if (r.boundary != null) {
                managedPolicies.get(r.boundary).permissionsBoundaryUsageCount--;
            }
            r.boundary = p.arn;
            p.permissionsBoundaryUsageCount++;
        }
    }

    /** DeleteRolePermissionsBoundary (a role without one is left as it is). */
    public void deleteRolePermissionsBoundary(String roleName) {
        synchronized (lock) {
            RoleRecord r = existingRole(roleName);
            if (r.boundary != null) {
                managedPolicies.get(r.boundary).permissionsBoundaryUsageCount--;
                r.boundary = null;
            }
        }
    }

    /** TagRole: adds tags, replacing the values of keys it has (keys compare ignoring case). */
    public void tagRole(String roleName, Map<String, String> tags) {
        synchronized (lock) {
            RoleRecord r = existingRole(roleName);
            replaceTags(r.tags, withTags(r.tags, tags, "TagsPerRole"));
        }
    }

    /** The tags after adding {@code added} (keys compare ignoring case); LimitExceeded past 50. */
    private static Map<String, String> withTags(Map<String, String> current, Map<String, String> added, String quota) {
        Map<String, String> after = new LinkedHashMap<>(current);
        added.forEach((k, v) -> IamErrors.putTag(after, k, v));
        if (after.size() > IamErrors.MAX_TAGS) {
            throw limitExceeded("Cannot exceed quota for " + quota + ": " + IamErrors.MAX_TAGS);
        }
        return after;
    }

    /** Removes the tags with these keys, ignoring case, as IAM does; keys it does not have are ignored. */
    private static void removeTagKeys(Map<String, String> tags, List<String> keys) {
        for (String k : keys) {
            tags.keySet().removeIf(t -> t.equalsIgnoreCase(k));
        }
    }

    private static void replaceTags(Map<String, String> tags, Map<String, String> after) {
        tags.clear();
        tags.putAll(after);
    }

    /** UntagRole: removes the tags with these keys (ignoring case); keys it does not have are ignored. */
    public void untagRole(String roleName, List<String> keys) {
        synchronized (lock) {
            removeTagKeys(existingRole(roleName).tags, keys);
        }
    }

    /** ListRoleTags. */
    public List<Tag> listRoleTags(String roleName) {
        synchronized (lock) {
            return tagList(existingRole(roleName).tags);
        }
    }

    /** The role by name, or NoSuchEntity. Caller holds the lock. */
    private RoleRecord existingRole(String name) {
        RoleRecord r = roles.get(key(name));
        if (r == null) {
            throw noSuchRole(name);
        }
        return r;
    }

    // ====================================================================================== managed policies

    /** The ARN a customer managed policy of that name and path has. */
    public String policyArnFor(String path, String name) {
        return "arn:aws:iam::" + accountId + ":policy" + (path == null ? "/" : path) + name;
    }

    /**
     * CreatePolicy: a customer managed policy {@code arn:aws:iam::<account>:policy<path><name>} with version v1.
     *
     * @return the policy as CreatePolicy answers it
     */
    public Policy createPolicy(String name, String path, String json, String description, Map<String, String> tags) {
        synchronized (lock) {
            IamErrors.name("policyName", name, 128);
            String p = path == null ? "/" : path;
            IamErrors.path(p);
            description(description);
            for (ManagedPolicyRecord existing : managedPolicies.values()) {
                if (!existing.awsManaged && existing.name.equalsIgnoreCase(name)) {
                    throw alreadyExists(
                            "A policy called " + name + " already exists. Duplicate names are not " + "allowed.");
                }
            }
            PolicyDocument doc = parseManaged(json);
            ManagedPolicyRecord record = new ManagedPolicyRecord(
                    name, p, policyArnFor(p, name), "ANPA" + random(17), false, now(), json, doc);
            record.description = description;
            record.tags.putAll(tags);
            managedPolicies.put(record.arn, record);
            return policy(record, View.CREATE);
        }
    }

    /** GetPolicy. */
    public Policy getPolicy(String arn) {
        synchronized (lock) {
            return policy(existingPolicy(arn), View.GET);
        }
    }

    /**
     * DeletePolicy: DeleteConflict while attached or used as a boundary, or while it has versions besides the
     * default one, as IAM.
     */
    public void deletePolicy(String arn) {
        synchronized (lock) {
            ManagedPolicyRecord p = existingPolicy(arn);
            if (p.awsManaged) {
                throw AwsException.client("InvalidInput", "ARN " + arn + " is not valid.");
            }
            if (p.attachmentCount > 0 || p.permissionsBoundaryUsageCount > 0) {
                throw deleteConflict("Cannot delete a policy attached to entities.");
            }
            if (p.versions.size() > 1) {
                throw deleteConflict("This policy has more than one version. Before you delete a policy, you must "
                        + "delete the policy's versions. The default version is deleted with the policy.");
            }
            managedPolicies.remove(arn);
        }
    }

    /**
     * ListPolicies.
     *
     * @param scope {@code All} (default), {@code AWS} or {@code Local}
     * @param onlyAttached only policies attached to a user, group or role (or used as a boundary, when
     *     {@code usage} is {@code PermissionsBoundary})
     * @param pathPrefix only policies whose path starts with it
     * @param usage {@code PermissionsPolicy}, {@code PermissionsBoundary} or null
     */
    public List<Policy> listPolicies(String scope, boolean onlyAttached, String pathPrefix, String usage) {
        IamErrors.pathPrefix(pathPrefix);
        synchronized (lock) {
            List<ManagedPolicyRecord> sorted = new ArrayList<>(managedPolicies.values());
            sorted.sort(Comparator.comparing((ManagedPolicyRecord p) -> p.name.toLowerCase(Locale.ROOT))
                    .thenComparing(p -> p.arn));
            List<Policy> list = new ArrayList<>();
            for (ManagedPolicyRecord p : sorted) {
                if ("AWS".equals(scope) && !p.awsManaged || "Local".equals(scope) && p.awsManaged) {
                    continue;
                }
                if (pathPrefix != null && !p.path.startsWith(pathPrefix)) {
                    continue;
                }
                if (onlyAttached) {
                    boolean used = "PermissionsBoundary".equals(usage)
                            ? p.permissionsBoundaryUsageCount > 0
                            : "PermissionsPolicy".equals(usage)
                                    ? p.attachmentCount > 0
                                    : p.attachmentCount > 0 || p.permissionsBoundaryUsageCount > 0;
                    if (!used) {
                        continue;
                    }
                }
                list.add(policy(p, View.LIST));
            }
            return list;
        }
    }

    /** GetPolicyVersion: with the document URL-encoded, as IAM answers. */
    public PolicyVersion getPolicyVersion(String arn, String versionId) {
        synchronized (lock) {
            ManagedPolicyRecord p = existingPolicy(arn);
            PolicyVersionRecord v = existingVersion(p, versionId);
            return version(p, v, true);
        }
    }

    /** CreatePolicyVersion: at most five versions (LimitExceeded); the new one becomes default if asked. */
    public PolicyVersion createPolicyVersion(String arn, String json, boolean setAsDefault) {
        synchronized (lock) {
            ManagedPolicyRecord p = existingPolicy(arn);
            if (p.awsManaged) {
                throw AwsException.client("InvalidInput", "ARN " + arn + " is not valid.");
            }
            PolicyDocument doc = parseManaged(json);
            if (p.versions.size() >= MAX_POLICY_VERSIONS) {
                throw limitExceeded("A managed policy can have up to " + MAX_POLICY_VERSIONS + " versions. Before you "
                        + "create a new version, you must delete an existing version.");
            }
            String id = "v" + p.nextVersion++;
            PolicyVersionRecord v = new PolicyVersionRecord(id, json, doc, now());
            p.versions.put(id, v);
            if (setAsDefault) {
                p.defaultVersionId = id;
            }
            p.updateDate = v.createDate();
            return version(p, v, false);
        }
    }

    /** ListPolicyVersions: newest first, without documents. */
    public List<PolicyVersion> listPolicyVersions(String arn) {
        synchronized (lock) {
            ManagedPolicyRecord p = existingPolicy(arn);
            List<PolicyVersion> list = new ArrayList<>();
            List<PolicyVersionRecord> versions = p.versionList();
            for (int i = versions.size() - 1; i >= 0; i--) {
                list.add(version(p, versions.get(i), false));
            }
            return list;
        }
    }

    /** DeletePolicyVersion: not the default version (DeleteConflict). */
    public void deletePolicyVersion(String arn, String versionId) {
        synchronized (lock) {
            ManagedPolicyRecord p = existingPolicy(arn);
            PolicyVersionRecord v = existingVersion(p, versionId);
            if (v.versionId().equals(p.defaultVersionId)) {
                throw deleteConflict("Cannot delete the default version of a policy.");
            }
            p.versions.remove(v.versionId());
        }
    }

    /** SetDefaultPolicyVersion. */
    public void setDefaultPolicyVersion(String arn, String versionId) {
        synchronized (lock) {
            ManagedPolicyRecord p = existingPolicy(arn);
            PolicyVersionRecord v = existingVersion(p, versionId);
            p.defaultVersionId = v.versionId();
            p.updateDate = now();
        }
    }

    /** TagPolicy. */
    public void tagPolicy(String arn, Map<String, String> tags) {
        synchronized (lock) {
            ManagedPolicyRecord p = existingPolicy(arn);
            replaceTags(p.tags, withTags(p.tags, tags, "TagsPerPolicy"));
        }
    }

    /** UntagPolicy. */
    public void untagPolicy(String arn, List<String> keys) {
        synchronized (lock) {
            removeTagKeys(existingPolicy(arn).tags, keys);
        }
    }

    /** ListPolicyTags. */
    public List<Tag> listPolicyTags(String arn) {
        synchronized (lock) {
            return tagList(existingPolicy(arn).tags);
        }
    }

    /**
     * A managed policy as a session policy (AssumeRole's PolicyArns): NoSuchEntity when there is none with that ARN.
     */
    public NamedPolicy sessionPolicy(String arn) {
        synchronized (lock) {
            ManagedPolicyRecord p = managedPolicies.get(arn);
            if (p == null) {
                throw policyNotAttachable(arn);
            }
            return new NamedPolicy(p.name, PolicySourceType.NONE, p.defaultDocument());
        }
    }

    private ManagedPolicyRecord existingPolicy(String arn) {
        IamErrors.policyArn("policyArn", arn);
        ManagedPolicyRecord p = managedPolicies.get(arn);
        if (p == null) {
            throw policyNotFound(arn);
        }
        return p;
    }

    private static PolicyVersionRecord existingVersion(ManagedPolicyRecord p, String versionId) {
        if (!versionId.matches("v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?")) {
            throw constraint(
                    versionId, "versionId", "satisfy regular expression pattern: " + "v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
        }
        PolicyVersionRecord v = p.versions.get(versionId);
        if (v == null) {
            throw IamErrors.noSuchEntity(
                    "Policy " + p.arn + " version " + versionId + " does not exist or is not attachable.");
        }
        return v;
    }

    /** The managed policy an ARN names, or NoSuchEntity as AttachRolePolicy answers. Caller holds the lock. */
    ManagedPolicyRecord attachable(String arn) {
        ManagedPolicyRecord p = managedPolicies.get(arn);
        if (p == null) {
            throw policyNotAttachable(arn);
        }
        return p;
    }

    /**
     * The managed policy a permissions boundary ARN names: InvalidInput "ARN X is not valid." for something that is
     * not a policy ARN, NoSuchEntity "Scope ARN: X does not exist or is not attachable." for an unknown one (the
     * latter as quoted in openshift/rosa's output of CreateRole with a missing boundary). Caller holds the lock.
     */
    private ManagedPolicyRecord boundaryPolicy(String arn) {
        if (!arn.matches("arn:[^:]+:iam::(\\d{12}|aws):policy/.+")) {
            throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
        }
        ManagedPolicyRecord p = managedPolicies.get(arn);
        if (p == null) {
            throw IamErrors.noSuchEntity("Scope ARN: " + arn + " does not exist or is not attachable.");
        }
        return p;
    }

    // ====================================================================================== users

    /** The ARN a user has, or would have with the default path. */
    public String userArnFor(String name) {
        synchronized (lock) {
            UserRecord u = users.get(key(name));
            return u != null ? u.arn : "arn:aws:iam::" + accountId + ":user/" + name;
        }
    }

    /** GetUser. */
    public User getUser(String name) {
        synchronized (lock) {
            UserRecord u = users.get(key(name));
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
                b.tags(tagList(u.tags));
            }
            if (u.boundary != null) {
                b.permissionsBoundary(boundaryShape(u.boundary));
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
        synchronized (lock) {
            String[] parts = arn.split(":", 6);
            if (parts.length < 6 || !parts[0].equals("arn")) {
                throw IamErrors.validation("Invalid ARN:  Could not be parsed!");
            }
            String resource = parts[5];
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            if (resource.startsWith("role/")) {
                RoleRecord r = roleByArn(arn);
                if (r == null) {
                    throw noSuchRole(name);
                }
                return subject(r.arn, "role_" + r.name + "_", r.inline, r.attached, r.boundary);
            }
            if (resource.startsWith("user/")) {
                UserRecord u = null;
                for (UserRecord x : users.values()) {
                    if (x.arn.equals(arn)) {
                        u = x;
                    }
                }
                if (u == null) {
                    throw noSuchUser(name);
                }
                return subject(u.arn, "user_" + u.name + "_", u.inline, u.attached, u.boundary);
            }
            if (resource.startsWith("group/")) {
                throw IamErrors.noSuchEntity("The group with name " + name + " cannot be found.");
            }
            throw IamErrors.invalidInput("Invalid ARN: " + arn + ". The ARN must name an IAM user, group or role.");
        }
    }

    private SimulationSubject subject(
            String arn,
            String inlinePrefix,
            Map<String, PolicyDocument> inline,
            Set<String> attached,
            String boundaryArn) {
        List<NamedPolicy> identity = new ArrayList<>();
        inline.forEach((n, doc) -> identity.add(new NamedPolicy(inlinePrefix + n, PolicySourceType.NONE, doc)));
        for (String a : attached) {
            ManagedPolicyRecord p = managedPolicies.get(a);
            if (p != null) {
                identity.add(new NamedPolicy(p.name, p.sourceType(), p.defaultDocument()));
            }
        }
        NamedPolicy boundary = null;
        if (boundaryArn != null && managedPolicies.containsKey(boundaryArn)) {
            ManagedPolicyRecord p = managedPolicies.get(boundaryArn);
            boundary = new NamedPolicy(p.name, p.sourceType(), p.defaultDocument());
        }
        return new SimulationSubject(arn, identity, boundary);
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

    // ====================================================================================== shapes

    /** What an operation answers about an entity: each returns a different subset of its members. */
    private enum View {
        CREATE,
        GET,
        LIST,
        UPDATE_DESCRIPTION
    }

    private Role role(RoleRecord r, View view) {
        Role.Builder b = Role.builder()
                .path(r.path)
                .roleName(r.name)
                .roleId(r.id)
                .arn(r.arn)
                .createDate(r.createDate)
                .assumeRolePolicyDocument(encoded(r.trustPolicyJson));
        if (r.description != null && view != View.CREATE) {
            b.description(r.description);
        }
        if (view == View.GET || view == View.LIST) {
            b.maxSessionDuration(r.maxSessionDuration);
        }
        if (view == View.GET) {
            b.roleLastUsed(RoleLastUsed.builder().build());
        }
        if (view != View.LIST) {
            if (r.boundary != null) {
                b.permissionsBoundary(boundaryShape(r.boundary));
            }
            if (!r.tags.isEmpty()) {
                b.tags(tagList(r.tags));
            }
        }
        return b.build();
    }

    /**
     * A permissions boundary as IAM answers it. The type is {@code Policy}: what GetRole answers (awsdocs/iam-user-
     * guide#82, and LocalStack's provider), although the SDK model lists {@code PermissionsBoundaryPolicy}.
     */
    private static AttachedPermissionsBoundary boundaryShape(String arn) {
        return AttachedPermissionsBoundary.builder()
                .permissionsBoundaryType("Policy")
                .permissionsBoundaryArn(arn)
                .build();
    }

    private static Policy policy(ManagedPolicyRecord p, View view) {
        Policy.Builder b = Policy.builder()
                .policyName(p.name)
                .policyId(p.id)
                .arn(p.arn)
                .path(p.path)
                .defaultVersionId(p.defaultVersionId)
                .attachmentCount(p.attachmentCount)
                .permissionsBoundaryUsageCount(p.permissionsBoundaryUsageCount)
                .isAttachable(true)
                .createDate(p.createDate)
                .updateDate(p.updateDate);
        if (view == View.GET && p.description != null) {
            b.description(p.description);
        }
        if (view != View.LIST && !p.tags.isEmpty()) {
            b.tags(tagList(p.tags));
        }
        return b.build();
    }

    private static PolicyVersion version(ManagedPolicyRecord p, PolicyVersionRecord v, boolean withDocument) {
        PolicyVersion.Builder b = PolicyVersion.builder()
                .versionId(v.versionId())
                .isDefaultVersion(v.versionId().equals(p.defaultVersionId))
                .createDate(v.createDate());
        if (withDocument) {
            b.document(encoded(v.json()));
        }
        return b.build();
    }

    /** Tags as the SDK shape, in order. */
    static List<Tag> tagList(Map<String, String> tags) {
        List<Tag> list = new ArrayList<>();
        tags.forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
        return list;
    }

    /** A policy document as IAM returns it: URL-encoded per RFC 3986 ({@code %7B%22Version%22...}). */
    public static String encoded(String json) {
        return SdkHttpUtils.urlEncode(json);
    }

    // ====================================================================================== validation

    /** Parses a policy document, answering MalformedPolicyDocument with IAM's reason. */
    public static PolicyDocument parse(String json, PolicyKind kind) {
        try {
            return PolicyDocument.parse(json, kind);
        } catch (MalformedPolicyDocumentException e) {
            throw new AwsException("MalformedPolicyDocument", 400, e.getMessage(), e);
        }
    }

    /** A trust policy: valid as one, and at most 2,048 characters besides white space (LimitExceeded). */
    private static PolicyDocument parseTrust(String json) {
        PolicyDocument doc = parse(json, PolicyKind.TRUST);
        if (size(json) > 2048) {
            throw limitExceeded("Cannot exceed quota for ACLSizePerRole: 2048");
        }
        return doc;
    }

    /** A managed policy document: valid, and at most 6,144 characters besides white space (LimitExceeded). */
    private static PolicyDocument parseManaged(String json) {
        PolicyDocument doc = parse(json, PolicyKind.IDENTITY);
        if (size(json) > 6144) {
            throw limitExceeded("Cannot exceed quota for PolicySize: 6144");
        }
        return doc;
    }

    /** A role's inline policies together: at most 10,240 characters besides white space. */
    private static void checkInlineSize(String roleName, Collection<String> documents) {
        int total = 0;
        for (String json : documents) {
            total += size(json);
        }
        if (total > 10240) {
            throw limitExceeded("Maximum policy size of 10240 bytes exceeded for role " + roleName);
        }
    }

    /** IAM counts policy size without white space. */
    private static int size(String json) {
        int n = 0;
        for (int i = 0; i < json.length(); i++) {
            if (!Character.isWhitespace(json.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static void maxSessionDuration(int seconds) {
        if (seconds < 3600) {
            throw constraint(seconds, "maxSessionDuration", "have value greater than or equal to 3600");
        }
        if (seconds > 43200) {
            throw constraint(seconds, "maxSessionDuration", "have value less than or equal to 43200");
        }
    }

    private static void description(String description) {
        if (description != null && description.length() > 1000) {
            throw constraint(description, "description", "have length less than or equal to 1000");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static String random(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static String secret() {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String sessionToken() {
        byte[] bytes = new byte[180];
        RANDOM.nextBytes(bytes);
        return "IQoJb3JpZ2luX2VjE" + Base64.getEncoder().encodeToString(bytes);
    }

    // ====================================================================================== records

    /** An IAM user. Guarded by the backend's lock. */
    static final class UserRecord {
        final String name;
        final String path;
        final String arn;
        final String id;
        final Instant createDate;
        final Map<String, PolicyDocument> inline = new LinkedHashMap<>();
        final Map<String, String> inlineJson = new LinkedHashMap<>();
        final Set<String> attached = new LinkedHashSet<>();
        final Map<String, String> tags = new LinkedHashMap<>();
        String boundary;

        UserRecord(String name, String path, String arn, String id, Instant createDate) {
            this.name = name;
            this.path = path;
            this.arn = arn;
            this.id = id;
            this.createDate = createDate;
        }

        Principal principal(String accountId) {
            return new Principal(Principal.Type.USER, arn, accountId, id, name, null, null, tags, List.of());
        }
    }

    /** An IAM role. Guarded by the backend's lock. */
    static final class RoleRecord {
        final String name;
        final String path;
        final String arn;
        final String id;
        final Instant createDate;
        String trustPolicyJson;
        PolicyDocument trustPolicy;
        final Map<String, PolicyDocument> inline = new LinkedHashMap<>();
        final Map<String, String> inlineJson = new LinkedHashMap<>();
        final Set<String> attached = new LinkedHashSet<>();
        final Map<String, String> tags = new LinkedHashMap<>();
        String boundary;
        String description;
        int maxSessionDuration = 3600;

        RoleRecord(
                String name,
                String path,
                String arn,
                String id,
                Instant createDate,
                String trustPolicyJson,
                PolicyDocument trustPolicy) {
            this.name = name;
            this.path = path;
            this.arn = arn;
            this.id = id;
            this.createDate = createDate;
            this.trustPolicyJson = trustPolicyJson;
            this.trustPolicy = trustPolicy;
        }
    }

    /** A managed policy with its versions. Guarded by the backend's lock. */
    static final class ManagedPolicyRecord {
        final String name;
        final String path;
        final String arn;
        final String id;
        final boolean awsManaged;
        final Instant createDate;
        Instant updateDate;
        String description;
        String defaultVersionId = "v1";
        int nextVersion = 2;
        int attachmentCount;
        int permissionsBoundaryUsageCount;
        final Map<String, PolicyVersionRecord> versions = new LinkedHashMap<>();
        final Map<String, String> tags = new LinkedHashMap<>();

        ManagedPolicyRecord(
                String name,
                String path,
                String arn,
                String id,
                boolean awsManaged,
                Instant createDate,
                String json,
                PolicyDocument document) {
            this.name = name;
            this.path = path;
            this.arn = arn;
            this.id = id;
            this.awsManaged = awsManaged;
            this.createDate = createDate;
            this.updateDate = createDate;
            versions.put("v1", new PolicyVersionRecord("v1", json, document, createDate));
        }

        PolicyDocument defaultDocument() {
            return versions.get(defaultVersionId).document();
        }

        String defaultJson() {
            return versions.get(defaultVersionId).json;
        }

        List<PolicyVersionRecord> versionList() {
            return new ArrayList<>(versions.values());
        }

        PolicySourceType sourceType() {
            return awsManaged ? PolicySourceType.AWS_MANAGED : PolicySourceType.USER_MANAGED;
        }
    }

    /**
     * One version of a managed policy. The document is parsed when first needed: AWS managed policies are valid by
     * construction, and parsing loads Jackson's data binding, which an idle Drydock should not pay for at start.
     */
    static final class PolicyVersionRecord {
        private final String versionId;
        private final String json;
        private final Instant createDate;
        private volatile PolicyDocument document;

        /**
         * @param versionId {@code v1}, {@code v2} ...
         * @param json the document as given
         * @param document the parsed document, or {@code null} to parse {@code json} on first use
         * @param createDate when the version was created
         */
        PolicyVersionRecord(String versionId, String json, PolicyDocument document, Instant createDate) {
            this.versionId = versionId;
            this.json = json;
            this.document = document;
            this.createDate = createDate;
        }

        String versionId() {
            return versionId;
        }

        String json() {
            return json;
        }

        Instant createDate() {
            return createDate;
        }

        PolicyDocument document() {
            PolicyDocument d = document;
            if (d == null) {
                d = PolicyDocument.parse(json, PolicyKind.IDENTITY);
                document = d;
            }
            return d;
        }
    }
}
