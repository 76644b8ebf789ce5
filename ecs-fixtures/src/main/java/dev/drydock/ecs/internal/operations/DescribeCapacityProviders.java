package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;

/**
 * DescribeCapacityProviders:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeCapacityProviders.html. The providers named
 * (name or ARN; unknown ones are failures with reason MISSING), or every one, FARGATE and FARGATE_SPOT first, a page at
 * a time ({@code maxResults} 1-10); tags with {@code include} TAGS. {@code cluster} (for Managed Instances) is ignored.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:DescribeCapacityProviders} on each named provider's ARN with {@code ecs:ResourceTag/*}, or on {@code *}
 * when none is named.
 */
public final class DescribeCapacityProviders extends EcsOperation
        implements Operation<DescribeCapacityProvidersRequest, DescribeCapacityProvidersResponse> {
    public DescribeCapacityProviders(EcsBackend backend) {
        super(backend);
    }

    @Override
    public DescribeCapacityProvidersResponse call(DescribeCapacityProvidersRequest request, CallContext context) {
        if (request.capacityProviders().isEmpty()) {
            context.authorize("ecs:DescribeCapacityProviders", "*", keys().build());
        }
        for (String ref : request.capacityProviders()) {
            String arn = ref.startsWith("arn:") ? ref : backend.arns().capacityProvider(ref);
            context.authorize(
                    "ecs:DescribeCapacityProviders",
                    arn,
                    keys().resourceTags(arn).build());
        }
        return backend.capacityProviders()
                .describeCapacityProviders(
                        request.capacityProviders(),
                        request.includeAsStrings().contains("TAGS"),
                        request.maxResults(),
                        request.nextToken());
    }
}
