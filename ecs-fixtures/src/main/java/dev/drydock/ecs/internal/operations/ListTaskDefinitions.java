package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * ListTaskDefinitions: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTaskDefinitions.html.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:ListTaskDefinitions} on {@code *} (no resource type, no condition keys).
 */
public final class ListTaskDefinitions extends EcsOperation
        implements Operation<ListTaskDefinitionsRequest, ListTaskDefinitionsResponse> {
    public ListTaskDefinitions(EcsBackend backend) {
        super(backend);
    }

    @Override
    public ListTaskDefinitionsResponse call(ListTaskDefinitionsRequest request, CallContext context) {
        context.authorize("ecs:ListTaskDefinitions", "*");
        String status = request.status() == null ? TaskDefinitionStatus.ACTIVE.toString() : request.statusAsString();
        boolean descending = request.sort() == SortOrder.DESC;
        Page<String> page = EcsErrors.PAGINATOR.page(
                backend.listTaskDefinitionArns(request.familyPrefix(), status, descending),
                request.maxResults(),
                request.nextToken());
        return ListTaskDefinitionsResponse.builder()
                .taskDefinitionArns(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
