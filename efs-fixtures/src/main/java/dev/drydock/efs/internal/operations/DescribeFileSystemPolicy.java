package dev.drydock.efs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.efs.internal.backend.EfsBackend;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemPolicyRequest;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemPolicyResponse;

/**
 * DescribeFileSystemPolicy, as <a href="https://docs.aws.amazon.com/efs/latest/ug/API_DescribeFileSystemPolicy.html">
 * the EFS API reference</a> describes it.
 */
public final class DescribeFileSystemPolicy
        implements Operation<DescribeFileSystemPolicyRequest, DescribeFileSystemPolicyResponse> {
    private final EfsBackend backend;

    public DescribeFileSystemPolicy(EfsBackend backend) {
        this.backend = backend;
    }

    @Override
    public DescribeFileSystemPolicyResponse call(DescribeFileSystemPolicyRequest r, CallContext c) {
        c.authorize(
                "elasticfilesystem:DescribeFileSystemPolicy",
                backend.fileSystem(r.fileSystemId()).arn());
        String policy = backend.policy(r.fileSystemId());
        return DescribeFileSystemPolicyResponse.builder()
                .fileSystemId(backend.fileSystem(r.fileSystemId()).id())
                .policy(policy)
                .build();
    }
}
