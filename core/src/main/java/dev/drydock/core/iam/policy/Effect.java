package dev.drydock.core.iam.policy;

/**
 * The {@code Effect} element of a statement. IAM accepts exactly the strings {@code "Allow"} and {@code "Deny"}
 * (case-sensitive), per "IAM JSON policy elements: Effect".
 */
public enum Effect {
    /** {@code "Allow"}. */
    ALLOW("Allow"),
    /** {@code "Deny"}. */
    DENY("Deny");

    private final String jsonValue;

    Effect(String jsonValue) {
        this.jsonValue = jsonValue;
    }

    /** @return the exact policy-language spelling, {@code "Allow"} or {@code "Deny"}. */
    public String jsonValue() {
        return jsonValue;
    }
}
