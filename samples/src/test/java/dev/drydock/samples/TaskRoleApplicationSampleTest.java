package dev.drydock.samples;

import static dev.drydock.junit.DrydockAssertions.assertThat;
import static dev.drydock.samples.LogMessages.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.iam.DecisionLog;
import dev.drydock.ecs.EcsFixtures;
import dev.drydock.junit.CloudWatchLogGroup;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.IamRole;
import dev.drydock.junit.Secret;
import dev.drydock.junit.SsmParameter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Application code in a task that calls Secrets Manager, Systems Manager Parameter Store and CloudWatch Logs itself,
 * with the SDK's default credential chain (the AWS CLI v2, a botocore application, finds the task role's credentials
 * through {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}): what its task role allows works, the rest is denied with
 * AccessDeniedException, as on Fargate. The test reads the application's output through the Logs API (its
 * {@code awslogs} stream), the event it wrote itself, its exit code, and IAM's decision log.
 */
@IamRole(
        name = "ecsTaskExecutionRole",
        managedPolicies = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")
@IamRole(name = "reporting-task", policy = "iam/reporting-task.json")
@Secret(name = "reporting/db", value = "reporting-db-password")
@Secret(name = "payments/key", value = "payments-signing-key")
@SsmParameter(name = "/reporting/url", value = "https://reports.example.com")
@SsmParameter(name = "/payments/url", value = "https://payments.example.com")
@CloudWatchLogGroup(name = "/ecs/reporting-cli")
@CloudWatchLogGroup(name = "/app/reporting")
@CloudWatchLogGroup(name = "/app/payments")
@EcsCluster(name = "shop")
class TaskRoleApplicationSampleTest {
    /** Debian's AWS CLI 2.9 predates AWS_ENDPOINT_URL (read from CLI 2.13 on), so each call passes it itself. */
    private static final String AT = " --endpoint-url \"$AWS_ENDPOINT_URL\"";

    private static final String NOW_MS = "$(($(date +%s)*1000))";

    @Test
    void theTaskRoleReadsItsSecretAndParameterAndWritesItsLogsButNothingElse(
            EcsClient ecs, CloudWatchLogsClient logs, DecisionLog decisions) {
        logs.createLogStream(r -> r.logGroupName("/app/reporting").logStreamName("app"));
        logs.createLogStream(r -> r.logGroupName("/app/payments").logStreamName("app"));
        ecs.registerTaskDefinition(EcsFixtures.taskDefinitionRequest("ecs/reporting-cli.json"));

        Task allowed = run(
                ecs,
                "set -e; "
                        + "echo \"secret=$(aws secretsmanager get-secret-value --secret-id reporting/db"
                        + " --query SecretString --output text" + AT + ")\"; "
                        + "echo \"parameter=$(aws ssm get-parameter --name /reporting/url"
                        + " --query Parameter.Value --output text" + AT + ")\"; "
                        + "aws logs put-log-events --log-group-name /app/reporting --log-stream-name app"
                        + " --log-events timestamp=" + NOW_MS + ",message=report-ready" + AT + " > /dev/null; "
                        + "echo done");
        Task denied = run(
                ecs,
                "aws secretsmanager get-secret-value --secret-id payments/key" + AT + "; echo \"secret exit $?\"; "
                        + "aws ssm get-parameter --name /payments/url" + AT + "; echo \"parameter exit $?\"; "
                        + "aws logs put-log-events --log-group-name /app/payments --log-stream-name app"
                        + " --log-events timestamp=" + NOW_MS + ",message=payment-report" + AT + "; "
                        + "echo \"logs exit $?\"");
        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("shop").tasks(allowed.taskArn(), denied.taskArn()));

        assertThat(exitCode(ecs, allowed)).isZero();
        List<String> allowedOutput = output(logs, allowed, 3);
        assertThat(allowedOutput)
                .containsExactly("secret=reporting-db-password", "parameter=https://reports.example.com", "done");
        assertThat(messages(logs, "/app/reporting", "app")).containsExactly("report-ready");

        List<String> deniedOutput = output(logs, denied, 6);
        assertThat(deniedOutput)
                .contains("secret exit 254", "parameter exit 254", "logs exit 254") // the CLI's service-error code
                .anyMatch(line -> line.contains("(AccessDeniedException) when calling the GetSecretValue operation")
                        && line.contains("assumed-role/reporting-task/")
                        && line.contains("is not authorized to perform: secretsmanager:GetSecretValue"))
                .anyMatch(line -> line.contains("(AccessDeniedException) when calling the GetParameter operation")
                        && line.contains("is not authorized to perform: ssm:GetParameter"))
                .anyMatch(line -> line.contains("(AccessDeniedException) when calling the PutLogEvents operation")
                        && line.contains("is not authorized to perform: logs:PutLogEvents"));
        assertThat(messages(logs, "/app/payments", "app")).isEmpty();

        assertThat(decisions)
                .forPrincipal("reporting-task")
                .hasAllowed("secretsmanager:GetSecretValue")
                .hasDenied("secretsmanager:GetSecretValue")
                .hasAllowed("ssm:GetParameter")
                .hasDenied("ssm:GetParameter")
                .hasAllowed("logs:PutLogEvents")
                .hasDenied("logs:PutLogEvents");
    }

    private static Task run(EcsClient ecs, String command) {
        return ecs.runTask(r -> r.cluster("shop")
                        .taskDefinition("reporting-cli")
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0d2c4a1e5b6f70819")))
                        .overrides(o -> o.containerOverrides(c -> c.name("app").command(command))))
                .tasks()
                .get(0);
    }

    private static int exitCode(EcsClient ecs, Task task) {
        return ecs.describeTasks(r -> r.cluster("shop").tasks(task.taskArn()))
                .tasks()
                .get(0)
                .containers()
                .get(0)
                .exitCode();
    }

    /** The container's stdout and stderr lines in its awslogs stream, once there are at least {@code lines}. */
    private static List<String> output(CloudWatchLogsClient logs, Task task, int lines) {
        String stream = "ecs/app/" + task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> messages(logs, "/ecs/reporting-cli", stream), m -> m.size() >= lines);
    }
}
