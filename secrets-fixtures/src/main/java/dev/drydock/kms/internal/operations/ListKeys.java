package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.kms.internal.KmsErrors;
import dev.drydock.kms.internal.support.KeyAccess;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.ListKeysRequest;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;

/**
 * ListKeys, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html">the AWS KMS API
 * reference</a> describes it: every key of the account and region, customer and AWS managed, oldest first;
 * {@code kms:ListKeys} on {@code *}.
 */
public final class ListKeys implements Operation<ListKeysRequest, ListKeysResponse> {
    private final KeyAccess access;

    public ListKeys(KeyAccess access) {
        this.access = access;
    }

    @Override
    public ListKeysResponse call(ListKeysRequest r, CallContext c) {
        access.authorizeAccount(c, "kms:ListKeys", Map.of());
        Page<KeyListEntry> page = KmsErrors.PAGINATOR.page(
                access.backend().keys().stream()
                        .map(k -> KeyListEntry.builder()
                                .keyId(k.keyId())
                                .keyArn(k.arn())
                                .build())
                        .toList(),
                r.limit(),
                r.marker());
        return ListKeysResponse.builder()
                .keys(page.items())
                .nextMarker(page.nextToken())
                .truncated(page.nextToken() != null)
                .build();
    }
}
