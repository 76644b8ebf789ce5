package dev.drydock.junit;

import dev.drydock.core.iam.AuthorizationDecision;
import java.util.List;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on IAM authorization decisions, as recorded by Drydock's {@link dev.drydock.core.iam.DecisionLog}.
 * Failure messages list the decisions that were there.
 */
public final class DecisionLogAssert extends AbstractAssert<DecisionLogAssert, List<AuthorizationDecision>> {
    /** The scope of the assertions on the whole log. */
    static final String ALL = "all principals";

    private final String scope;

    DecisionLogAssert(List<AuthorizationDecision> decisions, String scope) {
        super(List.copyOf(decisions), DecisionLogAssert.class);
        this.scope = scope;
    }

    /**
     * Narrows to the decisions about one principal: its ARN, a role's name (every session of that role), e.g.
     * {@code orders-task}, or a user's name.
     */
    public DecisionLogAssert forPrincipal(String principal) {
        return narrowed(
                d -> d.principalArn().equals(principal)
                        || d.principalArn().contains(":assumed-role/" + principal + "/")
                        || d.principalArn().contains(":user/")
                                && d.principalArn().endsWith("/" + principal),
                "principal " + principal);
    }

    /** Narrows to the decisions about one resource ARN (or {@code *}, for actions without a resource). */
    public DecisionLogAssert onResource(String resourceArn) {
        return narrowed(d -> d.resource().equals(resourceArn), "resource " + resourceArn);
    }

    /** Asserts that at least one request for {@code action} (e.g. {@code ecs:ListClusters}) was allowed. */
    public DecisionLogAssert hasAllowed(String action) {
        isNotNull();
        if (actual.stream().noneMatch(d -> d.action().equalsIgnoreCase(action) && d.allowed())) {
            failWithMessage("Expected an allowed %s for %s, but the decisions were:%n%s", action, scope, list());
        }
        return this;
    }

    /** Asserts that at least one request for {@code action} was denied (explicitly or implicitly). */
    public DecisionLogAssert hasDenied(String action) {
        isNotNull();
        if (actual.stream().noneMatch(d -> d.action().equalsIgnoreCase(action) && !d.allowed())) {
            failWithMessage("Expected a denied %s for %s, but the decisions were:%n%s", action, scope, list());
        }
        return this;
    }

    /** Asserts that no request for {@code action} was allowed. */
    public DecisionLogAssert neverAllowed(String action) {
        isNotNull();
        List<AuthorizationDecision> allowed = actual.stream()
                .filter(d -> d.action().equalsIgnoreCase(action) && d.allowed())
                .toList();
        if (!allowed.isEmpty()) {
            failWithMessage(
                    "Expected %s never to be allowed for %s, but it was:%n%s", action, scope, describe(allowed));
        }
        return this;
    }

    /** Asserts that nothing was denied. */
    public DecisionLogAssert hasNoDenials() {
        isNotNull();
        List<AuthorizationDecision> denied =
                actual.stream().filter(d -> !d.allowed()).toList();
        if (!denied.isEmpty()) {
            failWithMessage("Expected no denied requests for %s, but these were denied:%n%s", scope, describe(denied));
        }
        return this;
    }

    /** The decisions, for AssertJ's list assertions. */
    public ListAssert<AuthorizationDecision> decisions() {
        return Assertions.assertThat(actual);
    }

    private DecisionLogAssert narrowed(Predicate<AuthorizationDecision> filter, String what) {
        isNotNull();
        return new DecisionLogAssert(
                actual.stream().filter(filter).toList(), scope.equals(ALL) ? what : scope + " and " + what);
    }

    private String list() {
        return actual.isEmpty() ? "  (none)" : describe(actual);
    }

    private static String describe(List<AuthorizationDecision> decisions) {
        StringBuilder b = new StringBuilder();
        for (AuthorizationDecision d : decisions) {
            b.append("  ").append(d.describe()).append('\n');
        }
        return b.toString();
    }
}
