package dev.drydock.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * On a real Docker engine: ECS tasks whose image is an ECR URI of a Drydock repository run that image, pulled from
 * Drydock's registry as the task's execution role; without the permissions, the task stops as on AWS.
 */
class EcsPullDockerTest {
    static Drydock drydock;
    static EcsClient ecs;
    static String uri;
    static String digest;

    @BeforeAll
    static void start() {
        drydock = Drydock.builder()
                .fixture(IamFixtures.role("exec")
                        .managedPolicy("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"))
                .fixture(IamFixtures.role("token-only").policy("iam/token-only.json"))
                .fixture(IamFixtures.role("nothing"))
                .fixture(EcrFixtures.repository("app").pushImage("drydock/busybox:1.35-local", "v1"))
                .start();
        ecs = drydock.client(EcsClient.builder());
        ecs.createCluster(r -> r.clusterName("pulls"));
        try (EcrClient ecr = drydock.client(EcrClient.builder())) {
            var image = ecr.describeImages(r -> r.repositoryName("app"))
                    .imageDetails()
                    .get(0);
            digest = image.imageDigest();
            uri = ecr.describeRepositories(r -> r.repositoryNames("app"))
                    .repositories()
                    .get(0)
                    .repositoryUri();
        }
    }

    @AfterAll
    static void stop() {
        if (drydock != null) {
            drydock.close();
        }
    }

    @Test
    void aTaskRunsItsImageFromEcrAndReportsTheDigest() {
        Task task = run("exec", uri + ":v1");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> describe(task).lastStatus().equals("RUNNING"));
        assertThat(describe(task).containers().get(0).imageDigest()).isEqualTo(digest);
        assertThat(drydock.decisionLog().toString()).isNotEmpty();
        Task byDigest = run("exec", uri + "@" + digest);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> describe(byDigest).lastStatus().equals("RUNNING"));
    }

    @Test
    void anExecutionRoleThatMayNotGetATokenStopsTheTask() {
        Task stopped = awaitStopped(run("nothing", uri + ":v1"));
        assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(stopped.stoppedReason())
                .startsWith("ResourceInitializationError: unable to pull secrets or "
                        + "registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service "
                        + "call has been retried 3 time(s): AccessDeniedException: User: arn:aws:sts::123456789012:"
                        + "assumed-role/nothing/")
                .contains("is not authorized to perform: ecr:GetAuthorizationToken");
    }

    @Test
    void anExecutionRoleThatMayNotPullGetsCannotPullContainerError() {
        Task stopped = awaitStopped(run("token-only", uri + ":v1"));
        assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(stopped.stoppedReason())
                .isEqualTo("CannotPullContainerError: pull image manifest has been "
                        + "retried 5 time(s): failed to resolve ref " + uri + ":v1: pulling from host "
                        + uri.substring(0, uri.indexOf('/'))
                        + " failed with status code [manifests v1]: 403 Forbidden");
        assertThat(stopped.containers().get(0).reason()).startsWith("CannotPullContainerError");
    }

    @Test
    void aMissingTagStopsTheTaskAndNoExecutionRoleIsRefusedAtRegistration() {
        Task missing = awaitStopped(run("exec", uri + ":nope"));
        assertThat(missing.stoppedReason())
                .isEqualTo("CannotPullContainerError: pull image manifest has been "
                        + "retried 5 time(s): failed to resolve ref " + uri + ":nope: " + uri + ":nope: not found");
        Assertions.assertThatThrownBy(() -> run(null, uri + ":v1"))
                .hasMessageStartingWith(
                        "Fargate requires task definition to have execution role ARN to support ECR " + "images.");
    }

    private static Task run(String executionRole, String image) {
        String family = "pull-" + (executionRole == null ? "none" : executionRole);
        ecs.registerTaskDefinition(r -> r.family(family)
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .executionRoleArn(
                        executionRole == null ? null : "arn:aws:iam::" + drydock.accountId() + ":role/" + executionRole)
                .containerDefinitions(ContainerDefinition.builder()
                        .name("app")
                        .image(image)
                        .command("sleep", "600")
                        .build()));
        return ecs.runTask(r -> r.cluster("pulls")
                        .taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))))
                .tasks()
                .get(0);
    }

    private static Task awaitStopped(Task task) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> describe(task).lastStatus().equals("STOPPED"));
        return describe(task);
    }

    private static Task describe(Task task) {
        return ecs.describeTasks(r -> r.cluster("pulls").tasks(task.taskArn()))
                .tasks()
                .get(0);
    }
}
