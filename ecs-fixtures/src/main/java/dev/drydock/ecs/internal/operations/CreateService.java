package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import dev.drydock.ecs.internal.support.PassRole;
import dev.drydock.ecs.internal.support.ServiceInfrastructure;
import dev.drydock.ecs.internal.support.Tags;
import dev.drydock.ecs.internal.support.TaskRoles;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * CreateService: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html. A REPLICA service
 * on Fargate; the service scheduler starts desiredCount tasks and keeps them running.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:CreateService} on the service's ARN ({@code service/<cluster>/<name>}), with {@code ecs:cluster},
 * {@code ecs:task-definition} (the resolved revision), {@code ecs:task-cpu} and {@code ecs:task-memory} (its task
 * size), {@code ecs:capacity-provider}, {@code ecs:subnet}, {@code ecs:auto-assign-public-ip},
 * {@code ecs:enable-execute-command}, {@code ecs:enable-ecs-managed-tags}, {@code ecs:enable-ebs-volumes},
 * {@code ecs:propagate-tags}, {@code ecs:enable-service-connect}, {@code ecs:namespace},
 * {@code ecs:enable-vpc-lattice}, {@code aws:RequestTag/*}, {@code aws:TagKeys}; with tags, also
 * {@code ecs:TagResource} on the service's ARN ({@code ecs:CreateAction} = {@code CreateService}); then
 * {@code iam:PassRole} on the task definition's task role and task execution role ({@code ecs-tasks.amazonaws.com})
 * and on the roles ECS itself is given (the load balancer {@code role}, EBS and VPC Lattice infrastructure roles:
 * {@code ecs.amazonaws.com}).
 */
public final class CreateService extends EcsOperation
        implements Operation<CreateServiceRequest, CreateServiceResponse> {
    private final TaskRoles taskRoles;

    public CreateService(EcsBackend backend, TaskRoles taskRoles) {
        super(backend);
        this.taskRoles = taskRoles;
    }

    @Override
    public CreateServiceResponse call(CreateServiceRequest request, CallContext context) {
        if (request.taskDefinition() == null) {
            throw EcsErrors.invalidParameter("taskDefinition can not be blank.");
        }
        if (request.deploymentController() != null
                && request.deploymentController().typeAsString() != null
                && !"ECS".equals(request.deploymentController().typeAsString())) {
            throw EcsErrors.invalidParameter("Drydock supports the ECS deployment controller only (rolling updates);"
                    + " remove deploymentController or set its type to ECS.");
        }
        TaskDefinition td = backend.findTaskDefinition(request.taskDefinition())
                .orElseThrow(() -> EcsErrors.client("TaskDefinition not found."));
        String clusterArn = backend.clusterArn(request.cluster());
        String serviceArn = backend.arns().service(clusterName(clusterArn), request.serviceName());
        ServiceInfrastructure infrastructure =
                ServiceInfrastructure.of(request.volumeConfigurations(), request.vpcLatticeConfigurations());
        boolean ebs = infrastructure.usesEbs();
        List<String> infrastructureRoles = new ArrayList<>();
        infrastructureRoles.add(request.role());
        infrastructureRoles.addAll(infrastructure.roles());
        context.authorize(
                "ecs:CreateService",
                serviceArn,
                keys().cluster(clusterArn)
                        .taskDefinition(td)
                        .taskSize(td)
                        .capacityProviders(request.capacityProviderStrategy(), null)
                        .network(request.networkConfiguration())
                        .put("ecs:enable-execute-command", Boolean.TRUE.equals(request.enableExecuteCommand()))
                        .put("ecs:enable-ecs-managed-tags", Boolean.TRUE.equals(request.enableECSManagedTags()))
                        .put("ecs:enable-ebs-volumes", ebs)
                        .put("ecs:propagate-tags", request.propagateTagsAsString())
                        .serviceConnect(request.serviceConnectConfiguration())
                        .put(
                                "ecs:enable-vpc-lattice",
                                request.hasVpcLatticeConfigurations()
                                        ? Boolean.valueOf(!request.vpcLatticeConfigurations()
                                                .isEmpty())
                                        : null)
                        .requestTags(request.tags())
                        .resourceTags(serviceArn)
                        .build());
        Tags.authorizeOnCreate(context, "CreateService", serviceArn, request.tags());
        PassRole.check(context, backend, td, null);
        PassRole.check(context, backend, PassRole.ECS, infrastructureRoles.toArray(new String[0]));
        taskRoles.check(td, null);
        if (td.status() == TaskDefinitionStatus.INACTIVE) {
            throw EcsErrors.invalidParameter("TaskDefinition is inactive");
        }
        return CreateServiceResponse.builder()
                .service(backend.createService(request, td, context.caller().arn()))
                .build();
    }
}
