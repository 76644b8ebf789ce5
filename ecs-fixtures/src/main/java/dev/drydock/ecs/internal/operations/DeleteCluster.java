package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.DeleteClusterRequest;
import software.amazon.awssdk.services.ecs.model.DeleteClusterResponse;

/**
 * DeleteCluster: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteCluster.html. The cluster
 * becomes INACTIVE; it must have no active services or tasks.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:DeleteCluster} on the cluster's ARN, with {@code ecs:ResourceTag/*}.
 */
public final class DeleteCluster extends EcsOperation
        implements Operation<DeleteClusterRequest, DeleteClusterResponse> {
    public DeleteCluster(EcsBackend backend) {
        super(backend);
    }

    @Override
    public DeleteClusterResponse call(DeleteClusterRequest request, CallContext context) {
        String ref = request.cluster();
        String arn = clusterArnOf(ref);
        context.authorize("ecs:DeleteCluster", arn, keys().resourceTags(arn).build());
        return DeleteClusterResponse.builder()
                .cluster(backend.deleteCluster(ref))
                .build();
    }
}
