package dev.drydock.efs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.efs.internal.backend.EfsBackend;
import software.amazon.awssdk.services.efs.model.DeleteMountTargetRequest;
import software.amazon.awssdk.services.efs.model.DeleteMountTargetResponse;

/**
 * DeleteMountTarget, as <a href="https://docs.aws.amazon.com/efs/latest/ug/API_DeleteMountTarget.html">
 * the EFS API reference</a> describes it.
 */
public final class DeleteMountTarget implements Operation<DeleteMountTargetRequest, DeleteMountTargetResponse> {
    private final EfsBackend backend;

    public DeleteMountTarget(EfsBackend backend) {
        this.backend = backend;
    }

    @Override
    public DeleteMountTargetResponse call(DeleteMountTargetRequest r, CallContext c) {
        String fileSystemId = backend.mountTargetFileSystem(r.mountTargetId());
        c.authorize(
                "elasticfilesystem:DeleteMountTarget",
                backend.fileSystem(fileSystemId).arn());
        backend.deleteMountTarget(r.mountTargetId());
        return DeleteMountTargetResponse.builder().build();
    }
}
