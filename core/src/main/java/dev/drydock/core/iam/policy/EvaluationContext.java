package dev.drydock.core.iam.policy;

import java.util.List;

/**
 * Request-context lookup for one evaluation: explicit context entries first (case-insensitive), then the global
 * keys that can be derived from the principal and resource account.
 */
final class EvaluationContext implements Template.Resolver {

    final AuthorizationRequest request;
    final PrincipalIdentity identity;
    final String resourceAccount;
    final boolean hasPermissionsBoundary;

    EvaluationContext(
            AuthorizationRequest request,
            PrincipalIdentity identity,
            String resourceAccount,
            boolean hasPermissionsBoundary) {
        this.request = request;
        this.identity = identity;
        this.resourceAccount = resourceAccount;
        this.hasPermissionsBoundary = hasPermissionsBoundary;
    }

    /** @return values of the lower-cased key, or null when the key is not in the request context. */
    List<String> values(String lowerKey) {
        List<String> v = request.lowerContext().get(lowerKey);
        if (v != null) {
            return v;
        }
        switch (lowerKey) {
            case "aws:principalarn":
                return identity.principalArnKey == null ? null : List.of(identity.principalArnKey);
            case "aws:principalaccount":
                return identity.account == null || identity.kind == PrincipalIdentity.Kind.SERVICE
                        ? null
                        : List.of(identity.account);
            case "aws:principaltype":
                return identity.kind.principalType == null ? null : List.of(identity.kind.principalType);
            case "aws:username":
                return identity.userName == null ? null : List.of(identity.userName);
            case "aws:resourceaccount":
                return resourceAccount == null ? null : List.of(resourceAccount);
            default:
                return null;
        }
    }

    boolean isPresent(String lowerKey) {
        List<String> v = values(lowerKey);
        return v != null;
    }

    @Override
    public String single(String lowerKey) {
        List<String> v = values(lowerKey);
        return v != null && v.size() == 1 ? v.get(0) : null;
    }
}
