package dev.drydock.core.internal.iam.backend;

import static dev.drydock.core.internal.iam.IamErrors.noSuchRole;
import static dev.drydock.core.internal.iam.IamErrors.noSuchUser;

import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.iam.policy.PolicySet;
import dev.drydock.core.iam.policy.PolicySourceType;
import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.Principal;
import dev.drydock.core.spi.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which policies apply to a principal: a user's or role session's identity-based policies, permissions boundary and
 * session policies as IAM evaluates them, a role's trust policy, and a user or role as the policy simulator names its
 * policies.
 */
final class PrincipalPolicies {
    private final IamState state;

    PrincipalPolicies(IamState state) {
        this.state = state;
    }

    PolicySet policies(Principal principal) {
        synchronized (state.lock) {
            PolicySet.Builder b = PolicySet.builder();
            switch (principal.type()) {
                case USER: {
                    UserRecord u = state.users.get(IamState.key(principal.name()));
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
                    RoleRecord r = state.roleByArn(principal.roleArn());
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
            ManagedPolicyRecord p = state.managedPolicies.get(arn);
            if (p != null) {
                b.identityPolicy(new NamedPolicy(p.name, p.sourceType(), p.defaultDocument()));
            }
        }
    }

    private void boundary(PolicySet.Builder b, String arn) {
        ManagedPolicyRecord p = state.managedPolicies.get(arn);
        if (p != null) {
            b.permissionsBoundary(new NamedPolicy(p.name, p.sourceType(), p.defaultDocument()));
        }
    }

    Optional<NamedPolicy> trustPolicy(String roleArn) {
        synchronized (state.lock) {
            RoleRecord r = state.roleByArn(roleArn);
            return r == null
                    ? Optional.empty()
                    : Optional.of(new NamedPolicy(r.name, PolicySourceType.RESOURCE, r.trustPolicy));
        }
    }

    /**
     * The policies of a user or role as the IAM policy simulator names them: managed policies by name, inline
     * policies as {@code user_<user>_<policy>} / {@code role_<role>_<policy>} (as AWS's SimulatePrincipalPolicy
     * reports {@code SourcePolicyId}), and the permissions boundary.
     *
     * @param arn a user or role ARN
     * @throws AwsException NoSuchEntity when there is no such user or role
     */
    IamBackend.SimulationSubject simulationSubject(String arn) {
        synchronized (state.lock) {
            String[] parts = arn.split(":", 6);
            if (parts.length < 6 || !parts[0].equals("arn")) {
                throw IamErrors.validation("Invalid ARN:  Could not be parsed!");
            }
            String resource = parts[5];
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            if (resource.startsWith("role/")) {
                RoleRecord r = state.roleByArn(arn);
                if (r == null) {
                    throw noSuchRole(name);
                }
                return subject(r.arn, "role_" + r.name + "_", r.inline, r.attached, r.boundary);
            }
            if (resource.startsWith("user/")) {
                UserRecord u = null;
                for (UserRecord x : state.users.values()) {
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

    private IamBackend.SimulationSubject subject(
            String arn,
            String inlinePrefix,
            Map<String, PolicyDocument> inline,
            Set<String> attached,
            String boundaryArn) {
        List<NamedPolicy> identity = new ArrayList<>();
        inline.forEach((n, doc) -> identity.add(new NamedPolicy(inlinePrefix + n, PolicySourceType.NONE, doc)));
        for (String a : attached) {
            ManagedPolicyRecord p = state.managedPolicies.get(a);
            if (p != null) {
                identity.add(new NamedPolicy(p.name, p.sourceType(), p.defaultDocument()));
            }
        }
        NamedPolicy boundary = null;
        if (boundaryArn != null && state.managedPolicies.containsKey(boundaryArn)) {
            ManagedPolicyRecord p = state.managedPolicies.get(boundaryArn);
            boundary = new NamedPolicy(p.name, p.sourceType(), p.defaultDocument());
        }
        return new IamBackend.SimulationSubject(arn, identity, boundary);
    }
}
