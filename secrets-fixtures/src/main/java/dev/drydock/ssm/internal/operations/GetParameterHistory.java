package dev.drydock.ssm.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.ssm.internal.SsmErrors;
import dev.drydock.ssm.internal.backend.Parameter;
import dev.drydock.ssm.internal.backend.ParameterVersion;
import dev.drydock.ssm.internal.support.ParameterAccess;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryResponse;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;

/**
 * GetParameterHistory, as
 * <a href="https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameterHistory.html">the AWS Systems
 * Manager API reference</a> describes it: every version, oldest first, with its labels, in pages of up to 50
 * (the default). {@code ssm:GetParameterHistory} on the parameter, then {@code kms:Decrypt} for SecureStrings read
 * {@code WithDecryption}.
 */
public final class GetParameterHistory implements Operation<GetParameterHistoryRequest, GetParameterHistoryResponse> {
    private final ParameterAccess access;

    public GetParameterHistory(ParameterAccess access) {
        this.access = access;
    }

    @Override
    public GetParameterHistoryResponse call(GetParameterHistoryRequest r, CallContext c) {
        String name = access.store().nameOf(r.name());
        access.authorize(c, "ssm:GetParameterHistory", name, Map.of());
        Parameter p = access.store().find(name).orElseThrow(SsmErrors::notFound);
        Page<ParameterVersion> page = ParameterAccess.page(p.versions(), r.maxResults(), 50, r.nextToken());
        boolean decrypt = Boolean.TRUE.equals(r.withDecryption());
        List<ParameterHistory> history = page.items().stream()
                .map(v -> ParameterHistory.builder()
                        .name(p.name())
                        .type(v.type())
                        .keyId(v.keyId())
                        .lastModifiedDate(v.lastModifiedDate())
                        .lastModifiedUser(v.lastModifiedUser())
                        .description(v.description())
                        .value(access.value(c, name, v, decrypt))
                        .allowedPattern(v.allowedPattern())
                        .version(v.version())
                        .labels(List.copyOf(v.labels()))
                        .tier(v.tier())
                        .dataType(v.dataType())
                        .build())
                .toList();
        return GetParameterHistoryResponse.builder()
                .parameters(history)
                .nextToken(page.nextToken())
                .build();
    }
}
