package dev.drydock.logs;

import dev.drydock.core.testing.OperationTables;
import dev.drydock.core.testing.RawJson;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** Keeps docs/logs-operations.md true: one row per operation, and each row's status what Drydock answers. */
class OperationTableTest extends LogsTestBase {

    @Test
    void logsTable() {
        OperationTables.verify(
                Path.of("..", "docs", "logs-operations.md"),
                new RawJson(drydock, "logs", "Logs_20140328"),
                CloudWatchLogsClient.class);
    }
}
