package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * DescribeTaskDefinition: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTaskDefinition.html.
 * Takes a family (its latest ACTIVE revision), {@code family:revision} or an ARN.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:DescribeTaskDefinition} on {@code *}: the action has no resource type and no condition keys, so a policy
 * cannot scope it to task definitions.
 */
public final class DescribeTaskDefinition extends EcsOperation
        implements Operation<DescribeTaskDefinitionRequest, DescribeTaskDefinitionResponse> {
    public DescribeTaskDefinition(EcsBackend backend) {
        super(backend);
    }

    @Override
    public DescribeTaskDefinitionResponse call(DescribeTaskDefinitionRequest request, CallContext context) {
        context.authorize("ecs:DescribeTaskDefinition", "*");
        TaskDefinition td = backend.findTaskDefinition(request.taskDefinition())
                .orElseThrow(() -> EcsErrors.client("Unable to describe task definition."));
        DescribeTaskDefinitionResponse.Builder b =
                DescribeTaskDefinitionResponse.builder().taskDefinition(td);
        if (request.includeAsStrings().contains("TAGS")) {
            b.tags(backend.taskDefinitionTags(td.taskDefinitionArn()));
        }
        return b.build();
    }
}
