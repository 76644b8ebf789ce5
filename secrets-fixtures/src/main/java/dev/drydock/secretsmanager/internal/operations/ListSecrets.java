package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.secretsmanager.internal.SecretsErrors;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import dev.drydock.secretsmanager.internal.support.SecretFilters;
import dev.drydock.secretsmanager.internal.support.SecretShapes;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * ListSecrets, as <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_ListSecrets.html">the
 * Secrets Manager API reference</a> describes it: the secrets matching every filter ({@code name},
 * {@code description}, {@code tag-key}, {@code tag-value}, {@code all}: prefix matches, {@code !} negates), sorted by
 * created date in {@code SortOrder} (ascending by default); secrets scheduled for deletion only with
 * {@code IncludePlannedDeletion}. {@code secretsmanager:ListSecrets} on {@code *}.
 */
public final class ListSecrets implements Operation<ListSecretsRequest, ListSecretsResponse> {
    private final SecretAccess access;

    public ListSecrets(SecretAccess access) {
        this.access = access;
    }

    @Override
    public ListSecretsResponse call(ListSecretsRequest r, CallContext c) {
        access.authorizeAccount(c, "secretsmanager:ListSecrets");
        SecretFilters filters = SecretFilters.of(r.filters());
        boolean includeDeleted = Boolean.TRUE.equals(r.includePlannedDeletion());
        Comparator<Secret> order = Comparator.comparing(Secret::createdDate);
        if ("desc".equals(r.sortOrderAsString())) {
            order = order.reversed();
        }
        List<SecretListEntry> all = access.backend().secrets().stream()
                .filter(s -> includeDeleted || s.deletedDate() == null)
                .filter(filters::matches)
                .sorted(order)
                .map(SecretShapes::listEntry)
                .toList();
        Page<SecretListEntry> page = SecretsErrors.PAGINATOR.page(all, r.maxResults(), r.nextToken());
        return ListSecretsResponse.builder()
                .secretList(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
