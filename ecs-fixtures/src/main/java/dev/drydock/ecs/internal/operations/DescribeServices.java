package dev.drydock.ecs.internal.operations;

import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.Operation;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * DescribeServices: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeServices.html. Up to 10
 * services; unknown ones come back as failures with reason MISSING. The SDK's {@code waitUntilServicesStable}
 * polls this operation.
 */
public final class DescribeServices extends EcsOperation
        implements Operation<DescribeServicesRequest, DescribeServicesResponse> {
    public DescribeServices(EcsBackend backend) {
        super(backend);
    }

    @Override
    public DescribeServicesResponse call(DescribeServicesRequest request, CallContext context) {
        if (request.services().isEmpty()) {
            throw EcsErrors.invalidParameter("Services cannot be empty.");
        }
        if (request.services().size() > 10) {
            throw EcsErrors.invalidParameter("service names can have at most 10 items.");
        }
        String clusterArn = backend.clusterArn(request.cluster());
        String cluster = clusterArn.substring(clusterArn.indexOf(":cluster/") + ":cluster/".length());
        for (String ref : request.services()) {
            context.authorize("ecs:DescribeServices", ref.startsWith("arn:") ? ref
                    : backend.arns().service(cluster, ref), clusterKey(clusterArn));
        }
        EcsBackend.Described<Service> d = backend.describeServices(request.cluster(), request.services(),
                request.includeAsStrings().contains("TAGS"));
        return DescribeServicesResponse.builder().services(d.found()).failures(d.failures()).build();
    }
}
