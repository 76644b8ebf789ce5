package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteResourcePolicyResponse;

/**
 * DeleteResourcePolicy, as
 * <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteResourcePolicy.html">the Secrets
 * Manager API reference</a> describes it (a secret without a policy is left as it is).
 * {@code secretsmanager:DeleteResourcePolicy} on the secret.
 */
public final class DeleteResourcePolicy
        implements Operation<DeleteResourcePolicyRequest, DeleteResourcePolicyResponse> {
    private final SecretAccess access;

    public DeleteResourcePolicy(SecretAccess access) {
        this.access = access;
    }

    @Override
    public DeleteResourcePolicyResponse call(DeleteResourcePolicyRequest r, CallContext c) {
        access.authorize(c, "secretsmanager:DeleteResourcePolicy", r.secretId(), Map.of());
        Secret s = access.backend().secret(r.secretId(), false);
        access.backend().deletePolicy(s);
        return DeleteResourcePolicyResponse.builder()
                .arn(s.arn())
                .name(s.name())
                .build();
    }
}
