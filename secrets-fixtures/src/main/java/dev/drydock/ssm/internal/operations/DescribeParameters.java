package dev.drydock.ssm.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.ssm.internal.SsmErrors;
import dev.drydock.ssm.internal.backend.Parameter;
import dev.drydock.ssm.internal.support.ParameterAccess;
import dev.drydock.ssm.internal.support.ParameterFilters;
import java.util.List;
import software.amazon.awssdk.services.ssm.model.DescribeParametersRequest;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;

/**
 * DescribeParameters, as
 * <a href="https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DescribeParameters.html">the AWS Systems
 * Manager API reference</a> describes it: metadata (never values) of the parameters matching {@code ParameterFilters}
 * or the older {@code Filters} (not both), sorted by name, in pages of up to 50 (the default).
 * {@code ssm:DescribeParameters} on {@code *}.
 */
public final class DescribeParameters implements Operation<DescribeParametersRequest, DescribeParametersResponse> {
    private final ParameterAccess access;

    public DescribeParameters(ParameterAccess access) {
        this.access = access;
    }

    @Override
    public DescribeParametersResponse call(DescribeParametersRequest r, CallContext c) {
        if (r.hasFilters()
                && !r.filters().isEmpty()
                && r.hasParameterFilters()
                && !r.parameterFilters().isEmpty()) {
            throw SsmErrors.validation("You can use either Filters or ParameterFilters in a single request.");
        }
        c.authorize("ssm:DescribeParameters", "*");
        ParameterFilters filters = ParameterFilters.of(r.parameterFilters(), r.filters());
        List<Parameter> matching = access.store().all().stream()
                .filter(p -> filters.matches(p, p.latest(), access.store().tags(p)))
                .toList();
        Page<Parameter> page = ParameterAccess.page(matching, r.maxResults(), 50, r.nextToken());
        return DescribeParametersResponse.builder()
                .parameters(page.items().stream()
                        .map(p -> {
                            var v = p.latest();
                            return ParameterMetadata.builder()
                                    .name(p.name())
                                    .arn(p.arn())
                                    .type(v.type())
                                    .keyId(v.keyId())
                                    .lastModifiedDate(v.lastModifiedDate())
                                    .lastModifiedUser(v.lastModifiedUser())
                                    .description(v.description())
                                    .allowedPattern(v.allowedPattern())
                                    .version(v.version())
                                    .tier(v.tier())
                                    .dataType(v.dataType())
                                    .build();
                        })
                        .toList())
                .nextToken(page.nextToken())
                .build();
    }
}
