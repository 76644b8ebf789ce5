package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.ecs.internal.EcsServiceModule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The EC2 instance profile on Docker: the AWS CLI v2 in a task finds credentials with its default chain. An EC2 task
 * without a task role gets the instance profile role's session (named after the instance id) from the instance
 * metadata service at 169.254.169.254; a task with a task role gets the task role (the container credentials provider
 * comes first in the chain); a Fargate task cannot reach 169.254.169.254; awsvpc tasks on EC2 reach it (the agent's
 * ECS_AWSVPC_BLOCK_IMDS is false by default) unless {@code ecs.awsvpc-block-imds} is set.
 */
class InstanceProfileDockerTest {
    private static final String CLI =
            "aws sts get-caller-identity --query Arn --output text --endpoint-url \"$AWS_ENDPOINT_URL\"";

    static Drydock drydock;
    static EcsClient ecs;
    static String instanceId;

    @BeforeAll
    static void start() {
        drydock = Drydock.start();
        ecs = drydock.client(EcsClient.builder());
        instanceId = declare(drydock, ecs);
    }

    /** The roles, a cluster {@code fleet} with one m5.large whose instance profile is {@code ec2-node}, the task definitions. */
    private static String declare(Drydock d, EcsClient client) {
        d.apply(IamFixtures.role("ec2-node").trustPolicy("iam/ec2-trust.json"));
        d.apply(IamFixtures.role("app-task"));
        d.apply(EcsFixtures.cluster("fleet"));
        d.apply(EcsFixtures.containerInstances("fleet", 1, "m5.large").instanceProfile("ec2-node"));
        for (NetworkMode mode : List.of(NetworkMode.BRIDGE, NetworkMode.AWSVPC)) {
            client.registerTaskDefinition(r -> r.family("cli-" + mode)
                    .networkMode(mode)
                    .requiresCompatibilitiesWithStrings("EC2")
                    .containerDefinitions(cli()));
        }
        client.registerTaskDefinition(r -> r.family("cli-fargate")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(cli()));
        String arn = client.listContainerInstances(r -> r.cluster("fleet"))
                .containerInstanceArns()
                .get(0);
        return client.describeContainerInstances(r -> r.cluster("fleet").containerInstances(arn))
                .containerInstances()
                .get(0)
                .ec2InstanceId();
    }

    private static ContainerDefinition cli() {
        return ContainerDefinition.builder()
                .name("cli")
                .image("drydock/awscli:local")
                .memory(256)
                .entryPoint("sh", "-c")
                .command(CLI)
                .build();
    }

    @AfterAll
    static void stop() {
        ecs.close();
        drydock.close();
    }

    @Test
    void theCliInATaskWithoutRoleGetsTheInstanceRoleAndWithATaskRoleTheTaskRole() {
        Map<String, Task> stopped = runAll(
                drydock,
                ecs,
                Map.of(
                        "bridge",
                        r -> r.taskDefinition("cli-bridge").launchType(LaunchType.EC2),
                        "bridge with task role",
                        r -> r.taskDefinition("cli-bridge")
                                .launchType(LaunchType.EC2)
                                .overrides(o -> o.taskRoleArn("app-task")),
                        "awsvpc on EC2",
                        r -> r.taskDefinition("cli-awsvpc")
                                .launchType(LaunchType.EC2)
                                .networkConfiguration(
                                        n -> n.awsvpcConfiguration(v -> v.subnets(EcsFixtures.DEFAULT_SUBNET))),
                        "fargate",
                        r -> r.taskDefinition("cli-fargate")
                                .launchType(LaunchType.FARGATE)
                                .networkConfiguration(
                                        n -> n.awsvpcConfiguration(v -> v.subnets(EcsFixtures.DEFAULT_SUBNET)))));
        String account = drydock.accountId();
        assertOutput(
                drydock, stopped.get("bridge"), 0, "arn:aws:sts::" + account + ":assumed-role/ec2-node/" + instanceId);
        assertOutput(drydock, stopped.get("awsvpc on EC2"), 0, "assumed-role/ec2-node/" + instanceId);
        assertOutput(
                drydock,
                stopped.get("bridge with task role"),
                0,
                "arn:aws:sts::" + account + ":assumed-role/app-task/"
                        + stopped.get("bridge with task role").taskArn().replaceAll(".*/", ""));
        assertOutput(drydock, stopped.get("fargate"), 253, "Unable to locate credentials");
    }

    @Test
    void ecsAwsvpcBlockImdsKeepsAwsvpcTasksOnEc2AwayFromIt() {
        try (Drydock blocked = Drydock.builder()
                        .setting("ecs.awsvpc-block-imds", "true")
                        .start();
                EcsClient client = blocked.client(EcsClient.builder())) {
            declare(blocked, client);
            Map<String, Task> stopped = runAll(
                    blocked,
                    client,
                    Map.of(
                            "awsvpc on EC2",
                            r -> r.taskDefinition("cli-awsvpc")
                                    .launchType(LaunchType.EC2)
                                    .networkConfiguration(
                                            n -> n.awsvpcConfiguration(v -> v.subnets(EcsFixtures.DEFAULT_SUBNET))),
                            "bridge",
                            r -> r.taskDefinition("cli-bridge").launchType(LaunchType.EC2)));
            assertOutput(blocked, stopped.get("awsvpc on EC2"), 253, "Unable to locate credentials");
            assertOutput(blocked, stopped.get("bridge"), 0, ":assumed-role/ec2-node/");
        }
    }

    @Test
    void aNamespaceHeldByAContainerWithoutNetAdminIsRoutedThroughAHelperContainer() {
        ContainerRuntime runtime = drydock.runtime();
        String arn = ecs.listContainerInstances(r -> r.cluster("fleet"))
                .containerInstanceArns()
                .get(0);
        String id = runtime.createContainer(
                ContainerSpec.builder("drydock-" + drydock.sessionId() + "-imds-plain", "drydock/busybox:1.35-local")
                        .command(List.of("sleep", "300"))
                        .network(drydock.network().getId(), List.of())
                        .labels(Map.of("dev.drydock", "true", "dev.drydock.session", drydock.sessionId()))
                        .init(true)
                        .build());
        try {
            runtime.startContainer(id);
            assertThat(runtime.exec(id, List.of("ip", "route", "add", "10.99.0.0/16", "dev", "eth0"))
                            .exitCode())
                    .as("the container itself cannot change routes")
                    .isNotZero();
            EcsServiceModule.of(drydock).attachInstanceMetadata(id, arn);
            ContainerRuntime.ExecResult r = runtime.exec(
                    id, List.of("wget", "-q", "-O", "-", "http://169.254.169.254/latest/meta-data/instance-id"));
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(new String(r.stdout(), StandardCharsets.UTF_8)).isEqualTo(instanceId);
        } finally {
            runtime.removeContainer(id);
        }
    }

    /** Runs one task per entry in cluster {@code fleet} and waits until all stopped. */
    private static Map<String, Task> runAll(
            Drydock d, EcsClient client, Map<String, Function<RunTaskRequest.Builder, RunTaskRequest.Builder>> runs) {
        Map<String, String> arns = runs.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            RunTaskRequest request = e.getValue()
                    .apply(RunTaskRequest.builder().cluster("fleet"))
                    .build();
            List<Task> tasks = client.runTask(request).tasks();
            assertThat(tasks).as(e.getKey()).hasSize(1);
            return tasks.get(0).taskArn();
        }));
        client.waiter()
                .waitUntilTasksStopped(
                        r -> r.cluster("fleet").tasks(arns.values()), w -> w.waitTimeout(Duration.ofMinutes(3)));
        Map<String, Task> byArn = client.describeTasks(r -> r.cluster("fleet").tasks(arns.values())).tasks().stream()
                .collect(Collectors.toMap(Task::taskArn, t -> t));
        return arns.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> byArn.get(e.getValue())));
    }

    private static void assertOutput(Drydock d, Task task, int exitCode, String expected) {
        List<String> output = d.service(EcsModule.class).containerOutput("fleet", task.taskArn(), "cli");
        assertThat(task.containers().get(0).exitCode())
                .as("exit code of %s (%s), output %s", task.taskDefinitionArn(), task.stoppedReason(), output)
                .isEqualTo(exitCode);
        assertThat(String.join("\n", output)).contains(expected);
    }
}
