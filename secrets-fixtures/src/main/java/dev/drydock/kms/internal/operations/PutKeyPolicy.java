package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.backend.KeyPolicies;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import dev.drydock.kms.internal.support.KmsRequests;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyResponse;

/**
 * PutKeyPolicy, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html">the AWS KMS API
 * reference</a> describes it: replaces the key policy after checking its grammar and, unless
 * {@code BypassPolicyLockoutSafetyCheck}, that it still lets the caller put a key policy.
 * {@code kms:PutKeyPolicy} on the key, with the current key policy. AWS managed keys' policies cannot be changed
 * (their key policy allows no one to).
 */
public final class PutKeyPolicy implements Operation<PutKeyPolicyRequest, PutKeyPolicyResponse> {
    private final KeyAccess access;

    public PutKeyPolicy(KeyAccess access) {
        this.access = access;
    }

    @Override
    public PutKeyPolicyResponse call(PutKeyPolicyRequest r, CallContext c) {
        KmsKey key = access.backend().key(r.keyId(), false);
        boolean bypass = Boolean.TRUE.equals(r.bypassPolicyLockoutSafetyCheck());
        access.authorize(
                c,
                "kms:PutKeyPolicy",
                key,
                Map.of("kms:BypassPolicyLockoutSafetyCheck", List.of(Boolean.toString(bypass))));
        KmsRequests.checkPolicyName(r.policyName());
        KeyPolicies.parse(key.arn(), r.policy());
        if (!bypass) {
            access.checkLockout(c, key.arn(), r.policy());
        }
        access.backend().putPolicy(key.keyId(), r.policy());
        return PutKeyPolicyResponse.builder().build();
    }
}
