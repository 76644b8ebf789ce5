package dev.drydock.core.iam.policy;

/**
 * A statement that applied to a request (its action, resource, principal and conditions all matched), as IAM's
 * policy simulator lists it in {@code EvaluationResult.MatchedStatements}.
 *
 * @param policyId       {@link NamedPolicy#id()} of the policy holding the statement
 * @param sourceType     {@link NamedPolicy#sourceType()} of that policy ({@code SourcePolicyType})
 * @param policyType     which policy type of the evaluation the policy was given as
 * @param sid            the statement's Sid, or null
 * @param statementIndex 0-based index of the statement in its document
 * @param effect         the statement's effect
 * @param position       line/column span of the statement in the policy JSON
 */
public record MatchedStatement(
        String policyId,
        PolicySourceType sourceType,
        PolicyType policyType,
        String sid,
        int statementIndex,
        Effect effect,
        SourcePosition position) {}
