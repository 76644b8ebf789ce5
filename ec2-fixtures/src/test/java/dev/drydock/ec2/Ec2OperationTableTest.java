package dev.drydock.ec2;

import dev.drydock.core.testing.OperationTableSuite;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Keeps docs/ec2-operations.md true ({@link OperationTableSuite}). */
class Ec2OperationTableTest extends OperationTableSuite {
    Ec2OperationTableTest() {
        super(Ec2Client.class, "ec2-operations.md");
    }
}
