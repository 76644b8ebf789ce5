package dev.drydock.elb.internal.backend;

import dev.drydock.elb.internal.health.HealthProbe;
import dev.drydock.elb.internal.proxy.TargetAddresses;
import dev.drydock.elb.internal.proxy.TargetEndpoint;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthReasonEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * The targets of every target group and their health: registration, health checks on the target group's schedule,
 * the state machine of {@link TargetRecord}, draining for the deregistration delay, and the {@link
 * dev.drydock.elb.internal.proxy.TargetPool} the proxies pick from. Health checks run only for target groups a load
 * balancer forwards to; the targets of other groups are {@code unused} ({@code Target.NotInUse}), as on AWS.
 *
 * <p>Reason descriptions are AWS's, from the TargetHealth reference
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html).
 */
final class Targets {
    static final String REGISTRATION_IN_PROGRESS = "Target registration is in progress";
    static final String INITIAL_HEALTH_CHECKING = "Initial health checks in progress";
    static final String NOT_IN_USE = "Target group is not configured to receive traffic from the load balancer";
    static final String DEREGISTRATION_IN_PROGRESS = "Target deregistration is in progress";
    static final String NOT_REGISTERED = "Target is not registered to the target group";

    private final ElbTiming timing;
    private final HealthProbe probe;
    private final Supplier<? extends ScheduledExecutorService> scheduler;
    private final TargetAddresses addresses;
    private final Clock clock;
    private final HealthHistory history;

    Targets(
            ElbTiming timing,
            HealthProbe probe,
            Supplier<? extends ScheduledExecutorService> scheduler,
            TargetAddresses addresses,
            Clock clock,
            HealthHistory history) {
        this.timing = timing;
        this.probe = probe;
        this.scheduler = scheduler;
        this.addresses = addresses;
        this.clock = clock;
        this.history = history;
    }

    /**
     * Registers a target (nothing changes when it is registered already and not draining).
     *
     * @param address the IP address traffic goes to
     */
    void register(TargetGroupRecord tg, String id, int port, String availabilityZone, String address) {
        synchronized (tg) {
            String key = TargetRecord.key(id, port);
            TargetRecord existing = tg.targets.get(key);
            if (existing != null && existing.state != TargetHealthStateEnum.DRAINING) {
                return;
            }
            if (existing != null) {
                existing.cancelTimers();
                existing.generation++;
            }
            TargetRecord t =
                    new TargetRecord(id, port, availabilityZone, new TargetEndpoint(id, port, address, addresses));
            tg.targets.put(key, t);
            if (tg.inUse()) {
                begin(tg, t);
            } else {
                change(tg, t, TargetHealthStateEnum.UNUSED, TargetHealthReasonEnum.TARGET_NOT_IN_USE, NOT_IN_USE);
            }
            refreshPool(tg);
        }
    }

    /** Deregisters a target: it drains for the deregistration delay (at once when no load balancer uses it). */
    void deregister(TargetGroupRecord tg, String id, int port, boolean network) {
        synchronized (tg) {
            TargetRecord t = tg.targets.get(TargetRecord.key(id, port));
            if (t == null || t.state == TargetHealthStateEnum.DRAINING) {
                return;
            }
            t.cancelTimers();
            t.generation++;
            long delay = timing.millis(tg.deregistrationDelaySeconds());
            if (!tg.inUse() || delay == 0) {
                remove(tg, t, network);
                return;
            }
            change(
                    tg,
                    t,
                    TargetHealthStateEnum.DRAINING,
                    TargetHealthReasonEnum.TARGET_DEREGISTRATION_IN_PROGRESS,
                    DEREGISTRATION_IN_PROGRESS);
            t.endpoint.drain();
            refreshPool(tg);
            long generation = t.generation;
            t.drainEnd = scheduler
                    .get()
                    .schedule(
                            () -> {
                                synchronized (tg) {
                                    if (t.generation == generation && tg.targets.get(t.key()) == t) {
                                        remove(tg, t, network);
                                    }
                                }
                            },
                            delay,
                            TimeUnit.MILLISECONDS);
        }
    }

    /** The deregistration is complete: the target is gone, and (ALB, or NLB with connection termination) its connections closed. */
    private void remove(TargetGroupRecord tg, TargetRecord t, boolean network) {
        tg.targets.remove(t.key());
        t.cancelTimers();
        boolean terminate =
                !network || "true".equals(tg.attributes.get("deregistration_delay.connection_termination.enabled"));
        if (terminate) {
            t.endpoint.closeAll();
        } else {
            t.endpoint.drain();
        }
        history.add(
                new HealthHistory.Change(clock.instant(), tg.arn, tg.name, t.id, t.port, "deregistered", null, null));
        refreshPool(tg);
    }

    /** A load balancer started or stopped forwarding to the group: its targets start or stop being checked. */
    void inUseChanged(TargetGroupRecord tg) {
        synchronized (tg) {
            for (TargetRecord t : List.copyOf(tg.targets.values())) {
                if (t.state == TargetHealthStateEnum.DRAINING) {
                    continue;
                }
                if (tg.inUse() && t.state == TargetHealthStateEnum.UNUSED) {
                    begin(tg, t);
                } else if (!tg.inUse() && t.state != TargetHealthStateEnum.UNUSED) {
                    t.cancelTimers();
                    t.generation++;
                    change(tg, t, TargetHealthStateEnum.UNUSED, TargetHealthReasonEnum.TARGET_NOT_IN_USE, NOT_IN_USE);
                }
            }
            refreshPool(tg);
        }
    }

    /** The target group is deleted: its checks stop and its connections close. */
    void deleted(TargetGroupRecord tg) {
        synchronized (tg) {
            tg.deleted = true;
            for (TargetRecord t : tg.targets.values()) {
                t.cancelTimers();
                t.generation++;
                t.endpoint.closeAll();
            }
            tg.targets.clear();
            refreshPool(tg);
        }
    }

    /** The target's group started using it: {@code initial}, and its first check soon. */
    private void begin(TargetGroupRecord tg, TargetRecord t) {
        t.successes = 0;
        t.failures = 0;
        t.generation++;
        change(
                tg,
                t,
                TargetHealthStateEnum.INITIAL,
                TargetHealthReasonEnum.ELB_REGISTRATION_IN_PROGRESS,
                REGISTRATION_IN_PROGRESS);
        schedule(tg, t, timing.millis(1));
    }

    private void schedule(TargetGroupRecord tg, TargetRecord t, long delayMillis) {
        long generation = t.generation;
        t.nextCheck = scheduler.get().schedule(() -> check(tg, t, generation), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void check(TargetGroupRecord tg, TargetRecord t, long generation) {
        String protocol;
        String path;
        String matcher;
        int port;
        long timeout;
        long interval;
        synchronized (tg) {
            if (t.generation != generation || tg.deleted) {
                return;
            }
            if (t.state == TargetHealthStateEnum.INITIAL
                    && t.reason == TargetHealthReasonEnum.ELB_REGISTRATION_IN_PROGRESS) {
                change(
                        tg,
                        t,
                        TargetHealthStateEnum.INITIAL,
                        TargetHealthReasonEnum.ELB_INITIAL_HEALTH_CHECKING,
                        INITIAL_HEALTH_CHECKING);
            }
            protocol = tg.healthCheckProtocol;
            path = tg.healthCheckPath;
            matcher = tg.matcher;
            port = "traffic-port".equals(tg.healthCheckPort) ? t.port : Integer.parseInt(tg.healthCheckPort);
            timeout = timing.millis(tg.healthCheckTimeoutSeconds);
            interval = timing.millis(tg.healthCheckIntervalSeconds);
        }
        long started = System.nanoTime();
        InetSocketAddress address = addresses.connectAddress(t.endpoint.address(), port);
        Consumer<HealthProbe.Result> done = r -> {
            synchronized (tg) {
                if (t.generation != generation || tg.deleted) {
                    return;
                }
                apply(tg, t, r);
                long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                schedule(tg, t, Math.max(0, interval - elapsed));
            }
        };
        if ("HTTP".equals(protocol) || "HTTPS".equals(protocol)) {
            probe.http(address, t.endpoint.address() + ":" + port, path, matcher, timeout, done);
        } else {
            probe.tcp(address, timeout, done);
        }
    }

    /** One check's result: the counts and, at a threshold, the new state. Under the group's monitor. */
    private void apply(TargetGroupRecord tg, TargetRecord t, HealthProbe.Result r) {
        if (r.success()) {
            t.successes++;
            t.failures = 0;
        } else {
            t.failures++;
            t.successes = 0;
        }
        TargetHealthStateEnum state = t.state;
        if (r.success() && state != TargetHealthStateEnum.HEALTHY && t.successes >= tg.healthyThresholdCount) {
            change(tg, t, TargetHealthStateEnum.HEALTHY, null, null);
        } else if (!r.success()
                && state != TargetHealthStateEnum.UNHEALTHY
                && t.failures >= tg.unhealthyThresholdCount) {
            change(
                    tg,
                    t,
                    TargetHealthStateEnum.UNHEALTHY,
                    TargetHealthReasonEnum.fromValue(r.reason()),
                    r.description());
        } else if (!r.success() && state == TargetHealthStateEnum.UNHEALTHY) {
            // still unhealthy; the reason is the latest failure's
            t.set(state, TargetHealthReasonEnum.fromValue(r.reason()), r.description());
        }
    }

    private void change(
            TargetGroupRecord tg,
            TargetRecord t,
            TargetHealthStateEnum state,
            TargetHealthReasonEnum reason,
            String description) {
        boolean changed = t.state != state || t.reason != reason;
        t.set(state, reason, description);
        if (changed) {
            history.add(new HealthHistory.Change(
                    clock.instant(),
                    tg.arn,
                    tg.name,
                    t.id,
                    t.port,
                    state.toString(),
                    reason == null ? null : reason.toString(),
                    description));
            refreshPool(tg);
        }
    }

    /** What the proxies route to: healthy targets, else every registered target that is not draining. */
    private static void refreshPool(TargetGroupRecord tg) {
        List<TargetEndpoint> healthy = new ArrayList<>();
        List<TargetEndpoint> registered = new ArrayList<>();
        for (TargetRecord t : tg.targets.values()) {
            if (t.state == TargetHealthStateEnum.HEALTHY) {
                healthy.add(t.endpoint);
            }
            if (t.state == TargetHealthStateEnum.HEALTHY
                    || t.state == TargetHealthStateEnum.INITIAL
                    || t.state == TargetHealthStateEnum.UNHEALTHY) {
                registered.add(t.endpoint);
            }
        }
        tg.pool.update(healthy, registered);
    }
}
