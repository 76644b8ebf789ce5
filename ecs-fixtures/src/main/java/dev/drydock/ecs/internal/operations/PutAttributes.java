package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.PutAttributesRequest;
import software.amazon.awssdk.services.ecs.model.PutAttributesResponse;

/**
 * PutAttributes: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutAttributes.html. Up to 10 attributes
 * on container instances (by id or ARN), all or nothing: an unknown target is TargetNotFoundException, more than 10
 * custom attributes on an instance AttributeLimitExceededException.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:PutAttributes} on each target container instance's ARN, with {@code ecs:cluster}.
 */
public final class PutAttributes extends EcsOperation
        implements Operation<PutAttributesRequest, PutAttributesResponse> {
    public PutAttributes(EcsBackend backend) {
        super(backend);
    }

    @Override
    public PutAttributesResponse call(PutAttributesRequest request, CallContext context) {
        if (request.attributes().size() > 10) {
            throw EcsErrors.invalidParameter("attributes can have at most 10 items.");
        }
        String clusterArn = backend.clusterArn(request.cluster());
        for (Attribute a : request.attributes()) {
            if (a.targetId() != null) {
                context.authorize(
                        "ecs:PutAttributes",
                        containerInstanceArnOf(clusterArn, a.targetId()),
                        keys().cluster(clusterArn).build());
            }
        }
        return PutAttributesResponse.builder()
                .attributes(backend.capacity().putAttributes(request.cluster(), request.attributes()))
                .build();
    }
}
