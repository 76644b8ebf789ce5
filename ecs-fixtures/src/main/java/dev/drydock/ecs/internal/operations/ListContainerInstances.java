package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesResponse;

/**
 * ListContainerInstances: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListContainerInstances.html.
 * The ARNs of the cluster's registered container instances in registration order, ACTIVE and DRAINING ones unless
 * {@code status} names one (REGISTERING, DEREGISTERING and REGISTRATION_FAILED match none: Drydock's instances register
 * and deregister at once); paged as ECS pages (maxResults 1-100); an unknown cluster is ClusterNotFoundException.
 * {@code filter} is a cluster query language expression
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html), e.g.
 * {@code attribute:ecs.availability-zone in [us-east-1a, us-east-1b]}; an invalid one is InvalidParameterException.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:ListContainerInstances} on the cluster's ARN.
 */
public final class ListContainerInstances extends EcsOperation
        implements Operation<ListContainerInstancesRequest, ListContainerInstancesResponse> {
    public ListContainerInstances(EcsBackend backend) {
        super(backend);
    }

    @Override
    public ListContainerInstancesResponse call(ListContainerInstancesRequest request, CallContext context) {
        String clusterArn = backend.clusterArn(request.cluster());
        context.authorize("ecs:ListContainerInstances", clusterArn);
        List<String> all = backend.capacity()
                .listContainerInstanceArns(request.cluster(), request.statusAsString(), request.filter());
        Page<String> page = EcsErrors.PAGINATOR.page(all, request.maxResults(), request.nextToken());
        return ListContainerInstancesResponse.builder()
                .containerInstanceArns(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
