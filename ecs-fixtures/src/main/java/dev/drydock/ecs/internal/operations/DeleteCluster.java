package dev.drydock.ecs.internal.operations;

import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import software.amazon.awssdk.services.ecs.model.DeleteClusterRequest;
import software.amazon.awssdk.services.ecs.model.DeleteClusterResponse;

/**
 * DeleteCluster: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteCluster.html. The cluster
 * becomes INACTIVE; it must have no active services or tasks.
 */
public final class DeleteCluster extends EcsOperation implements Operation<DeleteClusterRequest, DeleteClusterResponse> {
    public DeleteCluster(EcsBackend backend) {
        super(backend);
    }

    @Override
    public DeleteClusterResponse call(DeleteClusterRequest request, CallContext context) {
        require(request.cluster(), "cluster");
        String ref = request.cluster();
        context.authorize("ecs:DeleteCluster", ref.startsWith("arn:") ? ref : backend.arns().cluster(ref));
        return DeleteClusterResponse.builder().cluster(backend.deleteCluster(ref)).build();
    }
}
