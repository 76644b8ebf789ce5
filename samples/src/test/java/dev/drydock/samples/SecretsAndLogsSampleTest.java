package dev.drydock.samples;

import static dev.drydock.samples.LogMessages.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.ecs.EcsFixtures;
import dev.drydock.junit.CloudWatchLogGroup;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.IamRole;
import dev.drydock.junit.KmsKey;
import dev.drydock.junit.Secret;
import dev.drydock.junit.SsmParameter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Task definitions as AWS documents them, with {@code secrets} and the {@code awslogs} log driver, on real containers
 * (src/test/resources/ecs/README.md says where each comes from and what differs): the secrets reach the container as
 * environment variables, read as the execution role; the container's output is read back through the CloudWatch Logs
 * API while the task runs; and every failure Fargate reports for secrets and logs stops the task with Fargate's
 * stopped reason, each brought about by changing the infrastructure, never the task definition file.
 */
@IamRole(
        name = "ecsTaskExecutionRole",
        managedPolicies = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
        policy = "iam/exec-secrets.json")
@IamRole(name = "exec-no-secrets", policy = "iam/exec-no-secrets.json")
@IamRole(name = "exec-no-parameters", policy = "iam/exec-no-parameters.json")
@IamRole(name = "exec-no-logs", policy = "iam/exec-no-logs.json")
@CloudWatchLogGroup(name = "/ecs/fargate-task-definition")
@CloudWatchLogGroup(name = "/ecs/secrets-example")
@Secret(name = "appauthexample", value = "{\"username\":\"appuser\",\"password\":\"s3cr3t-pw\"}")
@SsmParameter(name = "parameter_name", value = "https://db.example.com")
@KmsKey(name = "orders")
@EcsCluster(name = "shop")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsAndLogsSampleTest {
    private static final String PULL_SECRETS = "ResourceInitializationError: unable to pull secrets or registry auth: "
            + "execution resource retrieval failed: ";

    @Test
    @Order(1)
    void theWebServerExamplesRequestsReachCloudWatchLogs(Drydock drydock, EcsClient ecs, CloudWatchLogsClient logs) {
        Task task = run(ecs, "ecs/webserver.json", null);
        Task running = awaitStatus(ecs, task, "RUNNING");
        assertThat(TaskPages.page(drydock, running)).contains("<h1>Amazon ECS Sample App</h1>");

        // busybox httpd -vv logs each request to stderr, which awslogs ships as Fargate does
        String stream = "ecs/sample-fargate-app/" + taskId(task);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(messages(logs, "/ecs/fargate-task-definition", stream))
                        .anyMatch(m -> m.contains("response:200")));
        stop(ecs, task);
    }

    @Test
    @Order(2)
    void secretsBecomeTheContainersEnvironmentAndItsOutputIsReadThroughTheLogsApi(
            EcsClient ecs, CloudWatchLogsClient logs) {
        Task task = run(ecs, "ecs/secrets-example.json", null);
        awaitStatus(ecs, task, "RUNNING");
        String stream = "ecs/app/" + taskId(task);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(messages(logs, "/ecs/secrets-example", stream))
                        .containsExactly("connecting to https://db.example.com as appuser (password of 9 characters)"));
        List<OutputLogEvent> events = logs.getLogEvents(
                        r -> r.logGroupName("/ecs/secrets-example").logStreamName(stream))
                .events();
        assertThat(events.get(0).timestamp()).isPositive();
        stop(ecs, task);
    }

    @Test
    @Order(3)
    void anExecutionRoleThatMayNotReadASecretStopsTheTask(EcsClient ecs) {
        Task t = failed(ecs, "exec-no-secrets");
        assertThat(t.stoppedReason())
                .startsWith(PULL_SECRETS + "unable to retrieve secret from asm: service call has been retried 1 "
                        + "time(s): failed to fetch secret "
                        + "arn:aws:secretsmanager:us-east-1:123456789012:secret:appauthexample from secrets manager: "
                        + "AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec-no-secrets/"
                        + taskId(t) + " is not authorized to perform: secretsmanager:GetSecretValue");
    }

    @Test
    @Order(4)
    void anExecutionRoleThatMayNotReadAParameterStopsTheTask(EcsClient ecs) {
        Task t = failed(ecs, "exec-no-parameters");
        assertThat(t.stoppedReason())
                .startsWith(PULL_SECRETS + "unable to retrieve secrets from ssm: service call has been retried 1 "
                        + "time(s): AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/"
                        + "exec-no-parameters/" + taskId(t) + " is not authorized to perform: ssm:GetParameters");
    }

    @Test
    @Order(5)
    void anExecutionRoleThatMayNotCreateTheLogStreamStopsTheTask(EcsClient ecs) {
        Task t = failed(ecs, "exec-no-logs");
        assertThat(t.stoppedReason())
                .startsWith("ResourceInitializationError: failed to validate logger args: create stream has been "
                        + "retried 1 times: failed to create Cloudwatch log stream: operation error CloudWatch Logs: "
                        + "CreateLogStream, https response error StatusCode: 400, RequestID: ")
                .contains("api error AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec-no-logs/"
                        + taskId(t) + " is not authorized to perform: logs:CreateLogStream");
    }

    @Test
    @Order(6)
    void aParameterUnderAKeyTheRoleMayNotUseStopsTheTask(EcsClient ecs, SsmClient ssm) {
        ssm.putParameter(r -> r.name("parameter_name")
                .value("https://db.example.com")
                .type(ParameterType.SECURE_STRING)
                .keyId("alias/orders")
                .overwrite(true));
        Task t = failed(ecs, null);
        assertThat(t.stoppedReason())
                .startsWith(PULL_SECRETS + "unable to retrieve secrets from ssm: service call has been retried 1 "
                        + "time(s): AccessDeniedException: The ciphertext refers to a customer master key that does not "
                        + "exist, does not exist in this region, or you are not allowed to access. (Service: AWSKMS; ");
        ssm.putParameter(r -> r.name("parameter_name")
                .value("https://db.example.com")
                .type(ParameterType.STRING)
                .overwrite(true));
    }

    @Test
    @Order(7)
    void aSecretWithoutTheJsonKeyStopsTheTask(EcsClient ecs, SecretsManagerClient sm) {
        sm.putSecretValue(r -> r.secretId("appauthexample").secretString("{\"username\":\"appuser\"}"));
        Task t = failed(ecs, null);
        assertThat(t.stoppedReason())
                .isEqualTo(
                        PULL_SECRETS + "unable to retrieve secret from asm: service call has been retried 1 time(s): "
                                + "retrieved secret from Secrets Manager did not contain json key password");
    }

    @Test
    @Order(8)
    void aMissingParameterOrSecretStopsTheTask(EcsClient ecs, SecretsManagerClient sm, SsmClient ssm) {
        ssm.deleteParameter(r -> r.name("parameter_name"));
        assertThat(failed(ecs, null).stoppedReason())
                .isEqualTo(PULL_SECRETS + "unable to retrieve secrets from ssm: service call has been retried 1 "
                        + "time(s): invalid ssm parameters: "
                        + "arn:aws:ssm:us-east-1:123456789012:parameter/parameter_name");

        ssm.putParameter(
                r -> r.name("parameter_name").value("https://db.example.com").type(ParameterType.STRING));
        sm.deleteSecret(r -> r.secretId("appauthexample").forceDeleteWithoutRecovery(true));
        assertThat(failed(ecs, null).stoppedReason())
                .startsWith(PULL_SECRETS + "unable to retrieve secret from asm: service call has been retried 1 "
                        + "time(s): failed to fetch secret "
                        + "arn:aws:secretsmanager:us-east-1:123456789012:secret:appauthexample from secrets manager: "
                        + "ResourceNotFoundException: ");
    }

    /** Registers a task definition file as it is and runs it, as the given execution role when one is given. */
    private static Task run(EcsClient ecs, String file, String executionRole) {
        String family = ecs.registerTaskDefinition(EcsFixtures.taskDefinitionRequest(file))
                .taskDefinition()
                .family();
        return ecs.runTask(r -> r.cluster("shop")
                        .taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0")))
                        .overrides(o -> o.executionRoleArn(
                                executionRole == null ? null : "arn:aws:iam::123456789012:role/" + executionRole)))
                .tasks()
                .get(0);
    }

    private static Task failed(EcsClient ecs, String executionRole) {
        Task t = awaitStatus(ecs, run(ecs, "ecs/secrets-example.json", executionRole), "STOPPED");
        assertThat(t.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(t.containers().get(0).runtimeId())
                .as("no container was created")
                .isNull();
        return t;
    }

    private static Task awaitStatus(EcsClient ecs, Task task, String status) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> ecs.describeTasks(r -> r.cluster("shop").tasks(task.taskArn()))
                                .tasks()
                                .get(0),
                        t -> status.equals(t.lastStatus()));
    }

    private static void stop(EcsClient ecs, Task task) {
        ecs.stopTask(r -> r.cluster("shop").task(task.taskArn()));
        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("shop").tasks(task.taskArn()));
    }

    private static String taskId(Task task) {
        return task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
    }
}
