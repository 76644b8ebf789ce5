package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.runtime.ContainerSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.EnvironmentFileType;
import software.amazon.awssdk.services.ecs.model.FirelensConfigurationType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.UlimitName;

/**
 * Container definition settings as Fargate applies or refuses them (simulated runtime, ECS alone: neither
 * drydock-secrets-fixtures nor drydock-logs-fixtures is on this module's classpath): ulimits, capabilities,
 * systemControls, pseudoTerminal and interactive reach the container; what Fargate refuses is refused at registration;
 * what Drydock cannot run yet, or needs another module for, fails the task with a reason naming the field or the
 * artifact.
 */
class ContainerSettingsApiTest extends EcsApiTestBase {
    private static final Map<String, String> AWSLOGS =
            Map.of("awslogs-group", "/ecs/web", "awslogs-region", "us-east-1", "awslogs-stream-prefix", "ecs");

    private String registerWith(UnaryOperator<ContainerDefinition.Builder> container) {
        String family = unique("settings");
        register(fargate(family)
                .executionRoleArn(EXECUTION_ROLE)
                .containerDefinitions(container
                        .apply(ContainerDefinition.builder().name("app").image(IMAGE))
                        .build()));
        return family;
    }

    private Task failedToStart(UnaryOperator<ContainerDefinition.Builder> container) {
        String cluster = createCluster();
        Task task = runOne(cluster, registerWith(container));
        Task stopped = awaitStopped(cluster, task.taskArn());
        assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(stopped.containers().get(0).runtimeId())
                .as("no container was created")
                .isNull();
        return stopped;
    }

    @Test
    void settingsReachTheContainerAsTheAgentPassesThemToDocker() {
        String cluster = createCluster();
        Task task = runOne(
                cluster,
                registerWith(c -> c.ulimits(
                                u -> u.name(UlimitName.NOFILE).softLimit(1024).hardLimit(4096))
                        .linuxParameters(l -> l.initProcessEnabled(true)
                                .capabilities(k -> k.add("SYS_PTRACE").drop("NET_RAW"))
                                .tmpfs(t -> t.containerPath("/scratch").size(64).mountOptions("noexec")))
                        .systemControls(
                                s -> s.namespace("net.ipv4.tcp_keepalive_time").value("60"))
                        .pseudoTerminal(true)
                        .interactive(true)));
        Task running = awaitRunning(cluster, task.taskArn());
        ContainerSpec spec = sim.spec(running.containers().get(0).runtimeId());
        assertThat(spec.ulimits()).containsExactly(new ContainerSpec.Ulimit("nofile", 1024, 4096));
        assertThat(spec.capabilitiesAdded()).containsExactly("SYS_PTRACE");
        assertThat(spec.capabilitiesDropped()).containsExactly("NET_RAW");
        assertThat(spec.sysctls()).containsExactly(Map.entry("net.ipv4.tcp_keepalive_time", "60"));
        assertThat(spec.tty()).isTrue();
        assertThat(spec.openStdin()).isTrue();
        assertThat(spec.init()).isTrue();
        assertThat(spec.tmpfs()).containsExactly(Map.entry("/scratch", "size=64m,noexec"));
    }

    @Test
    void fargateRefusesWhatItDoesNotSupport() {
        assertEcsError(
                () -> registerWith(c -> c.linuxParameters(l -> l.capabilities(k -> k.add("NET_ADMIN")))),
                ClientException.class,
                "Invalid 'linuxParameters.capabilities.add' setting for container 'app': tasks on Fargate can only "
                        + "add the SYS_PTRACE kernel capability, NET_ADMIN given.");
        assertEcsError(
                () -> registerWith(c -> c.privileged(true)),
                ClientException.class,
                "The 'privileged' parameter of container 'app' is not supported for tasks that use the Fargate launch "
                        + "type.");
        assertEcsError(
                () -> registerWith(c -> c.linuxParameters(l -> l.sharedMemorySize(64))),
                ClientException.class,
                "The 'linuxParameters.sharedMemorySize' parameter of container 'app' is not supported for tasks that "
                        + "use the Fargate launch type.");
        assertEcsError(
                () -> registerWith(c -> c.linuxParameters(l -> l.devices(d -> d.hostPath("/dev/fuse")))),
                ClientException.class,
                "The 'linuxParameters.devices' parameter of container 'app' is not supported for tasks that use the "
                        + "Fargate launch type.");
        assertEcsError(
                () -> registerWith(c -> c.logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)
                        .options(Map.of("awslogs-group", "/ecs/web", "awslogs-region", "us-east-1")))),
                ClientException.class,
                "Fargate requires log configuration options to include awslogs-stream-prefix to support log driver "
                        + "awslogs.");
    }

    @Test
    void awslogsOptionsAreCheckedAsEcsChecksThem() {
        assertEcsError(
                () -> registerWith(c -> c.logConfiguration(
                        l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of("awslogs-stream-prefix", "ecs")))),
                ClientException.class,
                "Log driver awslogs requires options: awslogs-region, awslogs-group");
        assertEcsError(
                () -> registerWith(c -> c.logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)
                        .options(Map.of("awslogs-group", "", "awslogs-region", "us-east-1")))),
                ClientException.class,
                "Log driver awslogs option 'awslogs-group' should not be null or empty.");
        Map<String, String> falseCreateGroup = new HashMap<>(AWSLOGS);
        falseCreateGroup.put("awslogs-create-group", "false");
        assertEcsError(
                () -> registerWith(c ->
                        c.logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(falseCreateGroup))),
                ClientException.class,
                "Log driver awslogs option 'awslogs-create-group' should only be set to 'true', else omit option.");
    }

    @Test
    void secretsWithoutTheSecretsModuleNameItsArtifact() {
        Task t = failedToStart(c -> c.secrets(s -> s.name("DB").valueFrom("/shop/db")));
        assertThat(t.stoppedReason())
                .isEqualTo("ResourceInitializationError: unable to pull secrets or registry auth: the task "
                        + "definition's 'secrets' are read from AWS Secrets Manager or AWS Systems Manager Parameter "
                        + "Store, which Drydock serves in dev.drydock:drydock-secrets-fixtures: add it as a test "
                        + "dependency.");
    }

    @Test
    void awslogsWithoutTheLogsModuleNamesItsArtifact() {
        Task t = failedToStart(
                c -> c.logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(AWSLOGS)));
        assertThat(t.stoppedReason())
                .isEqualTo("ResourceInitializationError: failed to validate logger args: container 'app' uses the "
                        + "awslogs log driver, which needs Amazon CloudWatch Logs: Drydock serves it in "
                        + "dev.drydock:drydock-logs-fixtures: add it as a test dependency.");
    }

    @Test
    void whatDrydockCannotRunYetFailsTheTaskNamingTheField() {
        assertThat(failedToStart(c -> c.environmentFiles(
                                f -> f.type(EnvironmentFileType.S3).value("arn:aws:s3:::bucket/app.env")))
                        .stoppedReason())
                .isEqualTo("ResourceInitializationError: container 'app': 'environmentFiles' (files in Amazon S3) is "
                        + "not supported by Drydock yet: Drydock has no S3. Put the variables in 'environment' or "
                        + "'secrets' for the test.");
        assertThat(failedToStart(c -> c.firelensConfiguration(f -> f.type(FirelensConfigurationType.FLUENTBIT)))
                        .stoppedReason())
                .startsWith("ResourceInitializationError: container 'app': 'firelensConfiguration' (FireLens log "
                        + "routing) is not supported by Drydock yet.");
        assertThat(failedToStart(c -> c.logConfiguration(l -> l.logDriver(LogDriver.SPLUNK)))
                        .stoppedReason())
                .startsWith("ResourceInitializationError: container 'app': 'logConfiguration.logDriver' splunk is not "
                        + "supported by Drydock yet");
    }
}
