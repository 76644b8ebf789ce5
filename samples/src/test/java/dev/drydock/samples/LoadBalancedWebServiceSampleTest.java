package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.drydock.ecs.EcsFixtures;
import dev.drydock.elb.ElbModule;
import dev.drydock.elb.TargetHealthChange;
import dev.drydock.junit.ApplicationLoadBalancer;
import dev.drydock.junit.CloudWatchLogGroup;
import dev.drydock.junit.DrydockSetting;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.ElbListener;
import dev.drydock.junit.ElbRule;
import dev.drydock.junit.ElbTargetGroup;
import dev.drydock.junit.FargateService;
import dev.drydock.junit.IamRole;
import dev.drydock.junit.NetworkLoadBalancer;
import dev.drydock.junit.ServiceLoadBalancer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * The AWS documentation's Fargate web service example (src/test/resources/ecs/webserver.json, unchanged) as a
 * 3-task service behind an Application Load Balancer with two path rules and a Network Load Balancer: a new revision is
 * deployed while load generators send requests through both, and not one fails, because ECS registers each new task
 * and waits until it is healthy before it stops an old one, and deregisters each old task and lets it drain before its
 * containers get SIGTERM. DescribeTargetHealth follows every old target from initial through healthy and draining until
 * it is gone. A service whose load balancer does not fit its task definition is refused with ECS's message, and one
 * whose target group checks a page the tasks do not serve has its tasks replaced until the circuit breaker fails it.
 *
 * <p>{@code elb.time-scale} 0.1 runs ELB's periods (and the service's health check grace period) ten times faster:
 * health checks every 0.5 s, a deregistration delay of 3 s instead of 30 s.
 */
@DrydockSetting(key = "elb.time-scale", value = "0.1")
@IamRole(
        name = "ecsTaskExecutionRole",
        managedPolicies = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")
@CloudWatchLogGroup(name = "/ecs/fargate-task-definition") // the awslogs group the task definition logs to
@EcsCluster(name = "shop")
@ElbTargetGroup(
        name = "web",
        healthCheckIntervalSeconds = 5,
        healthCheckTimeoutSeconds = 2,
        healthyThresholdCount = 2,
        deregistrationDelaySeconds = 30)
@ElbTargetGroup(
        name = "web-tcp",
        protocol = "TCP",
        healthCheckIntervalSeconds = 10,
        healthCheckTimeoutSeconds = 5,
        healthyThresholdCount = 2,
        deregistrationDelaySeconds = 30)
@ElbTargetGroup(
        name = "broken",
        healthCheckPath = "/health",
        healthCheckIntervalSeconds = 5,
        healthCheckTimeoutSeconds = 2,
        unhealthyThresholdCount = 2,
        deregistrationDelaySeconds = 30)
@ElbTargetGroup(name = "unattached")
@ApplicationLoadBalancer(
        name = "shop",
        listeners = {
            @ElbListener(
                    port = 80,
                    fixedResponseStatus = 404,
                    fixedResponseBody = "no such page",
                    rules = {
                        @ElbRule(
                                priority = 10,
                                pathPatterns = {"/", "/index.html"},
                                forward = "web"),
                        @ElbRule(
                                priority = 20,
                                pathPatterns = "/admin/*",
                                fixedResponseStatus = 403,
                                fixedResponseBody = "forbidden")
                    }),
            @ElbListener(port = 8080, forward = "broken")
        })
@NetworkLoadBalancer(name = "shop-tcp", listeners = @ElbListener(port = 80, forward = "web-tcp"))
@FargateService(
        cluster = "shop",
        name = "web",
        taskDefinition = "ecs/webserver.json",
        desiredCount = 3,
        loadBalancers = {
            @ServiceLoadBalancer(targetGroup = "web", containerName = "sample-fargate-app", containerPort = 80),
            @ServiceLoadBalancer(targetGroup = "web-tcp", containerName = "sample-fargate-app", containerPort = 80)
        },
        healthCheckGracePeriodSeconds = 60)
class LoadBalancedWebServiceSampleTest {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void deploysANewRevisionUnderLoadWithoutAFailedRequest(
            EcsClient ecs, ElasticLoadBalancingV2Client elb, ElbModule loadBalancers) throws Exception {
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("shop").services("web"));
        URI alb = loadBalancers.url("shop");
        InetSocketAddress nlb = loadBalancers.address("shop-tcp", 80);
        String webArn = targetGroupArn(elb, "web");

        // the ALB's rules: "/" goes to the service, "/admin/*" and everything else get fixed responses
        assertThat(get(alb.resolve("/")).body()).contains("<h1>Amazon ECS Sample App</h1>");
        assertThat(get(alb.resolve("/admin/users")))
                .satisfies(r -> assertThat(r.statusCode()).isEqualTo(403))
                .satisfies(r -> assertThat(r.body()).isEqualTo("forbidden"));
        assertThat(get(alb.resolve("/other")).statusCode()).isEqualTo(404);
        assertThat(getOverTcp(nlb)).startsWith("HTTP/1.").contains("Amazon ECS Sample App");

        // every task is a healthy target, by its ENI's private IP and the container port
        List<TargetHealthDescription> before =
                elb.describeTargetHealth(r -> r.targetGroupArn(webArn)).targetHealthDescriptions();
        assertThat(before).hasSize(3).allSatisfy(d -> {
            assertThat(d.target().port()).isEqualTo(80);
            assertThat(d.targetHealth().stateAsString()).isEqualTo("healthy");
        });
        Set<String> oldTargets = before.stream().map(d -> d.target().id()).collect(Collectors.toSet());
        assertThat(oldTargets).isEqualTo(taskIps(ecs));

        // a new revision, deployed while two load generators run (ALB with keep-alive, NLB a connection per request)
        String revision2 = registerRevision2(ecs);
        try (LoadGenerator albLoad = new LoadGenerator(() -> {
                    HttpResponse<String> response = get(alb.resolve("/"));
                    return response.statusCode() == 200 ? response.body() : null;
                });
                LoadGenerator nlbLoad = new LoadGenerator(() -> {
                    String response = getOverTcp(nlb);
                    return response.startsWith("HTTP/1.0 200") || response.startsWith("HTTP/1.1 200") ? response : null;
                })) {
            await().atMost(Duration.ofSeconds(10)).until(() -> albLoad.ok.get() > 20 && nlbLoad.ok.get() > 20);
            ecs.updateService(r -> r.cluster("shop").service("web").taskDefinition(revision2));
            ecs.waiter().waitUntilServicesStable(r -> r.cluster("shop").services("web"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> albLoad.lastBody().contains("Version 2")
                            && nlbLoad.lastBody().contains("Version 2"));
            albLoad.stop();
            nlbLoad.stop();
            assertThat(albLoad.failures)
                    .as("failed ALB requests: %s", albLoad.errors)
                    .isEmpty();
            assertThat(nlbLoad.failures)
                    .as("failed NLB requests: %s", nlbLoad.errors)
                    .isEmpty();
            assertThat(albLoad.ok.get()).isGreaterThan(100);
            assertThat(nlbLoad.ok.get()).isGreaterThan(50);
        }

        // each old target went initial -> healthy -> draining -> gone, and DescribeTargetHealth no longer lists it
        for (String ip : oldTargets) {
            List<String> states = loadBalancers.targetHealthHistory().stream()
                    .filter(c ->
                            c.targetGroupArn().equals(webArn) && c.targetId().equals(ip))
                    .map(TargetHealthChange::state)
                    .toList();
            assertThat(states).containsSubsequence("initial", "healthy", "draining", "deregistered");
        }
        List<TargetHealthDescription> after =
                elb.describeTargetHealth(r -> r.targetGroupArn(webArn)).targetHealthDescriptions();
        assertThat(after).hasSize(3).allSatisfy(d -> {
            assertThat(d.target().id()).isNotIn(oldTargets);
            assertThat(d.targetHealth().stateAsString()).isEqualTo("healthy");
        });
        assertThat(events(ecs))
                .anyMatch(
                        m -> m.matches("\\(service web\\) registered \\d targets in \\(target-group " + webArn + "\\)"))
                .anyMatch(m -> m.matches("\\(service web\\) has begun draining connections on \\d tasks\\."))
                .anyMatch(m ->
                        m.matches("\\(service web\\) deregistered \\d targets in \\(target-group " + webArn + "\\)"));
    }

    @Test
    void aLoadBalancerThatDoesNotFitTheTaskDefinitionIsRefused(EcsClient ecs, ElasticLoadBalancingV2Client elb) {
        String webArn = targetGroupArn(elb, "web");
        String taskDefinition = webTaskDefinition(ecs);
        assertThatThrownBy(() -> createService(ecs, "web-misconfigured", taskDefinition, webArn, 8080))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("The container sample-fargate-app did not have a container port 8080 defined.");
        String unattached = targetGroupArn(elb, "unattached");
        assertThatThrownBy(() -> createService(ecs, "web-misconfigured", taskDefinition, unattached, 80))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("The target group with targetGroupArn " + unattached
                        + " does not have an associated load balancer.");
        assertThat(ecs.listServices(r -> r.cluster("shop")).serviceArns())
                .noneMatch(arn -> arn.endsWith("/web-misconfigured"));
    }

    @Test
    void aTaskFailingElbHealthChecksIsReplacedAndFailsTheDeployment(EcsClient ecs, ElasticLoadBalancingV2Client elb) {
        String brokenArn = targetGroupArn(elb, "broken");
        String taskDefinition = webTaskDefinition(ecs);
        createService(ecs, "broken", taskDefinition, brokenArn, 80);

        // the target group checks a path the page does not have: every task turns unhealthy and is replaced, until
        // the circuit breaker fails the deployment after 3 such tasks
        await().atMost(Duration.ofMinutes(2))
                .until(() -> "FAILED"
                        .equals(ecs.describeServices(r -> r.cluster("shop").services("broken"))
                                .services()
                                .get(0)
                                .deployments()
                                .get(0)
                                .rolloutStateAsString()));
        List<String> stopped = ecs.listTasks(
                        r -> r.cluster("shop").serviceName("broken").desiredStatus(DesiredStatus.STOPPED))
                .taskArns();
        assertThat(stopped).hasSizeGreaterThanOrEqualTo(3);
        assertThat(ecs.describeTasks(r -> r.cluster("shop").tasks(stopped)).tasks())
                .allSatisfy(t -> assertThat(t.stoppedReason())
                        .isEqualTo("Task failed ELB health checks in (target-group " + brokenArn + ")"));
        assertThat(ecs.describeServices(r -> r.cluster("shop").services("broken"))
                        .services()
                        .get(0)
                        .events())
                .extracting(ServiceEvent::message)
                .anyMatch(m ->
                        m.matches("\\(service broken\\) \\(task \\w+\\) \\(port 80\\) is unhealthy in \\(target-group "
                                + brokenArn
                                + "\\) due to \\(reason Health checks failed with these codes: \\[404\\]\\)\\."));
        ecs.deleteService(r -> r.cluster("shop").service("broken").force(true));
    }

    /** A 1-task service of the example behind a target group, with the circuit breaker on. */
    private static void createService(
            EcsClient ecs, String name, String taskDefinition, String targetGroupArn, int port) {
        ecs.createService(r -> r.cluster("shop")
                .serviceName(name)
                .taskDefinition(taskDefinition)
                .desiredCount(1)
                .launchType("FARGATE")
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0")))
                .deploymentConfiguration(
                        d -> d.deploymentCircuitBreaker(b -> b.enable(true).rollback(false)))
                .loadBalancers(lb -> lb.targetGroupArn(targetGroupArn)
                        .containerName("sample-fargate-app")
                        .containerPort(port)));
    }

    private static String webTaskDefinition(EcsClient ecs) {
        return ecs.describeServices(r -> r.cluster("shop").services("web"))
                .services()
                .get(0)
                .taskDefinition();
    }

    /** The example's task definition, its page saying "Version 2": the family's next revision. */
    private static String registerRevision2(EcsClient ecs) {
        RegisterTaskDefinitionRequest request = EcsFixtures.taskDefinitionRequest("ecs/webserver.json");
        ContainerDefinition app = request.containerDefinitions().get(0);
        ContainerDefinition v2 = app.toBuilder()
                .command(app.command().get(0).replace("<h2>Congratulations!</h2>", "<h2>Version 2</h2>"))
                .build();
        return ecs.registerTaskDefinition(
                        request.toBuilder().containerDefinitions(v2).build())
                .taskDefinition()
                .taskDefinitionArn();
    }

    private static String targetGroupArn(ElasticLoadBalancingV2Client elb, String name) {
        return elb.describeTargetGroups(r -> r.names(name))
                .targetGroups()
                .get(0)
                .targetGroupArn();
    }

    private static Set<String> taskIps(EcsClient ecs) {
        List<String> arns =
                ecs.listTasks(r -> r.cluster("shop").serviceName("web")).taskArns();
        return ecs.describeTasks(r -> r.cluster("shop").tasks(arns)).tasks().stream()
                .map(t -> t.attachments().get(0).details().stream()
                        .filter(d -> d.name().equals("privateIPv4Address"))
                        .findFirst()
                        .orElseThrow()
                        .value())
                .collect(Collectors.toSet());
    }

    private static List<String> events(EcsClient ecs) {
        return ecs.describeServices(r -> r.cluster("shop").services("web")).services().get(0).events().stream()
                .map(ServiceEvent::message)
                .toList();
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET / over a new TCP connection (closed after the response), as far as the NLB is concerned just bytes. */
    private static String getOverTcp(InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.0\r\nHost: shop-tcp\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A request that answers the body of a good response, or {@code null} for a bad one (or throws). */
    @FunctionalInterface
    private interface Probe {
        String call() throws Exception;
    }

    /**
     * One thread sending requests one after another (at most one every 5 ms, so the machine's other work goes on),
     * counting good responses and recording every failure.
     */
    private static final class LoadGenerator implements AutoCloseable {
        final AtomicInteger ok = new AtomicInteger();
        final List<String> failures = new ArrayList<>();
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile String lastBody = "";
        private final Thread thread;

        LoadGenerator(Probe probe) {
            thread = new Thread(
                    () -> {
                        while (running.get()) {
                            try {
                                String body = probe.call();
                                if (body == null) {
                                    fail("bad response");
                                } else {
                                    lastBody = body;
                                    ok.incrementAndGet();
                                }
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                return;
                            } catch (Exception e) {
                                fail(e.toString());
                            }
                        }
                    },
                    "load-generator");
            thread.setDaemon(true);
            thread.start();
        }

        private synchronized void fail(String what) {
            failures.add(what);
            errors.add(what);
        }

        String lastBody() {
            return lastBody;
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
