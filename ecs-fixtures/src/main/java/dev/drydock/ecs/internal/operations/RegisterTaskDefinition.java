package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import dev.drydock.ecs.internal.support.PassRole;
import dev.drydock.ecs.internal.support.Tags;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * RegisterTaskDefinition: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:RegisterTaskDefinition} on the ARN of the revision it creates ({@code task-definition/<family>:<next>}),
 * with {@code aws:RequestTag/*}, {@code aws:TagKeys}, {@code ecs:compute-compatibility} (requiresCompatibilities, when
 * given), {@code ecs:privileged} ({@code true} when a container is privileged), {@code ecs:task-cpu} and
 * {@code ecs:task-memory} (the task size given, as integers); with tags, also {@code ecs:TagResource} on that ARN
 * ({@code ecs:CreateAction} = {@code RegisterTaskDefinition}); then {@code iam:PassRole} on the task role and the task
 * execution role ({@code iam:PassedToService} = {@code ecs-tasks.amazonaws.com}).
 */
public final class RegisterTaskDefinition extends EcsOperation
        implements Operation<RegisterTaskDefinitionRequest, RegisterTaskDefinitionResponse> {
    public RegisterTaskDefinition(EcsBackend backend) {
        super(backend);
    }

    @Override
    public RegisterTaskDefinitionResponse call(RegisterTaskDefinitionRequest request, CallContext context) {
        String arn = backend.arns().taskDefinition(request.family(), nextRevision(request.family()));
        boolean privileged = false;
        for (ContainerDefinition c : request.containerDefinitions()) {
            privileged |= Boolean.TRUE.equals(c.privileged());
        }
        context.authorize(
                "ecs:RegisterTaskDefinition",
                arn,
                keys().requestTags(request.tags())
                        .put("ecs:compute-compatibility", request.requiresCompatibilitiesAsStrings())
                        .put("ecs:privileged", privileged)
                        .taskSize(request.cpu(), request.memory())
                        .build());
        Tags.authorizeOnCreate(context, "RegisterTaskDefinition", arn, request.tags());
        PassRole.check(context, backend, PassRole.ECS_TASKS, request.taskRoleArn(), request.executionRoleArn());
        TaskDefinition td =
                backend.registerTaskDefinition(request, context.caller().arn());
        return RegisterTaskDefinitionResponse.builder()
                .taskDefinition(td)
                .tags(request.hasTags() ? request.tags() : null)
                .build();
    }

    /** The revision the family's next registration gets: one more than the revisions it has, in any status. */
    private int nextRevision(String family) {
        String prefix = ":task-definition/" + family + ":";
        int revisions = 0;
        for (String arn : backend.listTaskDefinitionArns(family, null, false)) {
            int at = arn.indexOf(prefix);
            if (at >= 0 && arn.indexOf(':', at + prefix.length()) < 0) {
                revisions++;
            }
        }
        return revisions + 1;
    }
}
