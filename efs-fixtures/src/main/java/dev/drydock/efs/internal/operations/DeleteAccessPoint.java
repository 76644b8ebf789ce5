package dev.drydock.efs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.efs.internal.backend.EfsBackend;
import software.amazon.awssdk.services.efs.model.DeleteAccessPointRequest;
import software.amazon.awssdk.services.efs.model.DeleteAccessPointResponse;

/**
 * DeleteAccessPoint, as <a href="https://docs.aws.amazon.com/efs/latest/ug/API_DeleteAccessPoint.html">
 * the EFS API reference</a> describes it.
 */
public final class DeleteAccessPoint implements Operation<DeleteAccessPointRequest, DeleteAccessPointResponse> {
    private final EfsBackend backend;

    public DeleteAccessPoint(EfsBackend backend) {
        this.backend = backend;
    }

    @Override
    public DeleteAccessPointResponse call(DeleteAccessPointRequest r, CallContext c) {
        c.authorize(
                "elasticfilesystem:DeleteAccessPoint",
                backend.accessPoint(r.accessPointId()).arn());
        backend.deleteAccessPoint(r.accessPointId());
        return DeleteAccessPointResponse.builder().build();
    }
}
