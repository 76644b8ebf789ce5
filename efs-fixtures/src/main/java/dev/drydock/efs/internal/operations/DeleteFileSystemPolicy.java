package dev.drydock.efs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.efs.internal.backend.EfsBackend;
import software.amazon.awssdk.services.efs.model.DeleteFileSystemPolicyRequest;
import software.amazon.awssdk.services.efs.model.DeleteFileSystemPolicyResponse;

/**
 * DeleteFileSystemPolicy, as <a href="https://docs.aws.amazon.com/efs/latest/ug/API_DeleteFileSystemPolicy.html">
 * the EFS API reference</a> describes it.
 */
public final class DeleteFileSystemPolicy
        implements Operation<DeleteFileSystemPolicyRequest, DeleteFileSystemPolicyResponse> {
    private final EfsBackend backend;

    public DeleteFileSystemPolicy(EfsBackend backend) {
        this.backend = backend;
    }

    @Override
    public DeleteFileSystemPolicyResponse call(DeleteFileSystemPolicyRequest r, CallContext c) {
        c.authorize(
                "elasticfilesystem:DeleteFileSystemPolicy",
                backend.fileSystem(r.fileSystemId()).arn());
        backend.deletePolicy(r.fileSystemId());
        return DeleteFileSystemPolicyResponse.builder().build();
    }
}
