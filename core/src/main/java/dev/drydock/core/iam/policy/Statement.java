package dev.drydock.core.iam.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed statement of a policy document ("IAM JSON policy elements: Statement"). Immutable.
 *
 * <p>Exactly one of {@link #actions()}/{@link #notActions()} is non-empty. {@link #resources()} and
 * {@link #notResources()} are both empty only in resource-based and trust policies that omit the element (the
 * statement then applies to the resource the policy is attached to). {@link #principal()} and
 * {@link #notPrincipal()} are null in identity-based policies, permissions boundaries and session policies.
 */
public final class Statement {

    private final int index;
    private final String sid;
    private final Effect effect;
    private final PrincipalElement principal;
    private final PrincipalElement notPrincipal;
    private final List<String> actions;
    private final List<String> notActions;
    private final List<String> resources;
    private final List<String> notResources;
    private final Map<String, Map<String, List<String>>> conditions;
    private final SourcePosition position;

    Statement(
            int index,
            String sid,
            Effect effect,
            PrincipalElement principal,
            PrincipalElement notPrincipal,
            List<String> actions,
            List<String> notActions,
            List<String> resources,
            List<String> notResources,
            Map<String, Map<String, List<String>>> conditions,
            SourcePosition position) {
        this.index = index;
        this.sid = sid;
        this.effect = effect;
        this.principal = principal;
        this.notPrincipal = notPrincipal;
        this.actions = List.copyOf(actions);
        this.notActions = List.copyOf(notActions);
        this.resources = List.copyOf(resources);
        this.notResources = List.copyOf(notResources);
        Map<String, Map<String, List<String>>> c = new LinkedHashMap<>();
        conditions.forEach((op, keys) -> {
            Map<String, List<String>> k = new LinkedHashMap<>();
            keys.forEach((key, values) -> k.put(key, List.copyOf(values)));
            c.put(op, Collections.unmodifiableMap(k));
        });
        this.conditions = Collections.unmodifiableMap(c);
        this.position = position;
    }

    /** @return 0-based position of the statement in the document's Statement list. */
    public int index() {
        return index;
    }

    /** @return the {@code Sid}, or null when the statement has none. */
    public String sid() {
        return sid;
    }

    /** @return {@link Effect#ALLOW} or {@link Effect#DENY}. */
    public Effect effect() {
        return effect;
    }

    /** @return the {@code Principal} element, or null. */
    public PrincipalElement principal() {
        return principal;
    }

    /** @return the {@code NotPrincipal} element, or null. */
    public PrincipalElement notPrincipal() {
        return notPrincipal;
    }

    /** @return {@code Action} values as written (a single string becomes a one-element list); empty if absent. */
    public List<String> actions() {
        return actions;
    }

    /** @return {@code NotAction} values as written; empty if absent. */
    public List<String> notActions() {
        return notActions;
    }

    /** @return {@code Resource} values as written; empty if absent. */
    public List<String> resources() {
        return resources;
    }

    /** @return {@code NotResource} values as written; empty if absent. */
    public List<String> notResources() {
        return notResources;
    }

    /**
     * @return condition operator (as written, e.g. {@code ForAnyValue:StringLike}) to context key to values, in
     *     document order; JSON numbers and booleans appear in their JSON text form; empty if no Condition
     */
    public Map<String, Map<String, List<String>>> conditions() {
        return conditions;
    }

    /** @return where the statement sits in the original JSON. */
    public SourcePosition position() {
        return position;
    }

    @Override
    public String toString() {
        return "Statement[" + index + (sid == null ? "" : " " + sid) + " " + effect + " " + position + "]";
    }
}
