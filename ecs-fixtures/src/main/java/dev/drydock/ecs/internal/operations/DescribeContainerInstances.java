package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesResponse;

/**
 * DescribeContainerInstances:
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeContainerInstances.html. Up to 100 instances by
 * id or ARN, with registered and remaining resources (CPU units, MiB, PORTS, PORTS_UDP), attributes, agent version and
 * task counts; unknown ones come back as failures with reason MISSING; {@code include} TAGS.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:DescribeContainerInstances} on each container instance's ARN, with {@code ecs:cluster}.
 */
public final class DescribeContainerInstances extends EcsOperation
        implements Operation<DescribeContainerInstancesRequest, DescribeContainerInstancesResponse> {
    public DescribeContainerInstances(EcsBackend backend) {
        super(backend);
    }

    @Override
    public DescribeContainerInstancesResponse call(DescribeContainerInstancesRequest request, CallContext context) {
        if (request.containerInstances().size() > 100) {
            throw EcsErrors.invalidParameter("containerInstances can have at most 100 items.");
        }
        String clusterArn = backend.clusterArn(request.cluster());
        for (String ref : request.containerInstances()) {
            context.authorize(
                    "ecs:DescribeContainerInstances",
                    containerInstanceArnOf(clusterArn, ref),
                    keys().cluster(clusterArn).build());
        }
        EcsBackend.Described<ContainerInstance> d = backend.capacity()
                .describeContainerInstances(
                        request.cluster(),
                        request.containerInstances(),
                        request.includeAsStrings().contains("TAGS"));
        return DescribeContainerInstancesResponse.builder()
                .containerInstances(d.found())
                .failures(d.failures())
                .build();
    }
}
