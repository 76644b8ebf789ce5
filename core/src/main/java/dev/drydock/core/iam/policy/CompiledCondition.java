package dev.drydock.core.iam.policy;

import dev.drydock.core.spi.Cidr;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * One (operator, context key, policy values) triple of a {@code Condition} block, compiled once at parse time.
 *
 * <p>Semantics ("IAM JSON policy elements: Condition operators", "Conditions with multiple context keys or
 * values", "Single-valued vs. multivalued context keys"):
 * <ul>
 *   <li>several policy values for the key are ORed; a negated operator ({@code StringNotEquals},
 *       {@code NotIpAddress}, {@code ArnNotLike}, ...) is true when the request value matches none of them (NOR);</li>
 *   <li>key absent from the request context: false, except {@code ...IfExists} (true), negated operators (true),
 *       {@code ForAllValues:} (true) and {@code ForAnyValue:} (false); {@code Null} tests presence itself. A key
 *       present with an empty list is an empty data set and is treated like an absent key;</li>
 *   <li>{@code ForAnyValue:} – true when at least one request value satisfies the operator; {@code ForAllValues:}
 *       – true when every request value does; without a set operator several request values are tried as if
 *       {@code ForAnyValue} for positive operators, and the negation of that for negated ones;</li>
 *   <li>policy variables are substituted for String, ARN and Bool operators only; a variable without a value
 *       makes that policy value match nothing.</li>
 * </ul>
 */
final class CompiledCondition {

    enum SetOperator {
        NONE,
        FOR_ALL_VALUES,
        FOR_ANY_VALUE
    }

    private final String operatorName;
    private final String key;
    private final String lowerKey;
    private final ConditionOperator op;
    private final SetOperator setOperator;
    private final boolean ifExists;
    private final List<String> rawValues;

    private final Template[] templates;
    private final ArnPattern[] arnPatterns;
    private final BigDecimal[] numbers;
    private final Instant[] dates;
    private final byte[][] binaries;
    private final Cidr[] ranges;
    private final Boolean[] nulls;
    private final String invalidValue;

    private CompiledCondition(
            String operatorName,
            String key,
            ConditionOperator op,
            SetOperator setOperator,
            boolean ifExists,
            List<String> rawValues,
            boolean variables) {
        this.operatorName = operatorName;
        this.key = key;
        this.lowerKey = key.toLowerCase(Locale.ROOT);
        this.op = op;
        this.setOperator = setOperator;
        this.ifExists = ifExists;
        this.rawValues = List.copyOf(rawValues);
        int n = rawValues.size();
        Template[] t = null;
        ArnPattern[] a = null;
        BigDecimal[] num = null;
        Instant[] d = null;
        byte[][] bin = null;
        Cidr[] ip = null;
        Boolean[] nul = null;
        String invalid = null;
        boolean vars = variables && op.family.supportsVariables();
        switch (op.family) {
            case STRING:
            case STRING_IGNORE_CASE:
            case BOOL:
                t = new Template[n];
                for (int i = 0; i < n; i++) {
                    t[i] = Template.parse(rawValues.get(i), vars, false);
                }
                break;
            case STRING_LIKE:
                t = new Template[n];
                for (int i = 0; i < n; i++) {
                    t[i] = Template.parse(rawValues.get(i), vars, true);
                }
                break;
            case ARN:
                t = new Template[n];
                a = new ArnPattern[n];
                for (int i = 0; i < n; i++) {
                    t[i] = Template.parse(rawValues.get(i), vars, true);
                    if (!t[i].hasVariables()) {
                        a[i] = ArnPattern.of(t[i].staticGlob());
                    }
                }
                break;
            case NUMERIC:
                num = new BigDecimal[n];
                for (int i = 0; i < n; i++) {
                    num[i] = parseNumber(rawValues.get(i));
                }
                break;
            case DATE:
                d = new Instant[n];
                for (int i = 0; i < n; i++) {
                    d[i] = DateValues.parse(rawValues.get(i));
                    if (d[i] == null && invalid == null) {
                        invalid = rawValues.get(i);
                    }
                }
                break;
            case BINARY:
                bin = new byte[n][];
                for (int i = 0; i < n; i++) {
                    bin[i] = decodeBase64(rawValues.get(i));
                }
                break;
            case IP:
                ip = new Cidr[n];
                for (int i = 0; i < n; i++) {
                    ip[i] = Cidr.tryParse(rawValues.get(i));
                }
                break;
            case NULL:
                nul = new Boolean[n];
                for (int i = 0; i < n; i++) {
                    String v = rawValues.get(i).trim();
                    nul[i] = v.equalsIgnoreCase("true")
                            ? Boolean.TRUE
                            : v.equalsIgnoreCase("false") ? Boolean.FALSE : null;
                }
                break;
            default:
                throw new IllegalStateException(op.toString());
        }
        this.templates = t;
        this.arnPatterns = a;
        this.numbers = num;
        this.dates = d;
        this.binaries = bin;
        this.ranges = ip;
        this.nulls = nul;
        this.invalidValue = invalid;
    }

    /**
     * @param operatorName e.g. {@code ForAnyValue:StringLikeIfExists}
     * @return the compiled condition, or null when the operator name is not a valid IAM operator
     */
    static CompiledCondition compile(String operatorName, String key, List<String> values, boolean variables) {
        String rest = operatorName;
        SetOperator set = SetOperator.NONE;
        int colon = operatorName.indexOf(':');
        if (colon >= 0) {
            String prefix = operatorName.substring(0, colon);
            rest = operatorName.substring(colon + 1);
            if (prefix.equalsIgnoreCase("ForAllValues")) {
                set = SetOperator.FOR_ALL_VALUES;
            } else if (prefix.equalsIgnoreCase("ForAnyValue")) {
                set = SetOperator.FOR_ANY_VALUE;
            } else {
                return null;
            }
        }
        boolean ifExists = false;
        if (rest.length() > "IfExists".length() && rest.regionMatches(true, rest.length() - 8, "IfExists", 0, 8)) {
            ifExists = true;
            rest = rest.substring(0, rest.length() - 8);
        }
        ConditionOperator op = ConditionOperator.byName(rest);
        if (op == null) {
            return null;
        }
        if (op == ConditionOperator.NULL && (ifExists || set != SetOperator.NONE)) {
            return null;
        }
        return new CompiledCondition(operatorName, key, op, set, ifExists, values, variables);
    }

    private static BigDecimal parseNumber(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] decodeBase64(String s) {
        try {
            return Base64.getDecoder().decode(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    String operatorName() {
        return operatorName;
    }

    String key() {
        return key;
    }

    String lowerKey() {
        return lowerKey;
    }

    List<String> rawValues() {
        return rawValues;
    }

    /** @return the first policy value that IAM could not parse for this operator (dates), or null. */
    String invalidValue() {
        return invalidValue;
    }

    /** Adds the variable keys referenced by the policy values to {@code out} (for missing-context reporting). */
    void collectVariableKeys(Collection<String> out) {
        if (templates != null) {
            for (Template t : templates) {
                out.addAll(t.variableKeys());
            }
        }
    }

    boolean evaluate(EvaluationContext ctx) {
        List<String> requestValues = ctx.values(lowerKey);
        boolean absent = requestValues == null || requestValues.isEmpty();
        if (op == ConditionOperator.NULL) {
            for (Boolean want : nulls) {
                if (want != null && want == absent) {
                    return true;
                }
            }
            return false;
        }
        if (absent) {
            if (ifExists) {
                return true;
            }
            if (setOperator == SetOperator.FOR_ALL_VALUES) {
                return true;
            }
            if (setOperator == SetOperator.FOR_ANY_VALUE) {
                return false;
            }
            return op.negated;
        }
        switch (setOperator) {
            case FOR_ANY_VALUE:
                for (String r : requestValues) {
                    if (matchesAny(r, ctx) != op.negated) {
                        return true;
                    }
                }
                return false;
            case FOR_ALL_VALUES:
                for (String r : requestValues) {
                    if (matchesAny(r, ctx) == op.negated) {
                        return false;
                    }
                }
                return true;
            default:
                for (String r : requestValues) {
                    if (matchesAny(r, ctx)) {
                        return !op.negated;
                    }
                }
                return op.negated;
        }
    }

    /** Positive comparison: does request value {@code r} match at least one policy value? */
    private boolean matchesAny(String r, EvaluationContext ctx) {
        int n = rawValues.size();
        for (int i = 0; i < n; i++) {
            if (matchesOne(r, i, ctx)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesOne(String r, int i, EvaluationContext ctx) {
        switch (op.family) {
            case STRING: {
                String v = templates[i].resolveText(ctx);
                return v != null && v.equals(r);
            }
            case STRING_IGNORE_CASE: {
                String v = templates[i].resolveText(ctx);
                return v != null && v.equalsIgnoreCase(r);
            }
            case STRING_LIKE: {
                Glob g = templates[i].resolveGlob(ctx, false);
                return g != null && g.matches(r);
            }
            case BOOL: {
                String v = templates[i].resolveText(ctx);
                return v != null && isBool(v) && isBool(r) && v.trim().equalsIgnoreCase(r.trim());
            }
            case ARN: {
                ArnPattern p = arnPatterns[i];
                if (p == null) {
                    Glob g = templates[i].resolveGlob(ctx, false);
                    if (g == null) {
                        return false;
                    }
                    p = ArnPattern.of(g);
                }
                return p.matches(r);
            }
            case NUMERIC: {
                BigDecimal want = numbers[i];
                BigDecimal got = parseNumber(r);
                if (want == null || got == null) {
                    return false;
                }
                return compare(got.compareTo(want));
            }
            case DATE: {
                Instant want = dates[i];
                Instant got = DateValues.parse(r);
                if (want == null || got == null) {
                    return false;
                }
                return compare(got.compareTo(want));
            }
            case BINARY: {
                byte[] want = binaries[i];
                if (want == null) {
                    return false;
                }
                byte[] got = decodeBase64(r);
                if (got == null) {
                    got = r.getBytes(StandardCharsets.UTF_8);
                }
                return Arrays.equals(want, got);
            }
            case IP: {
                Cidr range = ranges[i];
                return range != null && range.contains(r);
            }
            default:
                return false;
        }
    }

    private static boolean isBool(String s) {
        String t = s.trim();
        return t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false");
    }

    /** Applies the ordering operators to {@code cmp = request.compareTo(policy)}. */
    private boolean compare(int cmp) {
        switch (op) {
            case NUMERIC_EQUALS:
            case NUMERIC_NOT_EQUALS:
            case DATE_EQUALS:
            case DATE_NOT_EQUALS:
                return cmp == 0;
            case NUMERIC_LESS_THAN:
            case DATE_LESS_THAN:
                return cmp < 0;
            case NUMERIC_LESS_THAN_EQUALS:
            case DATE_LESS_THAN_EQUALS:
                return cmp <= 0;
            case NUMERIC_GREATER_THAN:
            case DATE_GREATER_THAN:
                return cmp > 0;
            case NUMERIC_GREATER_THAN_EQUALS:
            case DATE_GREATER_THAN_EQUALS:
                return cmp >= 0;
            default:
                return false;
        }
    }

    @Override
    public String toString() {
        return operatorName + "{" + key + "=" + rawValues + "}";
    }
}
