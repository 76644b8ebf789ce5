package dev.drydock.efs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.efs.internal.backend.EfsBackend;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.efs.model.CreateFileSystemRequest;
import software.amazon.awssdk.services.efs.model.CreateFileSystemResponse;

/**
 * CreateFileSystem, as <a href="https://docs.aws.amazon.com/efs/latest/ug/API_CreateFileSystem.html">
 * the EFS API reference</a> describes it.
 */
public final class CreateFileSystem implements Operation<CreateFileSystemRequest, CreateFileSystemResponse> {
    private final EfsBackend backend;

    public CreateFileSystem(EfsBackend backend) {
        this.backend = backend;
    }

    @Override
    public CreateFileSystemResponse call(CreateFileSystemRequest r, CallContext c) {
        String id = EfsBackend.newFileSystemId();
        Map<String, List<String>> keys = TagConditions.request(r.tags());
        keys.put("elasticfilesystem:Encrypted", List.of(Boolean.toString(Boolean.TRUE.equals(r.encrypted()))));
        c.authorize("elasticfilesystem:CreateFileSystem", backend.fileSystemArn(id), keys);
        var d = backend.createFileSystem(id, r);
        return CreateFileSystemResponse.builder()
                .ownerId(d.ownerId())
                .creationToken(d.creationToken())
                .fileSystemId(d.fileSystemId())
                .fileSystemArn(d.fileSystemArn())
                .creationTime(d.creationTime())
                .lifeCycleState(d.lifeCycleState())
                .name(d.name())
                .numberOfMountTargets(d.numberOfMountTargets())
                .sizeInBytes(d.sizeInBytes())
                .performanceMode(d.performanceMode())
                .encrypted(d.encrypted())
                .kmsKeyId(d.kmsKeyId())
                .throughputMode(d.throughputMode())
                .provisionedThroughputInMibps(d.provisionedThroughputInMibps())
                .availabilityZoneName(d.availabilityZoneName())
                .tags(d.tags())
                .build();
    }
}
