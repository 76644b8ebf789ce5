package dev.drydock.benchmarks;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import dev.drydock.elb.ElbFixtures;
import dev.drydock.elb.internal.ElbServiceModule;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

/**
 * Drydock's Application Load Balancer proxy against HAProxy (Debian's {@code haproxy} 2.6) on this machine, with the
 * same targets and the same client: three targets (one HAProxy process answering {@code 200} from three frontends,
 * {@code http-request return}, so the targets cost the same for both and little), HAProxy as a round-robin HTTP
 * reverse proxy with keep-alive to the targets and the same X-Forwarded headers ALB adds, and Drydock's ALB (a real
 * Drydock instance: target group, load balancer and listener created through the ELB API, the targets registered and
 * healthy, reached through the module's target address seam). {@code wrk} drives each in turn, rounds alternating
 * (so load from elsewhere on the machine falls on both), and the medians are compared: the bar is at least
 * 0.8x HAProxy's requests per second and at most 1.5x its p99 latency.
 */
final class LoadBalancerBenchmark {
    static final int THREADS = Integer.getInteger("bench.lb.threads", 2);
    static final int CONNECTIONS = Integer.getInteger("bench.lb.connections", 64);
    static final int SECONDS = Integer.getInteger("bench.lb.seconds", 10);
    static final int ROUNDS = Integer.getInteger("bench.lb.rounds", 3);

    private LoadBalancerBenchmark() {}

    static void run() throws Exception {
        if (!Wrk.available() || !haproxyAvailable()) {
            System.out.printf(
                    Locale.ROOT,
                    "%nLoad balancer: skipped (needs Debian's haproxy and wrk: " + "apt-get install haproxy wrk)%n");
            return;
        }
        Path dir = Files.createTempDirectory("drydock-lb-bench");
        int[] targets = {freePort(), freePort(), freePort()};
        int haproxyPort = freePort();
        Path targetConfig = dir.resolve("targets.cfg");
        Files.writeString(targetConfig, targetsConfig(targets));
        Path lbConfig = dir.resolve("lb.cfg");
        Files.writeString(lbConfig, haproxyConfig(haproxyPort, targets));
        Process targetProcess = haproxy(targetConfig);
        Process lbProcess = haproxy(lbConfig);
        try (Drydock drydock = Drydock.builder()
                .runtime(SimulatedRuntime::new)
                .setting("elb.time-scale", "0.05")
                .fixture(ElbFixtures.targetGroup("bench").healthCheck(5, 2, 2, 2))
                .fixture(ElbFixtures.applicationLoadBalancer("bench").listener(80, "bench"))
                .start()) {
            ElbServiceModule elb = ElbServiceModule.of(drydock);
            elb.targetAddresses((ip, port) -> new InetSocketAddress(
                    "127.0.0.1", targets[Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1)) - 1]));
            String tg = elb.backend().findTargetGroupArn("bench").orElseThrow();
            elb.adminCalls()
                    .call(
                            "elasticloadbalancing",
                            RegisterTargetsRequest.builder()
                                    .targetGroupArn(tg)
                                    .targets(
                                            TargetDescription.builder()
                                                    .id("10.0.0.1")
                                                    .build(),
                                            TargetDescription.builder()
                                                    .id("10.0.0.2")
                                                    .build(),
                                            TargetDescription.builder()
                                                    .id("10.0.0.3")
                                                    .build())
                                    .build(),
                            RegisterTargetsResponse.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!elb.backend().describeTargetHealth(tg, null).descriptions().stream()
                    .allMatch(d -> d.targetHealth().stateAsString().equals("healthy"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The benchmark's targets did not turn healthy");
                }
                Thread.sleep(100);
            }
            URI drydockUrl = elb.url("bench");
            URI haproxyUrl = URI.create("http://127.0.0.1:" + haproxyPort + "/");
            // warm-up: the JIT for Drydock's proxy, connections for both
            Wrk.run(drydockUrl, THREADS, CONNECTIONS, SECONDS);
            Wrk.run(haproxyUrl, THREADS, CONNECTIONS, 3);
            List<Double> hRate = new ArrayList<>();
            List<Double> hP99 = new ArrayList<>();
            List<Double> dRate = new ArrayList<>();
            List<Double> dP99 = new ArrayList<>();
            System.out.printf(
                    Locale.ROOT,
                    "%nLoad balancer: wrk -t%d -c%d -d%ds --latency, 3 targets on loopback, %d alternating rounds:%n",
                    THREADS,
                    CONNECTIONS,
                    SECONDS,
                    ROUNDS);
            System.out.printf(Locale.ROOT, "  round  proxy    requests/s    p50 ms    p99 ms  errors%n");
            for (int round = 1; round <= ROUNDS; round++) {
                Wrk.Result h = Wrk.run(haproxyUrl, THREADS, CONNECTIONS, SECONDS);
                print(round, "haproxy", h);
                Wrk.Result d = Wrk.run(drydockUrl, THREADS, CONNECTIONS, SECONDS);
                print(round, "drydock", d);
                hRate.add(h.requestsPerSecond());
                hP99.add(h.p99Millis());
                dRate.add(d.requestsPerSecond());
                dP99.add(d.p99Millis());
            }
            double rateRatio = Wrk.median(dRate) / Wrk.median(hRate);
            double p99Ratio = Wrk.median(dP99) / Wrk.median(hP99);
            System.out.printf(
                    Locale.ROOT,
                    "  medians: haproxy %.0f req/s, p99 %.2f ms; drydock %.0f req/s, p99 %.2f ms%n",
                    Wrk.median(hRate),
                    Wrk.median(hP99),
                    Wrk.median(dRate),
                    Wrk.median(dP99));
            System.out.printf(
                    Locale.ROOT,
                    "  drydock/haproxy: requests/s %.2fx (bar: >= 0.8x), p99 %.2fx (bar: <= 1.5x)%n",
                    rateRatio,
                    p99Ratio);
        } finally {
            lbProcess.destroy();
            targetProcess.destroy();
            lbProcess.waitFor(5, TimeUnit.SECONDS);
            targetProcess.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(targetConfig);
            Files.deleteIfExists(lbConfig);
            Files.deleteIfExists(dir);
        }
    }

    private static void print(int round, String proxy, Wrk.Result r) {
        System.out.printf(
                Locale.ROOT,
                "  %5d  %-7s %12.0f %9.2f %9.2f  %d%n",
                round,
                proxy,
                r.requestsPerSecond(),
                r.p50Millis(),
                r.p99Millis(),
                r.errors());
    }

    /** The targets: one single-threaded HAProxy answering 200 on three ports. */
    static String targetsConfig(int[] ports) {
        StringBuilder b = new StringBuilder("global\n  nbthread 1\n  maxconn 4000\n"
                + "defaults\n  mode http\n  timeout client 60s\n  timeout server 60s\n  timeout connect 5s\n");
        for (int i = 0; i < ports.length; i++) {
            b.append("frontend target")
                    .append(i + 1)
                    .append("\n  bind 127.0.0.1:")
                    .append(ports[i])
                    .append("\n  http-request return status 200 content-type text/plain string \"hello from target ")
                    .append(i + 1)
                    .append("\"\n");
        }
        return b.toString();
    }

    /** HAProxy as ALB would be configured: round robin, keep-alive both sides, ALB's X-Forwarded headers. */
    static String haproxyConfig(int port, int[] targets) {
        StringBuilder b = new StringBuilder("global\n  maxconn 4000\n"
                + "defaults\n  mode http\n  option http-keep-alive\n  option forwardfor\n"
                + "  timeout client 60s\n  timeout server 60s\n  timeout connect 5s\n"
                + "frontend lb\n  bind 127.0.0.1:" + port + "\n"
                + "  http-request set-header X-Forwarded-Proto http\n  http-request set-header X-Forwarded-Port 80\n"
                + "  default_backend targets\n"
                + "backend targets\n  balance roundrobin\n  http-reuse safe\n");
        for (int i = 0; i < targets.length; i++) {
            b.append("  server t")
                    .append(i + 1)
                    .append(" 127.0.0.1:")
                    .append(targets[i])
                    .append('\n');
        }
        return b.toString();
    }

    static boolean haproxyAvailable() {
        try {
            return new ProcessBuilder("haproxy", "-v")
                            .redirectErrorStream(true)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Process haproxy(Path config) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("haproxy", "-f", config.toString(), "-db")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Thread.sleep(300);
        if (!p.isAlive()) {
            throw new IllegalStateException("haproxy -f " + config + " exited at once (exit " + p.exitValue() + ")");
        }
        return p;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
