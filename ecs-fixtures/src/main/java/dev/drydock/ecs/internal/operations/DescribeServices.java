package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * DescribeServices: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeServices.html. Up to 10
 * services; unknown ones come back as failures with reason MISSING. The SDK's {@code waitUntilServicesStable}
 * polls this operation.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:DescribeServices} on each service's ARN ({@code service/<cluster>/<name>}), with {@code ecs:cluster} and
 * {@code ecs:ResourceTag/*}; the first service denied fails the call.
 */
public final class DescribeServices extends EcsOperation
        implements Operation<DescribeServicesRequest, DescribeServicesResponse> {
    public DescribeServices(EcsBackend backend) {
        super(backend);
    }

    @Override
    public DescribeServicesResponse call(DescribeServicesRequest request, CallContext context) {
        if (request.services().size() > 10) {
            throw EcsErrors.invalidParameter("service names can have at most 10 items.");
        }
        String clusterArn = backend.clusterArn(request.cluster());
        String cluster = clusterArn.substring(clusterArn.indexOf(":cluster/") + ":cluster/".length());
        for (String ref : request.services()) {
            String serviceArn = ref.startsWith("arn:") ? ref : backend.arns().service(cluster, ref);
            context.authorize(
                    "ecs:DescribeServices",
                    serviceArn,
                    keys().cluster(clusterArn).resourceTags(serviceArn).build());
        }
        EcsBackend.Described<Service> d = backend.describeServices(
                request.cluster(),
                request.services(),
                request.includeAsStrings().contains("TAGS"));
        return DescribeServicesResponse.builder()
                .services(d.found())
                .failures(d.failures())
                .build();
    }
}
