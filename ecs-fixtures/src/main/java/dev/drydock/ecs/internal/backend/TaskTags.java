package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.EcsRequestChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * The tags a new task starts with (pure): RunTask's or its service's, propagated from the task definition or the
 * service as {@code propagateTags} says, and with {@code enableECSManagedTags} ECS's {@code aws:ecs:clusterName} and
 * {@code aws:ecs:serviceName} (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-using-tags.html).
 */
final class TaskTags {
    private TaskTags() {}

    /**
     * The tags RunTask's tasks get: RunTask's tags, after the task definition's tags when propagateTags is
     * TASK_DEFINITION (RunTask's win on the same key), then the managed tags when asked for.
     *
     * @throws AwsException InvalidParameterException for propagateTags SERVICE or too many tags in all
     */
    static List<Tag> forRunTask(RunTaskRequest request, List<Tag> taskDefinitionTags, String cluster) {
        List<Tag> tags = propagated(request, taskDefinitionTags);
        return Boolean.TRUE.equals(request.enableECSManagedTags()) ? withManagedTags(tags, cluster, null) : tags;
    }

    private static List<Tag> propagated(RunTaskRequest request, List<Tag> taskDefinitionTags) {
        if (request.propagateTags() == PropagateTags.SERVICE) {
            throw EcsErrors.invalidParameter("propagateTags SERVICE is only valid for tasks a service starts; RunTask "
                    + "accepts TASK_DEFINITION or NONE.");
        }
        if (request.propagateTags() != PropagateTags.TASK_DEFINITION) {
            return request.tags();
        }
        Map<String, Tag> merged = new LinkedHashMap<>();
        for (Tag t : taskDefinitionTags) {
            merged.put(t.key(), t);
        }
        for (Tag t : request.tags()) {
            merged.put(t.key(), t);
        }
        List<Tag> tags = new ArrayList<>(merged.values());
        EcsRequestChecks.checkTags(tags);
        return tags;
    }

    /** The tags a service's new task gets: the service's or the task definition's, as its propagateTags says. */
    static List<Tag> forService(ServiceRecord s, List<Tag> taskDefinitionTags) {
        List<Tag> tags = s.propagateTags == PropagateTags.SERVICE
                ? s.mutableTags
                : s.propagateTags == PropagateTags.TASK_DEFINITION ? taskDefinitionTags : List.of();
        return s.enableEcsManagedTags ? withManagedTags(tags, s.clusterName, s.name) : tags;
    }

    /** {@code tags} followed by ECS's managed tags for a task of {@code cluster} (and {@code service}, if any). */
    private static List<Tag> withManagedTags(List<Tag> tags, String cluster, String service) {
        List<Tag> result = new ArrayList<>(tags);
        result.add(Tag.builder().key("aws:ecs:clusterName").value(cluster).build());
        if (service != null) {
            result.add(Tag.builder().key("aws:ecs:serviceName").value(service).build());
        }
        return result;
    }
}
