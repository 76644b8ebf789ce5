package dev.drydock.efs.internal;

import dev.drydock.core.spi.RestJsonService;
import dev.drydock.efs.internal.backend.EfsBackend;
import dev.drydock.efs.internal.operations.CreateAccessPoint;
import dev.drydock.efs.internal.operations.CreateFileSystem;
import dev.drydock.efs.internal.operations.CreateMountTarget;
import dev.drydock.efs.internal.operations.DeleteAccessPoint;
import dev.drydock.efs.internal.operations.DeleteFileSystem;
import dev.drydock.efs.internal.operations.DeleteFileSystemPolicy;
import dev.drydock.efs.internal.operations.DeleteMountTarget;
import dev.drydock.efs.internal.operations.DescribeAccessPoints;
import dev.drydock.efs.internal.operations.DescribeFileSystemPolicy;
import dev.drydock.efs.internal.operations.DescribeFileSystems;
import dev.drydock.efs.internal.operations.DescribeMountTargets;
import dev.drydock.efs.internal.operations.ListTagsForResource;
import dev.drydock.efs.internal.operations.PutFileSystemPolicy;
import dev.drydock.efs.internal.operations.TagResource;
import dev.drydock.efs.internal.operations.UntagResource;
import java.time.Clock;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.CreateAccessPointRequest;
import software.amazon.awssdk.services.efs.model.CreateFileSystemRequest;
import software.amazon.awssdk.services.efs.model.CreateMountTargetRequest;
import software.amazon.awssdk.services.efs.model.DeleteAccessPointRequest;
import software.amazon.awssdk.services.efs.model.DeleteFileSystemPolicyRequest;
import software.amazon.awssdk.services.efs.model.DeleteFileSystemRequest;
import software.amazon.awssdk.services.efs.model.DeleteMountTargetRequest;
import software.amazon.awssdk.services.efs.model.DescribeAccessPointsRequest;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemPolicyRequest;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsRequest;
import software.amazon.awssdk.services.efs.model.DescribeMountTargetsRequest;
import software.amazon.awssdk.services.efs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.efs.model.PutFileSystemPolicyRequest;
import software.amazon.awssdk.services.efs.model.TagResourceRequest;
import software.amazon.awssdk.services.efs.model.UntagResourceRequest;

/**
 * The EFS REST-JSON API's routing table: one handler per operation (in {@code operations}), each authorizing the
 * call (action {@code elasticfilesystem:<Operation>} on the file system's or access point's ARN, as the Service
 * Authorization Reference lists) and validating through the {@link EfsBackend} before anything changes. Requests that
 * break EFS's model are refused before any handler runs with EFS's {@code ValidationException}, the REST-JSON default
 * ({@link RestJsonService.Builder#validation}). The success statuses are the EFS API reference's (CreateFileSystem 201, deletions of file systems, access points and
 * mount targets 204).
 */
public final class EfsApi {
    private EfsApi() {}

    /** The EFS service for {@code backend}. */
    public static RestJsonService service(EfsBackend backend, Clock clock) {
        return RestJsonService.builder("elasticfilesystem", EfsClient.class)
                .clock(clock)
                .errorMembers("ErrorCode", "Message")
                .operation("CreateFileSystem", CreateFileSystemRequest.class, 201, new CreateFileSystem(backend))
                .operation(
                        "DescribeFileSystems", DescribeFileSystemsRequest.class, 200, new DescribeFileSystems(backend))
                .operation("DeleteFileSystem", DeleteFileSystemRequest.class, 204, new DeleteFileSystem(backend))
                .operation("CreateAccessPoint", CreateAccessPointRequest.class, 200, new CreateAccessPoint(backend))
                .operation(
                        "DescribeAccessPoints",
                        DescribeAccessPointsRequest.class,
                        200,
                        new DescribeAccessPoints(backend))
                .operation("DeleteAccessPoint", DeleteAccessPointRequest.class, 204, new DeleteAccessPoint(backend))
                .operation("CreateMountTarget", CreateMountTargetRequest.class, 200, new CreateMountTarget(backend))
                .operation(
                        "DescribeMountTargets",
                        DescribeMountTargetsRequest.class,
                        200,
                        new DescribeMountTargets(backend))
                .operation("DeleteMountTarget", DeleteMountTargetRequest.class, 204, new DeleteMountTarget(backend))
                .operation(
                        "PutFileSystemPolicy", PutFileSystemPolicyRequest.class, 200, new PutFileSystemPolicy(backend))
                .operation(
                        "DescribeFileSystemPolicy",
                        DescribeFileSystemPolicyRequest.class,
                        200,
                        new DescribeFileSystemPolicy(backend))
                .operation(
                        "DeleteFileSystemPolicy",
                        DeleteFileSystemPolicyRequest.class,
                        200,
                        new DeleteFileSystemPolicy(backend))
                .operation("TagResource", TagResourceRequest.class, 200, new TagResource(backend))
                .operation("UntagResource", UntagResourceRequest.class, 200, new UntagResource(backend))
                .operation(
                        "ListTagsForResource", ListTagsForResourceRequest.class, 200, new ListTagsForResource(backend))
                .build();
    }
}
