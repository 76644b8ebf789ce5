package dev.drydock.ssm.internal.operations;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ssm.internal.backend.ParameterStore.Selected;
import dev.drydock.ssm.internal.support.ParameterAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * GetParameters, as <a href="https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameters.html">the
 * AWS Systems Manager API reference</a> describes it: up to 10 names (or ARNs, with selectors); those that do not
 * exist are listed in {@code InvalidParameters}. {@code ssm:GetParameters} on each parameter (one denial denies the
 * call), then {@code kms:Decrypt} for each SecureString read {@code WithDecryption}.
 */
public final class GetParameters implements Operation<GetParametersRequest, GetParametersResponse> {
    private final ParameterAccess access;

    public GetParameters(ParameterAccess access) {
        this.access = access;
    }

    @Override
    public GetParametersResponse call(GetParametersRequest r, CallContext c) {
        for (String n : r.names()) {
            access.authorize(c, "ssm:GetParameters", access.store().reference(n).name(), Map.of());
        }
        List<Parameter> found = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        boolean decrypt = Boolean.TRUE.equals(r.withDecryption());
        for (String n : r.names()) {
            Selected s;
            try {
                s = access.store().select(n);
            } catch (AwsException e) {
                invalid.add(n);
                continue;
            }
            found.add(access.parameter(c, s, decrypt));
        }
        return GetParametersResponse.builder()
                .parameters(found)
                .invalidParameters(invalid)
                .build();
    }
}
