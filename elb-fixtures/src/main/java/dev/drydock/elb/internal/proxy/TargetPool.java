package dev.drydock.elb.internal.proxy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

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
    private final LongAdder requests = new LongAdder();
    private final LongAdder[] targetCodes = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
    private final LongAdder responses = new LongAdder();
    private final LongAdder responseNanos = new LongAdder();

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

    /** How many healthy targets the group routes to now. */
    public int healthyCount() {
        return healthy.length;
    }

    /** How many registered targets are not draining now. */
    public int registeredCount() {
        return failOpen.length;
    }

    /**
     * A request an ALB forwarded, or a connection (flow) an NLB opened, to one of the group's targets (counted once a
     * target is chosen).
     */
    public void countRequest() {
        requests.increment();
    }

    /**
     * A target began to answer.
     *
     * @param status the target's HTTP status code
     * @param nanos from the request leaving the load balancer until the response headers arrived
     */
    public void countResponse(int status, long nanos) {
        int klass = status / 100;
        if (klass >= 2 && klass <= 5) {
            targetCodes[klass - 2].increment();
        }
        responses.increment();
        responseNanos.add(nanos);
    }

    /**
     * The traffic since the previous call (what the metrics publish), and resets the counters.
     *
     * @return the requests forwarded, the targets' 2XX..5XX responses and the response times
     */
    public Traffic takeTraffic() {
        long[] codes = new long[4];
        for (int i = 0; i < 4; i++) {
            codes[i] = targetCodes[i].sumThenReset();
        }
        return new Traffic(requests.sumThenReset(), codes, responses.sumThenReset(), responseNanos.sumThenReset());
    }

    /**
     * The traffic of one interval.
     *
     * @param requests requests forwarded to a target
     * @param targetCodes responses of the targets with status 2XX, 3XX, 4XX and 5XX (index 0 to 3)
     * @param responses responses whose headers arrived
     * @param responseNanos their response times added up, in nanoseconds
     */
    public record Traffic(long requests, long[] targetCodes, long responses, long responseNanos) {}

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
