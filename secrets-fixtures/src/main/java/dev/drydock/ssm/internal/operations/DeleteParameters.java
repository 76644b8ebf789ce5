package dev.drydock.ssm.internal.operations;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ssm.internal.support.ParameterAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.DeleteParametersRequest;
import software.amazon.awssdk.services.ssm.model.DeleteParametersResponse;

/**
 * DeleteParameters, as
 * <a href="https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DeleteParameters.html">the AWS Systems
 * Manager API reference</a> describes it: up to 10 parameters; those that do not exist are listed in
 * {@code InvalidParameters}. {@code ssm:DeleteParameters} on each.
 */
public final class DeleteParameters implements Operation<DeleteParametersRequest, DeleteParametersResponse> {
    private final ParameterAccess access;

    public DeleteParameters(ParameterAccess access) {
        this.access = access;
    }

    @Override
    public DeleteParametersResponse call(DeleteParametersRequest r, CallContext c) {
        for (String n : r.names()) {
            access.authorize(c, "ssm:DeleteParameters", access.store().nameOf(n), Map.of());
        }
        List<String> deleted = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String n : r.names()) {
            try {
                access.store().delete(access.store().nameOf(n));
                deleted.add(n);
            } catch (AwsException e) {
                invalid.add(n);
            }
        }
        return DeleteParametersResponse.builder()
                .deletedParameters(deleted)
                .invalidParameters(invalid)
                .build();
    }
}
