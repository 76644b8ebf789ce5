package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.IamFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Task roles: RunTask checks that the role exists and trusts ecs-tasks.amazonaws.com, as ECS does; the containers of
 * a task with a role get the container credentials environment, and the credentials endpoint serves an assumed-role
 * session of the role only to requests carrying the task's token.
 */
class TaskRoleApiTest extends EcsApiTestBase {

    @BeforeAll
    void roles() {
        drydock.apply(IamFixtures.role("app-task"));
        drydock.apply(IamFixtures.role("lambda-only").trustPolicy("iam/lambda-trust.json"));
    }

    @Test
    void aTaskWithItsRoleGetsCredentialsFromTheEndpoint() throws Exception {
        String cluster = unique("roles");
        ecs.createCluster(r -> r.clusterName(cluster));
        String family = unique("with-role");
        ecs.registerTaskDefinition(fargate(family).taskRoleArn("app-task").build());
        Task task = ecs.runTask(runFargate(cluster, family).build()).tasks().get(0);
        waiting().until(() -> describe(cluster, task).lastStatus().equals("RUNNING"));

        String containerId = describe(cluster, task).containers().get(0).runtimeId();
        Map<String, String> env = sim.spec(containerId).environment();
        String uri = env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        String token = env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN");
        assertThat(uri).startsWith("http://127.0.0.1:51679/v2/credentials/");
        assertThat(token).hasSizeGreaterThan(30);

        // the sandbox forwards 127.0.0.1:51679 to Drydock's endpoint; ask the endpoint directly
        URI direct = drydock.endpoint().resolve(URI.create(uri).getPath());
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ok = http.send(
                HttpRequest.newBuilder(direct).header("Authorization", token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body())
                .contains(
                        "\"AccessKeyId\":\"ASIA",
                        "\"SecretAccessKey\"",
                        "\"Token\"",
                        "\"Expiration\":\"",
                        "\"RoleArn\":\"arn:aws:iam::123456789012:role/app-task\"");
        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(direct).header("Authorization", "wrong").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("AccessKeyId");
    }

    @Test
    void aTaskWithoutRoleGetsNoCredentials() {
        String cluster = unique("roles");
        ecs.createCluster(r -> r.clusterName(cluster));
        String family = unique("no-role");
        ecs.registerTaskDefinition(fargate(family).build());
        Task task = ecs.runTask(runFargate(cluster, family).build()).tasks().get(0);
        waiting().until(() -> describe(cluster, task).lastStatus().equals("RUNNING"));
        Map<String, String> env = sim.spec(
                        describe(cluster, task).containers().get(0).runtimeId())
                .environment();
        assertThat(env).doesNotContainKeys("AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN");
        assertThat(env).containsEntry("AWS_REGION", "us-east-1").containsKey("AWS_ENDPOINT_URL");
    }

    @Test
    void runTaskRefusesARoleThatDoesNotExistOrDoesNotTrustEcsTasks() {
        String cluster = unique("roles");
        ecs.createCluster(r -> r.clusterName(cluster));
        for (String role : new String[] {"no-such-role", "lambda-only"}) {
            String family = unique("bad-role");
            ecs.registerTaskDefinition(fargate(family).taskRoleArn(role).build());
            assertEcsError(
                    () -> ecs.runTask(runFargate(cluster, family).build()),
                    InvalidParameterException.class,
                    "ECS was unable to assume the role 'arn:aws:iam::123456789012:role/" + role + "' that was provided "
                            + "for this task. Please verify that the role being passed has the proper trust "
                            + "relationship and permissions and that your IAM user has permissions to pass this role.");
        }
        assertThat(ecs.listTasks(r -> r.cluster(cluster)).taskArns()).isEmpty();
    }

    @Test
    void runTaskRefusesAnExecutionRoleThatDoesNotExistOrDoesNotTrustEcsTasksAlsoAsAnOverride() {
        String cluster = unique("roles");
        ecs.createCluster(r -> r.clusterName(cluster));
        String message = "' that was provided for this task. Please verify that the role being passed has the proper "
                + "trust relationship and permissions and that your IAM user has permissions to pass this role.";
        for (String role : new String[] {"no-such-role", "lambda-only"}) {
            String family = unique("bad-exec");
            ecs.registerTaskDefinition(fargate(family).executionRoleArn(role).build());
            assertEcsError(
                    () -> ecs.runTask(runFargate(cluster, family).build()),
                    InvalidParameterException.class,
                    "ECS was unable to assume the role 'arn:aws:iam::123456789012:role/" + role + message);
        }
        String good = unique("good-exec");
        ecs.registerTaskDefinition(fargate(good).executionRoleArn("app-task").build());
        assertEcsError(
                () -> ecs.runTask(runFargate(cluster, good)
                        .overrides(o -> o.executionRoleArn("no-such-role"))
                        .build()),
                InvalidParameterException.class,
                "ECS was unable to assume the role 'arn:aws:iam::123456789012:role/no-such-role" + message);
        assertThat(ecs.listTasks(r -> r.cluster(cluster)).taskArns()).isEmpty();
        assertThat(ecs.runTask(runFargate(cluster, good).build()).failures()).isEmpty();
    }

    private Task describe(String cluster, Task task) {
        return ecs.describeTasks(r -> r.cluster(cluster).tasks(task.taskArn()))
                .tasks()
                .get(0);
    }
}
