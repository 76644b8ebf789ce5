package dev.drydock.elb.internal;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.report.Report;
import dev.drydock.core.report.Section;
import dev.drydock.core.report.Table;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.EngineAccess;
import dev.drydock.core.spi.MetricSink;
import dev.drydock.core.spi.ReportContributor;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.TargetRegistry;
import dev.drydock.elb.ElbModule;
import dev.drydock.elb.TargetHealthChange;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.backend.ElbTiming;
import dev.drydock.elb.internal.proxy.ProxyLoops;
import dev.drydock.elb.internal.proxy.TargetAddresses;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

/**
 * The Elastic Load Balancing module: the ELB model ({@link ElbBackend}), its routing table ({@link ElbApi}), the proxies
 * and health checks on their event loops ({@link ProxyLoops}), and the {@link TargetRegistry} through which ECS services
 * register their tasks. Found by {@link java.util.ServiceLoader}; its public face is {@link ElbModule}.
 *
 * <p>Settings: {@code elb.time-scale} (default 1: AWS's periods; e.g. 0.05 shortens every health check interval,
 * timeout and deregistration delay twentyfold), {@code elb.bind-address} (default {@code 127.0.0.1}: where the proxies
 * listen), {@code elb.event-loop-threads} (default: one per core).
 */
public final class ElbServiceModule implements ElbModule, TargetRegistry, ReportContributor {
    /** The most target health changes the report lists. */
    private static final int REPORT_ROWS = 500;

    private ServiceContext context;
    private ProxyLoops loops;
    private ElbBackend backend;
    private ElbTiming timing;
    private volatile TargetAddresses addresses = this::engineAddress;

    @Override
    public String name() {
        return "elb";
    }

    @Override
    public List<String> sdkEndpointSuffixes() {
        return List.of("ElasticLoadBalancingV2");
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        try {
            timing = ElbTiming.parse(context.settings().get("elb.time-scale", "1"));
        } catch (IllegalArgumentException e) {
            throw new DrydockException("The setting " + e.getMessage() + ". Set it to a factor such as 0.05 to "
                    + "shorten ELB's periods twentyfold in tests.");
        }
        int threads = Integer.parseInt(context.settings()
                .get(
                        "elb.event-loop-threads",
                        Integer.toString(Runtime.getRuntime().availableProcessors())));
        loops = new ProxyLoops(threads);
        backend = new ElbBackend(
                context.region(),
                context.accountId(),
                context.clock(),
                context.vpc(),
                loops,
                timing,
                (ip, port) -> addresses.connectAddress(ip, port),
                context.settings().get("elb.bind-address", "127.0.0.1"));
        backend.publishMetrics(() -> context.module(MetricSink.class), context.scalingTime());
        // built on first use (or in the background once the runtime is connected), so start() loads none of its classes
        context.registerQueryOnFirstUse(
                "elasticloadbalancing", ElbApi.VERSION, () -> ElbApi.routingTable(backend, context.clock()));
        context.resourceTags(backend.tagStore());
    }

    /**
     * Where this JVM connects to a target: a running task's address goes through the engine's routes
     * ({@link EngineAccess#taskAddress}: the address itself on a local Linux engine, a published port on any other), so
     * the proxies and health checks reach ECS tasks on every engine; any other address (a server in this JVM, say) is
     * connected to directly.
     */
    private InetSocketAddress engineAddress(String ip, int port) {
        Optional<RuntimeSession> session = context.runtimeIfReady();
        if (session.isPresent()) {
            try {
                return session.get().engine().taskAddress(ip, port);
            } catch (IllegalArgumentException notATask) {
                // not a task's address (or a port it does not map): connect to it as it is
            }
        }
        return new InetSocketAddress(ip, port);
    }

    /**
     * The ELB module of a Drydock instance, for Drydock's own fixtures, tests and benchmarks. Not a stable API.
     *
     * @throws DrydockException when drydock-elb-fixtures is not on the classpath
     */
    public static ElbServiceModule of(Drydock drydock) {
        return (ElbServiceModule) drydock.service(ElbModule.class);
    }

    /** The ELB API's operations, called as the test principal: what {@code ElbFixtures} use. */
    public AdminCalls adminCalls() {
        return context.adminCalls();
    }

    /** The model, for tests. Not a stable API. */
    public ElbBackend backend() {
        return backend;
    }

    /**
     * Replaces how the proxies and health checks reach a target's address (by default: a task's address through the
     * engine's routes, any other directly). Not a stable API: for tests.
     */
    public void targetAddresses(TargetAddresses addresses) {
        this.addresses = addresses;
    }

    // ------------------------------------------------------------------------------------------------ ElbModule

    @Override
    public URI url(String loadBalancer) {
        InetSocketAddress a = backend.localAddress(arn(loadBalancer), null);
        return URI.create("http://" + a.getHostString() + ":" + a.getPort());
    }

    @Override
    public URI url(String loadBalancer, int listenerPort) {
        InetSocketAddress a = address(loadBalancer, listenerPort);
        return URI.create("http://" + a.getHostString() + ":" + a.getPort());
    }

    @Override
    public InetSocketAddress address(String loadBalancer, int listenerPort) {
        return backend.localAddress(arn(loadBalancer), listenerPort);
    }

    private String arn(String loadBalancer) {
        return backend.findLoadBalancerArn(loadBalancer)
                .orElseThrow(() -> new IllegalArgumentException("There is no load balancer named '" + loadBalancer
                        + "': create it (CreateLoadBalancer, ElbFixtures or @ApplicationLoadBalancer) first."));
    }

    @Override
    public List<TargetHealthChange> targetHealthHistory() {
        return backend.history().changes().stream()
                .map(c -> new TargetHealthChange(
                        c.at(),
                        c.targetGroupArn(),
                        c.targetGroupName(),
                        c.targetId(),
                        c.port(),
                        c.state(),
                        c.reason(),
                        c.description()))
                .toList();
    }

    // ------------------------------------------------------------------------------------------------ TargetRegistry

    @Override
    public Optional<TargetRegistry.TargetGroup> targetGroup(String targetGroupArnOrName) {
        return backend.findTargetGroupArn(targetGroupArnOrName)
                .flatMap(backend::findTargetGroup)
                .map(tg -> {
                    int delay = Integer.parseInt(backend.targetGroupAttributes(tg.targetGroupArn())
                            .getOrDefault("deregistration_delay.timeout_seconds", "300"));
                    return new TargetRegistry.TargetGroup(
                            tg.targetGroupArn(),
                            tg.targetGroupName(),
                            tg.targetTypeAsString(),
                            tg.protocolAsString(),
                            tg.port(),
                            tg.vpcId(),
                            tg.loadBalancerArns(),
                            Duration.ofSeconds(delay));
                });
    }

    @Override
    public void register(String targetGroupArn, Target target) {
        try {
            backend.registerTarget(targetGroupArn, target.id(), target.port(), target.availabilityZone());
        } catch (AwsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public void deregister(String targetGroupArn, Target target) {
        try {
            backend.deregisterTargets(
                    targetGroupArn,
                    List.of(TargetDescription.builder()
                            .id(target.id())
                            .port(target.port())
                            .build()));
        } catch (AwsException e) {
            // the target group is gone: so is the target
        }
    }

    @Override
    public TargetRegistry.TargetHealth health(String targetGroupArn, Target target) {
        try {
            var h = backend.health(targetGroupArn, target.id(), target.port());
            return new TargetRegistry.TargetHealth(h.stateAsString(), h.reasonAsString(), h.description());
        } catch (AwsException e) {
            return new TargetRegistry.TargetHealth(
                    "unused", "Target.NotRegistered", "Target is not registered to the target group");
        }
    }

    @Override
    public void onHealthChange(Runnable listener) {
        backend.history().onChange(listener);
    }

    @Override
    public Duration scaled(Duration awsPeriod) {
        return timing.scaled(awsPeriod);
    }

    /**
     * The report's Elastic Load Balancing section: the load balancers, listeners and target groups, and a table of every
     * change of target health (the last {@value #REPORT_ROWS}), filterable by target group.
     */
    @Override
    public void contribute(Report report) {
        if (backend == null) {
            return;
        }
        String summary = backend.summary();
        List<TargetHealthChange> history = targetHealthHistory();
        if (summary.isEmpty() && history.isEmpty()) {
            return;
        }
        Section s = report.section("elb", "Elastic Load Balancing", "Load balancers and target health");
        if (!summary.isEmpty()) {
            s.text(summary);
        }
        if (!history.isEmpty()) {
            Table t = s.table("Target health over time", "time", "target group", "target", "state", "reason")
                    .filterBy("target group");
            if (history.size() > REPORT_ROWS) {
                t.note("the last " + REPORT_ROWS + " of " + history.size() + " changes");
            }
            for (TargetHealthChange c : history.subList(Math.max(0, history.size() - REPORT_ROWS), history.size())) {
                t.row(
                        c.at().toString(),
                        c.targetGroupName(),
                        c.targetId() + ":" + c.port(),
                        c.state(),
                        c.reason() == null ? "" : c.reason() + (c.description() == null ? "" : ": " + c.description()));
            }
        }
    }

    @Override
    public String diagnostics() {
        if (backend == null) {
            return "";
        }
        String summary = backend.summary();
        if (summary.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("Drydock Elastic Load Balancing:\n").append(summary);
        List<TargetHealthChange> history = targetHealthHistory();
        if (!history.isEmpty()) {
            b.append("  target health over time (last ")
                    .append(Math.min(40, history.size()))
                    .append("):\n");
            for (TargetHealthChange c : history.subList(Math.max(0, history.size() - 40), history.size())) {
                b.append("    ")
                        .append(c.at())
                        .append(' ')
                        .append(c.targetGroupName())
                        .append(' ')
                        .append(c.targetId())
                        .append(':')
                        .append(c.port())
                        .append(' ')
                        .append(c.state());
                if (c.reason() != null) {
                    b.append(" (").append(c.reason()).append(')');
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        if (backend != null) {
            backend.close();
        }
        if (loops != null) {
            loops.close();
        }
    }
}
