package dev.drydock.core.iam.policy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The base condition operators of "IAM JSON policy elements: Condition operators". A negated operator is modelled
 * as "NOT (its positive counterpart)": {@code StringNotEquals} is true when the request value equals none of the
 * policy values (the documented logical NOR across values).
 */
enum ConditionOperator {
    STRING_EQUALS("StringEquals", Family.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING_IGNORE_CASE, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING_IGNORE_CASE, true),
    STRING_LIKE("StringLike", Family.STRING_LIKE, false),
    STRING_NOT_LIKE("StringNotLike", Family.STRING_LIKE, true),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, true),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, false),
    DATE_EQUALS("DateEquals", Family.DATE, false),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, true),
    DATE_LESS_THAN("DateLessThan", Family.DATE, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, false),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, false),
    BOOL("Bool", Family.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, false),
    IP_ADDRESS("IpAddress", Family.IP, false),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, true),
    ARN_EQUALS("ArnEquals", Family.ARN, false),
    ARN_LIKE("ArnLike", Family.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, true),
    NULL("Null", Family.NULL, false);

    enum Family {
        STRING,
        STRING_IGNORE_CASE,
        STRING_LIKE,
        NUMERIC,
        DATE,
        BOOL,
        BINARY,
        IP,
        ARN,
        NULL;

        /** Policy variables are substituted for string, ARN and Bool operators only ("Policy variables" page). */
        boolean supportsVariables() {
            return this == STRING || this == STRING_IGNORE_CASE || this == STRING_LIKE || this == ARN || this == BOOL;
        }
    }

    private static final Map<String, ConditionOperator> BY_NAME = new HashMap<>();

    static {
        for (ConditionOperator op : values()) {
            BY_NAME.put(op.policyName.toLowerCase(Locale.ROOT), op);
        }
    }

    final String policyName;
    final Family family;
    final boolean negated;

    ConditionOperator(String policyName, Family family, boolean negated) {
        this.policyName = policyName;
        this.family = family;
        this.negated = negated;
    }

    /** Case-insensitive lookup of a base operator name (without set prefix or IfExists); null if unknown. */
    static ConditionOperator byName(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }
}
