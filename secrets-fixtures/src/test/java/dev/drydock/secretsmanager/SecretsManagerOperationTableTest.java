package dev.drydock.secretsmanager;

import dev.drydock.core.testing.OperationTableSuite;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Keeps docs/secretsmanager-operations.md true ({@link OperationTableSuite}). */
class SecretsManagerOperationTableTest extends OperationTableSuite {
    SecretsManagerOperationTableTest() {
        super(SecretsManagerClient.class, "secretsmanager-operations.md");
    }
}
