package dev.drydock.efs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.efs.internal.EfsErrors;
import dev.drydock.efs.internal.backend.EfsBackend;
import software.amazon.awssdk.services.efs.model.DescribeAccessPointsRequest;
import software.amazon.awssdk.services.efs.model.DescribeAccessPointsResponse;

/**
 * DescribeAccessPoints, as <a href="https://docs.aws.amazon.com/efs/latest/ug/API_DescribeAccessPoints.html">
 * the EFS API reference</a> describes it.
 */
public final class DescribeAccessPoints
        implements Operation<DescribeAccessPointsRequest, DescribeAccessPointsResponse> {
    private final EfsBackend backend;

    public DescribeAccessPoints(EfsBackend backend) {
        this.backend = backend;
    }

    @Override
    public DescribeAccessPointsResponse call(DescribeAccessPointsRequest r, CallContext c) {
        String resource = r.accessPointId() != null
                ? backend.accessPoint(r.accessPointId()).arn()
                : r.fileSystemId() != null
                        ? backend.fileSystem(r.fileSystemId()).arn()
                        : "*";
        c.authorize("elasticfilesystem:DescribeAccessPoints", resource);
        var all = backend.describeAccessPoints(r.accessPointId(), r.fileSystemId());
        var page = EfsErrors.PAGINATOR.withDefaultPageSize(1000).page(all, r.maxResults(), r.nextToken());
        return DescribeAccessPointsResponse.builder()
                .accessPoints(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
