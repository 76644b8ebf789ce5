package dev.drydock.elb.internal.proxy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The targets one target group offers its load balancers, as the proxies pick them: its healthy targets, or when it
 * has none, every registered target that is not draining (ELB's fail-open: "If a target group contains only unhealthy
 * registered targets, the load balancer routes requests to all those targets, regardless of their health status",
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html). Updated by the
 * health checks and registrations; read lock-free by the event loops.
 */
public final class TargetPool {
    private static final TargetEndpoint[] NONE = new TargetEndpoint[0];

    private final String targetGroupArn;
    private final AtomicInteger next = new AtomicInteger();
    private volatile TargetEndpoint[] healthy = NONE;
    private volatile TargetEndpoint[] failOpen = NONE;
    private volatile boolean leastOutstandingRequests;

    public TargetPool(String targetGroupArn) {
        this.targetGroupArn = targetGroupArn;
    }

    public String targetGroupArn() {
        return targetGroupArn;
    }

    /**
     * Sets the targets to route to.
     *
     * @param healthy the healthy targets
     * @param registered every registered target that is not draining (used when none is healthy)
     */
    public void update(List<TargetEndpoint> healthy, List<TargetEndpoint> registered) {
        this.healthy = healthy.toArray(NONE);
        this.failOpen = registered.toArray(NONE);
    }

    /** {@code load_balancing.algorithm.type}: {@code least_outstanding_requests} when true, else round robin. */
    public void leastOutstandingRequests(boolean on) {
        this.leastOutstandingRequests = on;
    }

    /** The next target to send a request or connection to, or {@code null} when the group has no registered target. */
    public TargetEndpoint pick() {
        TargetEndpoint[] candidates = healthy;
        if (candidates.length == 0) {
            candidates = failOpen;
        }
        int n = candidates.length;
        if (n == 0) {
            return null;
        }
        int start = Math.floorMod(next.getAndIncrement(), n);
        if (leastOutstandingRequests) {
            TargetEndpoint best = null;
            for (int i = 0; i < n; i++) {
                TargetEndpoint t = candidates[(start + i) % n];
                if (t.accepting() && (best == null || t.inFlight() < best.inFlight())) {
                    best = t;
                }
            }
            return best;
        }
        for (int i = 0; i < n; i++) {
            TargetEndpoint t = candidates[(start + i) % n];
            if (t.accepting()) {
                return t;
            }
        }
        return null;
    }
}
