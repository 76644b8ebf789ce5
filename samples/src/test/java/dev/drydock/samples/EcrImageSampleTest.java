package dev.drydock.samples;

import static dev.drydock.junit.DrydockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import dev.drydock.core.iam.DecisionLog;
import dev.drydock.ecr.EcrModule;
import dev.drydock.junit.EcrRepository;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.FargateService;
import dev.drydock.junit.IamRole;
import dev.drydock.junit.ImageBuild;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * ECR: an image built from src/test/docker/orders and pushed into the repository {@code orders} runs as a Fargate
 * service by its ECR URI (ecs/orders-ecr.json), pulled as the task's execution role. An image pushed with the
 * {@code docker} CLI works the same way, and an execution role that may not pull gets AWS's failure.
 */
@IamRole(
        name = "orders-execution",
        managedPolicies = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")
@IamRole(name = "no-pull")
@EcrRepository(name = "orders", image = @ImageBuild(context = "src/test/docker/orders", tag = "v1"))
@EcsCluster(name = "shop")
@FargateService(cluster = "shop", name = "orders", taskDefinition = "ecs/orders-ecr.json")
class EcrImageSampleTest {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theServiceRunsTheImageFromEcr(Drydock drydock, EcsClient ecs, EcrClient ecr) throws Exception {
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("shop").services("orders"));

        String pushed = ecr.describeImages(r -> r.repositoryName("orders"))
                .imageDetails()
                .get(0)
                .imageDigest();
        Task task = ecs.describeTasks(r -> r.cluster("shop")
                        .tasks(ecs.listTasks(l -> l.cluster("shop").serviceName("orders"))
                                .taskArns()))
                .tasks()
                .get(0);
        assertThat(task.containers().get(0).image())
                .isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:v1");
        assertThat(task.containers().get(0).imageDigest()).isEqualTo(pushed);

        // the task's port 8080 as this JVM reaches it: the task's IP on a local engine, a published port elsewhere
        String ip = task.containers().get(0).networkInterfaces().get(0).privateIpv4Address();
        InetSocketAddress orders = drydock.taskAddress(ip, 8080);
        String page = http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://" + orders.getHostString() + ":" + orders.getPort() + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(page).contains("served from an image pulled from ECR");
    }

    @Test
    void anImagePushedWithTheDockerCliRunsAndADeniedExecutionRoleFailsAsOnAws(
            Drydock drydock, EcsClient ecs, EcrClient ecr, DecisionLog decisions) throws Exception {
        // docker login with the password GetAuthorizationToken gives, then docker build and docker push
        String token = ecr.getAuthorizationToken().authorizationData().get(0).authorizationToken();
        String password = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).substring(4);
        String uri = ecr.describeRepositories(r -> r.repositoryNames("orders"))
                        .repositories()
                        .get(0)
                        .repositoryUri() + ":v2";
        String local = drydock.service(EcrModule.class).localReference(uri); // 127.0.0.1:<port>/orders:v2
        String registry = local.substring(0, local.indexOf('/'));
        try (DockerCommand docker = new DockerCommand()) {
            docker.run(password, "login", registry, "-u", "AWS", "--password-stdin");
            docker.run(null, "build", "-t", local, "src/test/docker/orders");
            docker.run(null, "push", local);
            docker.run(null, "rmi", local);
        }

        ecs.registerTaskDefinition(r -> r.family("orders-v2")
                .executionRoleArn("orders-execution")
                .networkMode("awsvpc")
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(c -> c.name("orders").image(uri).essential(true)));
        ecs.registerTaskDefinition(r -> r.family("orders-denied")
                .executionRoleArn("no-pull")
                .networkMode("awsvpc")
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(c -> c.name("orders").image(uri).essential(true)));
        Task v2 = run(ecs, "orders-v2");
        Task denied = run(ecs, "orders-denied");

        ecs.waiter().waitUntilTasksRunning(r -> r.cluster("shop").tasks(v2.taskArn()));
        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("shop").tasks(denied.taskArn()));
        Task stopped = ecs.describeTasks(r -> r.cluster("shop").tasks(denied.taskArn()))
                .tasks()
                .get(0);
        assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(stopped.stoppedReason())
                .startsWith("ResourceInitializationError: unable to pull secrets or "
                        + "registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: ")
                .contains("AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/no-pull/")
                .contains("is not authorized to perform: ecr:GetAuthorizationToken on resource: *");

        assertThat(decisions)
                .forPrincipal("orders-execution") // DrydockAssertions.assertThat
                .hasAllowed("ecr:GetAuthorizationToken")
                .hasAllowed("ecr:BatchGetImage")
                .hasAllowed("ecr:GetDownloadUrlForLayer");
        assertThat(decisions)
                .forPrincipal("no-pull")
                .hasDenied("ecr:GetAuthorizationToken")
                .neverAllowed("ecr:BatchGetImage");
    }

    private static Task run(EcsClient ecs, String family) {
        return ecs.runTask(r -> r.cluster("shop")
                        .taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0d2c4a1e5b6f70819"))))
                .tasks()
                .get(0);
    }

    /** The docker CLI, with a configuration directory of its own (the login does not touch ~/.docker). */
    private static final class DockerCommand implements AutoCloseable {
        private final Path config = Files.createTempDirectory("docker-config");

        DockerCommand() throws IOException {}

        void run(String stdin, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("docker"));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("DOCKER_CONFIG", config.toString());
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor())
                    .as("docker %s:%n%s", String.join(" ", args), output)
                    .isZero();
        }

        @Override
        public void close() throws IOException {
            try (var files = Files.walk(config)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
