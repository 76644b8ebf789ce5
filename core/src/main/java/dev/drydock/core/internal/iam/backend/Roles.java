package dev.drydock.core.internal.iam.backend;

import static dev.drydock.core.internal.iam.IamErrors.alreadyExists;
import static dev.drydock.core.internal.iam.IamErrors.deleteConflict;
import static dev.drydock.core.internal.iam.IamErrors.limitExceeded;
import static dev.drydock.core.internal.iam.IamErrors.noSuchRolePolicy;
import static dev.drydock.core.internal.iam.IamErrors.policyNotFound;

import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.iam.policy.PolicyKind;
import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.spi.AwsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Roles as the IAM API manages them: create, read, update, delete, inline policies, attached managed policies,
 * permissions boundaries and tags.
 */
final class Roles {
    /** Managed policies attached to one role (IAM's default quota). */
    static final int MAX_POLICIES_PER_ROLE = 10;

    private final IamState state;

    Roles(IamState state) {
        this.state = state;
    }

    /** The ARN a role has, or would have with the default path: what IAM authorizes calls on the role against. */
    String roleArnFor(String name) {
        synchronized (state.lock) {
            RoleRecord r = state.roles.get(IamState.key(name));
            return r != null ? r.arn : "arn:aws:iam::" + state.accountId + ":role/" + name;
        }
    }

    /** The permissions boundary of a role ({@code iam:PermissionsBoundary} of calls on it), if it has one. */
    Optional<String> roleBoundary(String name) {
        synchronized (state.lock) {
            RoleRecord r = state.roles.get(IamState.key(name));
            return r == null ? Optional.empty() : Optional.ofNullable(r.boundary);
        }
    }

    /** A role's MaxSessionDuration in seconds, if the role exists. */
    Optional<Integer> roleMaxSessionDuration(String roleArn) {
        synchronized (state.lock) {
            RoleRecord r = state.roleByArn(roleArn);
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
    Role createRole(
            String name,
            String path,
            String trustPolicy,
            String description,
            Integer maxSessionDuration,
            String boundaryArn,
            Map<String, String> tags) {
        synchronized (state.lock) {
            RoleRecord r = newRole(name, path, trustPolicy, description, maxSessionDuration, boundaryArn, tags);
            store(r);
            return IamShapes.role(r, IamShapes.View.CREATE);
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
        String p = path == null ? "/" : path;
        IamErrors.path(p);
        IamValidation.description(description);
        int maxSession = maxSessionDuration == null ? 3600 : maxSessionDuration;
        IamValidation.maxSessionDuration(maxSession);
        if (boundaryArn != null) {
            state.boundaryPolicy(boundaryArn);
        }
        if (state.roles.containsKey(IamState.key(name))) {
            throw alreadyExists("Role with name " + name + " already exists.");
        }
        PolicyDocument trust = IamValidation.parseTrust(trustPolicy);
        RoleRecord r = new RoleRecord(
                name,
                p,
                "arn:aws:iam::" + state.accountId + ":role" + p + name,
                "AROA" + IamState.random(17),
                state.now(),
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
            state.managedPolicies.get(r.boundary).permissionsBoundaryUsageCount++;
        }
        state.roles.put(IamState.key(r.name), r);
    }

    /** GetRole. */
    Role getRole(String name) {
        synchronized (state.lock) {
            return IamShapes.role(state.existingRole(name), IamShapes.View.GET);
        }
    }

    /** DeleteRole: DeleteConflict while managed policies are attached or inline policies remain, as IAM. */
    void deleteRole(String name) {
        synchronized (state.lock) {
            RoleRecord r = state.existingRole(name);
            if (!r.attached.isEmpty()) {
                throw deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (!r.inline.isEmpty()) {
                throw deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (r.boundary != null) {
                state.managedPolicies.get(r.boundary).permissionsBoundaryUsageCount--;
            }
            state.roles.remove(IamState.key(r.name));
        }
    }

    /** ListRoles: the roles whose path starts with {@code pathPrefix}, by name. */
    List<Role> listRoles(String pathPrefix) {
        IamErrors.pathPrefix(pathPrefix);
        synchronized (state.lock) {
            List<Role> list = new ArrayList<>();
            for (RoleRecord r : sortedRoles()) {
                if (pathPrefix == null || r.path.startsWith(pathPrefix)) {
                    list.add(IamShapes.role(r, IamShapes.View.LIST));
                }
            }
            return list;
        }
    }

    private List<RoleRecord> sortedRoles() {
        List<RoleRecord> sorted = new ArrayList<>(state.roles.values());
        sorted.sort(Comparator.comparing(r -> IamState.key(r.name)));
        return sorted;
    }

    /** UpdateRole: the description and/or MaxSessionDuration. */
    void updateRole(String name, String description, Integer maxSessionDuration) {
        synchronized (state.lock) {
            RoleRecord r = state.existingRole(name);
            IamValidation.description(description);
            if (maxSessionDuration != null) {
                IamValidation.maxSessionDuration(maxSessionDuration);
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
    Role updateRoleDescription(String name, String description) {
        synchronized (state.lock) {
            RoleRecord r = state.existingRole(name);
            IamValidation.description(description);
            r.description = description;
            return IamShapes.role(r, IamShapes.View.UPDATE_DESCRIPTION);
        }
    }

    /** UpdateAssumeRolePolicy: the new trust policy, validated as one. */
    void updateAssumeRolePolicy(String name, String trustPolicy) {
        synchronized (state.lock) {
            RoleRecord r = state.existingRole(name);
            PolicyDocument trust = IamValidation.parseTrust(trustPolicy);
            r.trustPolicyJson = trustPolicy;
            r.trustPolicy = trust;
        }
    }

    /** PutRolePolicy: adds or replaces an inline policy. */
    void putRolePolicy(String roleName, String policyName, String json) {
        synchronized (state.lock) {
            RoleRecord r = state.existingRole(roleName);
            PolicyDocument doc = IamValidation.parse(json, PolicyKind.IDENTITY);
            Map<String, String> after = new LinkedHashMap<>(r.inlineJson);
            after.put(policyName, json);
            IamValidation.checkInlineSize(r.name, after.values());
            r.inline.put(policyName, doc);
            r.inlineJson.put(policyName, json);
        }
    }

    /** GetRolePolicy: the inline policy's document as it was given (not yet URL-encoded). */
    String getRolePolicy(String roleName, String policyName) {
        synchronized (state.lock) {
            RoleRecord r = state.existingRole(roleName);
            String json = r.inlineJson.get(policyName);
            if (json == null) {
                throw noSuchRolePolicy(policyName);
            }
            return json;
        }
    }

    /** The name of the role as stored (its case), for answers. */
    String roleName(String name) {
        synchronized (state.lock) {
            return state.existingRole(name).name;
        }
    }

    /** DeleteRolePolicy. */
    void deleteRolePolicy(String roleName, String policyName) {
        synchronized (state.lock) {
            RoleRecord r = state.existingRole(roleName);
            if (!r.inline.containsKey(policyName)) {
                throw noSuchRolePolicy(policyName);
            }
            r.inline.remove(policyName);
            r.inlineJson.remove(policyName);
        }
    }

    /** ListRolePolicies: the inline policy names, sorted. */
    List<String> listRolePolicies(String roleName) {
        synchronized (state.lock) {
            List<String> names =
                    new ArrayList<>(state.existingRole(roleName).inline.keySet());
            names.sort(Comparator.naturalOrder());
            return names;
        }
    }

    /** AttachRolePolicy (attaching an attached policy again changes nothing). */
    void attachRolePolicy(String roleName, String policyArn) {
        synchronized (state.lock) {
            IamErrors.policyArn("policyArn", policyArn);
            RoleRecord r = state.existingRole(roleName);
            ManagedPolicyRecord p = state.attachable(policyArn);
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
    void detachRolePolicy(String roleName, String policyArn) {
        synchronized (state.lock) {
            IamErrors.policyArn("policyArn", policyArn);
            RoleRecord r = state.existingRole(roleName);
            if (!r.attached.contains(policyArn)) {
                throw policyNotFound(policyArn);
            }
            r.attached.remove(policyArn);
            ManagedPolicyRecord p = state.managedPolicies.get(policyArn);
            if (p != null) {
                p.attachmentCount--;
            }
        }
    }

    /** ListAttachedRolePolicies, in attachment order, those under {@code pathPrefix}. */
    List<AttachedPolicy> listAttachedRolePolicies(String roleName, String pathPrefix) {
        IamErrors.pathPrefix(pathPrefix);
        synchronized (state.lock) {
            List<AttachedPolicy> list = new ArrayList<>();
            for (String arn : state.existingRole(roleName).attached) {
                ManagedPolicyRecord p = state.managedPolicies.get(arn);
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
    void putRolePermissionsBoundary(String roleName, String boundaryArn) {
        synchronized (state.lock) {
            RoleRecord r = state.existingRole(roleName);
            ManagedPolicyRecord p = state.boundaryPolicy(boundaryArn);
            if (r.boundary != null) {
                state.managedPolicies.get(r.boundary).permissionsBoundaryUsageCount--;
            }
            r.boundary = p.arn;
            p.permissionsBoundaryUsageCount++;
        }
    }

    /** DeleteRolePermissionsBoundary (a role without one is left as it is). */
    void deleteRolePermissionsBoundary(String roleName) {
        synchronized (state.lock) {
            RoleRecord r = state.existingRole(roleName);
            if (r.boundary != null) {
                state.managedPolicies.get(r.boundary).permissionsBoundaryUsageCount--;
                r.boundary = null;
            }
        }
    }

    /** TagRole: adds tags, replacing the values of keys it has (keys compare ignoring case). */
    void tagRole(String roleName, Map<String, String> tags) {
        synchronized (state.lock) {
            RoleRecord r = state.existingRole(roleName);
            IamValidation.replaceTags(r.tags, IamValidation.withTags(r.tags, tags, "TagsPerRole"));
        }
    }

    /** UntagRole: removes the tags with these keys (ignoring case); keys it does not have are ignored. */
    void untagRole(String roleName, List<String> keys) {
        synchronized (state.lock) {
            IamValidation.removeTagKeys(state.existingRole(roleName).tags, keys);
        }
    }

    /** ListRoleTags. */
    List<Tag> listRoleTags(String roleName) {
        synchronized (state.lock) {
            return IamShapes.tagList(state.existingRole(roleName).tags);
        }
    }
}
