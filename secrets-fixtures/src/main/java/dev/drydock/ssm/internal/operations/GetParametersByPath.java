package dev.drydock.ssm.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.ssm.internal.SsmErrors;
import dev.drydock.ssm.internal.backend.ParameterStore.Selected;
import dev.drydock.ssm.internal.support.ParameterAccess;
import dev.drydock.ssm.internal.support.ParameterFilters;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * GetParametersByPath, as
 * <a href="https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParametersByPath.html">the AWS Systems
 * Manager API reference</a> describes it: the parameters directly under a path ({@code /} for the top level), or the
 * whole hierarchy with {@code Recursive}; filters on {@code Type}, {@code KeyId} and {@code Label}; pages of up to 10
 * (the default). {@code ssm:GetParametersByPath} on the path with {@code ssm:Recursive}, then {@code kms:Decrypt}
 * for SecureStrings read {@code WithDecryption}.
 */
public final class GetParametersByPath implements Operation<GetParametersByPathRequest, GetParametersByPathResponse> {
    private final ParameterAccess access;

    public GetParametersByPath(ParameterAccess access) {
        this.access = access;
    }

    @Override
    public GetParametersByPathResponse call(GetParametersByPathRequest r, CallContext c) {
        String path = r.path();
        if (!path.startsWith("/")) {
            throw SsmErrors.validation("The parameter doesn't meet the parameter name requirements. The parameter name "
                    + "must begin with a forward slash \"/\". It can't be prefixed with \"aws\" or \"ssm\" "
                    + "(case-insensitive). It must use only letters, numbers, or the following symbols: . (period), "
                    + "- (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, "
                    + "must use the forward slash symbol \"/\". Valid example: /get/parameters2-/by1./path0_.");
        }
        boolean recursive = Boolean.TRUE.equals(r.recursive());
        access.authorize(
                c, "ssm:GetParametersByPath", path, Map.of("ssm:Recursive", List.of(Boolean.toString(recursive))));
        ParameterFilters filters = ParameterFilters.forPath(r.parameterFilters());
        String prefix = path.endsWith("/") ? path : path + "/";
        List<Selected> matching = access.store().all().stream()
                .filter(p -> p.name().startsWith(prefix))
                .filter(p -> recursive || p.name().indexOf('/', prefix.length()) < 0)
                .filter(p -> filters.matches(p, p.latest(), access.store().tags(p)))
                .map(p -> new Selected(p, p.latest(), null))
                .toList();
        Page<Selected> page = ParameterAccess.page(matching, r.maxResults(), 10, r.nextToken());
        boolean decrypt = Boolean.TRUE.equals(r.withDecryption());
        List<Parameter> parameters =
                page.items().stream().map(s -> access.parameter(c, s, decrypt)).toList();
        return GetParametersByPathResponse.builder()
                .parameters(parameters)
                .nextToken(page.nextToken())
                .build();
    }
}
