package dev.drydock.core.iam.policy;

import java.util.List;
import java.util.Optional;

/**
 * An immutable, parsed and validated IAM JSON policy document ("IAM JSON policy elements reference"), with every
 * statement compiled once for fast evaluation by {@link PolicyEvaluator}.
 *
 * <p>Accepted shape: a JSON object with {@code Version} (optional; {@code "2012-10-17"} or {@code "2008-10-17"};
 * absent means 2008-10-17 semantics, i.e. no policy variables), {@code Id} (optional string) and {@code Statement}
 * (required; one object or a non-empty array of objects). Each statement: {@code Sid}, {@code Effect},
 * {@code Principal}/{@code NotPrincipal}, {@code Action}/{@code NotAction}, {@code Resource}/{@code NotResource},
 * {@code Condition}; single strings or arrays of strings where lists are allowed. Element names and the Effect
 * value are case-sensitive as in IAM. Duplicate keys are rejected.
 */
public final class PolicyDocument {

    /** The current policy language version, {@code "2012-10-17"}. */
    public static final String VERSION_2012_10_17 = "2012-10-17";
    /** The original policy language version, {@code "2008-10-17"}; also the meaning of an absent Version. */
    public static final String VERSION_2008_10_17 = "2008-10-17";

    private final String json;
    private final PolicyKind kind;
    private final String version;
    private final String id;
    private final List<Statement> statements;
    private final CompiledStatement[] compiled;

    PolicyDocument(String json, PolicyKind kind, String version, String id, List<CompiledStatement> compiled) {
        this.json = json;
        this.kind = kind;
        this.version = version;
        this.id = id;
        this.compiled = compiled.toArray(new CompiledStatement[0]);
        this.statements = compiled.stream().map(c -> c.statement).toList();
    }

    /**
     * Parses an identity-based policy; same as {@code parse(json, PolicyKind.IDENTITY)}.
     *
     * @param json the policy text
     * @return the parsed document
     * @throws MalformedPolicyDocumentException when IAM would reject the document
     */
    public static PolicyDocument parse(String json) {
        return parse(json, PolicyKind.IDENTITY);
    }

    /**
     * Parses and validates a policy document for the given kind, applying IAM's grammar plus the kind-specific
     * rules: Principal/NotPrincipal required for {@link PolicyKind#RESOURCE} and {@link PolicyKind#TRUST}, forbidden
     * otherwise; Resource/NotResource required for identity, boundary and session policies, forbidden in trust
     * policies; trust policies may only name {@code sts:} actions. See {@link MalformedPolicyDocumentException.Reason}
     * for every rejection and IAM's message for it.
     *
     * @param json the policy text (not null)
     * @param kind what the policy is used as (not null)
     * @return the parsed document; its statements keep their 1-based line/column positions in {@code json}
     * @throws MalformedPolicyDocumentException when IAM would reject the document
     */
    public static PolicyDocument parse(String json, PolicyKind kind) {
        return PolicyParser.parse(json, kind);
    }

    /** @return the {@code Version} element as written, or empty when absent. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** @return the language version in force: the Version element, or {@code "2008-10-17"} when absent. */
    public String effectiveVersion() {
        return version == null ? VERSION_2008_10_17 : version;
    }

    /** @return true when policy variables ({@code ${...}}) are interpreted, i.e. Version is 2012-10-17. */
    public boolean supportsPolicyVariables() {
        return VERSION_2012_10_17.equals(version);
    }

    /** @return the {@code Id} element, or empty. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** @return the statements in document order (a single Statement object yields a one-element list). */
    public List<Statement> statements() {
        return statements;
    }

    /** @return the kind this document was validated as. */
    public PolicyKind kind() {
        return kind;
    }

    /** @return the original JSON text, unchanged. */
    public String json() {
        return json;
    }

    CompiledStatement[] compiled() {
        return compiled;
    }

    @Override
    public String toString() {
        return "PolicyDocument[" + kind + ", version=" + effectiveVersion() + ", statements=" + statements.size() + "]";
    }
}
