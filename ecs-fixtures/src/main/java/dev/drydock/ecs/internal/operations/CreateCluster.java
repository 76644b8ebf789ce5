package dev.drydock.ecs.internal.operations;

import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;

/** CreateCluster: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html */
public final class CreateCluster extends EcsOperation implements Operation<CreateClusterRequest, CreateClusterResponse> {
    public CreateCluster(EcsBackend backend) {
        super(backend);
    }

    @Override
    public CreateClusterResponse call(CreateClusterRequest request, CallContext context) {
        String name = request.clusterName() == null ? "default" : request.clusterName();
        context.authorize("ecs:CreateCluster", backend.arns().cluster(name), Tags.requestKeys(request.tags()));
        return CreateClusterResponse.builder().cluster(backend.createCluster(request)).build();
    }
}
