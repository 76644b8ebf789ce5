package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ListAttributesRequest;
import software.amazon.awssdk.services.ecs.model.ListAttributesResponse;

/**
 * ListAttributes: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListAttributes.html. The attributes
 * (built-in and custom) of the cluster's container instances, each with its target, optionally of one
 * {@code attributeName} (and {@code attributeValue}, which needs the name); paged (maxResults 1-100).
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:ListAttributes} on the cluster's ARN.
 */
public final class ListAttributes extends EcsOperation
        implements Operation<ListAttributesRequest, ListAttributesResponse> {
    public ListAttributes(EcsBackend backend) {
        super(backend);
    }

    @Override
    public ListAttributesResponse call(ListAttributesRequest request, CallContext context) {
        String clusterArn = backend.clusterArn(request.cluster());
        context.authorize("ecs:ListAttributes", clusterArn);
        if (request.attributeValue() != null && request.attributeName() == null) {
            throw EcsErrors.invalidParameter("attributeName must be given with attributeValue.");
        }
        List<Attribute> all =
                backend.capacity().listAttributes(request.cluster(), request.attributeName(), request.attributeValue());
        Page<Attribute> page = EcsErrors.PAGINATOR.page(all, request.maxResults(), request.nextToken());
        return ListAttributesResponse.builder()
                .attributes(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
