package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import dev.drydock.ecs.internal.support.PassRole;
import dev.drydock.ecs.internal.support.ServiceInfrastructure;
import dev.drydock.ecs.internal.support.TaskRoles;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;

/**
 * UpdateService: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html. A new desired
 * count scales the PRIMARY deployment; a new task definition revision (or forceNewDeployment) starts a new deployment
 * that replaces the tasks within minimumHealthyPercent and maximumPercent.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:UpdateService} on the service's ARN, with {@code ecs:cluster}, {@code ecs:ResourceTag/*}, and the keys of
 * what the request changes: {@code ecs:task-definition}, {@code ecs:task-cpu} and {@code ecs:task-memory} (a new
 * revision), {@code ecs:capacity-provider}, {@code ecs:subnet}, {@code ecs:auto-assign-public-ip},
 * {@code ecs:enable-execute-command}, {@code ecs:enable-ecs-managed-tags}, {@code ecs:enable-ebs-volumes},
 * {@code ecs:propagate-tags}, {@code ecs:enable-service-connect}, {@code ecs:namespace},
 * {@code ecs:enable-vpc-lattice}; then {@code iam:PassRole} on a new revision's task role and task execution role
 * ({@code ecs-tasks.amazonaws.com}) and on EBS and VPC Lattice infrastructure roles ({@code ecs.amazonaws.com}).
 */
public final class UpdateService extends EcsOperation
        implements Operation<UpdateServiceRequest, UpdateServiceResponse> {
    private final TaskRoles taskRoles;

    public UpdateService(EcsBackend backend, TaskRoles taskRoles) {
        super(backend);
        this.taskRoles = taskRoles;
    }

    @Override
    public UpdateServiceResponse call(UpdateServiceRequest request, CallContext context) {
        TaskDefinition td = null;
        if (request.taskDefinition() != null) {
            td = backend.findTaskDefinition(request.taskDefinition())
                    .orElseThrow(() -> EcsErrors.client("TaskDefinition not found."));
        }
        String clusterArn = backend.clusterArn(request.cluster());
        String serviceArn = request.service().startsWith("arn:")
                ? request.service()
                : backend.arns().service(clusterName(clusterArn), request.service());
        ServiceInfrastructure infrastructure =
                ServiceInfrastructure.of(request.volumeConfigurations(), request.vpcLatticeConfigurations());
        Boolean ebs = request.hasVolumeConfigurations() ? Boolean.valueOf(infrastructure.usesEbs()) : null;
        List<String> infrastructureRoles = infrastructure.roles();
        context.authorize(
                "ecs:UpdateService",
                serviceArn,
                keys().cluster(clusterArn)
                        .taskDefinition(td)
                        .taskSize(td)
                        .capacityProviders(request.capacityProviderStrategy(), null)
                        .network(request.networkConfiguration())
                        .put("ecs:enable-execute-command", request.enableExecuteCommand())
                        .put("ecs:enable-ecs-managed-tags", request.enableECSManagedTags())
                        .put("ecs:enable-ebs-volumes", ebs)
                        .put("ecs:propagate-tags", request.propagateTagsAsString())
                        .serviceConnect(request.serviceConnectConfiguration())
                        .put(
                                "ecs:enable-vpc-lattice",
                                request.hasVpcLatticeConfigurations()
                                        ? Boolean.valueOf(!request.vpcLatticeConfigurations()
                                                .isEmpty())
                                        : null)
                        .resourceTags(serviceArn)
                        .build());
        if (td != null) {
            PassRole.check(context, backend, td, null);
        }
        PassRole.check(context, backend, PassRole.ECS, infrastructureRoles.toArray(new String[0]));
        if (td != null) {
            taskRoles.check(td, null);
            if (td.status() == TaskDefinitionStatus.INACTIVE) {
                throw EcsErrors.invalidParameter("TaskDefinition is inactive");
            }
        }
        return UpdateServiceResponse.builder()
                .service(backend.updateService(request, td))
                .build();
    }
}
