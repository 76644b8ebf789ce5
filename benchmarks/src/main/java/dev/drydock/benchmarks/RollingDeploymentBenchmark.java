package dev.drydock.benchmarks;

import dev.drydock.core.Drydock;
import dev.drydock.ecs.EcsFixtures;
import dev.drydock.elb.ElbFixtures;
import dev.drydock.elb.internal.ElbServiceModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * The load test of the "measured and proved": a 3-task Fargate service behind an Application Load Balancer
 * (real containers: drydock/httpd, which stops at once on SIGTERM as Apache does) is rolled to a new revision while
 * {@value #CLIENTS} clients send GET / through the ALB with keep-alive, one request after another; the failed
 * requests (an error status or an I/O error) are counted. Twice: with a deregistration delay of 30 s (ECS deregisters
 * each old task and lets it drain before SIGTERM), and with a delay of 0 (the target leaves the group at once, its
 * connections are closed, the container exits at once). {@code elb.time-scale} 0.1, so 30 s of draining take 3 s.
 */
final class RollingDeploymentBenchmark {
    static final int CLIENTS = 4;

    private RollingDeploymentBenchmark() {}

    static void run() throws Exception {
        System.out.printf(
                Locale.ROOT,
                "%nRolling deployment of a 3-task service behind an ALB under load (%d keep-alive clients, "
                        + "elb.time-scale 0.1):%n",
                CLIENTS);
        System.out.printf(Locale.ROOT, "  deregistration delay   requests   failed   deployment s%n");
        for (int delay : new int[] {30, 0}) {
            int[] r = deploy(delay);
            System.out.printf(Locale.ROOT, "  %17d s %10d %8d %14.1f%n", delay, r[0], r[1], r[2] / 1000.0);
        }
    }

    /** Returns requests sent, requests failed, and milliseconds from UpdateService to a stable service. */
    private static int[] deploy(int deregistrationDelay) throws Exception {
        try (Drydock drydock = Drydock.builder()
                        .setting("elb.time-scale", "0.1")
                        .fixture(EcsFixtures.cluster("bench"))
                        .fixture(ElbFixtures.targetGroup("web")
                                .healthCheck(5, 2, 2, 2)
                                .deregistrationDelay(deregistrationDelay))
                        .fixture(ElbFixtures.applicationLoadBalancer("bench").listener(80, "web"))
                        .start();
                EcsClient ecs = drydock.client(EcsClient.builder())) {
            ElbServiceModule elb = ElbServiceModule.of(drydock);
            String tg = elb.backend().findTargetGroupArn("web").orElseThrow();
            String v1 = register(ecs, "v1");
            ecs.createService(r -> r.cluster("bench")
                    .serviceName("web")
                    .taskDefinition(v1)
                    .desiredCount(3)
                    .launchType("FARGATE")
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0")))
                    .loadBalancers(
                            lb -> lb.targetGroupArn(tg).containerName("web").containerPort(80)));
            ecs.waiter().waitUntilServicesStable(r -> r.cluster("bench").services("web"));
            URI url = elb.url("bench");
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Thread t = new Thread(() -> {
                    while (running.get()) {
                        sent.incrementAndGet();
                        try {
                            HttpResponse<String> response = http.send(
                                    HttpRequest.newBuilder(url)
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200) {
                                failed.incrementAndGet();
                            }
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                });
                t.setDaemon(true);
                t.start();
                clients.add(t);
            }
            Thread.sleep(1000);
            long start = System.nanoTime();
            String v2 = register(ecs, "v2");
            ecs.updateService(r -> r.cluster("bench").service("web").taskDefinition(v2));
            ecs.waiter().waitUntilServicesStable(r -> r.cluster("bench").services("web"));
            int deployMillis = (int) ((System.nanoTime() - start) / 1_000_000);
            Thread.sleep(1000);
            running.set(false);
            for (Thread t : clients) {
                t.join(10_000);
            }
            return new int[] {sent.get(), failed.get(), deployMillis};
        }
    }

    /** The family's next revision: drydock/httpd serving a page that names {@code version}. */
    private static String register(EcsClient ecs, String version) {
        return ecs.registerTaskDefinition(RegisterTaskDefinitionRequest.builder()
                        .family("bench-web")
                        .networkMode("awsvpc")
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("web")
                                .image("drydock/httpd:2.4-local")
                                .entryPoint("sh", "-c")
                                .command("echo " + version + " > /usr/local/apache2/htdocs/index.html"
                                        + " && exec httpd-foreground")
                                .portMappings(p -> p.containerPort(80))
                                .build())
                        .build())
                .taskDefinition()
                .taskDefinitionArn();
    }
}
