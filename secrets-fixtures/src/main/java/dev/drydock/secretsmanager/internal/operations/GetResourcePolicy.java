package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyResponse;

/**
 * GetResourcePolicy, as
 * <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetResourcePolicy.html">the Secrets
 * Manager API reference</a> describes it: the policy as it was put, or no {@code ResourcePolicy} member when there is
 * none. {@code secretsmanager:GetResourcePolicy} on the secret.
 */
public final class GetResourcePolicy implements Operation<GetResourcePolicyRequest, GetResourcePolicyResponse> {
    private final SecretAccess access;

    public GetResourcePolicy(SecretAccess access) {
        this.access = access;
    }

    @Override
    public GetResourcePolicyResponse call(GetResourcePolicyRequest r, CallContext c) {
        access.authorize(c, "secretsmanager:GetResourcePolicy", r.secretId(), Map.of());
        Secret s = access.backend().secret(r.secretId(), true);
        return GetResourcePolicyResponse.builder()
                .arn(s.arn())
                .name(s.name())
                .resourcePolicy(s.policyJson().orElse(null))
                .build();
    }
}
