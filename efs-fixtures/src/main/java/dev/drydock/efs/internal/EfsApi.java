package dev.drydock.efs.internal;

import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.RestJsonService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.CreateAccessPointRequest;
import software.amazon.awssdk.services.efs.model.CreateAccessPointResponse;
import software.amazon.awssdk.services.efs.model.CreateFileSystemRequest;
import software.amazon.awssdk.services.efs.model.CreateFileSystemResponse;
import software.amazon.awssdk.services.efs.model.CreateMountTargetRequest;
import software.amazon.awssdk.services.efs.model.CreateMountTargetResponse;
import software.amazon.awssdk.services.efs.model.DeleteAccessPointRequest;
import software.amazon.awssdk.services.efs.model.DeleteAccessPointResponse;
import software.amazon.awssdk.services.efs.model.DeleteFileSystemPolicyRequest;
import software.amazon.awssdk.services.efs.model.DeleteFileSystemPolicyResponse;
import software.amazon.awssdk.services.efs.model.DeleteFileSystemRequest;
import software.amazon.awssdk.services.efs.model.DeleteFileSystemResponse;
import software.amazon.awssdk.services.efs.model.DeleteMountTargetRequest;
import software.amazon.awssdk.services.efs.model.DeleteMountTargetResponse;
import software.amazon.awssdk.services.efs.model.DescribeAccessPointsRequest;
import software.amazon.awssdk.services.efs.model.DescribeAccessPointsResponse;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemPolicyRequest;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemPolicyResponse;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsRequest;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsResponse;
import software.amazon.awssdk.services.efs.model.DescribeMountTargetsRequest;
import software.amazon.awssdk.services.efs.model.DescribeMountTargetsResponse;
import software.amazon.awssdk.services.efs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.efs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.efs.model.PutFileSystemPolicyRequest;
import software.amazon.awssdk.services.efs.model.PutFileSystemPolicyResponse;
import software.amazon.awssdk.services.efs.model.Tag;
import software.amazon.awssdk.services.efs.model.TagResourceRequest;
import software.amazon.awssdk.services.efs.model.TagResourceResponse;
import software.amazon.awssdk.services.efs.model.UntagResourceRequest;
import software.amazon.awssdk.services.efs.model.UntagResourceResponse;

/**
 * The EFS REST-JSON API's routing table and handlers: each handler authorizes the call (action
 * {@code elasticfilesystem:<Operation>} on the file system's or access point's ARN, as the Service Authorization
 * Reference lists), validates through the {@link EfsBackend} and answers the SDK's response shape. The success
 * statuses are the EFS API reference's (CreateFileSystem 201, deletions 204).
 */
public final class EfsApi {
    private static final String A = "elasticfilesystem:";

    private final EfsBackend backend;

    private EfsApi(EfsBackend backend) {
        this.backend = backend;
    }

    /** The EFS service for {@code backend}. */
    public static RestJsonService service(EfsBackend backend, Clock clock) {
        EfsApi api = new EfsApi(backend);
        return RestJsonService.builder("elasticfilesystem", EfsClient.class)
                .clock(clock)
                .errorMembers("ErrorCode", "Message")
                .missingMemberError(EfsErrors::missingMember)
                .operation("CreateFileSystem", CreateFileSystemRequest.class, 201, api::createFileSystem)
                .operation("DescribeFileSystems", DescribeFileSystemsRequest.class, 200, api::describeFileSystems)
                .operation("DeleteFileSystem", DeleteFileSystemRequest.class, 204, api::deleteFileSystem)
                .operation("CreateAccessPoint", CreateAccessPointRequest.class, 200, api::createAccessPoint)
                .operation("DescribeAccessPoints", DescribeAccessPointsRequest.class, 200, api::describeAccessPoints)
                .operation("DeleteAccessPoint", DeleteAccessPointRequest.class, 204, api::deleteAccessPoint)
                .operation("CreateMountTarget", CreateMountTargetRequest.class, 200, api::createMountTarget)
                .operation("DescribeMountTargets", DescribeMountTargetsRequest.class, 200, api::describeMountTargets)
                .operation("DeleteMountTarget", DeleteMountTargetRequest.class, 204, api::deleteMountTarget)
                .operation("PutFileSystemPolicy", PutFileSystemPolicyRequest.class, 200, api::putFileSystemPolicy)
                .operation("DescribeFileSystemPolicy", DescribeFileSystemPolicyRequest.class, 200,
                        api::describeFileSystemPolicy)
                .operation("DeleteFileSystemPolicy", DeleteFileSystemPolicyRequest.class, 200,
                        api::deleteFileSystemPolicy)
                .operation("TagResource", TagResourceRequest.class, 200, api::tagResource)
                .operation("UntagResource", UntagResourceRequest.class, 200, api::untagResource)
                .operation("ListTagsForResource", ListTagsForResourceRequest.class, 200, api::listTagsForResource)
                .build();
    }

    private static Map<String, List<String>> requestTags(List<Tag> tags) {
        Map<String, List<String>> keys = new java.util.LinkedHashMap<>();
        tags.forEach(t -> keys.put("aws:RequestTag/" + t.key(), List.of(String.valueOf(t.value()))));
        if (!tags.isEmpty()) {
            keys.put("aws:TagKeys", tags.stream().map(Tag::key).toList());
        }
        return keys;
    }

    CreateFileSystemResponse createFileSystem(CreateFileSystemRequest r, CallContext c) {
        String id = EfsBackend.newFileSystemId();
        Map<String, List<String>> keys = requestTags(r.tags());
        keys.put("elasticfilesystem:Encrypted", List.of(Boolean.toString(Boolean.TRUE.equals(r.encrypted()))));
        c.authorize(A + "CreateFileSystem", backend.fileSystemArn(id), keys);
        var d = backend.createFileSystem(id, r);
        return CreateFileSystemResponse.builder().ownerId(d.ownerId()).creationToken(d.creationToken())
                .fileSystemId(d.fileSystemId()).fileSystemArn(d.fileSystemArn()).creationTime(d.creationTime())
                .lifeCycleState(d.lifeCycleState()).name(d.name()).numberOfMountTargets(d.numberOfMountTargets())
                .sizeInBytes(d.sizeInBytes()).performanceMode(d.performanceMode()).encrypted(d.encrypted())
                .kmsKeyId(d.kmsKeyId()).throughputMode(d.throughputMode())
                .provisionedThroughputInMibps(d.provisionedThroughputInMibps())
                .availabilityZoneName(d.availabilityZoneName()).tags(d.tags()).build();
    }

    DescribeFileSystemsResponse describeFileSystems(DescribeFileSystemsRequest r, CallContext c) {
        if (r.fileSystemId() != null && r.creationToken() != null) {
            throw EfsErrors.badRequest("Specify either FileSystemId or CreationToken, not both.");
        }
        c.authorize(A + "DescribeFileSystems", r.fileSystemId() == null ? "*"
                : backend.fileSystem(r.fileSystemId()).arn());
        var all = backend.describeFileSystems(r.fileSystemId(), r.creationToken());
        Page<software.amazon.awssdk.services.efs.model.FileSystemDescription> page = Page.of(all, r.marker(),
                r.maxItems(), 100);
        return DescribeFileSystemsResponse.builder().fileSystems(page.items()).marker(r.marker())
                .nextMarker(page.next()).build();
    }

    DeleteFileSystemResponse deleteFileSystem(DeleteFileSystemRequest r, CallContext c) {
        c.authorize(A + "DeleteFileSystem", backend.fileSystem(r.fileSystemId()).arn());
        backend.deleteFileSystem(r.fileSystemId());
        return DeleteFileSystemResponse.builder().build();
    }

    CreateAccessPointResponse createAccessPoint(CreateAccessPointRequest r, CallContext c) {
        c.authorize(A + "CreateAccessPoint", backend.fileSystem(r.fileSystemId()).arn(), requestTags(r.tags()));
        var d = backend.createAccessPoint(r);
        return CreateAccessPointResponse.builder().clientToken(d.clientToken()).name(d.name()).tags(d.tags())
                .accessPointId(d.accessPointId()).accessPointArn(d.accessPointArn()).fileSystemId(d.fileSystemId())
                .posixUser(d.posixUser()).rootDirectory(d.rootDirectory()).ownerId(d.ownerId())
                .lifeCycleState(d.lifeCycleState()).build();
    }

    DescribeAccessPointsResponse describeAccessPoints(DescribeAccessPointsRequest r, CallContext c) {
        String resource = r.accessPointId() != null ? backend.accessPoint(r.accessPointId()).arn()
                : r.fileSystemId() != null ? backend.fileSystem(r.fileSystemId()).arn() : "*";
        c.authorize(A + "DescribeAccessPoints", resource);
        var all = backend.describeAccessPoints(r.accessPointId(), r.fileSystemId());
        Page<software.amazon.awssdk.services.efs.model.AccessPointDescription> page = Page.of(all, r.nextToken(),
                r.maxResults(), 1000);
        return DescribeAccessPointsResponse.builder().accessPoints(page.items()).nextToken(page.next()).build();
    }

    DeleteAccessPointResponse deleteAccessPoint(DeleteAccessPointRequest r, CallContext c) {
        c.authorize(A + "DeleteAccessPoint", backend.accessPoint(r.accessPointId()).arn());
        backend.deleteAccessPoint(r.accessPointId());
        return DeleteAccessPointResponse.builder().build();
    }

    CreateMountTargetResponse createMountTarget(CreateMountTargetRequest r, CallContext c) {
        c.authorize(A + "CreateMountTarget", backend.fileSystem(r.fileSystemId()).arn());
        var d = backend.createMountTarget(r);
        return CreateMountTargetResponse.builder().ownerId(d.ownerId()).mountTargetId(d.mountTargetId())
                .fileSystemId(d.fileSystemId()).subnetId(d.subnetId()).lifeCycleState(d.lifeCycleState())
                .ipAddress(d.ipAddress()).networkInterfaceId(d.networkInterfaceId())
                .availabilityZoneId(d.availabilityZoneId()).availabilityZoneName(d.availabilityZoneName())
                .vpcId(d.vpcId()).build();
    }

    DescribeMountTargetsResponse describeMountTargets(DescribeMountTargetsRequest r, CallContext c) {
        String resource = r.fileSystemId() != null ? backend.fileSystem(r.fileSystemId()).arn()
                : r.accessPointId() != null ? backend.accessPoint(r.accessPointId()).arn()
                : r.mountTargetId() != null ? backend.fileSystem(backend.mountTargetFileSystem(r.mountTargetId())).arn()
                : "*";
        c.authorize(A + "DescribeMountTargets", resource);
        var all = backend.describeMountTargets(r.fileSystemId(), r.mountTargetId(), r.accessPointId());
        Page<software.amazon.awssdk.services.efs.model.MountTargetDescription> page = Page.of(all, r.marker(),
                r.maxItems(), 10);
        return DescribeMountTargetsResponse.builder().mountTargets(page.items()).marker(r.marker())
                .nextMarker(page.next()).build();
    }

    DeleteMountTargetResponse deleteMountTarget(DeleteMountTargetRequest r, CallContext c) {
        c.authorize(A + "DeleteMountTarget", backend.fileSystem(backend.mountTargetFileSystem(r.mountTargetId()))
                .arn());
        backend.deleteMountTarget(r.mountTargetId());
        return DeleteMountTargetResponse.builder().build();
    }

    PutFileSystemPolicyResponse putFileSystemPolicy(PutFileSystemPolicyRequest r, CallContext c) {
        c.authorize(A + "PutFileSystemPolicy", backend.fileSystem(r.fileSystemId()).arn());
        backend.putPolicy(r.fileSystemId(), r.policy());
        return PutFileSystemPolicyResponse.builder().fileSystemId(backend.fileSystem(r.fileSystemId()).id())
                .policy(r.policy()).build();
    }

    DescribeFileSystemPolicyResponse describeFileSystemPolicy(DescribeFileSystemPolicyRequest r, CallContext c) {
        c.authorize(A + "DescribeFileSystemPolicy", backend.fileSystem(r.fileSystemId()).arn());
        String policy = backend.policy(r.fileSystemId());
        return DescribeFileSystemPolicyResponse.builder().fileSystemId(backend.fileSystem(r.fileSystemId()).id())
                .policy(policy).build();
    }

    DeleteFileSystemPolicyResponse deleteFileSystemPolicy(DeleteFileSystemPolicyRequest r, CallContext c) {
        c.authorize(A + "DeleteFileSystemPolicy", backend.fileSystem(r.fileSystemId()).arn());
        backend.deletePolicy(r.fileSystemId());
        return DeleteFileSystemPolicyResponse.builder().build();
    }

    TagResourceResponse tagResource(TagResourceRequest r, CallContext c) {
        if (!r.hasTags() || r.tags().isEmpty()) {
            throw EfsErrors.badRequest("Tags must hold at least one tag.");
        }
        c.authorize(A + "TagResource", backend.resourceArn(r.resourceId()), requestTags(r.tags()));
        backend.tag(r.resourceId(), r.tags());
        return TagResourceResponse.builder().build();
    }

    UntagResourceResponse untagResource(UntagResourceRequest r, CallContext c) {
        if (!r.hasTagKeys() || r.tagKeys().isEmpty()) {
            throw EfsErrors.badRequest("TagKeys must hold at least one tag key.");
        }
        c.authorize(A + "UntagResource", backend.resourceArn(r.resourceId()),
                Map.of("aws:TagKeys", r.tagKeys()));
        backend.untag(r.resourceId(), r.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r, CallContext c) {
        c.authorize(A + "ListTagsForResource", backend.resourceArn(r.resourceId()));
        List<Tag> tags = backend.tags(r.resourceId()).entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        Page<Tag> page = Page.of(tags, r.nextToken(), r.maxResults(), 100);
        return ListTagsForResourceResponse.builder().tags(page.items()).nextToken(page.next()).build();
    }

    /** One page of a list: the marker is the index of the first item, as an opaque string. */
    record Page<T>(List<T> items, String next) {
        static <T> Page<T> of(List<T> all, String marker, Integer max, int defaultMax) {
            int from = 0;
            if (marker != null) {
                try {
                    from = Integer.parseInt(new String(java.util.Base64.getUrlDecoder().decode(marker),
                            java.nio.charset.StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw EfsErrors.badRequest("Invalid pagination marker '" + marker + "'.");
                }
            }
            if (max != null && max < 1) {
                throw EfsErrors.badRequest("MaxItems must be at least 1; got " + max + ".");
            }
            int size = max == null ? defaultMax : max;
            int to = Math.min(all.size(), from + size);
            String next = to < all.size() ? java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Integer.toString(to).getBytes(java.nio.charset.StandardCharsets.UTF_8)) : null;
            return new Page<>(from >= all.size() ? List.of() : all.subList(from, to), next);
        }
    }
}
