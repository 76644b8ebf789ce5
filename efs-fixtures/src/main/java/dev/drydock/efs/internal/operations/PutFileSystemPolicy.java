package dev.drydock.efs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.efs.internal.backend.EfsBackend;
import software.amazon.awssdk.services.efs.model.PutFileSystemPolicyRequest;
import software.amazon.awssdk.services.efs.model.PutFileSystemPolicyResponse;

/**
 * PutFileSystemPolicy, as <a href="https://docs.aws.amazon.com/efs/latest/ug/API_PutFileSystemPolicy.html">
 * the EFS API reference</a> describes it.
 */
public final class PutFileSystemPolicy implements Operation<PutFileSystemPolicyRequest, PutFileSystemPolicyResponse> {
    private final EfsBackend backend;

    public PutFileSystemPolicy(EfsBackend backend) {
        this.backend = backend;
    }

    @Override
    public PutFileSystemPolicyResponse call(PutFileSystemPolicyRequest r, CallContext c) {
        c.authorize(
                "elasticfilesystem:PutFileSystemPolicy",
                backend.fileSystem(r.fileSystemId()).arn());
        backend.putPolicy(r.fileSystemId(), r.policy());
        return PutFileSystemPolicyResponse.builder()
                .fileSystemId(backend.fileSystem(r.fileSystemId()).id())
                .policy(r.policy())
                .build();
    }
}
