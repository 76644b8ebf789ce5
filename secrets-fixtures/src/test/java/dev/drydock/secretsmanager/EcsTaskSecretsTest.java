package dev.drydock.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * ECS tasks whose containers name {@code secrets} and {@code repositoryCredentials}, as Fargate runs them (simulated
 * runtime): the values are read as the task's execution role before the containers start and become their
 * environment; each failure stops the task with stopCode TaskFailedToStart and Fargate's stopped reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EcsTaskSecretsTest {
    private static final String PREFIX = "ResourceInitializationError: unable to pull secrets or registry auth: "
            + "execution resource retrieval failed: ";
    private static final String IMAGE = "drydock/busybox:1.35-local";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private SimulatedRuntime sim;
    private Drydock drydock;
    private EcsClient ecs;
    private SecretsManagerClient sm;
    private SsmClient ssm;
    private String cluster;
    private String dbArn;
    private String registryArn;
    private String badRegistryArn;

    @BeforeAll
    void start() {
        sim = new SimulatedRuntime();
        drydock = Drydock.builder()
                .runtime(() -> sim)
                .fixture(IamFixtures.role("exec").policy("iam/exec-secrets.json"))
                .fixture(IamFixtures.role("exec-nothing"))
                .start();
        ecs = drydock.client(EcsClient.builder());
        sm = drydock.client(SecretsManagerClient.builder());
        ssm = drydock.client(SsmClient.builder());
        cluster = "secrets";
        ecs.createCluster(r -> r.clusterName(cluster));
        dbArn = sm.createSecret(r -> r.name("shop/db").secretString("{\"username\":\"app\",\"password\":\"pw\"}"))
                .arn();
        registryArn = sm.createSecret(
                        r -> r.name("shop/registry").secretString("{\"username\":\"puller\",\"password\":\"s3cret\"}"))
                .arn();
        badRegistryArn = sm.createSecret(
                        r -> r.name("shop/registry-no-password").secretString("{\"username\":\"puller\"}"))
                .arn();
        ssm.putParameter(r -> r.name("/shop/url").value("https://shop").type(ParameterType.STRING));
        ssm.putParameter(r -> r.name("/shop/token").value("t0k3n").type(ParameterType.SECURE_STRING));
        try (KmsClient kms = drydock.client(KmsClient.builder())) {
            String key = kms.createKey(r -> r.description("its key policy names the account only"))
                    .keyMetadata()
                    .keyId();
            ssm.putParameter(r -> r.name("/shop/cmk")
                    .value("cmk value")
                    .type(ParameterType.SECURE_STRING)
                    .keyId(key));
        }
    }

    @AfterAll
    void stop() {
        if (drydock != null) {
            ecs.close();
            sm.close();
            ssm.close();
            drydock.close();
        }
    }

    private Task run(String role, ContainerDefinition.Builder container) {
        String family = "secrets-" + NAMES.incrementAndGet();
        ecs.registerTaskDefinition(r -> r.family(family)
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .executionRoleArn("arn:aws:iam::123456789012:role/" + role)
                .containerDefinitions(container.name("app").image(IMAGE).build()));
        return ecs.runTask(r -> r.cluster(cluster)
                        .taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0"))))
                .tasks()
                .get(0);
    }

    private Task awaitTask(Task task, Predicate<Task> condition) {
        Task[] last = new Task[1];
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    last[0] = ecs.describeTasks(r -> r.cluster(cluster).tasks(task.taskArn()))
                            .tasks()
                            .get(0);
                    return condition.test(last[0]);
                });
        return last[0];
    }

    private Task stopped(Task task) {
        Task t = awaitTask(task, x -> "STOPPED".equals(x.lastStatus()));
        assertThat(t.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(t.containers().get(0).runtimeId())
                .as("no container was created")
                .isNull();
        return t;
    }

    private static Secret secret(String name, String valueFrom) {
        return Secret.builder().name(name).valueFrom(valueFrom).build();
    }

    @Test
    void secretsFromSecretsManagerAndParameterStoreBecomeTheContainersEnvironment() {
        drydock.decisionLog().clear();
        Task task = run(
                "exec",
                ContainerDefinition.builder()
                        .environment(e -> e.name("PLAIN").value("plain"))
                        .secrets(
                                secret("DB", dbArn),
                                secret("DB_PASSWORD", dbArn + ":password::"),
                                secret("URL", "/shop/url"),
                                secret("TOKEN", "arn:aws:ssm:us-east-1:123456789012:parameter/shop/token")));
        Task running = awaitTask(task, t -> "RUNNING".equals(t.lastStatus()));

        var env = sim.spec(running.containers().get(0).runtimeId()).environment();
        assertThat(env)
                .containsEntry("PLAIN", "plain")
                .containsEntry("DB", "{\"username\":\"app\",\"password\":\"pw\"}")
                .containsEntry("DB_PASSWORD", "pw")
                .containsEntry("URL", "https://shop")
                .containsEntry("TOKEN", "t0k3n");
        String session = "arn:aws:sts::123456789012:assumed-role/exec/" + taskId(task);
        assertThat(drydock.decisionLog().decisions())
                .filteredOn(d -> d.principalArn().equals(session))
                .extracting(AuthorizationDecision::action)
                .contains("secretsmanager:GetSecretValue", "ssm:GetParameters");
    }

    @Test
    void repositoryCredentialsAreReadAsTheExecutionRoleBeforeThePull() {
        drydock.decisionLog().clear();
        Task task = run(
                "exec", ContainerDefinition.builder().repositoryCredentials(c -> c.credentialsParameter(registryArn)));
        awaitTask(task, t -> "RUNNING".equals(t.lastStatus()));
        String session = "arn:aws:sts::123456789012:assumed-role/exec/" + taskId(task);
        assertThat(drydock.decisionLog().decisions())
                .filteredOn(d -> d.principalArn().equals(session))
                .extracting(AuthorizationDecision::action, AuthorizationDecision::resource)
                .contains(org.assertj.core.groups.Tuple.tuple("secretsmanager:GetSecretValue", registryArn));
    }

    @Test
    void aMissingSecretStopsTheTask() {
        String missing = "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/missing-AbCdEf";
        Task t = stopped(run("exec", ContainerDefinition.builder().secrets(secret("X", missing))));
        assertThat(t.stoppedReason())
                .startsWith(PREFIX + "unable to retrieve secret from asm: service call has been retried 1 time(s): "
                        + "failed to fetch secret " + missing + " from secrets manager: ResourceNotFoundException: ");
    }

    @Test
    void aMissingParameterStopsTheTask() {
        Task t = stopped(run("exec", ContainerDefinition.builder().secrets(secret("X", "/shop/nothing"))));
        assertThat(t.stoppedReason())
                .isEqualTo(PREFIX + "unable to retrieve secrets from ssm: service call has been retried 1 time(s): "
                        + "invalid ssm parameters: /shop/nothing");
    }

    @Test
    void anUnknownJsonKeyStopsTheTask() {
        Task t = stopped(run("exec", ContainerDefinition.builder().secrets(secret("X", dbArn + ":port::"))));
        assertThat(t.stoppedReason())
                .isEqualTo(PREFIX + "unable to retrieve secret from asm: service call has been retried 1 time(s): "
                        + "retrieved secret from Secrets Manager did not contain json key port");
    }

    @Test
    void aDeniedGetSecretValueStopsTheTask() {
        Task t = stopped(run("exec-nothing", ContainerDefinition.builder().secrets(secret("X", dbArn))));
        assertThat(t.stoppedReason())
                .startsWith(PREFIX + "unable to retrieve secret from asm: service call has been retried 1 time(s): "
                        + "failed to fetch secret " + dbArn + " from secrets manager: AccessDeniedException: User: "
                        + "arn:aws:sts::123456789012:assumed-role/exec-nothing/" + taskId(t)
                        + " is not authorized to perform: secretsmanager:GetSecretValue");
    }

    @Test
    void aDeniedGetParametersStopsTheTask() {
        Task t = stopped(run("exec-nothing", ContainerDefinition.builder().secrets(secret("X", "/shop/url"))));
        assertThat(t.stoppedReason())
                .startsWith(PREFIX + "unable to retrieve secrets from ssm: service call has been retried 1 time(s): "
                        + "AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec-nothing/"
                        + taskId(t) + " is not authorized to perform: ssm:GetParameters");
    }

    @Test
    void aDeniedKmsDecryptStopsTheTask() {
        Task t = stopped(run("exec", ContainerDefinition.builder().secrets(secret("X", "/shop/cmk"))));
        assertThat(t.stoppedReason())
                .startsWith(PREFIX + "unable to retrieve secrets from ssm: service call has been retried 1 time(s): "
                        + "AccessDeniedException: The ciphertext refers to a customer master key that does not exist, "
                        + "does not exist in this region, or you are not allowed to access. (Service: AWSKMS; ")
                .doesNotContain("cmk value");
    }

    @Test
    void registryCredentialsWithoutAPasswordStopTheTask() {
        Task t = stopped(run(
                "exec",
                ContainerDefinition.builder().repositoryCredentials(c -> c.credentialsParameter(badRegistryArn))));
        assertThat(t.stoppedReason())
                .isEqualTo(PREFIX + "unable to get registry auth from asm: service call has been retried 1 time(s): "
                        + "asm fetching password: AuthorizationData is malformed, empty field");
        assertThat(t.containers().get(0).reason()).isEqualTo(t.stoppedReason());
    }

    private static String taskId(Task t) {
        return t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1);
    }
}
