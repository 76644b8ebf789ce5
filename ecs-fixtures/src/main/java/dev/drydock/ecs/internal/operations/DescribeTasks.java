package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import dev.drydock.ecs.internal.support.TaskIds;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * DescribeTasks: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTasks.html. Up to 100 tasks;
 * unknown ones come back as failures with reason MISSING.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:DescribeTasks} on each task's ARN ({@code task/<cluster>/<id>}), with {@code ecs:cluster} and
 * {@code ecs:ResourceTag/*}; the first task denied fails the whole call.
 */
public final class DescribeTasks extends EcsOperation
        implements Operation<DescribeTasksRequest, DescribeTasksResponse> {
    public DescribeTasks(EcsBackend backend) {
        super(backend);
    }

    @Override
    public DescribeTasksResponse call(DescribeTasksRequest request, CallContext context) {
        if (request.tasks().size() > 100) {
            throw EcsErrors.invalidParameter("tasks can have at most 100 items.");
        }
        String clusterArn = backend.clusterArn(request.cluster());
        for (String ref : request.tasks()) {
            String taskArn = TaskIds.arn(backend, clusterArn, ref);
            context.authorize(
                    "ecs:DescribeTasks",
                    taskArn,
                    keys().cluster(clusterArn).resourceTags(taskArn).build());
        }
        EcsBackend.Described<Task> d = backend.describeTasks(
                request.cluster(), request.tasks(), request.includeAsStrings().contains("TAGS"));
        return DescribeTasksResponse.builder()
                .tasks(d.found())
                .failures(d.failures())
                .build();
    }
}
