package dev.drydock.core.iam.policy;

import java.util.List;
import java.util.Optional;

/**
 * The result of {@link PolicyEvaluator#evaluate(AuthorizationRequest, PolicySet)}. Immutable.
 *
 * <ul>
 *   <li>{@link #type()} – allowed / explicitDeny / implicitDeny, as the IAM policy simulator says;</li>
 *   <li>{@link #matchedStatements()} – every statement that applied, of every policy type, allow and deny;</li>
 *   <li>{@link #decidingStatement()} – the statement that decided: the first applicable Deny for an explicit deny,
 *       the Allow that granted access for an allow, empty for an implicit deny;</li>
 *   <li>{@link #deniedBy()} – for a deny, the policy type AWS would name in the AccessDenied message;</li>
 *   <li>{@link #missingContextValues()} – context keys read by conditions or policy variables of statements whose
 *       action, resource and principal matched, but absent from the request (simulator's
 *       {@code MissingContextValues}).</li>
 * </ul>
 */
public final class Decision {

    private final DecisionType type;
    private final List<MatchedStatement> matchedStatements;
    private final MatchedStatement decidingStatement;
    private final PolicyType deniedBy;
    private final boolean deniedByTrustPolicy;
    private final List<String> missingContextValues;

    Decision(
            DecisionType type,
            List<MatchedStatement> matchedStatements,
            MatchedStatement decidingStatement,
            PolicyType deniedBy,
            boolean deniedByTrustPolicy,
            List<String> missingContextValues) {
        this.type = type;
        this.matchedStatements = List.copyOf(matchedStatements);
        this.decidingStatement = decidingStatement;
        this.deniedBy = deniedBy;
        this.deniedByTrustPolicy = deniedByTrustPolicy;
        this.missingContextValues = List.copyOf(missingContextValues);
    }

    /** @return the decision. */
    public DecisionType type() {
        return type;
    }

    /** @return true when {@link #type()} is {@link DecisionType#ALLOWED}. */
    public boolean isAllowed() {
        return type == DecisionType.ALLOWED;
    }

    /** @return all statements that applied, in the order identity, boundary, session, resource-based. */
    public List<MatchedStatement> matchedStatements() {
        return matchedStatements;
    }

    /** @return the statement that decided the outcome, when there is one. */
    public Optional<MatchedStatement> decidingStatement() {
        return Optional.ofNullable(decidingStatement);
    }

    /** @return the policy type that caused a deny; empty when allowed. */
    public Optional<PolicyType> deniedBy() {
        return Optional.ofNullable(deniedBy);
    }

    /** @return condition/variable keys that the evaluated statements read but the request did not supply. */
    public List<String> missingContextValues() {
        return missingContextValues;
    }

    /**
     * Renders the AccessDenied message AWS returns for this deny ("Troubleshooting access denied error messages"):
     * <pre>
     * User: PRINCIPAL is not authorized to perform: ACTION on resource: RESOURCE because no identity-based policy allows the ACTION action
     * User: PRINCIPAL is not authorized to perform: ACTION on resource: RESOURCE with an explicit deny in an identity-based policy
     * </pre>
     * with "permissions boundary", "session policy", "resource-based policy" (or "role trust policy" /
     * "the role trust policy" when the resource-based policy is a {@link PolicyKind#TRUST} document) in place of
     * "identity-based policy". The {@code on resource: RESOURCE} part is left out when {@code resource} is null,
     * empty or {@code "*"}, as AWS does for actions without a resource.
     *
     * @param principalArn the caller ARN to show
     * @param action       the action to show, e.g. {@code ecs:DeleteCluster}
     * @param resource     the resource ARN to show, or null/"*" for none
     * @return the message
     * @throws IllegalStateException when the decision is {@link DecisionType#ALLOWED}
     */
    public String accessDeniedMessage(String principalArn, String action, String resource) {
        return accessDeniedMessage(principalArn, action, resource, false);
    }

    /**
     * Like {@link #accessDeniedMessage(String, String, String)}, for services whose messages name {@code *} too
     * (ECS: "... is not authorized to perform: ecs:ListTasks on resource: * because ...").
     *
     * @param nameStar whether {@code on resource: *} appears when the resource is {@code *}
     */
    public String accessDeniedMessage(String principalArn, String action, String resource, boolean nameStar) {
        if (type == DecisionType.ALLOWED) {
            throw new IllegalStateException("The request was allowed; there is no AccessDenied message");
        }
        StringBuilder sb = new StringBuilder(160);
        sb.append("User: ")
                .append(principalArn)
                .append(" is not authorized to perform: ")
                .append(action);
        if (resource != null && !resource.isEmpty() && (nameStar || !resource.equals("*"))) {
            sb.append(" on resource: ").append(resource);
        }
        PolicyType by = deniedBy == null ? PolicyType.IDENTITY_BASED : deniedBy;
        boolean trust = by == PolicyType.RESOURCE_BASED && deniedByTrustPolicy;
        if (type == DecisionType.EXPLICIT_DENY) {
            sb.append(" with an explicit deny in ").append(trust ? "the role trust policy" : by.explicitDenyPhrase());
        } else {
            sb.append(" because no ")
                    .append(trust ? "role trust policy" : by.implicitDenyPhrase())
                    .append(" allows the ")
                    .append(action)
                    .append(" action");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Decision[" + type.simulatorValue() + (deniedBy == null ? "" : " by " + deniedBy)
                + ", deciding=" + decidingStatement + ", matched=" + matchedStatements.size()
                + ", missing=" + missingContextValues + "]";
    }
}
