package dev.drydock.ssm.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ssm.internal.backend.ParameterStore.Selected;
import dev.drydock.ssm.internal.support.ParameterAccess;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;

/**
 * GetParameter, as <a href="https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html">the
 * AWS Systems Manager API reference</a> describes it: by name or ARN, optionally {@code name:<version>} or
 * {@code name:<label>}; a SecureString decrypted only {@code WithDecryption}. {@code ssm:GetParameter} on the
 * parameter, then {@code kms:Decrypt} on its key.
 */
public final class GetParameter implements Operation<GetParameterRequest, GetParameterResponse> {
    private final ParameterAccess access;

    public GetParameter(ParameterAccess access) {
        this.access = access;
    }

    @Override
    public GetParameterResponse call(GetParameterRequest r, CallContext c) {
        String name = access.store().reference(r.name()).name();
        access.authorize(c, "ssm:GetParameter", name, Map.of());
        Selected s = access.store().select(r.name());
        return GetParameterResponse.builder()
                .parameter(access.parameter(c, s, Boolean.TRUE.equals(r.withDecryption())))
                .build();
    }
}
