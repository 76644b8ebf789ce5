package dev.drydock.core.iam.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A statement with its matchers compiled once at parse time. */
final class CompiledStatement {

    final Statement statement;
    private final Glob[] actionPatterns;
    private final boolean notAction;
    private final Template[] resourceTemplates;
    private final ArnPattern[] resourcePatterns;
    private final boolean notResource;
    private final boolean anyResource;
    private final PrincipalElement principal;
    private final boolean notPrincipal;
    final CompiledCondition[] conditions;
    /** Context keys this statement reads: condition keys and variable keys, original spelling. */
    final String[] referencedKeys;

    final String[] referencedLowerKeys;
    /** Variable keys used in Resource/NotResource, original spelling (reported when they leave a resource unmatched). */
    final String[] resourceVariableKeys;

    CompiledStatement(Statement s, List<CompiledCondition> conditions, boolean variables) {
        this.statement = s;
        this.notAction = !s.notActions().isEmpty();
        List<String> acts = notAction ? s.notActions() : s.actions();
        this.actionPatterns = new Glob[acts.size()];
        for (int i = 0; i < acts.size(); i++) {
            String a = acts.get(i);
            actionPatterns[i] = a.equals("*") ? Glob.MATCH_ALL : Glob.compile(a.toLowerCase(Locale.ROOT), false);
        }
        this.notResource = !s.notResources().isEmpty();
        List<String> res = notResource ? s.notResources() : s.resources();
        this.anyResource = res.isEmpty();
        this.resourceTemplates = new Template[res.size()];
        this.resourcePatterns = new ArnPattern[res.size()];
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < res.size(); i++) {
            Template t = Template.parse(res.get(i), variables, true);
            resourceTemplates[i] = t;
            if (!t.hasVariables()) {
                resourcePatterns[i] = ArnPattern.of(t.staticGlob());
            }
            keys.addAll(t.variableKeys());
        }
        this.resourceVariableKeys = keys.toArray(new String[0]);
        if (s.principal() != null) {
            this.principal = s.principal();
            this.notPrincipal = false;
        } else {
            this.principal = s.notPrincipal();
            this.notPrincipal = s.notPrincipal() != null;
        }
        this.conditions = conditions.toArray(new CompiledCondition[0]);
        for (CompiledCondition c : this.conditions) {
            keys.add(c.key());
            c.collectVariableKeys(keys);
        }
        this.referencedKeys = keys.toArray(new String[0]);
        this.referencedLowerKeys = new String[referencedKeys.length];
        for (int i = 0; i < referencedKeys.length; i++) {
            referencedLowerKeys[i] = referencedKeys[i].toLowerCase(Locale.ROOT);
        }
    }

    boolean matchesAction(String lowerAction) {
        boolean any = false;
        for (Glob g : actionPatterns) {
            if (g.matches(lowerAction)) {
                any = true;
                break;
            }
        }
        return notAction != any;
    }

    boolean matchesResource(String resource, EvaluationContext ctx) {
        if (anyResource) {
            return true;
        }
        boolean any = false;
        for (int i = 0; i < resourceTemplates.length; i++) {
            ArnPattern p = resourcePatterns[i];
            if (p == null) {
                Glob g = resourceTemplates[i].resolveGlob(ctx, false);
                if (g == null) {
                    continue; // a variable without a value: this entry matches no resource
                }
                p = ArnPattern.of(g);
            }
            if (p.matches(resource)) {
                any = true;
                break;
            }
        }
        return notResource != any;
    }

    boolean hasPrincipalElement() {
        return principal != null;
    }

    /**
     * @return how the request principal is covered by Principal/NotPrincipal; {@code DIRECT} when the statement has
     *     neither (identity-based policies)
     */
    PrincipalElement.Match matchPrincipal(EvaluationContext ctx) {
        if (principal == null) {
            return PrincipalElement.Match.DIRECT;
        }
        if (!notPrincipal) {
            return principal.match(ctx.identity);
        }
        // "Permissions boundaries for IAM entities": a Deny with NotPrincipal in a resource-based policy always
        // denies a principal that has a permissions boundary, whatever NotPrincipal lists.
        if (statement.effect() == Effect.DENY && ctx.hasPermissionsBoundary) {
            return PrincipalElement.Match.DIRECT;
        }
        return principal.exempts(ctx.identity) ? PrincipalElement.Match.NONE : PrincipalElement.Match.DIRECT;
    }

    boolean matchesConditions(EvaluationContext ctx) {
        for (CompiledCondition c : conditions) {
            if (!c.evaluate(ctx)) {
                return false;
            }
        }
        return true;
    }
}
