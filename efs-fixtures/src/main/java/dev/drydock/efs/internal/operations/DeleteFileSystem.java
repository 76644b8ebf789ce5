package dev.drydock.efs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.efs.internal.backend.EfsBackend;
import software.amazon.awssdk.services.efs.model.DeleteFileSystemRequest;
import software.amazon.awssdk.services.efs.model.DeleteFileSystemResponse;

/**
 * DeleteFileSystem, as <a href="https://docs.aws.amazon.com/efs/latest/ug/API_DeleteFileSystem.html">
 * the EFS API reference</a> describes it.
 */
public final class DeleteFileSystem implements Operation<DeleteFileSystemRequest, DeleteFileSystemResponse> {
    private final EfsBackend backend;

    public DeleteFileSystem(EfsBackend backend) {
        this.backend = backend;
    }

    @Override
    public DeleteFileSystemResponse call(DeleteFileSystemRequest r, CallContext c) {
        c.authorize(
                "elasticfilesystem:DeleteFileSystem",
                backend.fileSystem(r.fileSystemId()).arn());
        backend.deleteFileSystem(r.fileSystemId());
        return DeleteFileSystemResponse.builder().build();
    }
}
