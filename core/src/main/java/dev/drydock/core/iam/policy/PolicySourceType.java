package dev.drydock.core.iam.policy;

import java.util.Locale;

/**
 * Where a policy came from, with the exact strings IAM's policy simulator uses in
 * {@code MatchedStatement.SourcePolicyType} (IAM API Reference, data type "PolicySourceType").
 */
public enum PolicySourceType {
    /** Inline policy of an IAM user: {@code "user"}. */
    USER("user"),
    /** Inline policy of an IAM group: {@code "group"}. */
    GROUP("group"),
    /** Inline policy of an IAM role: {@code "role"}. */
    ROLE("role"),
    /** AWS managed policy: {@code "aws-managed"}. */
    AWS_MANAGED("aws-managed"),
    /** Customer managed policy: {@code "user-managed"}. */
    USER_MANAGED("user-managed"),
    /** Resource-based policy: {@code "resource"}. */
    RESOURCE("resource"),
    /** Anything else, for example a session policy or a policy given to SimulateCustomPolicy: {@code "none"}. */
    NONE("none");

    private final String value;

    PolicySourceType(String value) {
        this.value = value;
    }

    /** @return the simulator's string, e.g. {@code "aws-managed"}. */
    public String value() {
        return value;
    }

    /**
     * Looks up a source type by the simulator's string (case-insensitive), e.g. {@code "role"}.
     *
     * @param value one of user, group, role, aws-managed, user-managed, resource, none
     * @return the matching constant
     * @throws IllegalArgumentException if the string is not one of those
     */
    public static PolicySourceType fromValue(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (PolicySourceType t : values()) {
            if (t.value.equals(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown policy source type: " + value);
    }
}
