package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.support.ResourcePolicies;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyResponse;

/**
 * PutResourcePolicy, as
 * <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_PutResourcePolicy.html">the Secrets
 * Manager API reference</a> describes it: attaches a resource policy, which IAM then evaluates with every request on
 * the secret; with {@code BlockPublicPolicy}, one that allows every principal without a condition is refused
 * (PublicPolicyException). {@code secretsmanager:PutResourcePolicy} with {@code secretsmanager:BlockPublicPolicy}.
 */
public final class PutResourcePolicy implements Operation<PutResourcePolicyRequest, PutResourcePolicyResponse> {
    private final SecretAccess access;

    public PutResourcePolicy(SecretAccess access) {
        this.access = access;
    }

    @Override
    public PutResourcePolicyResponse call(PutResourcePolicyRequest r, CallContext c) {
        boolean block = Boolean.TRUE.equals(r.blockPublicPolicy());
        access.authorize(
                c,
                "secretsmanager:PutResourcePolicy",
                r.secretId(),
                Map.of("secretsmanager:BlockPublicPolicy", List.of(Boolean.toString(block))));
        Secret s = access.backend().secret(r.secretId(), false);
        NamedPolicy policy = ResourcePolicies.parse(s.arn(), r.resourcePolicy());
        if (block && ResourcePolicies.isPublic(policy)) {
            throw ResourcePolicies.publicPolicy();
        }
        access.backend().putPolicy(s, r.resourcePolicy(), policy);
        return PutResourcePolicyResponse.builder().arn(s.arn()).name(s.name()).build();
    }
}
