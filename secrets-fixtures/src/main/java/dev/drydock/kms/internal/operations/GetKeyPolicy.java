package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import dev.drydock.kms.internal.support.KmsRequests;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;

/**
 * GetKeyPolicy, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html">the AWS KMS API
 * reference</a> describes it: the key policy as it was given (or KMS's default); {@code PolicyName} is
 * {@code default}, the only one. {@code kms:GetKeyPolicy} on the key.
 */
public final class GetKeyPolicy implements Operation<GetKeyPolicyRequest, GetKeyPolicyResponse> {
    private final KeyAccess access;

    public GetKeyPolicy(KeyAccess access) {
        this.access = access;
    }

    @Override
    public GetKeyPolicyResponse call(GetKeyPolicyRequest r, CallContext c) {
        KmsKey key = access.backend().key(r.keyId(), false);
        access.authorize(c, "kms:GetKeyPolicy", key, Map.of());
        KmsRequests.checkPolicyName(r.policyName());
        return GetKeyPolicyResponse.builder()
                .policy(key.policyJson())
                .policyName(KmsRequests.DEFAULT_POLICY)
                .build();
    }
}
