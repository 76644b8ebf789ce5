package dev.drydock.core.iam.policy;

import java.util.Objects;

/**
 * A parsed policy plus where it came from, as IAM's simulator identifies the source of a matched statement
 * ({@code SourcePolicyId}, {@code SourcePolicyType}).
 *
 * @param id         policy name or ARN, reported back in {@link MatchedStatement#policyId()}
 * @param sourceType where the policy is attached (inline on a role, AWS managed, customer managed, ...)
 * @param document   the parsed document
 */
public record NamedPolicy(String id, PolicySourceType sourceType, PolicyDocument document) {

    /**
     * Validates that all components are non-null.
     *
     * @param id         policy name or ARN
     * @param sourceType where the policy is attached
     * @param document   the parsed document
     */
    public NamedPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(document, "document");
    }

    /**
     * @param id         policy name or ARN
     * @param sourceType simulator string: user, group, role, aws-managed, user-managed, resource, none
     * @param document   the parsed document
     * @return the named policy
     * @throws IllegalArgumentException for an unknown source type
     */
    public static NamedPolicy of(String id, String sourceType, PolicyDocument document) {
        return new NamedPolicy(id, PolicySourceType.fromValue(sourceType), document);
    }
}
