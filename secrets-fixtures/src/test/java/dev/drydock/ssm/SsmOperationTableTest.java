package dev.drydock.ssm;

import dev.drydock.core.testing.OperationTableSuite;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Keeps docs/ssm-operations.md true ({@link OperationTableSuite}). */
class SsmOperationTableTest extends OperationTableSuite {
    SsmOperationTableTest() {
        super(SsmClient.class, "ssm-operations.md");
    }
}
