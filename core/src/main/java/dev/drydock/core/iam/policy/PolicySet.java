package dev.drydock.core.iam.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Every policy that applies to one request, grouped by the policy types of "Policy evaluation logic":
 * identity-based policies of the principal, an optional permissions boundary, optional session policies, and an
 * optional resource-based policy (or role trust policy) of the target resource with the account that owns it.
 *
 * <p>For an assumed-role session, {@link Builder#roleArn(String)} gives the ARN of the role the session belongs to
 * (including its path, e.g. {@code arn:aws:iam::123456789012:role/service/orders-task}); when absent it is derived
 * from the session ARN without a path. This ARN is what a resource-based policy names to grant "to the role"
 * (limited by the boundary and session policies) as opposed to naming the session ARN itself (not limited), and is
 * the value of {@code aws:PrincipalArn}. Immutable.
 */
public final class PolicySet {

    private final List<NamedPolicy> identityPolicies;
    private final NamedPolicy permissionsBoundary;
    private final List<NamedPolicy> sessionPolicies;
    private final NamedPolicy resourcePolicy;
    private final String resourceOwnerAccount;
    private final String roleArn;

    private PolicySet(Builder b) {
        this.identityPolicies = List.copyOf(b.identityPolicies);
        this.permissionsBoundary = b.permissionsBoundary;
        this.sessionPolicies = List.copyOf(b.sessionPolicies);
        this.resourcePolicy = b.resourcePolicy;
        this.resourceOwnerAccount = b.resourceOwnerAccount;
        this.roleArn = b.roleArn;
    }

    /** @return a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** @return identity-based policies (user/group/role inline and managed), in evaluation/report order. */
    public List<NamedPolicy> identityPolicies() {
        return identityPolicies;
    }

    /** @return the permissions boundary, or null. */
    public NamedPolicy permissionsBoundary() {
        return permissionsBoundary;
    }

    /** @return session policies (inline and managed), empty when none were passed. */
    public List<NamedPolicy> sessionPolicies() {
        return sessionPolicies;
    }

    /** @return the resource-based (or role trust) policy, or null. */
    public NamedPolicy resourcePolicy() {
        return resourcePolicy;
    }

    /** @return the account owning the resource of {@link #resourcePolicy()}, or null. */
    public String resourceOwnerAccount() {
        return resourceOwnerAccount;
    }

    /** @return the role ARN of an assumed-role session, or null. */
    public String roleArn() {
        return roleArn;
    }

    /** Builder for {@link PolicySet}. All parts are optional. */
    public static final class Builder {
        private final List<NamedPolicy> identityPolicies = new ArrayList<>();
        private NamedPolicy permissionsBoundary;
        private final List<NamedPolicy> sessionPolicies = new ArrayList<>();
        private NamedPolicy resourcePolicy;
        private String resourceOwnerAccount;
        private String roleArn;

        private Builder() {}

        /**
         * Adds an identity-based policy.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder identityPolicy(NamedPolicy policy) {
            identityPolicies.add(Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /**
         * Adds identity-based policies.
         *
         * @param policies the policies, in order
         * @return this builder
         */
        public Builder identityPolicies(Collection<NamedPolicy> policies) {
            policies.forEach(this::identityPolicy);
            return this;
        }

        /**
         * Sets the permissions boundary of the user or role.
         *
         * @param policy the boundary policy (null for none)
         * @return this builder
         */
        public Builder permissionsBoundary(NamedPolicy policy) {
            this.permissionsBoundary = policy;
            return this;
        }

        /**
         * Adds a session policy (inline or managed) passed when the session was created.
         *
         * @param policy the session policy
         * @return this builder
         */
        public Builder sessionPolicy(NamedPolicy policy) {
            sessionPolicies.add(Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /**
         * Sets the resource-based policy (or role trust policy) of the target resource.
         *
         * @param policy       the policy
         * @param ownerAccount 12-digit id of the account owning the resource (null: take it from the request)
         * @return this builder
         */
        public Builder resourcePolicy(NamedPolicy policy, String ownerAccount) {
            this.resourcePolicy = policy;
            this.resourceOwnerAccount = ownerAccount;
            return this;
        }

        /**
         * @param roleArn ARN of the role behind an assumed-role session principal
         *
         * @return this builder
         */
        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        /** @return the policy set */
        public PolicySet build() {
            return new PolicySet(this);
        }
    }
}
