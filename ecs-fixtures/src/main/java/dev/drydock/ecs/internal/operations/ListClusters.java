package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;

/**
 * ListClusters: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListClusters.html.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:ListClusters} on {@code *} (the action has no resource type and no condition keys).
 */
public final class ListClusters extends EcsOperation implements Operation<ListClustersRequest, ListClustersResponse> {
    public ListClusters(EcsBackend backend) {
        super(backend);
    }

    @Override
    public ListClustersResponse call(ListClustersRequest request, CallContext context) {
        context.authorize("ecs:ListClusters", "*");
        Page<String> page =
                EcsErrors.PAGINATOR.page(backend.listClusterArns(), request.maxResults(), request.nextToken());
        return ListClustersResponse.builder()
                .clusterArns(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
