package dev.drydock.core.iam.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One authorization question: may this principal perform this action on this resource, given this request
 * context? Mirrors the request context of "Policy evaluation logic" ("Processing the request context") and the
 * inputs of IAM's SimulatePrincipalPolicy (CallerArn, ActionNames, ResourceArns, ContextEntries).
 *
 * <ul>
 *   <li><b>principal</b> – an ARN: {@code arn:aws:iam::123456789012:user/x}, {@code arn:aws:iam::123456789012:root},
 *       {@code arn:aws:iam::123456789012:role/r}, an assumed-role session
 *       {@code arn:aws:sts::123456789012:assumed-role/orders-task/session}, a federated user
 *       {@code arn:aws:sts::123456789012:federated-user/x}; or a service principal such as
 *       {@code ecs-tasks.amazonaws.com} (then matched against {@code "Service"}, {@code "Federated"} and
 *       {@code "CanonicalUser"} principals by exact text).</li>
 *   <li><b>principalAccount</b> – 12-digit account id; defaults to the account field of the principal ARN.</li>
 *   <li><b>action</b> – {@code service:Action}, e.g. {@code ecs:RunTask}; matched case-insensitively.</li>
 *   <li><b>resource</b> – one ARN, or {@code "*"} (the default) for actions without resource-level permissions;
 *       matched case-sensitively.</li>
 *   <li><b>resourceAccount</b> – account owning the resource; defaults to the resource-based policy's owner
 *       account, else the account field of the resource ARN, else the principal's account.</li>
 *   <li><b>context</b> – condition keys to values; key lookup is case-insensitive as IAM's is ("Key names are
 *       case-insensitive", Policy variables page); a key with several values is a multivalued key for
 *       {@code ForAllValues:}/{@code ForAnyValue:}. An empty list counts as an empty (null) data set.</li>
 * </ul>
 *
 * <p>When not supplied, these global keys are derived from the principal (see "AWS global condition context
 * keys"): {@code aws:PrincipalArn} (the role ARN for an assumed-role session), {@code aws:PrincipalAccount},
 * {@code aws:PrincipalType} ({@code Account}, {@code User}, {@code AssumedRole}, {@code FederatedUser}),
 * {@code aws:username} (IAM users only) and {@code aws:ResourceAccount}. Nothing else (time, source IP, tags) is
 * invented: supply {@code aws:CurrentTime}, {@code aws:EpochTime}, {@code aws:SourceIp} etc. explicitly.
 * Instances are immutable.
 */
public final class AuthorizationRequest {

    private final String principal;
    private final String principalAccount;
    private final String action;
    private final String resource;
    private final String resourceAccount;
    private final Map<String, List<String>> context;
    private final Map<String, List<String>> lowerContext;
    private final String lowerAction;

    private AuthorizationRequest(Builder b) {
        this.principal = Objects.requireNonNull(b.principal, "principal");
        if (b.action == null || b.action.indexOf(':') <= 0) {
            throw new IllegalArgumentException("action must be service:Action, got " + b.action);
        }
        this.action = b.action;
        this.lowerAction = b.action.toLowerCase(Locale.ROOT);
        this.resource = b.resource == null ? "*" : b.resource;
        String acct = b.principalAccount;
        if (acct == null && principal.startsWith("arn:")) {
            String[] p = principal.split(":", 6);
            if (p.length == 6 && !p[4].isEmpty()) {
                acct = p[4];
            }
        }
        this.principalAccount = acct;
        this.resourceAccount = b.resourceAccount;
        Map<String, List<String>> ctx = new LinkedHashMap<>();
        Map<String, List<String>> lower = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : b.context.entrySet()) {
            List<String> v = List.copyOf(e.getValue());
            ctx.put(e.getKey(), v);
            lower.put(e.getKey().toLowerCase(Locale.ROOT), v);
        }
        this.context = Collections.unmodifiableMap(ctx);
        this.lowerContext = Collections.unmodifiableMap(lower);
    }

    /** @return a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the principal ARN (or service principal name) making the request. */
    public String principal() {
        return principal;
    }

    /** @return the principal's account id, or null when it cannot be known. */
    public String principalAccount() {
        return principalAccount;
    }

    /** @return the action as given, e.g. {@code ecs:RunTask}. */
    public String action() {
        return action;
    }

    /** @return the resource ARN, or {@code "*"}. */
    public String resource() {
        return resource;
    }

    /** @return the explicitly given resource account, or null. */
    public String resourceAccount() {
        return resourceAccount;
    }

    /** @return the context keys as given (original spelling), unmodifiable. */
    public Map<String, List<String>> context() {
        return context;
    }

    Map<String, List<String>> lowerContext() {
        return lowerContext;
    }

    String lowerAction() {
        return lowerAction;
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[" + principal + " -> " + action + " on " + resource + ", context=" + context + "]";
    }

    /** Builder for {@link AuthorizationRequest}; principal and action are required. */
    public static final class Builder {
        private String principal;
        private String principalAccount;
        private String action;
        private String resource;
        private String resourceAccount;
        private final Map<String, List<String>> context = new LinkedHashMap<>();

        private Builder() {}

        /**
         * @param principalArn the caller ARN or service principal, e.g. {@code arn:aws:iam::123456789012:user/x}
         *
         * @return this builder
         */
        public Builder principal(String principalArn) {
            this.principal = principalArn;
            return this;
        }

        /**
         * @param account 12-digit account id of the principal (defaults to the ARN's account field)
         *
         * @return this builder
         */
        public Builder principalAccount(String account) {
            this.principalAccount = account;
            return this;
        }

        /**
         * @param action {@code service:Action}, e.g. {@code ecs:RunTask}
         *
         * @return this builder
         */
        public Builder action(String action) {
            this.action = action;
            return this;
        }

        /**
         * @param resourceArn the resource ARN, or {@code "*"} (default)
         *
         * @return this builder
         */
        public Builder resource(String resourceArn) {
            this.resource = resourceArn;
            return this;
        }

        /**
         * @param account 12-digit account id owning the resource
         *
         * @return this builder
         */
        public Builder resourceAccount(String account) {
            this.resourceAccount = account;
            return this;
        }

        /**
         * Sets a context key (replacing earlier values for the same spelling).
         *
         * @param key    condition key, e.g. {@code aws:SourceIp}, {@code aws:PrincipalTag/team}, {@code ecs:cluster}
         * @param values zero or more values; several values make it a multivalued key
         * @return this builder
         */
        public Builder context(String key, String... values) {
            context.put(Objects.requireNonNull(key, "key"), new ArrayList<>(Arrays.asList(values)));
            return this;
        }

        /**
         * Sets a context key to a list of values (replacing earlier values for the same spelling).
         *
         * @param key    condition key
         * @param values its values; an empty list is an empty data set
         * @return this builder
         * @see #context(String, String...)
         */
        public Builder context(String key, List<String> values) {
            context.put(Objects.requireNonNull(key, "key"), new ArrayList<>(values));
            return this;
        }

        /**
         * Adds all entries of the map, see {@link #context(String, String...)}.
         *
         * @param entries condition keys to values
         * @return this builder
         */
        public Builder context(Map<String, List<String>> entries) {
            entries.forEach(this::context);
            return this;
        }

        /**
         * @return the request
         * @throws NullPointerException     if principal is missing
         * @throws IllegalArgumentException if action is missing or not {@code service:Action}
         */
        public AuthorizationRequest build() {
            return new AuthorizationRequest(this);
        }
    }
}
