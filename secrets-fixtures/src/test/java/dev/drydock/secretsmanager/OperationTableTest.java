package dev.drydock.secretsmanager;

import dev.drydock.core.testing.OperationTables;
import dev.drydock.core.testing.RawJson;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Keeps docs/secretsmanager-operations.md, docs/ssm-operations.md and docs/kms-operations.md true: one row per
 * operation, and each row's status what Drydock answers.
 */
class OperationTableTest extends SecretsFamilyTestBase {

    @Test
    void secretsManagerTable() {
        OperationTables.verify(
                Path.of("..", "docs", "secretsmanager-operations.md"),
                new RawJson(drydock, "secretsmanager", "secretsmanager"),
                SecretsManagerClient.class);
    }

    @Test
    void parameterStoreTable() {
        OperationTables.verify(
                Path.of("..", "docs", "ssm-operations.md"), new RawJson(drydock, "ssm", "AmazonSSM"), SsmClient.class);
    }

    @Test
    void kmsTable() {
        OperationTables.verify(
                Path.of("..", "docs", "kms-operations.md"),
                new RawJson(drydock, "kms", "TrentService"),
                KmsClient.class);
    }
}
