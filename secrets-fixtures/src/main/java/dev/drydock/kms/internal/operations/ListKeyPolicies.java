package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.KmsErrors;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import dev.drydock.kms.internal.support.KmsRequests;
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
        KmsErrors.PAGINATOR.page(List.of(KmsRequests.DEFAULT_POLICY), r.limit(), r.marker());
        return ListKeyPoliciesResponse.builder()
                .policyNames(KmsRequests.DEFAULT_POLICY)
                .truncated(false)
                .build();
    }
}
