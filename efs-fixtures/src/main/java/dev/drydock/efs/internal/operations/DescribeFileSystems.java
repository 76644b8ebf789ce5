package dev.drydock.efs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.efs.internal.EfsErrors;
import dev.drydock.efs.internal.backend.EfsBackend;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsRequest;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsResponse;

/**
 * DescribeFileSystems, as <a href="https://docs.aws.amazon.com/efs/latest/ug/API_DescribeFileSystems.html">
 * the EFS API reference</a> describes it.
 */
public final class DescribeFileSystems implements Operation<DescribeFileSystemsRequest, DescribeFileSystemsResponse> {
    private final EfsBackend backend;

    public DescribeFileSystems(EfsBackend backend) {
        this.backend = backend;
    }

    @Override
    public DescribeFileSystemsResponse call(DescribeFileSystemsRequest r, CallContext c) {
        if (r.fileSystemId() != null && r.creationToken() != null) {
            throw EfsErrors.badRequest("Specify either FileSystemId or CreationToken, not both.");
        }
        c.authorize(
                "elasticfilesystem:DescribeFileSystems",
                r.fileSystemId() == null
                        ? "*"
                        : backend.fileSystem(r.fileSystemId()).arn());
        var all = backend.describeFileSystems(r.fileSystemId(), r.creationToken());
        var page = EfsErrors.PAGINATOR.page(all, r.maxItems(), r.marker());
        return DescribeFileSystemsResponse.builder()
                .fileSystems(page.items())
                .marker(r.marker())
                .nextMarker(page.nextToken())
                .build();
    }
}
