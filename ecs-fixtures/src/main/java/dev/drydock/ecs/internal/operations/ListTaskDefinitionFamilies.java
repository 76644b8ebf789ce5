package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesResponse;

/**
 * ListTaskDefinitionFamilies:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTaskDefinitionFamilies.html.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:ListTaskDefinitionFamilies} on {@code *} (no resource type, no condition keys).
 */
public final class ListTaskDefinitionFamilies extends EcsOperation
        implements Operation<ListTaskDefinitionFamiliesRequest, ListTaskDefinitionFamiliesResponse> {
    public ListTaskDefinitionFamilies(EcsBackend backend) {
        super(backend);
    }

    @Override
    public ListTaskDefinitionFamiliesResponse call(ListTaskDefinitionFamiliesRequest request, CallContext context) {
        context.authorize("ecs:ListTaskDefinitionFamilies", "*");
        Page<String> page = EcsErrors.PAGINATOR.page(
                backend.listFamilies(request.familyPrefix(), request.statusAsString()),
                request.maxResults(),
                request.nextToken());
        return ListTaskDefinitionFamiliesResponse.builder()
                .families(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
