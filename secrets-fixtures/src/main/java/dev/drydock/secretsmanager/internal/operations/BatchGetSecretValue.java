package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.secretsmanager.internal.SecretsErrors;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import dev.drydock.secretsmanager.internal.support.SecretFilters;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

/**
 * BatchGetSecretValue, as
 * <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_BatchGetSecretValue.html">the Secrets
 * Manager API reference</a> describes it: the {@code AWSCURRENT} values of up to 20 secrets named by
 * {@code SecretIdList} or found by {@code Filters} (not both); a secret that cannot be read is reported in
 * {@code Errors} rather than failing the call. {@code secretsmanager:BatchGetSecretValue} on {@code *}, then
 * GetSecretValue's authorization for each secret.
 */
public final class BatchGetSecretValue implements Operation<BatchGetSecretValueRequest, BatchGetSecretValueResponse> {
    private final SecretAccess access;
    private final GetSecretValue get;

    public BatchGetSecretValue(SecretAccess access) {
        this.access = access;
        this.get = new GetSecretValue(access);
    }

    @Override
    public BatchGetSecretValueResponse call(BatchGetSecretValueRequest r, CallContext c) {
        boolean byId = r.hasSecretIdList() && !r.secretIdList().isEmpty();
        boolean byFilter = r.hasFilters() && !r.filters().isEmpty();
        if (byId == byFilter) {
            throw SecretsErrors.invalidParameter("Either SecretIdList or Filters must be provided, but not both.");
        }
        if (byId && r.maxResults() != null) {
            throw SecretsErrors.invalidParameter("MaxResults can be used only with Filters.");
        }
        access.authorizeAccount(c, "secretsmanager:BatchGetSecretValue");
        List<String> ids;
        String next = null;
        if (byId) {
            ids = r.secretIdList();
        } else {
            SecretFilters filters = SecretFilters.of(r.filters());
            List<String> all = access.backend().secrets().stream()
                    .filter(s -> s.deletedDate() == null)
                    .filter(filters::matches)
                    .map(Secret::arn)
                    .toList();
            Page<String> page =
                    SecretsErrors.PAGINATOR.page(all, r.maxResults() == null ? 20 : r.maxResults(), r.nextToken());
            ids = page.items();
            next = page.nextToken();
        }
        List<SecretValueEntry> values = new ArrayList<>();
        List<APIErrorType> errors = new ArrayList<>();
        for (String id : ids) {
            try {
                var v = get.call(GetSecretValueRequest.builder().secretId(id).build(), c);
                values.add(SecretValueEntry.builder()
                        .arn(v.arn())
                        .name(v.name())
                        .versionId(v.versionId())
                        .secretString(v.secretString())
                        .secretBinary(v.secretBinary())
                        .versionStages(v.versionStages())
                        .createdDate(v.createdDate())
                        .build());
            } catch (AwsException e) {
                errors.add(APIErrorType.builder()
                        .secretId(id)
                        .errorCode(e.errorCode())
                        .message(e.getMessage())
                        .build());
            }
        }
        return BatchGetSecretValueResponse.builder()
                .secretValues(values)
                .errors(errors)
                .nextToken(next)
                .build();
    }
}
