package dev.drydock.ssm.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ssm.internal.backend.ParameterStore.UnlabelResult;
import dev.drydock.ssm.internal.support.ParameterAccess;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.UnlabelParameterVersionRequest;
import software.amazon.awssdk.services.ssm.model.UnlabelParameterVersionResponse;

/**
 * UnlabelParameterVersion, as
 * <a href="https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_UnlabelParameterVersion.html">the AWS
 * Systems Manager API reference</a> describes it: removes labels from a version; those it did not have are returned
 * in {@code InvalidLabels}. {@code ssm:UnlabelParameterVersion} on the parameter.
 */
public final class UnlabelParameterVersion
        implements Operation<UnlabelParameterVersionRequest, UnlabelParameterVersionResponse> {
    private final ParameterAccess access;

    public UnlabelParameterVersion(ParameterAccess access) {
        this.access = access;
    }

    @Override
    public UnlabelParameterVersionResponse call(UnlabelParameterVersionRequest r, CallContext c) {
        String name = access.store().nameOf(r.name());
        access.authorize(c, "ssm:UnlabelParameterVersion", name, Map.of());
        UnlabelResult result = access.store().unlabel(name, r.parameterVersion(), r.labels());
        return UnlabelParameterVersionResponse.builder()
                .removedLabels(result.removedLabels())
                .invalidLabels(result.invalidLabels())
                .build();
    }
}
