package dev.drydock.core.internal.iam.backend;

import static dev.drydock.core.internal.iam.IamErrors.alreadyExists;
import static dev.drydock.core.internal.iam.IamErrors.deleteConflict;
import static dev.drydock.core.internal.iam.IamErrors.limitExceeded;
import static dev.drydock.core.internal.iam.IamErrors.policyNotAttachable;

import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.iam.policy.PolicySourceType;
import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.spi.AwsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Tag;

/** Customer managed policies (and the AWS managed ones, read-only): their versions and tags. */
final class ManagedPolicies {
    /** Versions of one managed policy. */
    static final int MAX_POLICY_VERSIONS = 5;

    private final IamState state;

    ManagedPolicies(IamState state) {
        this.state = state;
    }

    /** The ARN a customer managed policy of that name and path has. */
    String policyArnFor(String path, String name) {
        return "arn:aws:iam::" + state.accountId + ":policy" + (path == null ? "/" : path) + name;
    }

    /**
     * CreatePolicy: a customer managed policy {@code arn:aws:iam::<account>:policy<path><name>} with version v1.
     *
     * @return the policy as CreatePolicy answers it
     */
    Policy createPolicy(String name, String path, String json, String description, Map<String, String> tags) {
        synchronized (state.lock) {
            String p = path == null ? "/" : path;
            IamErrors.path(p);
            IamValidation.description(description);
            for (ManagedPolicyRecord existing : state.managedPolicies.values()) {
                if (!existing.awsManaged && existing.name.equalsIgnoreCase(name)) {
                    throw alreadyExists(
                            "A policy called " + name + " already exists. Duplicate names are not " + "allowed.");
                }
            }
            PolicyDocument doc = IamValidation.parseManaged(json);
            ManagedPolicyRecord record = new ManagedPolicyRecord(
                    name, p, policyArnFor(p, name), "ANPA" + IamState.random(17), false, state.now(), json, doc);
            record.description = description;
            record.tags.putAll(tags);
            state.managedPolicies.put(record.arn, record);
            return IamShapes.policy(record, IamShapes.View.CREATE);
        }
    }

    /** GetPolicy. */
    Policy getPolicy(String arn) {
        synchronized (state.lock) {
            return IamShapes.policy(state.existingPolicy(arn), IamShapes.View.GET);
        }
    }

    /**
     * DeletePolicy: DeleteConflict while attached or used as a boundary, or while it has versions besides the
     * default one, as IAM.
     */
    void deletePolicy(String arn) {
        synchronized (state.lock) {
            ManagedPolicyRecord p = state.existingPolicy(arn);
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
            state.managedPolicies.remove(arn);
        }
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
    List<Policy> listPolicies(PolicyScopeType scope, boolean onlyAttached, String pathPrefix, PolicyUsageType usage) {
        IamErrors.pathPrefix(pathPrefix);
        synchronized (state.lock) {
            List<ManagedPolicyRecord> sorted = new ArrayList<>(state.managedPolicies.values());
            sorted.sort(Comparator.comparing((ManagedPolicyRecord p) -> p.name.toLowerCase(Locale.ROOT))
                    .thenComparing(p -> p.arn));
            List<Policy> list = new ArrayList<>();
            for (ManagedPolicyRecord p : sorted) {
                if (scope == PolicyScopeType.AWS && !p.awsManaged || scope == PolicyScopeType.LOCAL && p.awsManaged) {
                    continue;
                }
                if (pathPrefix != null && !p.path.startsWith(pathPrefix)) {
                    continue;
                }
                if (onlyAttached) {
                    boolean used = usage == PolicyUsageType.PERMISSIONS_BOUNDARY
                            ? p.permissionsBoundaryUsageCount > 0
                            : usage == PolicyUsageType.PERMISSIONS_POLICY
                                    ? p.attachmentCount > 0
                                    : p.attachmentCount > 0 || p.permissionsBoundaryUsageCount > 0;
                    if (!used) {
                        continue;
                    }
                }
                list.add(IamShapes.policy(p, IamShapes.View.LIST));
            }
            return list;
        }
    }

    /** GetPolicyVersion: with the document URL-encoded, as IAM answers. */
    PolicyVersion getPolicyVersion(String arn, String versionId) {
        synchronized (state.lock) {
            ManagedPolicyRecord p = state.existingPolicy(arn);
            PolicyVersionRecord v = IamState.existingVersion(p, versionId);
            return IamShapes.version(p, v, true);
        }
    }

    /** CreatePolicyVersion: at most five versions (LimitExceeded); the new one becomes default if asked. */
    PolicyVersion createPolicyVersion(String arn, String json, boolean setAsDefault) {
        synchronized (state.lock) {
            ManagedPolicyRecord p = state.existingPolicy(arn);
            if (p.awsManaged) {
                throw AwsException.client("InvalidInput", "ARN " + arn + " is not valid.");
            }
            PolicyDocument doc = IamValidation.parseManaged(json);
            if (p.versions.size() >= MAX_POLICY_VERSIONS) {
                throw limitExceeded("A managed policy can have up to " + MAX_POLICY_VERSIONS + " versions. Before you "
                        + "create a new version, you must delete an existing version.");
            }
            String id = "v" + p.nextVersion++;
            PolicyVersionRecord v = new PolicyVersionRecord(id, json, doc, state.now());
            p.versions.put(id, v);
            if (setAsDefault) {
                p.defaultVersionId = id;
            }
            p.updateDate = v.createDate();
            return IamShapes.version(p, v, false);
        }
    }

    /** ListPolicyVersions: newest first, without documents. */
    List<PolicyVersion> listPolicyVersions(String arn) {
        synchronized (state.lock) {
            ManagedPolicyRecord p = state.existingPolicy(arn);
            List<PolicyVersion> list = new ArrayList<>();
            List<PolicyVersionRecord> versions = p.versionList();
            for (int i = versions.size() - 1; i >= 0; i--) {
                list.add(IamShapes.version(p, versions.get(i), false));
            }
            return list;
        }
    }

    /** DeletePolicyVersion: not the default version (DeleteConflict). */
    void deletePolicyVersion(String arn, String versionId) {
        synchronized (state.lock) {
            ManagedPolicyRecord p = state.existingPolicy(arn);
            PolicyVersionRecord v = IamState.existingVersion(p, versionId);
            if (v.versionId().equals(p.defaultVersionId)) {
                throw deleteConflict("Cannot delete the default version of a policy.");
            }
            p.versions.remove(v.versionId());
        }
    }

    /** SetDefaultPolicyVersion. */
    void setDefaultPolicyVersion(String arn, String versionId) {
        synchronized (state.lock) {
            ManagedPolicyRecord p = state.existingPolicy(arn);
            PolicyVersionRecord v = IamState.existingVersion(p, versionId);
            p.defaultVersionId = v.versionId();
            p.updateDate = state.now();
        }
    }

    /** TagPolicy. */
    void tagPolicy(String arn, Map<String, String> tags) {
        synchronized (state.lock) {
            ManagedPolicyRecord p = state.existingPolicy(arn);
            IamValidation.replaceTags(p.tags, IamValidation.withTags(p.tags, tags, "TagsPerPolicy"));
        }
    }

    /** UntagPolicy. */
    void untagPolicy(String arn, List<String> keys) {
        synchronized (state.lock) {
            IamValidation.removeTagKeys(state.existingPolicy(arn).tags, keys);
        }
    }

    /** ListPolicyTags. */
    List<Tag> listPolicyTags(String arn) {
        synchronized (state.lock) {
            return IamShapes.tagList(state.existingPolicy(arn).tags);
        }
    }

    /**
     * A managed policy as a session policy (AssumeRole's PolicyArns): NoSuchEntity when there is none with that ARN.
     */
    NamedPolicy sessionPolicy(String arn) {
        synchronized (state.lock) {
            ManagedPolicyRecord p = state.managedPolicies.get(arn);
            if (p == null) {
                throw policyNotAttachable(arn);
            }
            return new NamedPolicy(p.name, PolicySourceType.NONE, p.defaultDocument());
        }
    }
}
