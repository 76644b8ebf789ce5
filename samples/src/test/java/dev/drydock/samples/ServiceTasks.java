package dev.drydock.samples;

import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/** A service's tasks as a test reads them through the SDK. */
final class ServiceTasks {

    private ServiceTasks() {}

    /**
     * The service's tasks that are RUNNING and meant to stay so (desiredStatus RUNNING): ListTasks, then DescribeTasks.
     * A task told to stop (scale-in, a Spot interruption's warning) is not among them.
     */
    static List<Task> running(EcsClient ecs, String cluster, String service) {
        List<String> arns = ecs.listTasks(
                        r -> r.cluster(cluster).serviceName(service).desiredStatus(DesiredStatus.RUNNING))
                .taskArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecs.describeTasks(r -> r.cluster(cluster).tasks(arns)).tasks().stream()
                .filter(t -> "RUNNING".equals(t.lastStatus()))
                .toList();
    }
}
