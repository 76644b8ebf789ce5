package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.kms.internal.KmsErrors;
import dev.drydock.kms.internal.backend.KmsAlias;
import dev.drydock.kms.internal.support.KeyAccess;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.ListAliasesRequest;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;

/**
 * ListAliases, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html">the AWS KMS API
 * reference</a> describes it: every alias sorted by name, including the AWS managed aliases AWS predefines, which
 * have no {@code TargetKeyId} until their key is created; with {@code KeyId} (a key id or key ARN), that key's
 * aliases. {@code kms:ListAliases} on {@code *}.
 */
public final class ListAliases implements Operation<ListAliasesRequest, ListAliasesResponse> {
    private final KeyAccess access;

    public ListAliases(KeyAccess access) {
        this.access = access;
    }

    @Override
    public ListAliasesResponse call(ListAliasesRequest r, CallContext c) {
        access.authorizeAccount(c, "kms:ListAliases", Map.of());
        List<KmsAlias> aliases = access.backend().aliases();
        if (r.keyId() != null) {
            String keyId = access.backend().key(r.keyId(), false).keyId();
            aliases =
                    aliases.stream().filter(a -> keyId.equals(a.targetKeyId())).toList();
        }
        Page<AliasListEntry> page = KmsErrors.PAGINATOR.page(
                aliases.stream()
                        .map(a -> AliasListEntry.builder()
                                .aliasName(a.name())
                                .aliasArn(a.arn())
                                .targetKeyId(a.targetKeyId())
                                .creationDate(a.createdAt())
                                .lastUpdatedDate(a.lastUpdated())
                                .build())
                        .toList(),
                r.limit(),
                r.marker());
        return ListAliasesResponse.builder()
                .aliases(page.items())
                .nextMarker(page.nextToken())
                .truncated(page.nextToken() != null)
                .build();
    }
}
