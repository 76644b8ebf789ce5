package dev.drydock.logs;

import dev.drydock.core.testing.OperationTableSuite;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** Keeps docs/logs-operations.md true ({@link OperationTableSuite}). */
class LogsOperationTableTest extends OperationTableSuite {
    LogsOperationTableTest() {
        super(CloudWatchLogsClient.class, "logs-operations.md");
    }
}
