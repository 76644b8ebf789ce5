package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * RegisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions, ListTaskDefinitionFamilies and
 * DeregisterTaskDefinition, with ECS's validation rules and messages.
 */
class TaskDefinitionApiTest extends EcsApiTestBase {

    private static String arn(String family, int revision) {
        return "arn:aws:ecs:us-east-1:123456789012:task-definition/" + family + ":" + revision;
    }

    // ============================================================================================ register

    @Test
    void registeringAFamilyAgainAddsRevisions() {
        String family = unique("web");

        for (int revision = 1; revision <= 3; revision++) {
            TaskDefinition td = registerFargate(family);
            assertThat(td.family()).isEqualTo(family);
            assertThat(td.revision()).isEqualTo(revision);
            assertThat(td.taskDefinitionArn()).isEqualTo(arn(family, revision));
            assertThat(td.status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
        }
        // another family starts at 1 again
        assertThat(registerFargate(unique("other")).revision()).isEqualTo(1);
    }

    @Test
    void registeredDefinitionHasEcsDefaults() {
        String family = unique("defaults");
        TaskDefinition td = register(fargate(family)
                .containerDefinitions(ContainerDefinition.builder()
                        .name("app")
                        .image(IMAGE)
                        .portMappings(PortMapping.builder().containerPort(8080).build())
                        .build()));

        assertThat(td.compatibilities()).containsExactly(Compatibility.EC2, Compatibility.FARGATE);
        assertThat(td.requiresCompatibilities()).containsExactly(Compatibility.FARGATE);
        assertThat(td.networkMode()).isEqualTo(NetworkMode.AWSVPC);
        assertThat(td.cpu()).isEqualTo("256");
        assertThat(td.memory()).isEqualTo("512");
        assertThat(td.registeredBy()).isEqualTo(drydock.testPrincipalArn());
        assertThat(td.registeredAt()).isNotNull();
        assertThat(td.deregisteredAt()).isNull();
        assertThat(td.requiresAttributes()).extracting(a -> a.name()).contains("ecs.capability.task-eni");
        ContainerDefinition c = td.containerDefinitions().get(0);
        assertThat(c.essential()).isTrue();
        assertThat(c.cpu()).isZero();
        // awsvpc: the host port is the container port
        assertThat(c.portMappings())
                .containsExactly(PortMapping.builder()
                        .containerPort(8080)
                        .hostPort(8080)
                        .protocol("tcp")
                        .build());
    }

    @Test
    void taskSizeInVcpuAndGbIsStoredInUnits() {
        TaskDefinition td = register(fargate(unique("units")).cpu("1 vCPU").memory("2 GB"));

        assertThat(td.cpu()).isEqualTo("1024");
        assertThat(td.memory()).isEqualTo("2048");
    }

    @Test
    void tagsAreKeptAndReturnedWhenIncluded() {
        String family = unique("tagged");
        Tag tag = Tag.builder().key("team").value("orders").build();

        RegisterTaskDefinitionResponse registered =
                ecs.registerTaskDefinition(fargate(family).tags(tag).build());

        assertThat(registered.tags()).containsExactly(tag);
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(family)).hasTags())
                .isFalse();
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(family).include(TaskDefinitionField.TAGS))
                        .tags())
                .containsExactly(tag);
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(arn(family, 1))).tags())
                .containsExactly(tag);
    }

    // ============================================================================================ describe

    @Test
    void describeByFamilyRevisionAndArn() {
        String family = unique("describe");
        TaskDefinition first = registerFargate(family);
        TaskDefinition second = register(fargate(family).cpu("512").memory("1024"));

        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition())
                .isEqualTo(second);
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(family + ":1"))
                        .taskDefinition())
                .isEqualTo(first);
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(arn(family, 2)))
                        .taskDefinition())
                .isEqualTo(second);
    }

    @Test
    void describeUnknownTaskDefinitionFails() {
        String family = unique("unknown");
        registerFargate(family);

        for (String ref : List.of(unique("nothing"), family + ":2", family + ":0", arn(family, 9))) {
            assertEcsError(
                    () -> ecs.describeTaskDefinition(r -> r.taskDefinition(ref)),
                    ClientException.class,
                    "Unable to describe task definition.");
        }
    }

    // ========================================================================================== deregister

    @Test
    void deregisteredRevisionIsInactiveButStillDescribableByRevision() {
        String family = unique("dereg");
        registerFargate(family);
        registerFargate(family);

        TaskDefinition inactive = ecs.deregisterTaskDefinition(r -> r.taskDefinition(family + ":2"))
                .taskDefinition();

        assertThat(inactive.status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(inactive.deregisteredAt()).isNotNull();
        // deregistering it again answers it unchanged
        assertThat(ecs.deregisterTaskDefinition(r -> r.taskDefinition(family + ":2"))
                        .taskDefinition())
                .isEqualTo(inactive);
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(family + ":2"))
                        .taskDefinition()
                        .status())
                .isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(arn(family, 2)))
                        .taskDefinition()
                        .status())
                .isEqualTo(TaskDefinitionStatus.INACTIVE);
        // the family alone names its latest ACTIVE revision
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(family))
                        .taskDefinition()
                        .revision())
                .isEqualTo(1);
        // a new revision gets the next number, never a reused one
        assertThat(registerFargate(family).revision()).isEqualTo(3);

        ecs.deregisterTaskDefinition(r -> r.taskDefinition(arn(family, 1)));
        ecs.deregisterTaskDefinition(r -> r.taskDefinition(arn(family, 3)));
        assertEcsError(
                () -> ecs.describeTaskDefinition(r -> r.taskDefinition(family)),
                ClientException.class,
                "Unable to describe task definition.");
    }

    @Test
    void deregisterNeedsAnExistingRevision() {
        String family = unique("dereg-bad");
        registerFargate(family);

        assertEcsErrorCode(() -> ecs.deregisterTaskDefinition(r -> r.taskDefinition(family)), ClientException.class);
        assertEcsErrorCode(
                () -> ecs.deregisterTaskDefinition(r -> r.taskDefinition(family + ":5")), ClientException.class);
        assertEcsErrorCode(
                () -> ecs.deregisterTaskDefinition(r -> r.taskDefinition(unique("none") + ":1")),
                ClientException.class);
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(family + ":1"))
                        .taskDefinition()
                        .status())
                .isEqualTo(TaskDefinitionStatus.ACTIVE);
    }

    // =============================================================================================== lists

    @Test
    void listTaskDefinitionsFiltersSortsAndPages() {
        String prefix = unique("lst");
        String a = prefix + "-a";
        String b = prefix + "-b";
        registerFargate(b);
        registerFargate(a);
        registerFargate(a);
        registerFargate(b);
        ecs.deregisterTaskDefinition(r -> r.taskDefinition(a + ":1"));

        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix(prefix)).taskDefinitionArns())
                .containsExactly(arn(a, 2), arn(b, 1), arn(b, 2));
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix(prefix).status(TaskDefinitionStatus.ACTIVE))
                        .taskDefinitionArns())
                .containsExactly(arn(a, 2), arn(b, 1), arn(b, 2));
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix(prefix).status(TaskDefinitionStatus.INACTIVE))
                        .taskDefinitionArns())
                .containsExactly(arn(a, 1));
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix(prefix).sort(SortOrder.DESC))
                        .taskDefinitionArns())
                .containsExactly(arn(b, 2), arn(b, 1), arn(a, 2));
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix(prefix + "-b")).taskDefinitionArns())
                .containsExactly(arn(b, 1), arn(b, 2));
        // without a prefix every family is listed
        assertThat(ecs.listTaskDefinitions().taskDefinitionArns())
                .contains(arn(a, 2), arn(b, 2))
                .doesNotContain(arn(a, 1));

        List<String> paged = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            ListTaskDefinitionsResponse page = ecs.listTaskDefinitions(
                    r -> r.familyPrefix(prefix).maxResults(2).nextToken(t));
            assertThat(page.taskDefinitionArns()).hasSizeBetween(1, 2);
            paged.addAll(page.taskDefinitionArns());
            token = page.nextToken();
        } while (token != null);
        assertThat(paged).containsExactly(arn(a, 2), arn(b, 1), arn(b, 2));
        assertThat(ecs.listTaskDefinitionsPaginator(r -> r.familyPrefix(prefix).maxResults(1))
                        .taskDefinitionArns())
                .containsExactly(arn(a, 2), arn(b, 1), arn(b, 2));
    }

    @Test
    void listTaskDefinitionFamiliesByStatus() {
        String prefix = unique("fam");
        String live = prefix + "-live";
        String dead = prefix + "-dead";
        String mixed = prefix + "-mixed";
        registerFargate(live);
        registerFargate(dead);
        registerFargate(mixed);
        registerFargate(mixed);
        ecs.deregisterTaskDefinition(r -> r.taskDefinition(dead + ":1"));
        ecs.deregisterTaskDefinition(r -> r.taskDefinition(mixed + ":1"));

        // by default both ACTIVE and INACTIVE families are listed
        assertThat(ecs.listTaskDefinitionFamilies(r -> r.familyPrefix(prefix)).families())
                .containsExactly(dead, live, mixed);
        assertThat(ecs.listTaskDefinitionFamilies(r -> r.familyPrefix(prefix).status(TaskDefinitionFamilyStatus.ALL))
                        .families())
                .containsExactly(dead, live, mixed);
        // ACTIVE: families with an ACTIVE revision; INACTIVE: families without any
        assertThat(ecs.listTaskDefinitionFamilies(r -> r.familyPrefix(prefix).status(TaskDefinitionFamilyStatus.ACTIVE))
                        .families())
                .containsExactly(live, mixed);
        assertThat(ecs.listTaskDefinitionFamilies(
                                r -> r.familyPrefix(prefix).status(TaskDefinitionFamilyStatus.INACTIVE))
                        .families())
                .containsExactly(dead);
        assertThat(ecs.listTaskDefinitionFamiliesPaginator(
                                r -> r.familyPrefix(prefix).maxResults(1))
                        .families())
                .containsExactly(dead, live, mixed);
    }

    // ========================================================================================== validation

    private void assertRejected(RegisterTaskDefinitionRequest.Builder request, String message) {
        String family = request.build().family();
        int revisionsBefore = family == null || family.isEmpty()
                ? 0
                : ecs.listTaskDefinitions(r -> r.familyPrefix(family).status(TaskDefinitionStatus.ACTIVE))
                        .taskDefinitionArns()
                        .size();
        assertEcsError(() -> ecs.registerTaskDefinition(request.build()), ClientException.class, message);
        if (family != null && !family.isEmpty() && revisionsBefore > 0) {
            assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix(family).status(TaskDefinitionStatus.ACTIVE))
                            .taskDefinitionArns())
                    .hasSize(revisionsBefore);
        }
    }

    private static RegisterTaskDefinitionRequest.Builder fargateWith(UnaryOperator<ContainerDefinition.Builder> c) {
        return fargate(unique("invalid"))
                .containerDefinitions(
                        c.apply(ContainerDefinition.builder().name("app").image(IMAGE))
                                .build());
    }

    @Test
    void fargateNeedsAwsvpc() {
        assertRejected(
                fargate(unique("bridge")).networkMode(NetworkMode.BRIDGE),
                "Fargate only supports network mode \u2018awsvpc\u2019.");
        assertRejected(
                fargate(unique("nomode")).networkMode((String) null),
                "Fargate only supports network mode \u2018awsvpc\u2019.");
    }

    @Test
    void fargateNeedsTaskCpuAndMemory() {
        assertRejected(fargate(unique("nocpu")).cpu(null), "Fargate requires that 'cpu' be defined at the task level.");
        // (with container memory: without it, the container-level memory rule answers first)
        assertRejected(
                fargate(unique("nomem"))
                        .memory(null)
                        .containerDefinitions(
                                container("app").toBuilder().memory(256).build()),
                "Fargate requires that 'memory' be defined at the task level.");
    }

    @ParameterizedTest
    @CsvSource({
        "256,512",
        "256,1024",
        "256,2048",
        "512,1024",
        "512,4096",
        "1024,2048",
        "1024,8192",
        "2048,4096",
        "2048,16384",
        "4096,8192",
        "4096,30720",
        "8192,16384",
        "8192,20480",
        "8192,61440",
        "16384,32768",
        "16384,122880"
    })
    void fargateTaskSizesFromTheTableAreAccepted(String cpu, String memory) {
        TaskDefinition td = register(fargate(unique("size")).cpu(cpu).memory(memory));

        assertThat(td.cpu()).isEqualTo(cpu);
        assertThat(td.memory()).isEqualTo(memory);
    }

    @ParameterizedTest
    @CsvSource({
        "1024,1024",
        "512,512",
        "256,4096",
        "256,768",
        "512,8192",
        "2048,2048",
        "4096,31744",
        "8192,18432",
        "16384,36864",
        "128,512",
        "3072,8192"
    })
    void fargateTaskSizesOutsideTheTableAreRejected(String cpu, String memory) {
        assertRejected(
                fargate(unique("badsize")).cpu(cpu).memory(memory),
                "No Fargate configuration exists for "
                        + "given values: " + cpu + " CPU, " + memory
                        + " memory. See the Amazon ECS documentation for the "
                        + "valid values.");
    }

    @Test
    void unreadableTaskCpuOrMemoryIsRejected() {
        assertRejected(
                fargate(unique("cpu")).cpu("lots"),
                "Invalid 'cpu' setting for task. For more information, "
                        + "see the Troubleshooting section of the Amazon ECS Developer Guide.");
        assertRejected(
                fargate(unique("mem")).memory("-1"),
                "Invalid 'memory' setting for task. For more "
                        + "information, see the Troubleshooting section of the Amazon ECS Developer Guide.");
    }

    @Test
    void familyAndContainerNamesAreChecked() {
        assertRejected(fargate("my family!"), "Family contains invalid characters.");
        assertRejected(fargateWith(c -> c.name(null)), "Container.name should not be null or empty.");
        assertRejected(fargateWith(c -> c.name("")), "Container.name should not be null or empty.");
        assertRejected(fargateWith(c -> c.name("web app")), "Container.name contains invalid characters.");
        assertRejected(
                fargate(unique("dup")).containerDefinitions(container("app"), container("app")),
                "Container names must be unique within a Task Definition.");
    }

    @Test
    void familyIsRequired() {
        assertRejected(fargate(null), "Family can not be blank.");
    }

    @Test
    void containersAreChecked() {
        assertRejected(fargateWith(c -> c.image(null)), "Container.image should not be null or empty.");
        assertRejected(fargate(unique("none")).containerDefinitions(List.of()), "Container list cannot be empty.");
        List<ContainerDefinition> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(container("c" + i));
        }
        assertRejected(fargate(unique("many")).containerDefinitions(eleven), "Too many containers.");
        assertRejected(fargateWith(c -> c.essential(false)), "Task definition doesn't have any essential container.");
    }

    @Test
    void containerMemoryAndCpuAreChecked() {
        assertRejected(
                fargate(unique("mem"))
                        .containerDefinitions(
                                container("worker").toBuilder().memory(1024).build()),
                "The 'memory' setting for container 'worker' is greater than for the task.");
        assertRejected(
                fargateWith(c -> c.cpu(512)),
                "The sum of all container 'cpu' values cannot be greater than " + "the value of the task 'cpu'.");
        // EC2 without task memory: each container needs memory or memoryReservation
        assertRejected(
                RegisterTaskDefinitionRequest.builder().family(unique("ec2")).containerDefinitions(container("x")),
                "Invalid setting for container 'x'. At least one of 'memory' or 'memoryReservation' must be "
                        + "specified.");
        TaskDefinition ec2 = register(RegisterTaskDefinitionRequest.builder()
                .family(unique("ec2ok"))
                .containerDefinitions(
                        container("x").toBuilder().memoryReservation(128).build()));
        assertThat(ec2.compatibilities()).containsExactly(Compatibility.EC2);
    }

    @Test
    void awsvpcPortMappingsAndHostnameAreChecked() {
        assertRejected(
                fargateWith(c -> c.portMappings(
                        PortMapping.builder().containerPort(8080).hostPort(80).build())),
                "When networkMode=awsvpc, the host ports and container ports in port mappings must " + "match.");
        assertRejected(
                fargateWith(c -> c.hostname("web")), "hostname is not supported on container when networkMode=awsvpc.");
    }

    @Test
    void linksAndDnsServersAreRefusedWithAwsvpcAndKeptWithBridge() {
        assertRejected(fargateWith(c -> c.links("db")), "Links are not supported when networkMode=awsvpc.");
        assertRejected(
                fargateWith(c -> c.dnsServers("10.0.0.2")),
                "DNS servers are not supported on container when networkMode=awsvpc.");

        TaskDefinition bridge = ecs.registerTaskDefinition(r -> r.family(unique("bridge"))
                        .networkMode(NetworkMode.BRIDGE)
                        .containerDefinitions(
                                container("app").toBuilder()
                                        .memory(128)
                                        .links("db")
                                        .dnsServers("10.0.0.2")
                                        .build(),
                                container("db").toBuilder().memory(128).build()))
                .taskDefinition();
        assertThat(bridge.containerDefinitions().get(0).links()).containsExactly("db");
        assertThat(bridge.containerDefinitions().get(0).dnsServers()).containsExactly("10.0.0.2");
    }

    @Test
    void rolesAndTheirRequirementsAreChecked() {
        assertRejected(
                fargate(unique("role")).taskRoleArn("arn:aws:cloudformation:us-east-1:123456789012:stack/x"),
                "Role is not valid");
        assertRejected(
                fargateWith(c -> c.logConfiguration(LogConfiguration.builder()
                        .logDriver("awslogs")
                        .options(Map.of(
                                "awslogs-group",
                                "/ecs/web",
                                "awslogs-region",
                                "us-east-1",
                                "awslogs-stream-prefix",
                                "ecs"))
                        .build())),
                "Fargate requires task definition to have execution role ARN to support log driver awslogs.");
        assertRejected(
                fargateWith(c -> c.image("123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1")),
                "Fargate requires task definition to have execution role ARN to support ECR images.");
        assertRejected(
                fargateWith(c -> c.secrets(Secret.builder()
                        .name("DB_PASSWORD")
                        .valueFrom("arn:aws:ssm:us-east-1:123456789012:parameter/db")
                        .build())),
                "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.");
        assertRejected(
                fargate(unique("ipc")).ipcMode("host"), "Tasks using the Fargate launch type do not support ipcMode.");

        // with an execution role the same definitions register
        TaskDefinition td = register(fargate(unique("exec"))
                .executionRoleArn(EXECUTION_ROLE)
                .containerDefinitions(container("app").toBuilder()
                        .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1")
                        .logConfiguration(LogConfiguration.builder()
                                .logDriver("awslogs")
                                .options(Map.of(
                                        "awslogs-group",
                                        "/ecs/web",
                                        "awslogs-region",
                                        "us-east-1",
                                        "awslogs-stream-prefix",
                                        "ecs"))
                                .build())
                        .build()));
        assertThat(td.executionRoleArn()).isEqualTo(EXECUTION_ROLE);
    }

    @Test
    void aFailedRegistrationDoesNotConsumeARevision() {
        String family = unique("norev");
        assertThat(registerFargate(family).revision()).isEqualTo(1);

        assertEcsError(
                () -> ecs.registerTaskDefinition(
                        fargate(family).cpu("1024").memory("1024").build()),
                ClientException.class,
                "No Fargate configuration exists for given values: 1024 CPU, 1024 memory. "
                        + "See the Amazon ECS documentation for the valid values.");
        assertEcsError(
                () -> ecs.registerTaskDefinition(
                        fargate(family).containerDefinitions(List.of()).build()),
                ClientException.class,
                "Container list cannot be empty.");

        assertThat(registerFargate(family).revision()).isEqualTo(2);
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix(family)).taskDefinitionArns())
                .containsExactly(arn(family, 1), arn(family, 2));
    }

    @Test
    void everyContainerMemberComesBack() {
        ContainerDefinition given = ContainerDefinition.builder()
                .name("app")
                .image(IMAGE)
                .cpu(128)
                .memory(256)
                .memoryReservation(128)
                .essential(true)
                .command("sh", "-c", "sleep 1000")
                .entryPoint("/bin/sh")
                .workingDirectory("/srv")
                .user("1000:1000")
                .readonlyRootFilesystem(true)
                .stopTimeout(5)
                .environment(KeyValuePair.builder().name("A").value("1").build())
                .dockerLabels(Map.of("team", "orders"))
                .portMappings(PortMapping.builder()
                        .containerPort(80)
                        .hostPort(80)
                        .protocol("tcp")
                        .name("http")
                        .build())
                .build();

        TaskDefinition td = register(fargate(unique("members"))
                .executionRoleArn(EXECUTION_ROLE)
                .taskRoleArn("arn:aws:iam::123456789012:role/orders-task")
                .containerDefinitions(given));

        assertThat(td.containerDefinitions())
                .containsExactly(given.toBuilder()
                        .mountPoints(List.of())
                        .volumesFrom(List.of())
                        .build());
        assertThat(td.taskRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/orders-task");
        assertThat(td.executionRoleArn()).isEqualTo(EXECUTION_ROLE);
    }
}
