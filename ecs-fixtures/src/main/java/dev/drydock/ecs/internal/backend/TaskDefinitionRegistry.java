package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsArns;
import dev.drydock.ecs.internal.EcsErrors;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * The model's task definitions: each family's revisions (ACTIVE, then INACTIVE once deregistered), their tags, and
 * how a reference ({@code family}, {@code family:revision}, an ARN) finds one. Building and validating a revision is
 * {@link TaskDefinitions}' job. Guarded by the backend's lock: callers hold it.
 */
final class TaskDefinitionRegistry {
    private final EcsArns arns;
    private final Clock clock;
    private final Map<String, List<TaskDefinition>> families = new TreeMap<>();
    private final Map<String, List<Tag>> tags = new HashMap<>();

    TaskDefinitionRegistry(EcsArns arns, Clock clock) {
        this.arns = arns;
        this.clock = clock;
    }

    /**
     * RegisterTaskDefinition: the family's next revision, ACTIVE.
     *
     * @throws AwsException ClientException or InvalidParameterException for a definition ECS refuses
     */
    TaskDefinition register(RegisterTaskDefinitionRequest request, String registeredBy) {
        List<TaskDefinition> revisions = families.getOrDefault(request.family(), List.of());
        int revision = revisions.size() + 1;
        TaskDefinition td = TaskDefinitions.build(
                request, arns.taskDefinition(request.family(), revision), revision, registeredBy, clock.instant());
        families.computeIfAbsent(request.family(), f -> new ArrayList<>()).add(td);
        tags.put(td.taskDefinitionArn(), new ArrayList<>(request.tags()));
        return td;
    }

    /**
     * The task definition a reference names: {@code family} (its latest ACTIVE revision), {@code family:revision}
     * or an ARN; {@code null} when there is none.
     */
    TaskDefinition find(String ref) {
        TaskDefinitions.Reference r = ref == null ? null : TaskDefinitions.Reference.parse(ref, arns);
        if (r == null) {
            return null;
        }
        List<TaskDefinition> revisions = families.get(r.family());
        if (revisions == null) {
            return null;
        }
        if (r.revision() == null) {
            for (int i = revisions.size() - 1; i >= 0; i--) {
                if (revisions.get(i).status() == TaskDefinitionStatus.ACTIVE) {
                    return revisions.get(i);
                }
            }
            return null;
        }
        if (r.revision() < 1 || r.revision() > revisions.size()) {
            return null;
        }
        TaskDefinition td = revisions.get(r.revision() - 1);
        return td.status() == TaskDefinitionStatus.DELETE_IN_PROGRESS ? null : td;
    }

    /** The tags of a revision (empty for an unknown ARN). */
    List<Tag> tags(String arn) {
        return tags.getOrDefault(arn, List.of());
    }

    /** The tag list of a revision, to change in place, or {@code null} when the ARN is no revision's. */
    List<Tag> mutableTags(String arn) {
        return tags.get(arn);
    }

    /** ListTaskDefinitions: ARNs, filtered, sorted by family then revision. */
    List<String> arns(String familyPrefix, String status, boolean descending) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, List<TaskDefinition>> e : families.entrySet()) {
            if (familyPrefix != null && !e.getKey().startsWith(familyPrefix)) {
                continue;
            }
            for (TaskDefinition td : e.getValue()) {
                if (status == null || status.equals(td.statusAsString())) {
                    result.add(td.taskDefinitionArn());
                }
            }
        }
        if (descending) {
            Collections.reverse(result);
        }
        return result;
    }

    /** ListTaskDefinitionFamilies: family names, filtered by prefix and status (ACTIVE: has an ACTIVE revision). */
    List<String> families(String familyPrefix, String status) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, List<TaskDefinition>> e : families.entrySet()) {
            if (familyPrefix != null && !e.getKey().startsWith(familyPrefix)) {
                continue;
            }
            boolean anyActive = e.getValue().stream().anyMatch(td -> td.status() == TaskDefinitionStatus.ACTIVE);
            TaskDefinitionFamilyStatus wanted = TaskDefinitionFamilyStatus.fromValue(status);
            if (wanted == null
                    || wanted == TaskDefinitionFamilyStatus.ALL
                    || (wanted == TaskDefinitionFamilyStatus.ACTIVE) == anyActive) {
                result.add(e.getKey());
            }
        }
        return result;
    }

    /**
     * DeregisterTaskDefinition: the revision becomes INACTIVE; running tasks and services keep it.
     *
     * @throws AwsException ClientException for a reference without a revision or an unknown revision
     */
    TaskDefinition deregister(String ref) {
        TaskDefinitions.Reference r = TaskDefinitions.Reference.parse(ref, arns);
        if (r == null || r.revision() == null) {
            throw EcsErrors.client("Invalid revision number. Number: " + (r == null ? ref : "null"));
        }
        TaskDefinition td = find(ref);
        if (td == null) {
            throw EcsErrors.client("The specified task definition does not exist.");
        }
        if (td.status() == TaskDefinitionStatus.INACTIVE) {
            return td; // already deregistered: it keeps its deregisteredAt
        }
        TaskDefinition inactive = td.toBuilder()
                .status(TaskDefinitionStatus.INACTIVE)
                .deregisteredAt(clock.instant())
                .build();
        families.get(r.family()).set(r.revision() - 1, inactive);
        return inactive;
    }
}
