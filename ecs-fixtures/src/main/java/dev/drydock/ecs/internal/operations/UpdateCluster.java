package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.UpdateClusterRequest;
import software.amazon.awssdk.services.ecs.model.UpdateClusterResponse;

/**
 * UpdateCluster: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateCluster.html. Settings
 * (containerInsights), configuration and Service Connect defaults are stored and described back; they change nothing
 * else in Drydock.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:UpdateCluster} on the cluster's ARN, with {@code ecs:fargate-ephemeral-storage-kms-key} and
 * {@code ecs:ResourceTag/*}.
 */
public final class UpdateCluster extends EcsOperation
        implements Operation<UpdateClusterRequest, UpdateClusterResponse> {
    public UpdateCluster(EcsBackend backend) {
        super(backend);
    }

    @Override
    public UpdateClusterResponse call(UpdateClusterRequest request, CallContext context) {
        String arn = clusterArnOf(request.cluster());
        context.authorize(
                "ecs:UpdateCluster",
                arn,
                keys().storageKmsKey(request.configuration()).resourceTags(arn).build());
        return UpdateClusterResponse.builder()
                .cluster(backend.capacityProviders().updateCluster(request))
                .build();
    }
}
