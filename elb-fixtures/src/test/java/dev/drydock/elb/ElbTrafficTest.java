package dev.drydock.elb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.report.Report;
import dev.drydock.core.report.Table;
import dev.drydock.core.runtime.SimulatedRuntime;
import dev.drydock.elb.internal.ElbServiceModule;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthReasonEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * Real traffic through Drydock's load balancers, to HTTP servers in the test JVM that stand for targets
 * ({@link LocalTargets}): routing by rules, ALB's headers and error answers, health checks and their states, draining.
 * ELB's periods are shortened twentyfold ({@code elb.time-scale=0.05}).
 */
class ElbTrafficTest {
    Drydock drydock;
    ElasticLoadBalancingV2Client elb;
    ElbServiceModule module;
    LocalTargets targets;
    HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String vpcId;

    @BeforeEach
    void start() {
        drydock = Drydock.builder()
                .runtime(SimulatedRuntime::new)
                .setting("elb.time-scale", "0.05")
                .start();
        elb = drydock.client(ElasticLoadBalancingV2Client.builder());
        module = ElbServiceModule.of(drydock);
        targets = new LocalTargets(module);
    }

    @AfterEach
    void stop() {
        targets.close();
        elb.close();
        drydock.close();
    }

    private String alb(String name) {
        var lb = elb.createLoadBalancer(r -> r.name(name).subnets(ElbApiTest.SUBNET_A, ElbApiTest.SUBNET_B))
                .loadBalancers()
                .get(0);
        vpcId = lb.vpcId();
        return lb.loadBalancerArn();
    }

    /** A target group checked every 5 s (0.25 s here), healthy after 2 passes, unhealthy after 2 failures. */
    private String targetGroup(String name) {
        return elb.createTargetGroup(r -> r.name(name)
                        .protocol("HTTP")
                        .port(80)
                        .vpcId(vpcId)
                        .targetType("ip")
                        .healthCheckPath("/health")
                        .healthCheckIntervalSeconds(5)
                        .healthCheckTimeoutSeconds(4)
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(2))
                .targetGroups()
                .get(0)
                .targetGroupArn();
    }

    private String listener(String lb, String defaultTargetGroup) {
        return elb.createListener(r -> r.loadBalancerArn(lb)
                        .protocol("HTTP")
                        .port(80)
                        .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(defaultTargetGroup)))
                .listeners()
                .get(0)
                .listenerArn();
    }

    private void register(String tg, String... ips) {
        for (String ip : ips) {
            elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id(ip).port(80)));
        }
    }

    private TargetHealth health(String tg, String ip) {
        return elb.describeTargetHealth(
                        r -> r.targetGroupArn(tg).targets(t -> t.id(ip).port(80)))
                .targetHealthDescriptions()
                .get(0)
                .targetHealth();
    }

    private void awaitState(String tg, String ip, TargetHealthStateEnum state) {
        await().atMost(Duration.ofSeconds(20)).until(() -> health(tg, ip).state() == state);
    }

    /** A request with a {@code Host} header of its own (which the JDK's client does not send): status line, headers, body. */
    private static String withHost(URI base, String path, String host) throws Exception {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(20_000);
            s.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> get(URI base, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutCloudWatchNoMetricsAreCountedForPublishingAndNoThreadStarts() {
        alb("quiet");
        assertThat(module.backend().metrics().started()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("drydock-elb-metrics"));
    }

    @Test
    void targetHealthGoesInitialHealthyDrainingGoneAndFailuresCarryAwsReasons() throws Exception {
        String lb = alb("health");
        String tg = targetGroup("health-tg");
        AtomicInteger status = new AtomicInteger(200);
        String good = targets.start(1, "good", status::get, 0);
        String bad = targets.start(2, "bad", () -> 503, 0);
        listener(lb, tg);
        register(tg, good, bad);
        assertThat(health(tg, good).state()).isEqualTo(TargetHealthStateEnum.INITIAL);
        awaitState(tg, good, TargetHealthStateEnum.HEALTHY);
        awaitState(tg, bad, TargetHealthStateEnum.UNHEALTHY);
        TargetHealth unhealthy = health(tg, bad);
        assertThat(unhealthy.reason()).isEqualTo(TargetHealthReasonEnum.TARGET_RESPONSE_CODE_MISMATCH);
        assertThat(unhealthy.description()).isEqualTo("Health checks failed with these codes: [503]");
        // only the healthy target gets traffic
        for (int i = 0; i < 6; i++) {
            assertThat(get(module.url("health"), "/x").body()).isEqualTo("good /x");
        }
        elb.deregisterTargets(r -> r.targetGroupArn(tg).targets(t -> t.id(good).port(80)));
        assertThat(health(tg, good).state()).isEqualTo(TargetHealthStateEnum.DRAINING);
        assertThat(health(tg, good).reason()).isEqualTo(TargetHealthReasonEnum.TARGET_DEREGISTRATION_IN_PROGRESS);
        // 300 s of deregistration delay take 15 s here
        await().atMost(Duration.ofSeconds(30))
                .until(() -> health(tg, good).reason() == TargetHealthReasonEnum.TARGET_NOT_REGISTERED);
        List<String> timeline = module.targetHealthHistory().stream()
                .filter(c -> c.targetId().equals(good))
                .map(c -> c.state() + (c.reason() == null ? "" : "/" + c.reason()))
                .toList();
        assertThat(timeline)
                .containsExactly(
                        "initial/Elb.RegistrationInProgress",
                        "initial/Elb.InitialHealthChecking",
                        "healthy",
                        "draining/Target.DeregistrationInProgress",
                        "deregistered");
        // the report after the class lists the same changes
        Report report = new Report("traffic", Instant.now());
        module.contribute(report);
        Table changes = report.sections().stream()
                .filter(s -> s.id().equals("elb"))
                .flatMap(s -> s.blocks().stream())
                .filter(Table.class::isInstance)
                .map(Table.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(changes.rows())
                .extracting(r -> String.join(" ", r.cells().subList(1, 4)))
                .containsSubsequence(
                        "health-tg " + good + ":80 initial",
                        "health-tg " + good + ":80 healthy",
                        "health-tg " + good + ":80 draining",
                        "health-tg " + good + ":80 deregistered");
    }

    @Test
    void rulesRouteByPathHostHeaderMethodQueryAndAnswerFixedResponsesAndRedirects() throws Exception {
        String lb = alb("routes");
        String web = targetGroup("routes-web");
        String api = targetGroup("routes-api");
        register(web, targets.start(1, "web", () -> 200, 0));
        register(api, targets.start(2, "api", () -> 200, 0));
        String listener = listener(lb, web);
        elb.createRule(r -> r.listenerArn(listener)
                .priority(10)
                .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/api/*")))
                .actions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(api)));
        elb.createRule(r -> r.listenerArn(listener)
                .priority(20)
                .conditions(c -> c.field("host-header").hostHeaderConfig(h -> h.values("admin.*")))
                .actions(a -> a.type(ActionTypeEnum.FIXED_RESPONSE)
                        .fixedResponseConfig(f ->
                                f.statusCode("403").contentType("text/plain").messageBody("no"))));
        elb.createRule(r -> r.listenerArn(listener)
                .priority(30)
                .conditions(
                        c -> c.field("http-header")
                                .httpHeaderConfig(
                                        h -> h.httpHeaderName("X-Beta").values("on")),
                        c -> c.field("http-request-method").httpRequestMethodConfig(m -> m.values("GET")))
                .actions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(api)));
        elb.createRule(r -> r.listenerArn(listener)
                .priority(40)
                .conditions(c -> c.field("query-string")
                        .queryStringConfig(q -> q.values(v -> v.key("old").value("yes"))))
                .actions(a -> a.type(ActionTypeEnum.REDIRECT)
                        .redirectConfig(x -> x.path("/new").statusCode("HTTP_301"))));
        elb.createRule(r -> r.listenerArn(listener)
                .priority(50)
                .conditions(c -> c.field("source-ip").sourceIpConfig(s -> s.values("192.0.2.0/24")))
                .actions(a -> a.type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(f -> f.statusCode("418"))));
        awaitState(api, "10.0.9.2", TargetHealthStateEnum.HEALTHY);
        URI url = module.url("routes");
        assertThat(get(url, "/api/orders").body()).isEqualTo("api /api/orders");
        assertThat(get(url, "/index.html").body()).isEqualTo("web /index.html");
        String forbidden = withHost(url, "/x", "admin.example.com:8080");
        assertThat(forbidden).startsWith("HTTP/1.1 403 Forbidden\r\n").endsWith("\r\n\r\nno");
        assertThat(forbidden.toLowerCase(Locale.ROOT)).contains("\r\nserver: awselb/2.0\r\n");
        assertThat(get(url, "/beta", "X-Beta", "ON").body())
                .as("header values ignore case")
                .isEqualTo("api /beta");
        String redirect = withHost(url, "/old?old=yes", "shop.example.com");
        assertThat(redirect).startsWith("HTTP/1.1 301 Moved Permanently\r\n");
        assertThat(redirect.toLowerCase(Locale.ROOT)).contains("\r\nlocation: http://shop.example.com/new?old=yes\r\n");
        // the default action's target saw ALB's headers
        targets.received.clear();
        get(url, "/headers", "X-Forwarded-For", "198.51.100.7");
        var headers = targets.received.get(0);
        assertThat(headers.get("X-forwarded-for")).containsExactly("198.51.100.7, 127.0.0.1");
        assertThat(headers.get("X-forwarded-proto")).containsExactly("http");
        assertThat(headers.get("X-forwarded-port")).containsExactly("80");
        assertThat(headers.get("X-amzn-trace-id").get(0)).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
    }

    @Test
    void theLoadBalancerAnswers503WithoutTargets502WhenTheTargetRefusesAnd504WhenItIsSilent() throws Exception {
        String lb = alb("errors");
        String tg = targetGroup("errors-tg");
        listener(lb, tg);
        URI url = module.url("errors");
        var empty = get(url, "/");
        assertThat(empty.statusCode()).isEqualTo(503);
        assertThat(empty.body())
                .isEqualTo("<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n"
                        + "<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n");
        register(tg, targets.refusing(9));
        var refused = get(url, "/");
        assertThat(refused.statusCode())
                .as("fail-open: the only target gets traffic, and refuses it")
                .isEqualTo(502);
        assertThat(refused.body()).contains("<center><h1>502 Bad Gateway</h1></center>");
        elb.deregisterTargets(
                r -> r.targetGroupArn(tg).targets(t -> t.id("10.0.9.9").port(80)));
        elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb)
                .attributes(a -> a.key("idle_timeout.timeout_seconds").value("1")));
        register(tg, targets.start(3, "slow", () -> 200, 3000));
        var silent = get(module.url("errors"), "/slow");
        assertThat(silent.statusCode()).isEqualTo(504);
        assertThat(silent.body()).contains("<center><h1>504 Gateway Time-out</h1></center>");
    }

    @Test
    void aDrainingTargetFinishesItsRequestsAndGetsNoNewOnes() throws Exception {
        String lb = alb("drain");
        String tg = targetGroup("drain-tg");
        String slow = targets.start(1, "slow", () -> 200, 1500);
        String other = targets.start(2, "other", () -> 200, 0);
        listener(lb, tg);
        register(tg, slow, other);
        awaitState(tg, slow, TargetHealthStateEnum.HEALTHY);
        awaitState(tg, other, TargetHealthStateEnum.HEALTHY);
        URI url = module.url("drain");
        // round robin: one of the next two requests goes to the slow target
        CompletableFuture<HttpResponse<String>> first =
                http.sendAsync(HttpRequest.newBuilder(url.resolve("/a")).build(), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> second =
                http.sendAsync(HttpRequest.newBuilder(url.resolve("/b")).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        elb.deregisterTargets(r -> r.targetGroupArn(tg).targets(t -> t.id(slow).port(80)));
        for (int i = 0; i < 5; i++) {
            assertThat(get(url, "/after").body()).isEqualTo("other /after");
        }
        assertThat(List.of(first.get().body().split(" ")[0], second.get().body().split(" ")[0]))
                .as("the request in flight on the draining target completes")
                .containsExactlyInAnyOrder("slow", "other");
    }

    @Test
    void aNetworkLoadBalancerRelaysTcp() throws Exception {
        var nlb = elb.createLoadBalancer(r -> r.name("tcp").type("network").subnets(ElbApiTest.SUBNET_A))
                .loadBalancers()
                .get(0);
        try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // every connection gets an answer: the target group's TCP health checks connect too, maybe first
            Thread server = new Thread(() -> {
                while (!echo.isClosed()) {
                    try (Socket s = echo.accept()) {
                        InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream();
                        byte[] buf = new byte[5];
                        int n = in.readNBytes(buf, 0, 5);
                        out.write(("echo:" + new String(buf, 0, n, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    } catch (Exception e) {
                        // a health check's connection closes without data; the test fails on what it reads
                    }
                }
            });
            server.setDaemon(true);
            server.start();
            module.targetAddresses((ip, port) -> new InetSocketAddress("127.0.0.1", echo.getLocalPort()));
            String tg = elb.createTargetGroup(r -> r.name("tcp-tg")
                            .protocol("TCP")
                            .port(7000)
                            .vpcId(nlb.vpcId())
                            .targetType("ip"))
                    .targetGroups()
                    .get(0)
                    .targetGroupArn();
            elb.createListener(r -> r.loadBalancerArn(nlb.loadBalancerArn())
                    .protocol("TCP")
                    .port(7000)
                    .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg)));
            elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id("10.0.9.5")));
            var address = module.address("tcp", 7000);
            try (Socket client = new Socket(address.getHostString(), address.getPort())) {
                client.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
                client.setSoTimeout(10_000);
                assertThat(new String(client.getInputStream().readNBytes(10), StandardCharsets.UTF_8))
                        .isEqualTo("echo:hello");
            }
        }
    }
}
