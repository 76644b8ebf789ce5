package dev.drydock.scaling;

import dev.drydock.core.testing.OperationTableSuite;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;

/** Keeps docs/application-autoscaling-operations.md true ({@link OperationTableSuite}). */
class ApplicationAutoScalingOperationTableTest extends OperationTableSuite {
    ApplicationAutoScalingOperationTableTest() {
        super(ApplicationAutoScalingClient.class, "application-autoscaling-operations.md");
    }
}
