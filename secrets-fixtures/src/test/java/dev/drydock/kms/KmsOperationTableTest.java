package dev.drydock.kms;

import dev.drydock.core.testing.OperationTableSuite;
import software.amazon.awssdk.services.kms.KmsClient;

/** Keeps docs/kms-operations.md true ({@link OperationTableSuite}). */
class KmsOperationTableTest extends OperationTableSuite {
    KmsOperationTableTest() {
        super(KmsClient.class, "kms-operations.md");
    }
}
