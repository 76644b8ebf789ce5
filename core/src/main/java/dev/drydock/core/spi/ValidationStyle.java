package dev.drydock.core.spi;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How one service answers requests that break its model's constraints: the error (code, HTTP status, message form)
 * and the few ways services differ in what they count as a violation. A service chooses its style where its routing
 * table is built; the protocol's default is AWS's common request validation ({@link #awsValidation(String)}).
 *
 * <p>Immutable; the {@code with...} methods return a changed copy.
 */
public final class ValidationStyle {
    private final Function<List<Violation>, AwsException> error;
    private final boolean blankIsMissing;
    /** Operation (or {@code *}) to member path to the kinds its handler checks (empty: every kind). */
    private final Map<String, Map<String, Set<Violation.Kind>>> handlerChecked;
    /** Operation to the member paths that may be blank although required and {@link #blankIsMissing}. */
    private final Map<String, Set<String>> blankAllowed;

    private ValidationStyle(
            Function<List<Violation>, AwsException> error,
            boolean blankIsMissing,
            Map<String, Map<String, Set<Violation.Kind>>> handlerChecked,
            Map<String, Set<String>> blankAllowed) {
        this.error = error;
        this.blankIsMissing = blankIsMissing;
        this.handlerChecked = handlerChecked;
        this.blankAllowed = blankAllowed;
    }

    /**
     * AWS's common request validation, as most services answer it: HTTP 400 with {@code errorCode} and the message
     * {@code 1 validation error detected: Value 'x' at 'name' failed to satisfy constraint: Member must have length
     * less than or equal to 64}, or {@code N validation errors detected: } followed by each, joined by {@code "; "}.
     *
     * @param errorCode e.g. {@code ValidationException} (JSON services, EFS), {@code ValidationError} (query services)
     */
    public static ValidationStyle awsValidation(String errorCode) {
        Objects.requireNonNull(errorCode, "errorCode");
        return new ValidationStyle(v -> AwsException.client(errorCode, message(v)), false, Map.of(), Map.of());
    }

    /**
     * A service's own answer, for services that do not answer with AWS's common validation error (ECS answers
     * {@code ClientException} or {@code InvalidParameterException} in its own words).
     *
     * @param error builds the error from the violations (never empty), in the order AWS lists them
     */
    public static ValidationStyle custom(Function<List<Violation>, AwsException> error) {
        return new ValidationStyle(Objects.requireNonNull(error, "error"), false, Map.of(), Map.of());
    }

    /** AWS's message for a list of violations: {@code N validation error(s) detected: a; b}. */
    public static String message(List<Violation> violations) {
        StringBuilder b = new StringBuilder();
        b.append(violations.size())
                .append(violations.size() == 1 ? " validation error detected: " : " validation errors detected: ");
        for (int i = 0; i < violations.size(); i++) {
            if (i > 0) {
                b.append("; ");
            }
            b.append(violations.get(i).message());
        }
        return b.toString();
    }

    /**
     * The same style, counting a required member that is an empty string, list or map as missing (ECS answers
     * {@code Family can not be blank.} for {@code "family": ""}).
     */
    public ValidationStyle withBlankRequiredMembersMissing() {
        return new ValidationStyle(error, true, handlerChecked, blankAllowed);
    }

    /**
     * The same style, leaving constraints of one member to the operation's handler, which answers AWS's more specific
     * message (IAM's {@code The specified value for path is invalid...} rather than the pattern its model states).
     * Being required stays the model's check.
     *
     * @param operation the operation, or {@code *} for every operation
     * @param memberPath the member's path in model names, e.g. {@code Path} or {@code tags.key}
     * @param kinds the violations the handler answers; none given: every kind but {@link Violation.Kind#MISSING}
     */
    public ValidationStyle withHandlerCheck(String operation, String memberPath, Violation.Kind... kinds) {
        Map<String, Map<String, Set<Violation.Kind>>> copy = new HashMap<>();
        handlerChecked.forEach((op, members) -> copy.put(op, new HashMap<>(members)));
        Set<Violation.Kind> set =
                kinds.length == 0 ? EnumSet.noneOf(Violation.Kind.class) : EnumSet.copyOf(List.of(kinds));
        copy.computeIfAbsent(operation, k -> new HashMap<>()).put(memberPath, Set.copyOf(set));
        Map<String, Map<String, Set<Violation.Kind>>> frozen = new HashMap<>();
        copy.forEach((op, members) -> frozen.put(op, Map.copyOf(members)));
        return new ValidationStyle(error, blankIsMissing, Map.copyOf(frozen), blankAllowed);
    }

    /**
     * The same style, accepting an empty list (or string, or map) for one required member of one operation although
     * {@link #withBlankRequiredMembersMissing} counts blank members as missing: for members whose documentation asks
     * for an empty list, as ECS's PutClusterCapacityProviders does ("you must specify an empty array ([]) to bypass
     * defining a default strategy"). Leaving the member out stays a missing member.
     *
     * @param operation the operation, by AWS's name
     * @param memberPath the member's path in model names, e.g. {@code defaultCapacityProviderStrategy}
     */
    public ValidationStyle withBlankAllowed(String operation, String memberPath) {
        Map<String, Set<String>> copy = new HashMap<>();
        blankAllowed.forEach((op, members) -> copy.put(op, members));
        Set<String> members = new HashSet<>(copy.getOrDefault(operation, Set.of()));
        members.add(memberPath);
        copy.put(operation, Set.copyOf(members));
        return new ValidationStyle(error, blankIsMissing, handlerChecked, Map.copyOf(copy));
    }

    /** The member paths of {@code operation} that may be blank although required ({@link #withBlankAllowed}). */
    public Set<String> blankAllowed(String operation) {
        return blankAllowed.getOrDefault(operation, Set.of());
    }

    /** The error for {@code violations} (not empty). */
    public AwsException error(List<Violation> violations) {
        return error.apply(violations);
    }

    /** Whether a blank required member (an empty string, list or map) counts as missing. */
    public boolean blankIsMissing() {
        return blankIsMissing;
    }

    /** Whether the handler of {@code operation} answers {@code violation} itself (the model check leaves it out). */
    public boolean leftToHandler(String operation, Violation violation) {
        if (violation.kind() == Violation.Kind.MISSING) {
            return false;
        }
        for (String op : List.of(operation, "*")) {
            Set<Violation.Kind> kinds =
                    handlerChecked.getOrDefault(op, Map.of()).get(violation.memberPath());
            if (kinds != null && (kinds.isEmpty() || kinds.contains(violation.kind()))) {
                return true;
            }
        }
        return false;
    }
}
