package dev.drydock.ecs.internal.operations;

import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import java.util.List;
import java.util.Map;

/** What every ECS operation handler shares: the backend, and the condition keys ECS attaches to requests. */
abstract class EcsOperation {
    final EcsBackend backend;

    EcsOperation(EcsBackend backend) {
        this.backend = backend;
    }

    /**
     * The value of a member ECS requires. A missing or empty one is answered as ECS answers it, e.g.
     * {@code Family can not be blank.} (the SDK's ECS model marks no member required, so the protocol layer cannot
     * tell).
     *
     * @param member the member's name, e.g. {@code taskDefinition}
     */
    static String require(String value, String member) {
        if (value == null || value.isEmpty()) {
            throw EcsErrors.missingMember(member);
        }
        return value;
    }

    /** The {@code ecs:cluster} condition key (the cluster's ARN). */
    static Map<String, List<String>> clusterKey(String clusterArn) {
        return Map.of("ecs:cluster", List.of(clusterArn));
    }
}
