package dev.drydock.efs;

import dev.drydock.core.testing.OperationTableSuite;
import software.amazon.awssdk.services.efs.EfsClient;

/** Keeps docs/efs-operations.md true ({@link OperationTableSuite}). */
class EfsOperationTableTest extends OperationTableSuite {
    EfsOperationTableTest() {
        super(EfsClient.class, "efs-operations.md");
    }
}
