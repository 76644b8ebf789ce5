package dev.drydock.elb;

import dev.drydock.core.testing.OperationTableSuite;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/** Keeps docs/elb-operations.md true ({@link OperationTableSuite}). */
class ElbOperationTableTest extends OperationTableSuite {
    ElbOperationTableTest() {
        super(ElasticLoadBalancingV2Client.class, "elb-operations.md");
    }
}
