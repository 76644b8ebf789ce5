package dev.drydock.core.internal.iam;

import dev.drydock.core.testing.OperationTableSuite;
import software.amazon.awssdk.services.sts.StsClient;

/** Keeps docs/sts-operations.md true ({@link OperationTableSuite}). */
class StsOperationTableTest extends OperationTableSuite {
    StsOperationTableTest() {
        super(StsClient.class, "sts-operations.md");
    }
}
