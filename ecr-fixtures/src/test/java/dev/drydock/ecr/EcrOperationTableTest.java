package dev.drydock.ecr;

import dev.drydock.core.testing.OperationTableSuite;
import software.amazon.awssdk.services.ecr.EcrClient;

/** Keeps docs/ecr-operations.md true ({@link OperationTableSuite}). */
class EcrOperationTableTest extends OperationTableSuite {
    EcrOperationTableTest() {
        super(EcrClient.class, "ecr-operations.md");
    }
}
