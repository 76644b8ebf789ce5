package dev.drydock.elb.internal.backend;

import dev.drydock.elb.internal.proxy.TargetEndpoint;
import java.util.concurrent.ScheduledFuture;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthReasonEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * One registered target of a target group and its health, as "Health checks for Application Load Balancer target
 * groups" describes it (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html):
 * {@code initial} while registration and the first checks run, {@code healthy} after HealthyThresholdCount consecutive
 * successes, {@code unhealthy} after UnhealthyThresholdCount consecutive failures, {@code unused} while no load balancer
 * forwards to its group, {@code draining} after deregistration until the deregistration delay is over. Guarded by its
 * target group's monitor.
 */
final class TargetRecord {
    final String id;
    final int port;
    final String availabilityZone;
    final TargetEndpoint endpoint;
    TargetHealthStateEnum state;
    TargetHealthReasonEnum reason;
    String description;
    int successes;
    int failures;
    /** Bumped when the target leaves or comes back, so that a check started before is ignored. */
    long generation;

    ScheduledFuture<?> nextCheck;
    ScheduledFuture<?> drainEnd;

    TargetRecord(String id, int port, String availabilityZone, TargetEndpoint endpoint) {
        this.id = id;
        this.port = port;
        this.availabilityZone = availabilityZone;
        this.endpoint = endpoint;
    }

    void set(TargetHealthStateEnum state, TargetHealthReasonEnum reason, String description) {
        this.state = state;
        this.reason = reason;
        this.description = description;
    }

    void cancelTimers() {
        if (nextCheck != null) {
            nextCheck.cancel(false);
            nextCheck = null;
        }
        if (drainEnd != null) {
            drainEnd.cancel(false);
            drainEnd = null;
        }
    }

    /** The key of a target in its group: its id and port. */
    static String key(String id, int port) {
        return id + ":" + port;
    }

    String key() {
        return key(id, port);
    }
}
