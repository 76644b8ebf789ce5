package dev.drydock.ecs;

import dev.drydock.core.testing.OperationTableSuite;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Keeps docs/ecs-operations.md true ({@link OperationTableSuite}). */
class EcsOperationTableTest extends OperationTableSuite {
    EcsOperationTableTest() {
        super(EcsClient.class, "ecs-operations.md");
    }
}
