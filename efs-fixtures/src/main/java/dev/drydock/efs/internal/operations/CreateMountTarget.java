package dev.drydock.efs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.efs.internal.backend.EfsBackend;
import software.amazon.awssdk.services.efs.model.CreateMountTargetRequest;
import software.amazon.awssdk.services.efs.model.CreateMountTargetResponse;

/**
 * CreateMountTarget, as <a href="https://docs.aws.amazon.com/efs/latest/ug/API_CreateMountTarget.html">
 * the EFS API reference</a> describes it.
 */
public final class CreateMountTarget implements Operation<CreateMountTargetRequest, CreateMountTargetResponse> {
    private final EfsBackend backend;

    public CreateMountTarget(EfsBackend backend) {
        this.backend = backend;
    }

    @Override
    public CreateMountTargetResponse call(CreateMountTargetRequest r, CallContext c) {
        c.authorize(
                "elasticfilesystem:CreateMountTarget",
                backend.fileSystem(r.fileSystemId()).arn());
        var d = backend.createMountTarget(r);
        return CreateMountTargetResponse.builder()
                .ownerId(d.ownerId())
                .mountTargetId(d.mountTargetId())
                .fileSystemId(d.fileSystemId())
                .subnetId(d.subnetId())
                .lifeCycleState(d.lifeCycleState())
                .ipAddress(d.ipAddress())
                .networkInterfaceId(d.networkInterfaceId())
                .availabilityZoneId(d.availabilityZoneId())
                .availabilityZoneName(d.availabilityZoneName())
                .vpcId(d.vpcId())
                .build();
    }
}
