package dev.drydock.ecs.internal.operations;

import dev.drydock.ecs.internal.backend.EcsBackend;
import java.util.List;
import java.util.Map;

/** What every ECS operation handler shares: the backend, and the condition keys ECS attaches to requests. */
abstract class EcsOperation {
    final EcsBackend backend;

    EcsOperation(EcsBackend backend) {
        this.backend = backend;
    }

    /** The {@code ecs:cluster} condition key (the cluster's ARN). */
    static Map<String, List<String>> clusterKey(String clusterArn) {
        return Map.of("ecs:cluster", List.of(clusterArn));
    }
}
