package dev.drydock.core.internal.iam;

import dev.drydock.core.iam.policy.AuthorizationRequest;
import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicyEvaluator;
import dev.drydock.core.iam.policy.PolicySet;
import java.util.Optional;

/** Whether an AWS service may assume a role: its trust policy must allow the service principal sts:AssumeRole. */
public final class TrustPolicies {
    private TrustPolicies() {}

    /**
     * @param iam the account's IAM
     * @param roleArn the role
     * @param servicePrincipal e.g. {@code ecs-tasks.amazonaws.com}
     * @return whether the role exists and its trust policy allows {@code servicePrincipal} to assume it
     */
    public static boolean allowsService(IamAccess iam, String roleArn, String servicePrincipal) {
        Optional<NamedPolicy> trust = iam.trustPolicy(roleArn);
        if (trust.isEmpty()) {
            return false;
        }
        AuthorizationRequest request = AuthorizationRequest.builder()
                .principal(servicePrincipal)
                .action("sts:AssumeRole")
                .resource(roleArn)
                .resourceAccount(iam.accountId())
                .build();
        PolicySet policies =
                PolicySet.builder().resourcePolicy(trust.get(), iam.accountId()).build();
        return PolicyEvaluator.evaluate(request, policies).isAllowed();
    }
}
