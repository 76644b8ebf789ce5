package dev.drydock.core.iam.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides an {@link AuthorizationRequest} against a {@link PolicySet} the way the IAM User Guide describes in
 * "Policy evaluation logic", "Determining whether a request is allowed or denied within an account",
 * "Cross-account policy evaluation logic", "Session policies" and "Permissions boundaries for IAM entities".
 *
 * <ol>
 *   <li>An applicable Deny in any identity-based policy, resource-based policy, permissions boundary or session
 *       policy is an explicit deny (reported in that order of policy types).</li>
 *   <li>The account root user is allowed within its own account.</li>
 *   <li>Same account: a resource-based policy Allow that names the caller's own ARN (IAM user, role session,
 *       federated-user session) or {@code "*"} allows regardless of identity policies, boundary and session
 *       policies. One that names the role of a session (or the IAM user behind a federated user) allows subject to
 *       the boundary and session policies. One that names only the account needs an identity-based Allow too.
 *       Otherwise an identity-based Allow is needed, then the permissions boundary must allow, then for session
 *       principals the session policies must allow (a role session with no session policy passes; a federated-user
 *       session without one does not).</li>
 *   <li>Cross account: the resource-based policy must allow the principal (by ARN, role, account or "*") and the
 *       principal's own account must allow it too (identity-based Allow, boundary, session policies).</li>
 *   <li>A service principal (e.g. {@code ecs-tasks.amazonaws.com}) is allowed only by a resource-based policy.</li>
 *   <li>A KMS key policy ({@link PolicyKind#KEY}) must allow the request itself, as a role's trust policy must: one
 *       that names neither the caller, its role nor its account leaves identity-based policies without effect ("AWS
 *       KMS key access and permissions", "Key policies in AWS KMS" in the AWS KMS Developer Guide). One that names
 *       the account needs an identity-based Allow too, as for any resource-based policy.</li>
 * </ol>
 *
 * <p>Not modelled: Organizations SCPs/RCPs, VPC endpoint policies, ACLs, KMS grants. Stateless and thread-safe.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {}

    /** Accumulates the outcome for one policy type. */
    private static final class Group {
        final PolicyType type;
        MatchedStatement firstAllow;
        MatchedStatement firstDeny;
        MatchedStatement bestAllow;
        PrincipalElement.Match bestMatch = PrincipalElement.Match.NONE;

        Group(PolicyType type) {
            this.type = type;
        }

        boolean anyAllow() {
            return firstAllow != null;
        }
    }

    /**
     * Evaluates one request.
     *
     * @param request  the request (not null)
     * @param policies the applicable policies (not null)
     * @return the decision with matched statements, deny source and missing context keys
     */
    public static Decision evaluate(AuthorizationRequest request, PolicySet policies) {
        PrincipalIdentity id =
                PrincipalIdentity.of(request.principal(), request.principalAccount(), policies.roleArn());
        String resourceAccount = resourceAccount(request, policies, id);
        EvaluationContext ctx =
                new EvaluationContext(request, id, resourceAccount, policies.permissionsBoundary() != null);
        List<MatchedStatement> matched = new ArrayList<>();
        Map<String, String> missing = new LinkedHashMap<>();

        Group identity = new Group(PolicyType.IDENTITY_BASED);
        for (NamedPolicy p : policies.identityPolicies()) {
            scan(p, identity, ctx, matched, missing);
        }
        Group boundary = new Group(PolicyType.PERMISSIONS_BOUNDARY);
        if (policies.permissionsBoundary() != null) {
            scan(policies.permissionsBoundary(), boundary, ctx, matched, missing);
        }
        Group session = new Group(PolicyType.SESSION);
        for (NamedPolicy p : policies.sessionPolicies()) {
            scan(p, session, ctx, matched, missing);
        }
        Group resource = new Group(PolicyType.RESOURCE_BASED);
        if (policies.resourcePolicy() != null) {
            scan(policies.resourcePolicy(), resource, ctx, matched, missing);
        }
        PolicyKind resourceKind = policies.resourcePolicy() == null
                ? null
                : policies.resourcePolicy().document().kind();
        boolean trust = resourceKind == PolicyKind.TRUST;
        // a trust policy or a KMS key policy must itself grant: identity-based policies alone allow nothing
        boolean gate = trust || resourceKind == PolicyKind.KEY;
        List<String> missingKeys = new ArrayList<>(missing.values());

        // 1. explicit deny anywhere
        for (Group g : new Group[] {identity, resource, boundary, session}) {
            if (g.firstDeny != null) {
                return new Decision(DecisionType.EXPLICIT_DENY, matched, g.firstDeny, g.type, trust, missingKeys);
            }
        }
        // service / anonymous principals: only a resource-based policy can grant
        if (id.kind == PrincipalIdentity.Kind.SERVICE || id.kind == PrincipalIdentity.Kind.ANONYMOUS) {
            if (resource.anyAllow()) {
                return allowed(matched, resource.bestAllow, missingKeys);
            }
            return denied(matched, PolicyType.RESOURCE_BASED, trust, missingKeys);
        }
        boolean sameAccount = id.account != null && id.account.equals(resourceAccount);
        // 2. root user of the account
        if (sameAccount && id.kind == PrincipalIdentity.Kind.ROOT) {
            MatchedStatement deciding = identity.firstAllow != null ? identity.firstAllow : resource.bestAllow;
            return allowed(matched, deciding, missingKeys);
        }
        boolean boundaryOk = policies.permissionsBoundary() == null || boundary.anyAllow();
        boolean sessionOk;
        if (id.kind.isSession()) {
            sessionOk = policies.sessionPolicies().isEmpty()
                    ? id.kind == PrincipalIdentity.Kind.ASSUMED_ROLE
                    : session.anyAllow();
        } else {
            sessionOk = true;
        }
        PrincipalElement.Match rbp = resource.bestMatch;
        if (sameAccount) {
            if (rbp == PrincipalElement.Match.DIRECT || rbp == PrincipalElement.Match.WILDCARD) {
                return allowed(matched, resource.bestAllow, missingKeys);
            }
            if (rbp == PrincipalElement.Match.PARENT) {
                if (!boundaryOk) {
                    return denied(matched, PolicyType.PERMISSIONS_BOUNDARY, trust, missingKeys);
                }
                if (!sessionOk) {
                    return denied(matched, PolicyType.SESSION, trust, missingKeys);
                }
                return allowed(matched, resource.bestAllow, missingKeys);
            }
            if (gate && rbp == PrincipalElement.Match.NONE) {
                // assuming a role: its trust policy must name the caller (or its account), even in the same account;
                // using a KMS key: its key policy must allow the caller, its role or its account
                return denied(matched, PolicyType.RESOURCE_BASED, trust, missingKeys);
            }
            if (!identity.anyAllow()) {
                return denied(matched, PolicyType.IDENTITY_BASED, trust, missingKeys);
            }
        } else {
            if (rbp == PrincipalElement.Match.NONE) {
                return denied(matched, PolicyType.RESOURCE_BASED, trust, missingKeys);
            }
            if (!identity.anyAllow()) {
                return denied(matched, PolicyType.IDENTITY_BASED, trust, missingKeys);
            }
        }
        if (!boundaryOk) {
            return denied(matched, PolicyType.PERMISSIONS_BOUNDARY, trust, missingKeys);
        }
        if (!sessionOk) {
            return denied(matched, PolicyType.SESSION, trust, missingKeys);
        }
        return allowed(matched, identity.firstAllow != null ? identity.firstAllow : resource.bestAllow, missingKeys);
    }

    private static Decision allowed(List<MatchedStatement> matched, MatchedStatement deciding, List<String> missing) {
        return new Decision(DecisionType.ALLOWED, matched, deciding, null, false, missing);
    }

    private static Decision denied(List<MatchedStatement> matched, PolicyType by, boolean trust, List<String> missing) {
        return new Decision(DecisionType.IMPLICIT_DENY, matched, null, by, trust, missing);
    }

    private static String resourceAccount(AuthorizationRequest request, PolicySet policies, PrincipalIdentity id) {
        if (request.resourceAccount() != null) {
            return request.resourceAccount();
        }
        if (policies.resourceOwnerAccount() != null) {
            return policies.resourceOwnerAccount();
        }
        String r = request.resource();
        if (r.startsWith("arn:")) {
            String[] p = r.split(":", 6);
            if (p.length == 6 && !p[4].isEmpty() && p[4].indexOf('*') < 0) {
                return p[4];
            }
        }
        return id.account;
    }

    private static void scan(
            NamedPolicy policy,
            Group group,
            EvaluationContext ctx,
            List<MatchedStatement> matched,
            Map<String, String> missing) {
        String lowerAction = ctx.request.lowerAction();
        String resource = ctx.request.resource();
        boolean principalMatters = group.type == PolicyType.RESOURCE_BASED;
        for (CompiledStatement cs : policy.document().compiled()) {
            if (!cs.matchesAction(lowerAction)) {
                continue;
            }
            if (!cs.matchesResource(resource, ctx)) {
                for (String k : cs.resourceVariableKeys) {
                    String lk = k.toLowerCase(Locale.ROOT);
                    if (!missing.containsKey(lk) && !ctx.isPresent(lk)) {
                        missing.put(lk, k);
                    }
                }
                continue;
            }
            PrincipalElement.Match pm = principalMatters ? cs.matchPrincipal(ctx) : PrincipalElement.Match.DIRECT;
            if (pm == PrincipalElement.Match.NONE) {
                continue;
            }
            String[] lower = cs.referencedLowerKeys;
            for (int i = 0; i < lower.length; i++) {
                if (!missing.containsKey(lower[i]) && !ctx.isPresent(lower[i])) {
                    missing.put(lower[i], cs.referencedKeys[i]);
                }
            }
            if (!cs.matchesConditions(ctx)) {
                continue;
            }
            Statement s = cs.statement;
            MatchedStatement m = new MatchedStatement(
                    policy.id(), policy.sourceType(), group.type, s.sid(), s.index(), s.effect(), s.position());
            matched.add(m);
            if (s.effect() == Effect.DENY) {
                if (group.firstDeny == null) {
                    group.firstDeny = m;
                }
            } else {
                if (group.firstAllow == null) {
                    group.firstAllow = m;
                }
                if (pm.compareTo(group.bestMatch) > 0) {
                    group.bestMatch = pm;
                    group.bestAllow = m;
                }
            }
        }
    }
}
