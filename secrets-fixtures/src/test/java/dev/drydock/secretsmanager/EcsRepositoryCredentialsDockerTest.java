package dev.drydock.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.testing.ReferenceRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * On a real Docker engine: a container's {@code repositoryCredentials} log in to a private registry (Debian's
 * docker-registry behind HTTP Basic) with the user name and password of a Secrets Manager secret the execution role
 * reads, as Fargate does ("Using non-AWS container images in Amazon ECS",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html); a wrong password stops the task with
 * CannotPullContainerError.
 */
class EcsRepositoryCredentialsDockerTest {
    private static final String BUSYBOX = "drydock/busybox:1.35-local";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Test
    void theExecutionRoleReadsTheRegistryLoginFromSecretsManagerAndThePullUsesIt() throws Exception {
        try (ReferenceRegistry registry = ReferenceRegistry.startWithLogin();
                ContainerRuntime docker = ContainerRuntime.docker()) {
            String image = registry.host() + "/private/busybox:1";
            docker.ensureImage(BUSYBOX);
            docker.tagImage(BUSYBOX, image);
            try {
                docker.pushImage(image, ReferenceRegistry.USER, ReferenceRegistry.PASSWORD);
                docker.removeImageReference(image); // the task must pull it
                try (Drydock drydock = Drydock.builder()
                                .fixture(IamFixtures.role("exec").policy("iam/exec-secrets.json"))
                                .start();
                        EcsClient ecs = drydock.client(EcsClient.builder());
                        SecretsManagerClient sm = drydock.client(SecretsManagerClient.builder())) {
                    ecs.createCluster(r -> r.clusterName("private"));
                    String good = sm.createSecret(r -> r.name("registry/good")
                                    .secretString("{\"username\":\"" + ReferenceRegistry.USER + "\",\"password\":\""
                                            + ReferenceRegistry.PASSWORD + "\"}"))
                            .arn();
                    String bad = sm.createSecret(r -> r.name("registry/bad")
                                    .secretString(
                                            "{\"username\":\"" + ReferenceRegistry.USER + "\",\"password\":\"wrong\"}"))
                            .arn();

                    Task running = awaitTask(ecs, run(ecs, image, good), "RUNNING");
                    assertThat(running.containers().get(0).imageDigest()).startsWith("sha256:");
                    ecs.stopTask(r -> r.cluster("private").task(running.taskArn()));
                    awaitTask(ecs, running, "STOPPED");

                    docker.removeImageReference(image);
                    Task failed = awaitTask(ecs, run(ecs, image, bad), "STOPPED");
                    assertThat(failed.stopCodeAsString()).isEqualTo("TaskFailedToStart");
                    assertThat(failed.stoppedReason()).startsWith("CannotPullContainerError: ");
                }
            } finally {
                docker.removeImageReference(image);
            }
        }
    }

    private static Task run(EcsClient ecs, String image, String credentials) {
        String family = "private-" + NAMES.incrementAndGet();
        ecs.registerTaskDefinition(r -> r.family(family)
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .executionRoleArn("arn:aws:iam::123456789012:role/exec")
                .containerDefinitions(c -> c.name("app")
                        .image(image)
                        .command("sleep", "600")
                        .linuxParameters(l -> l.initProcessEnabled(true))
                        .repositoryCredentials(rc -> rc.credentialsParameter(credentials))));
        return ecs.runTask(r -> r.cluster("private")
                        .taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0"))))
                .tasks()
                .get(0);
    }

    private static Task awaitTask(EcsClient ecs, Task task, String status) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> ecs.describeTasks(r -> r.cluster("private").tasks(task.taskArn()))
                                .tasks()
                                .get(0),
                        t -> status.equals(t.lastStatus()));
    }
}
