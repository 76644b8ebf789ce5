package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.runtime.ContainerSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The rules ECS applies that the other API tests do not cover: container dependencies and memory reservations at
 * RegisterTaskDefinition, RunTask's overrides checked against the task size, propagateTags, and ECS's tag limits.
 * Every rejected request leaves nothing behind.
 */
class ValidationApiTest extends EcsApiTestBase {

    private static ContainerDependency dependsOn(String container, ContainerCondition condition) {
        return ContainerDependency.builder()
                .containerName(container)
                .condition(condition)
                .build();
    }

    private static ContainerDefinition.Builder sidecar(String name) {
        return container(name).toBuilder().essential(false);
    }

    private void assertNotRegistered(RegisterTaskDefinitionRequest.Builder request, String message) {
        String family = request.build().family();
        assertEcsError(() -> ecs.registerTaskDefinition(request.build()), ClientException.class, message);
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix(family)).taskDefinitionArns())
                .isEmpty();
    }

    // ============================================================================================= dependsOn

    @Test
    void dependenciesInEveryConditionRegisterAndComeBack() {
        HealthCheck check = HealthCheck.builder().command("CMD-SHELL", "true").build();
        ContainerDefinition app = container("app").toBuilder()
                .dependsOn(
                        dependsOn("init", ContainerCondition.SUCCESS),
                                dependsOn("migrate", ContainerCondition.COMPLETE),
                        dependsOn("proxy", ContainerCondition.HEALTHY), dependsOn("log", ContainerCondition.START))
                .build();

        TaskDefinition td = register(fargate(unique("deps"))
                .containerDefinitions(
                        app,
                        sidecar("init").build(),
                        sidecar("migrate").build(),
                        container("proxy").toBuilder().healthCheck(check).build(),
                        container("log")));

        assertThat(td.containerDefinitions().get(0).dependsOn()).isEqualTo(app.dependsOn());
    }

    @Test
    void aDependencyMustNameAContainerOfTheTask() {
        assertNotRegistered(
                fargate(unique("nodep"))
                        .containerDefinitions(container("app").toBuilder()
                                .dependsOn(dependsOn("Daemon_InitContainer", ContainerCondition.START))
                                .build()),
                "Cannot depend on container + 'Daemon_InitContainer' because it does not exist");
    }

    @Test
    void successAndCompleteCannotWaitForAnEssentialContainer() {
        for (ContainerCondition condition : List.of(ContainerCondition.SUCCESS, ContainerCondition.COMPLETE)) {
            assertNotRegistered(
                    fargate(unique("essdep"))
                            .containerDefinitions(
                                    container("app").toBuilder()
                                            .dependsOn(dependsOn("envoy", condition))
                                            .build(),
                                    container("envoy")),
                    "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container");
        }
    }

    @Test
    void healthyNeedsAHealthCheck() {
        assertNotRegistered(
                fargate(unique("nohc"))
                        .containerDefinitions(
                                container("app").toBuilder()
                                        .dependsOn(dependsOn("proxy", ContainerCondition.HEALTHY))
                                        .build(),
                                container("proxy")),
                "Container 'app' depends on container 'proxy' being HEALTHY, but 'proxy' has no healthCheck. Add a "
                        + "healthCheck to 'proxy' or use the START condition.");
    }

    @Test
    void dependenciesMustNotFormACycle() {
        assertNotRegistered(
                fargate(unique("cycle"))
                        .containerDefinitions(
                                container("a").toBuilder()
                                        .dependsOn(dependsOn("b", ContainerCondition.START))
                                        .build(),
                                container("b").toBuilder()
                                        .dependsOn(dependsOn("c", ContainerCondition.START))
                                        .build(),
                                container("c").toBuilder()
                                        .dependsOn(dependsOn("a", ContainerCondition.START))
                                        .build()),
                "Container dependencies should not have a cycle: container 'a' depends on itself through dependsOn.");
        assertNotRegistered(
                fargate(unique("self"))
                        .containerDefinitions(container("a").toBuilder()
                                .dependsOn(dependsOn("a", ContainerCondition.START))
                                .build()),
                "Container dependencies should not have a cycle: container 'a' depends on itself through dependsOn.");
    }

    @Test
    void anUnknownConditionIsRejected() {
        RegisterTaskDefinitionRequest.Builder request = fargate(unique("cond"))
                .containerDefinitions(
                        container("app").toBuilder()
                                .dependsOn(ContainerDependency.builder()
                                        .containerName("log")
                                        .condition("READY")
                                        .build())
                                .build(),
                        container("log"));

        assertEcsError(
                () -> ecs.registerTaskDefinition(request.build()),
                InvalidParameterException.class,
                "Invalid containerDefinitions.dependsOn.condition 'READY'. Valid values: START, COMPLETE, SUCCESS, "
                        + "HEALTHY.");
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix(request.build().family()))
                        .taskDefinitionArns())
                .isEmpty();
    }

    // ============================================================================== health check, stopTimeout

    @Test
    void aHealthCheckGetsEcsDefaults() {
        HealthCheck given = HealthCheck.builder().command("CMD-SHELL", "true").build();

        TaskDefinition td = register(fargate(unique("hc"))
                .containerDefinitions(
                        container("app").toBuilder().healthCheck(given).build()));

        assertThat(td.containerDefinitions().get(0).healthCheck())
                .isEqualTo(given.toBuilder().interval(30).timeout(5).retries(3).build());
    }

    @Test
    void healthCheckSettingsMustBeInRange() {
        HealthCheck ok = HealthCheck.builder().command("CMD", "true").build();
        assertNotRegistered(
                fargateWithHealthCheck(ok.toBuilder().interval(4).build()),
                "Invalid 'healthCheck.interval' setting for container 'app': 4 is outside 5-300.");
        assertNotRegistered(
                fargateWithHealthCheck(ok.toBuilder().timeout(61).build()),
                "Invalid 'healthCheck.timeout' setting for container 'app': 61 is outside 2-60.");
        assertNotRegistered(
                fargateWithHealthCheck(ok.toBuilder().retries(0).build()),
                "Invalid 'healthCheck.retries' setting for container 'app': 0 is outside 1-10.");
        assertNotRegistered(
                fargateWithHealthCheck(ok.toBuilder().startPeriod(301).build()),
                "Invalid 'healthCheck.startPeriod' setting for container 'app': 301 is outside 0-300.");
        assertNotRegistered(
                fargateWithHealthCheck(ok.toBuilder()
                        .command("curl", "-f", "http://localhost/")
                        .build()),
                "Invalid 'healthCheck.command' setting for container 'app': it must start with CMD or CMD-SHELL, "
                        + "e.g. [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"].");
    }

    private static RegisterTaskDefinitionRequest.Builder fargateWithHealthCheck(HealthCheck check) {
        return fargate(unique("hcrange"))
                .containerDefinitions(
                        container("app").toBuilder().healthCheck(check).build());
    }

    @Test
    void fargateStopTimeoutIsAtMostTwoMinutes() {
        assertNotRegistered(
                fargate(unique("stop"))
                        .containerDefinitions(
                                container("app").toBuilder().stopTimeout(121).build()),
                "Invalid 'stopTimeout' setting for container 'app': on Fargate it is at most 120 seconds, 121 given.");
        assertThat(register(fargate(unique("stopok"))
                                .containerDefinitions(container("app").toBuilder()
                                        .stopTimeout(120)
                                        .build()))
                        .containerDefinitions()
                        .get(0)
                        .stopTimeout())
                .isEqualTo(120);
    }

    // ======================================================================================= memory, ports

    @Test
    void memoryReservationsMustFitTheTask() {
        assertNotRegistered(
                fargate(unique("resv"))
                        .containerDefinitions(
                                container("app").toBuilder()
                                        .memoryReservation(384)
                                        .build(),
                                sidecar("log").memoryReservation(256).build()),
                "The sum of all container 'memoryReservation' values cannot be greater than the value of the task "
                        + "'memory'.");
        assertThat(register(fargate(unique("resvok"))
                                .containerDefinitions(
                                        container("app").toBuilder()
                                                .memoryReservation(256)
                                                .build(),
                                        sidecar("log").memoryReservation(256).build()))
                        .memory())
                .isEqualTo("512");
    }

    @Test
    void containerPortsMustBeValid() {
        assertNotRegistered(
                fargate(unique("port"))
                        .containerDefinitions(container("container_1").toBuilder()
                                .portMappings(PortMapping.builder()
                                        .containerPort(70000)
                                        .build())
                                .build()),
                "Invalid 'containerPort' setting for container 'container_1'.");
    }

    @Test
    void taskSizeStringsAreStoredInUnitsAndCheckedAgainstTheFargateTable() {
        TaskDefinition td = register(fargate(unique("quarter")).cpu("0.25 vCPU").memory("0.5 GB"));
        assertThat(td.cpu()).isEqualTo("256");
        assertThat(td.memory()).isEqualTo("512");
        assertNotRegistered(
                fargate(unique("bigmem")).cpu(".25 vcpu").memory("4GB"),
                "No Fargate configuration exists for given values: 256 CPU, 4096 memory. See the Amazon ECS "
                        + "documentation for the valid values.");
    }

    // ======================================================================================= RunTask overrides

    @Test
    void taskSizeOverridesMustBeAFargateSize() {
        String cluster = createCluster();
        String family = unique("ovsize");
        registerFargate(family);

        assertEcsError(
                () -> ecs.runTask(runFargate(cluster, family)
                        .overrides(o -> o.memory("4096"))
                        .build()),
                ClientException.class,
                "No Fargate configuration exists for given values: 256 CPU, 4096 memory. See "
                        + "the Amazon ECS documentation for the valid values.");
        assertEcsError(
                () -> ecs.runTask(runFargate(cluster, family)
                        .overrides(o -> o.cpu("2 vCPU"))
                        .build()),
                ClientException.class,
                "No Fargate configuration exists for given values: 2048 CPU, 512 memory. See "
                        + "the Amazon ECS documentation for the valid values.");
        assertThat(allTasks(cluster)).isEmpty();

        Task t = ecs.runTask(runFargate(cluster, family)
                        .overrides(o -> o.cpu("2 vCPU").memory("4 GB"))
                        .build())
                .tasks()
                .get(0);
        assertThat(t.cpu()).isEqualTo("2048");
        assertThat(t.memory()).isEqualTo("4096");
    }

    @Test
    void containerOverridesMustFitTheTask() {
        String cluster = createCluster();
        String family = unique("ovmem");
        registerFargate(family);

        assertEcsError(
                () -> ecs.runTask(runFargate(cluster, family)
                        .overrides(o -> o.containerOverrides(ContainerOverride.builder()
                                .name("app")
                                .memory(1280)
                                .build()))
                        .build()),
                InvalidParameterException.class,
                "'memory' setting for container 'app' is greater than for task.");
        assertEcsError(
                () -> ecs.runTask(runFargate(cluster, family)
                        .overrides(o -> o.containerOverrides(ContainerOverride.builder()
                                .name("app")
                                .memory(128)
                                .memoryReservation(256)
                                .build()))
                        .build()),
                InvalidParameterException.class,
                "Invalid setting for container 'app'. 'memoryReservation' must be "
                        + "less than or equal to 'memory'.");
        assertEcsErrorCode(
                () -> ecs.runTask(runFargate(cluster, family)
                        .overrides(o -> o.taskRoleArn("arn:aws:cloudformation:us-east-1:123456789012:stack/x"))
                        .build()),
                InvalidParameterException.class);
        assertThat(allTasks(cluster)).isEmpty();
    }

    @Test
    void containerOverridesReachTheContainer() {
        String cluster = createCluster();
        String family = unique("ovspec");
        register(fargate(family).cpu("1024").memory("2048"));
        ContainerOverride override = ContainerOverride.builder()
                .name("app")
                .cpu(512)
                .memory(1024)
                .memoryReservation(768)
                .build();

        Task t = ecs.runTask(runFargate(cluster, family)
                        .overrides(o -> o.containerOverrides(override))
                        .build())
                .tasks()
                .get(0);

        ContainerSpec spec =
                sim.spec(awaitRunning(cluster, t.taskArn()).containers().get(0).runtimeId());
        assertThat(spec.memoryMiB()).isEqualTo(1024L);
        assertThat(spec.memoryReservationMiB()).isEqualTo(768L);
        assertThat(spec.cpuShares()).isEqualTo(512);
        assertThat(describeTask(cluster, t.taskArn()).overrides().containerOverrides())
                .containsExactly(override);
    }

    @Test
    void propagateTagsCopiesTheTaskDefinitionsTags() {
        String cluster = createCluster();
        String family = unique("propagate");
        register(fargate(family)
                .tags(
                        Tag.builder().key("team").value("orders").build(),
                        Tag.builder().key("env").value("test").build()));

        Task t = ecs.runTask(runFargate(cluster, family)
                        .propagateTags(PropagateTags.TASK_DEFINITION)
                        .tags(Tag.builder().key("env").value("ci").build())
                        .build())
                .tasks()
                .get(0);
        Task plain = ecs.runTask(runFargate(cluster, family)
                        .tags(Tag.builder().key("run").value("1").build())
                        .build())
                .tasks()
                .get(0);

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(t.taskArn())).tags())
                .containsExactlyInAnyOrder(
                        Tag.builder().key("team").value("orders").build(),
                        Tag.builder().key("env").value("ci").build());
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(plain.taskArn())).tags())
                .containsExactly(Tag.builder().key("run").value("1").build());
        assertEcsErrorCode(
                () -> ecs.runTask(runFargate(cluster, family)
                        .propagateTags(PropagateTags.SERVICE)
                        .build()),
                InvalidParameterException.class);
    }

    // ========================================================================================= UpdateService

    @Test
    void updateServiceChecksTheNewRevisionAndNetworkAndChangesNothingWhenRejected() {
        String cluster = createCluster();
        String family = unique("upd");
        String first = registerFargate(family).taskDefinitionArn();
        String inactive = registerFargate(family).taskDefinitionArn();
        ecs.deregisterTaskDefinition(r -> r.taskDefinition(inactive));
        String ec2Only = unique("ec2");
        register(RegisterTaskDefinitionRequest.builder()
                .family(ec2Only)
                .containerDefinitions(container("app").toBuilder().memory(128).build()));
        ecs.createService(r -> r.cluster(cluster)
                .serviceName("web")
                .taskDefinition(first)
                .desiredCount(0)
                .launchType("FARGATE")
                .networkConfiguration(network()));

        assertEcsError(
                () -> ecs.updateService(r -> r.cluster(cluster).service("web").taskDefinition(inactive)),
                InvalidParameterException.class,
                "TaskDefinition is inactive");
        assertEcsError(
                () -> ecs.updateService(r -> r.cluster(cluster).service("web").taskDefinition(ec2Only)),
                InvalidParameterException.class,
                "Task definition does not support launch_type FARGATE.");
        assertEcsError(
                () -> ecs.updateService(r -> r.cluster(cluster).service("web").taskDefinition(unique("no"))),
                ClientException.class,
                "TaskDefinition not found.");
        assertEcsError(
                () -> ecs.updateService(r -> r.cluster(cluster)
                        .service("web")
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(List.of())))),
                InvalidParameterException.class,
                "subnets can not be empty.");
        assertEcsError(
                () -> ecs.updateService(r -> r.cluster(cluster).service("web").desiredCount(-1)),
                InvalidParameterException.class,
                "Task count can not be lesser than 0");

        var service = describeService(cluster, "web");
        assertThat(service.taskDefinition()).isEqualTo(first);
        assertThat(service.deployments()).hasSize(1);
        assertThat(service.networkConfiguration()).isEqualTo(network());
    }

    @Test
    void serviceTasksGetTheTagsPropagateTagsNames() {
        String cluster = createCluster();
        String family = unique("svctags");
        Tag team = Tag.builder().key("team").value("orders").build();
        Tag tier = Tag.builder().key("tier").value("web").build();
        register(fargate(family).tags(team));
        for (PropagateTags p : List.of(PropagateTags.TASK_DEFINITION, PropagateTags.SERVICE, PropagateTags.NONE)) {
            ecs.createService(r -> r.cluster(cluster)
                    .serviceName(p.toString())
                    .taskDefinition(family)
                    .desiredCount(1)
                    .launchType("FARGATE")
                    .networkConfiguration(network())
                    .propagateTags(p)
                    .tags(tier));
        }

        waiting().until(() -> ecs.listTasks(r -> r.cluster(cluster)).taskArns().size() == 3);

        assertThat(tagsOfTheTaskOf(cluster, "TASK_DEFINITION")).containsExactly(team);
        assertThat(tagsOfTheTaskOf(cluster, "SERVICE")).containsExactly(tier);
        assertThat(tagsOfTheTaskOf(cluster, "NONE")).isEmpty();
    }

    private List<Tag> tagsOfTheTaskOf(String cluster, String service) {
        String task = ecs.listTasks(r -> r.cluster(cluster).serviceName(service))
                .taskArns()
                .get(0);
        return ecs.listTagsForResource(r -> r.resourceArn(task)).tags();
    }

    // ================================================================================================== tags

    @Test
    void aResourceKeepsAtMostFiftyTags() {
        String cluster = createCluster();
        String arn =
                ecs.describeClusters(r -> r.clusters(cluster)).clusters().get(0).clusterArn();
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(Tag.builder().key("k" + i).value("v").build());
        }
        ecs.tagResource(r -> r.resourceArn(arn).tags(fifty));

        assertEcsError(
                () -> ecs.tagResource(r -> r.resourceArn(arn)
                        .tags(Tag.builder().key("one-more").value("v").build())),
                InvalidParameterException.class,
                "Too many tags: 51 given, a resource may have at most " + "50.");
        ecs.tagResource(r -> r.resourceArn(arn)
                .tags(Tag.builder().key("k0").value("replaced").build()));

        List<Tag> tags = ecs.listTagsForResource(r -> r.resourceArn(arn)).tags();
        assertThat(tags)
                .hasSize(50)
                .contains(Tag.builder().key("k0").value("replaced").build());
    }

    @Test
    void tagsOutsideEcsLimitsAreRejectedOnCreate() {
        String name = unique("tagged");
        assertEcsError(
                () -> ecs.createCluster(r -> r.clusterName(name)
                        .tags(Tag.builder().key("k".repeat(129)).value("v").build())),
                InvalidParameterException.class,
                "Invalid tag key '" + "k".repeat(129) + "': a tag key must be 1 to 128 characters long.");
        assertEcsError(
                () -> ecs.createCluster(r -> r.clusterName(name)
                        .tags(Tag.builder().key("aws:owner").value("v").build())),
                InvalidParameterException.class,
                "Invalid tag key 'aws:owner': the aws: " + "prefix is reserved for AWS use.");
        assertEcsError(
                () -> ecs.registerTaskDefinition(fargate(name)
                        .tags(Tag.builder().key("k").value("v".repeat(257)).build())
                        .build()),
                InvalidParameterException.class,
                "Invalid value for tag 'k': a tag value may be at most 256 characters long.");
        assertThat(ecs.listClusters().clusterArns()).noneMatch(a -> a.endsWith("/" + name));
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix(name)).taskDefinitionArns())
                .isEmpty();
    }

    @Test
    void taggingNeedsAnEcsArnInTheLongFormat() {
        String cluster = createCluster();
        String family = unique("arns");
        registerFargate(family);
        String task = runOne(cluster, family).taskArn();
        String shortTask = "arn:aws:ecs:us-east-1:123456789012:task/" + taskId(task);

        assertEcsError(
                () -> ecs.listTagsForResource(
                        r -> r.resourceArn("arn:aws:ecr:us-east-1:123456789012:repository/orders")),
                InvalidParameterException.class,
                "The ARN provided is invalid");
        assertEcsError(
                () -> ecs.tagResource(r -> r.resourceArn(shortTask)
                        .tags(Tag.builder().key("k").value("v").build())),
                InvalidParameterException.class,
                "Long arn format must be used for tagging operations");
        assertEcsError(
                () -> ecs.untagResource(r -> r.resourceArn("arn:aws:ecs:us-east-1:123456789012:service/web")
                        .tagKeys("k")),
                InvalidParameterException.class,
                "Long arn format must be used for tagging operations");
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(task)).tags()).isEmpty();
    }

    private List<String> allTasks(String cluster) {
        List<String> all =
                new ArrayList<>(ecs.listTasks(r -> r.cluster(cluster)).taskArns());
        all.addAll(
                ecs.listTasks(r -> r.cluster(cluster).desiredStatus("STOPPED")).taskArns());
        return all;
    }
}
