package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;

/**
 * ListServices: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListServices.html.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:ListServices} on {@code *} (no resource type), with {@code ecs:cluster}.
 */
public final class ListServices extends EcsOperation implements Operation<ListServicesRequest, ListServicesResponse> {
    public ListServices(EcsBackend backend) {
        super(backend);
    }

    @Override
    public ListServicesResponse call(ListServicesRequest request, CallContext context) {
        String clusterArn = backend.clusterArn(request.cluster());
        context.authorize("ecs:ListServices", "*", keys().cluster(clusterArn).build());
        // every Drydock service is a REPLICA service: a DAEMON filter matches none
        List<String> arns = "DAEMON".equals(request.schedulingStrategyAsString())
                ? List.of()
                : backend.listServiceArns(request.cluster(), request.launchTypeAsString());
        Page<String> page = EcsErrors.PAGINATOR.page(arns, request.maxResults(), request.nextToken());
        return ListServicesResponse.builder()
                .serviceArns(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
