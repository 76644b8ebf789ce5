package dev.drydock.autoscaling;

import dev.drydock.core.testing.OperationTableSuite;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;

/** Keeps docs/autoscaling-operations.md true ({@link OperationTableSuite}). */
class AutoScalingOperationTableTest extends OperationTableSuite {
    AutoScalingOperationTableTest() {
        super(AutoScalingClient.class, "autoscaling-operations.md");
    }
}
