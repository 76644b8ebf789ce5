package dev.drydock.core.internal.iam;

import dev.drydock.core.testing.OperationTableSuite;
import software.amazon.awssdk.services.iam.IamClient;

/** Keeps docs/iam-operations.md true ({@link OperationTableSuite}). */
class IamOperationTableTest extends OperationTableSuite {
    IamOperationTableTest() {
        super(IamClient.class, "iam-operations.md");
    }
}
