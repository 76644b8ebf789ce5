package dev.drydock.ecs.internal.operations;

import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * RegisterTaskDefinition: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html.
 * Registering a definition that names a task role or execution role passes that role, so the caller also needs
 * {@code iam:PassRole} on it.
 */
public final class RegisterTaskDefinition extends EcsOperation
        implements Operation<RegisterTaskDefinitionRequest, RegisterTaskDefinitionResponse> {
    public RegisterTaskDefinition(EcsBackend backend) {
        super(backend);
    }

    @Override
    public RegisterTaskDefinitionResponse call(RegisterTaskDefinitionRequest request, CallContext context) {
        require(request.family(), "family");
        context.authorize("ecs:RegisterTaskDefinition", "*", Tags.requestKeys(request.tags()));
        for (String role : new String[] {request.taskRoleArn(), request.executionRoleArn()}) {
            if (role != null && !role.isEmpty()) {
                String arn = role.startsWith("arn:") ? role
                        : "arn:aws:iam::" + backend.arns().accountId() + ":role/" + role;
                context.authorize("iam:PassRole", arn, Map.of("iam:PassedToService", List.of("ecs-tasks.amazonaws.com")));
            }
        }
        TaskDefinition td = backend.registerTaskDefinition(request, context.caller().arn());
        return RegisterTaskDefinitionResponse.builder().taskDefinition(td)
                .tags(request.hasTags() ? request.tags() : null).build();
    }
}
