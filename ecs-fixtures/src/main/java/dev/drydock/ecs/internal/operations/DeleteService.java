package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.DeleteServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteServiceResponse;

/**
 * DeleteService: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteService.html. The service must
 * be scaled to 0 unless {@code force} is set; it becomes DRAINING while its tasks stop, then INACTIVE.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:DeleteService} on the service's ARN, with {@code ecs:cluster} and {@code ecs:ResourceTag/*}.
 */
public final class DeleteService extends EcsOperation
        implements Operation<DeleteServiceRequest, DeleteServiceResponse> {
    public DeleteService(EcsBackend backend) {
        super(backend);
    }

    @Override
    public DeleteServiceResponse call(DeleteServiceRequest request, CallContext context) {
        String clusterArn = backend.clusterArn(request.cluster());
        String serviceArn = request.service().startsWith("arn:")
                ? request.service()
                : backend.arns().service(clusterName(clusterArn), request.service());
        context.authorize(
                "ecs:DeleteService",
                serviceArn,
                keys().cluster(clusterArn).resourceTags(serviceArn).build());
        return DeleteServiceResponse.builder()
                .service(backend.deleteService(
                        request.cluster(), request.service(), Boolean.TRUE.equals(request.force())))
                .build();
    }
}
