package dev.drydock.ssm.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ssm.internal.support.ParameterAccess;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.DeleteParameterRequest;
import software.amazon.awssdk.services.ssm.model.DeleteParameterResponse;

/**
 * DeleteParameter, as
 * <a href="https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DeleteParameter.html">the AWS Systems
 * Manager API reference</a> describes it: the parameter and all its versions. {@code ssm:DeleteParameter}.
 */
public final class DeleteParameter implements Operation<DeleteParameterRequest, DeleteParameterResponse> {
    private final ParameterAccess access;

    public DeleteParameter(ParameterAccess access) {
        this.access = access;
    }

    @Override
    public DeleteParameterResponse call(DeleteParameterRequest r, CallContext c) {
        String name = access.store().nameOf(r.name());
        access.authorize(c, "ssm:DeleteParameter", name, Map.of());
        access.store().delete(name);
        return DeleteParameterResponse.builder().build();
    }
}
