package dev.drydock.kms.internal.operations;

import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.Operation;
import dev.drydock.kms.internal.KeyAccess;
import dev.drydock.kms.internal.KmsRequests;
import dev.drydock.kms.internal.backend.KmsKey;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesRequest;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesResponse;

/**
 * ListKeyPolicies, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyPolicies.html">the AWS
 * KMS API reference</a> describes it: always {@code default}. {@code kms:ListKeyPolicies} on the key.
 */
public final class ListKeyPolicies implements Operation<ListKeyPoliciesRequest, ListKeyPoliciesResponse> {
    private final KeyAccess access;

    public ListKeyPolicies(KeyAccess access) {
        this.access = access;
    }

    @Override
    public ListKeyPoliciesResponse call(ListKeyPoliciesRequest r, CallContext c) {
        KmsKey key = access.backend().key(r.keyId(), false);
        access.authorize(c, "kms:ListKeyPolicies", key, Map.of());
        KmsRequests.page(List.of(KmsRequests.DEFAULT_POLICY), r.limit(), r.marker(), "ListKeyPolicies");
        return ListKeyPoliciesResponse.builder()
                .policyNames(KmsRequests.DEFAULT_POLICY)
                .truncated(false)
                .build();
    }
}
