package dev.drydock.core.iam.policy;

/**
 * The outcome of an evaluation, with the strings IAM's policy simulator returns in
 * {@code EvaluationResult.EvalDecision} ("allowed", "explicitDeny", "implicitDeny").
 */
public enum DecisionType {
    /** The request is allowed: {@code "allowed"}. */
    ALLOWED("allowed"),
    /** A Deny statement applied: {@code "explicitDeny"}. */
    EXPLICIT_DENY("explicitDeny"),
    /** Nothing allowed the request (default deny): {@code "implicitDeny"}. */
    IMPLICIT_DENY("implicitDeny");

    private final String simulatorValue;

    DecisionType(String simulatorValue) {
        this.simulatorValue = simulatorValue;
    }

    /** @return the simulator's string, e.g. {@code "explicitDeny"}. */
    public String simulatorValue() {
        return simulatorValue;
    }

    /**
     * @param value "allowed", "explicitDeny" or "implicitDeny" (case-insensitive)
     * @return the matching constant
     * @throws IllegalArgumentException for any other string
     */
    public static DecisionType fromSimulatorValue(String value) {
        for (DecisionType t : values()) {
            if (t.simulatorValue.equalsIgnoreCase(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown decision: " + value);
    }
}
