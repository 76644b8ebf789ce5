package dev.drydock.efs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.efs.internal.EfsErrors;
import dev.drydock.efs.internal.backend.EfsBackend;
import software.amazon.awssdk.services.efs.model.DescribeMountTargetsRequest;
import software.amazon.awssdk.services.efs.model.DescribeMountTargetsResponse;

/**
 * DescribeMountTargets, as <a href="https://docs.aws.amazon.com/efs/latest/ug/API_DescribeMountTargets.html">
 * the EFS API reference</a> describes it.
 */
public final class DescribeMountTargets
        implements Operation<DescribeMountTargetsRequest, DescribeMountTargetsResponse> {
    private final EfsBackend backend;

    public DescribeMountTargets(EfsBackend backend) {
        this.backend = backend;
    }

    @Override
    public DescribeMountTargetsResponse call(DescribeMountTargetsRequest r, CallContext c) {
        String resource = r.fileSystemId() != null
                ? backend.fileSystem(r.fileSystemId()).arn()
                : r.accessPointId() != null
                        ? backend.accessPoint(r.accessPointId()).arn()
                        : r.mountTargetId() != null
                                ? backend.fileSystem(backend.mountTargetFileSystem(r.mountTargetId()))
                                        .arn()
                                : "*";
        c.authorize("elasticfilesystem:DescribeMountTargets", resource);
        var all = backend.describeMountTargets(r.fileSystemId(), r.mountTargetId(), r.accessPointId());
        var page = EfsErrors.PAGINATOR.withDefaultPageSize(10).page(all, r.maxItems(), r.marker());
        return DescribeMountTargetsResponse.builder()
                .mountTargets(page.items())
                .marker(r.marker())
                .nextMarker(page.nextToken())
                .build();
    }
}
