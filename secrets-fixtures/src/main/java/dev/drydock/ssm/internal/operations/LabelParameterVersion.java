package dev.drydock.ssm.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ssm.internal.backend.ParameterStore.LabelResult;
import dev.drydock.ssm.internal.support.ParameterAccess;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionRequest;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionResponse;

/**
 * LabelParameterVersion, as
 * <a href="https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_LabelParameterVersion.html">the AWS
 * Systems Manager API reference</a> describes it: attaches labels to a version (the latest by default), moving each
 * from the version that had it; labels that break the naming rules are returned in {@code InvalidLabels}; a version
 * has at most 10 labels. {@code ssm:LabelParameterVersion} on the parameter.
 */
public final class LabelParameterVersion
        implements Operation<LabelParameterVersionRequest, LabelParameterVersionResponse> {
    private final ParameterAccess access;

    public LabelParameterVersion(ParameterAccess access) {
        this.access = access;
    }

    @Override
    public LabelParameterVersionResponse call(LabelParameterVersionRequest r, CallContext c) {
        String name = access.store().nameOf(r.name());
        access.authorize(c, "ssm:LabelParameterVersion", name, Map.of());
        LabelResult result = access.store().label(name, r.parameterVersion(), r.labels());
        return LabelParameterVersionResponse.builder()
                .invalidLabels(result.invalidLabels())
                .parameterVersion(result.version())
                .build();
    }
}
