package dev.drydock.efs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.efs.internal.backend.EfsBackend;
import software.amazon.awssdk.services.efs.model.CreateAccessPointRequest;
import software.amazon.awssdk.services.efs.model.CreateAccessPointResponse;

/**
 * CreateAccessPoint, as <a href="https://docs.aws.amazon.com/efs/latest/ug/API_CreateAccessPoint.html">
 * the EFS API reference</a> describes it.
 */
public final class CreateAccessPoint implements Operation<CreateAccessPointRequest, CreateAccessPointResponse> {
    private final EfsBackend backend;

    public CreateAccessPoint(EfsBackend backend) {
        this.backend = backend;
    }

    @Override
    public CreateAccessPointResponse call(CreateAccessPointRequest r, CallContext c) {
        c.authorize(
                "elasticfilesystem:CreateAccessPoint",
                backend.fileSystem(r.fileSystemId()).arn(),
                TagConditions.request(r.tags()));
        var d = backend.createAccessPoint(r);
        return CreateAccessPointResponse.builder()
                .clientToken(d.clientToken())
                .name(d.name())
                .tags(d.tags())
                .accessPointId(d.accessPointId())
                .accessPointArn(d.accessPointArn())
                .fileSystemId(d.fileSystemId())
                .posixUser(d.posixUser())
                .rootDirectory(d.rootDirectory())
                .ownerId(d.ownerId())
                .lifeCycleState(d.lifeCycleState())
                .build();
    }
}
