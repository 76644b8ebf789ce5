package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;

/**
 * ListTasks: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTasks.html. Filters by family,
 * serviceName, startedBy, desiredStatus (RUNNING unless given) and launchType.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:ListTasks}, whose only resource type is container-instance: on the container instance's ARN
 * ({@code container-instance/<cluster>/<id>}) when the request names one, else on {@code *} (as AWS answers, e.g.
 * "... is not authorized to perform: ecs:ListTasks on resource: *"); with {@code ecs:cluster}, which is how a policy
 * scopes listing to a cluster.
 */
public final class ListTasks extends EcsOperation implements Operation<ListTasksRequest, ListTasksResponse> {
    private static final Pattern FAMILY = Pattern.compile("[a-zA-Z0-9\\-_]+");

    public ListTasks(EcsBackend backend) {
        super(backend);
    }

    @Override
    public ListTasksResponse call(ListTasksRequest request, CallContext context) {
        if (request.family() != null && !FAMILY.matcher(request.family()).matches()) {
            throw EcsErrors.invalidParameter("family must match ^[a-zA-Z0-9\\-_]+$");
        }
        boolean others = request.family() != null || request.containerInstance() != null;
        if (request.serviceName() != null && (others || request.startedBy() != null)) {
            throw EcsErrors.invalidParameter("cannot specify serviceName with other arguments");
        }
        if (request.startedBy() != null && others) {
            throw EcsErrors.invalidParameter("cannot specify startedBy with other arguments");
        }
        String clusterArn = backend.clusterArn(request.cluster());
        String resource = "*";
        if (request.containerInstance() != null) {
            resource = request.containerInstance().startsWith("arn:")
                    ? request.containerInstance()
                    : "arn:aws:ecs:" + backend.arns().region() + ":"
                            + backend.arns().accountId() + ":container-instance/" + clusterName(clusterArn) + "/"
                            + request.containerInstance();
        }
        context.authorize(
                "ecs:ListTasks",
                resource,
                keys().cluster(clusterArn).resourceTags(resource).build());
        if (request.serviceName() != null && !backend.serviceExists(request.cluster(), request.serviceName())) {
            throw EcsErrors.serviceNotFound();
        }
        Page<String> page = EcsErrors.PAGINATOR.page(
                backend.listTaskArns(
                        request.cluster(),
                        request.family(),
                        request.serviceName(),
                        request.startedBy(),
                        request.desiredStatusAsString(),
                        request.launchTypeAsString()),
                request.maxResults(),
                request.nextToken());
        return ListTasksResponse.builder()
                .taskArns(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
