package dev.drydock.cloudwatch;

import dev.drydock.core.testing.OperationTableSuite;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** Keeps docs/cloudwatch-operations.md true ({@link OperationTableSuite}). */
class CloudWatchOperationTableTest extends OperationTableSuite {
    CloudWatchOperationTableTest() {
        super(CloudWatchClient.class, "cloudwatch-operations.md");
    }
}
