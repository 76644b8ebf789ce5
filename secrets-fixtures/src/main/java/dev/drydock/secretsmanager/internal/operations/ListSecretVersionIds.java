package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.secretsmanager.internal.SecretsErrors;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;

/**
 * ListSecretVersionIds, as
 * <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_ListSecretVersionIds.html">the Secrets
 * Manager API reference</a> describes it: the versions with staging labels, and with {@code IncludeDeprecated} those
 * without. {@code secretsmanager:ListSecretVersionIds} on the secret.
 */
public final class ListSecretVersionIds
        implements Operation<ListSecretVersionIdsRequest, ListSecretVersionIdsResponse> {
    private final SecretAccess access;

    public ListSecretVersionIds(SecretAccess access) {
        this.access = access;
    }

    @Override
    public ListSecretVersionIdsResponse call(ListSecretVersionIdsRequest r, CallContext c) {
        access.authorize(c, "secretsmanager:ListSecretVersionIds", r.secretId(), Map.of());
        Secret s = access.backend().secret(r.secretId(), true);
        boolean deprecated = Boolean.TRUE.equals(r.includeDeprecated());
        List<SecretVersionsListEntry> all = s.versions().stream()
                .filter(v -> deprecated || !v.stages().isEmpty())
                .map(v -> SecretVersionsListEntry.builder()
                        .versionId(v.versionId())
                        .versionStages(List.copyOf(v.stages()))
                        .createdDate(v.createdDate())
                        .lastAccessedDate(v.lastAccessedDate())
                        .kmsKeyIds(v.key().arn())
                        .build())
                .toList();
        Page<SecretVersionsListEntry> page = SecretsErrors.PAGINATOR.page(all, r.maxResults(), r.nextToken());
        return ListSecretVersionIdsResponse.builder()
                .arn(s.arn())
                .name(s.name())
                .versions(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
