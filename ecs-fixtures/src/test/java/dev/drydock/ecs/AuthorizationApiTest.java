package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.drydock.core.IamFixtures;
import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.iam.policy.DecisionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * What IAM decides for every ECS operation Drydock implements, with narrow policies, as the Service Authorization
 * Reference for Amazon ECS defines it
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html): the
 * IAM actions each operation needs (tag-on-create needs {@code ecs:TagResource}, roles given to tasks need
 * {@code iam:PassRole}), the resource each is evaluated on ({@code *} for actions without a resource type) and the
 * condition keys the request context carries. Calls are made as IAM roles ({@code clientActingAs}); the
 * {@link dev.drydock.core.iam.DecisionLog} shows what was evaluated.
 */
class AuthorizationApiTest extends EcsApiTestBase {
    private static final String ACCOUNT = "123456789012";
    private static final String ECS = "arn:aws:ecs:us-east-1:" + ACCOUNT + ":";
    private static final String ALPHA = ECS + "cluster/alpha";
    private static final String BETA = ECS + "cluster/beta";
    private static final String APP_TASK_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/app-task";
    private static final String OTHER_TASK_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/other-task";

    private final Map<String, EcsClient> clients = new LinkedHashMap<>();

    @BeforeAll
    void infrastructure() {
        for (String role : List.of(
                "cluster-admin",
                "cluster-tagger",
                "lister",
                "task-definition-scoped",
                "registrar",
                "runner",
                "runner-plus",
                "operator",
                "instance-lister",
                "deployer",
                "tagger")) {
            drydock.apply(IamFixtures.role(role).policy("iam/authz-" + role + ".json"));
        }
        drydock.apply(IamFixtures.role("app-task"));
        drydock.apply(IamFixtures.role("other-task"));
        ecs.createCluster(r -> r.clusterName("alpha").capacityProviders("FARGATE", "FARGATE_SPOT"));
        ecs.createCluster(r -> r.clusterName("beta"));
        registerFargate("fam");
        registerFargate("other");
        register(fargate("fam-role").taskRoleArn("app-task"));
    }

    @AfterAll
    void closeClients() {
        clients.values().forEach(EcsClient::close);
    }

    @BeforeEach
    void forgetDecisions() {
        drydock.decisionLog().clear();
    }

    // ============================================================================================ clusters

    @Test
    void createClusterIsAuthorizedOnTheNewClustersArn() {
        EcsClient as = as("cluster-admin");
        String allowed = unique("team");
        as.createCluster(r -> r.clusterName(allowed));
        assertThat(only("cluster-admin")).satisfies(d -> {
            assertThat(d.action()).isEqualTo("ecs:CreateCluster");
            assertThat(d.resource()).isEqualTo(ECS + "cluster/" + allowed);
            assertThat(d.allowed()).isTrue();
            assertThat(d.context()).doesNotContainKeys("aws:TagKeys", "ecs:cluster");
        });

        String other = unique("ops");
        assertDenied(
                () -> as.createCluster(r -> r.clusterName(other)),
                notAuthorized("cluster-admin", "ecs:CreateCluster", ECS + "cluster/" + other));
        assertThat(ecs.listClusters().clusterArns())
                .contains(ECS + "cluster/" + allowed)
                .doesNotContain(ECS + "cluster/" + other);
    }

    @Test
    void createClusterWithTagsAlsoNeedsTagResourceOnTheCluster() {
        String name = unique("team");
        assertDenied(
                () -> as("cluster-admin").createCluster(r -> r.clusterName(name).tags(tag("env", "dev"))),
                notAuthorized("cluster-admin", "ecs:TagResource", ECS + "cluster/" + name));
        List<AuthorizationDecision> decisions = decisions("cluster-admin");
        assertThat(decisions)
                .extracting(AuthorizationDecision::action, AuthorizationDecision::decision)
                .containsExactly(
                        tuple("ecs:CreateCluster", DecisionType.ALLOWED),
                        tuple("ecs:TagResource", DecisionType.IMPLICIT_DENY));
        assertThat(decisions.get(0).context())
                .containsEntry("aws:RequestTag/env", List.of("dev"))
                .containsEntry("aws:TagKeys", List.of("env"))
                .doesNotContainKey("ecs:CreateAction");
        assertThat(decisions.get(1).context())
                .containsEntry("ecs:CreateAction", List.of("CreateCluster"))
                .containsEntry("aws:RequestTag/env", List.of("dev"))
                .containsEntry("aws:TagKeys", List.of("env"));
        assertThat(ecs.listClusters().clusterArns()).doesNotContain(ECS + "cluster/" + name);
    }

    @Test
    void tagOnCreateIsAllowedByEcsCreateActionAndTheRequestTags() {
        EcsClient as = as("cluster-tagger");
        String dev = unique("team");
        as.createCluster(r -> r.clusterName(dev).tags(tag("env", "dev")));
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(ECS + "cluster/" + dev))
                        .tags())
                .containsExactly(tag("env", "dev"));

        String prod = unique("team");
        assertDenied(
                () -> as.createCluster(r -> r.clusterName(prod).tags(tag("env", "prod"))),
                notAuthorized("cluster-tagger", "ecs:TagResource", ECS + "cluster/" + prod));
        // TagResource called directly has no ecs:CreateAction, so the tag-on-create statement does not apply
        assertDenied(
                () -> as.tagResource(r -> r.resourceArn(ECS + "cluster/" + dev).tags(tag("env", "dev"))),
                notAuthorized("cluster-tagger", "ecs:TagResource", ECS + "cluster/" + dev));
        assertThat(last("cluster-tagger").context()).doesNotContainKey("ecs:CreateAction");
    }

    @Test
    void describeClustersAuthorizesEveryClusterAndTheFirstDenialFailsTheCall() {
        EcsClient as = as("cluster-admin");
        assertThat(as.describeClusters(r -> r.clusters("alpha")).clusters()).hasSize(1);
        assertDenied(
                () -> as.describeClusters(r -> r.clusters("alpha", BETA)),
                notAuthorized("cluster-admin", "ecs:DescribeClusters", BETA));
        assertThat(decisions("cluster-admin"))
                .extracting(AuthorizationDecision::resource)
                .containsExactly(ALPHA, ALPHA, BETA);
        // no cluster named: the default cluster
        assertDenied(
                () -> as.describeClusters(r -> r.clusters(List.of())),
                notAuthorized("cluster-admin", "ecs:DescribeClusters", ECS + "cluster/default"));
    }

    @Test
    void deleteClusterIsAuthorizedOnTheClusterWithItsTags() {
        String testing = unique("scratch");
        String prod = unique("keep");
        ecs.createCluster(r -> r.clusterName(testing).tags(tag("Purpose", "Testing")));
        ecs.createCluster(r -> r.clusterName(prod).tags(tag("Purpose", "Production")));
        EcsClient as = as("cluster-admin");

        assertThat(as.deleteCluster(r -> r.cluster(testing)).cluster().status()).isEqualTo("INACTIVE");
        assertThat(last("cluster-admin").context())
                .containsEntry("aws:ResourceTag/Purpose", List.of("Testing"))
                .containsEntry("ecs:ResourceTag/Purpose", List.of("Testing"));
        assertDenied(
                () -> as.deleteCluster(r -> r.cluster(ECS + "cluster/" + prod)),
                notAuthorized("cluster-admin", "ecs:DeleteCluster", ECS + "cluster/" + prod));
    }

    @Test
    void listClustersIsEvaluatedOnStarSoAPolicyScopedToClusterArnsDoesNotAllowIt() {
        assertThat(as("lister").listClusters().clusterArns()).contains(ALPHA, BETA);
        assertThat(last("lister").resource()).isEqualTo("*");
        assertDeniedOnStar(() -> as("cluster-admin").listClusters(), "cluster-admin", "ecs:ListClusters");
    }

    // ==================================================================================== task definitions

    @Test
    void registerTaskDefinitionIsAuthorizedOnTheRevisionItCreatesWithTheTaskSizeKeys() {
        EcsClient as = as("registrar");
        String family = unique("web");
        assertThat(as.registerTaskDefinition(fargate(family).build())
                        .taskDefinition()
                        .revision())
                .isEqualTo(1);
        assertThat(only("registrar")).satisfies(d -> {
            assertThat(d.action()).isEqualTo("ecs:RegisterTaskDefinition");
            assertThat(d.resource()).isEqualTo(ECS + "task-definition/" + family + ":1");
            assertThat(d.context())
                    .containsEntry("ecs:compute-compatibility", List.of("FARGATE"))
                    .containsEntry("ecs:task-cpu", List.of("256"))
                    .containsEntry("ecs:task-memory", List.of("512"))
                    .containsEntry("ecs:privileged", List.of("false"))
                    .doesNotContainKey("aws:TagKeys");
        });

        // 1 vCPU is 1024 CPU units: over the policy's NumericLessThanEquals 512
        assertDenied(
                () -> as.registerTaskDefinition(
                        fargate(family).cpu("1 vCPU").memory("2 GB").build()),
                notAuthorized("registrar", "ecs:RegisterTaskDefinition", ECS + "task-definition/" + family + ":2"));
        assertThat(last("registrar").context())
                .containsEntry("ecs:task-cpu", List.of("1024"))
                .containsEntry("ecs:task-memory", List.of("2048"));

        ContainerDefinition privileged =
                container("app").toBuilder().privileged(true).build();
        assertDenied(
                () -> as.registerTaskDefinition(
                        fargate(family).containerDefinitions(privileged).build()),
                notAuthorized("registrar", "ecs:RegisterTaskDefinition", ECS + "task-definition/" + family + ":2"));
        assertThat(last("registrar").context()).containsEntry("ecs:privileged", List.of("true"));

        // without requiresCompatibilities there is no ecs:compute-compatibility: the policy's Null condition denies
        assertDenied(
                () -> as.registerTaskDefinition(
                        fargate(family).requiresCompatibilities(List.of()).build()),
                notAuthorized("registrar", "ecs:RegisterTaskDefinition", ECS + "task-definition/" + family + ":2"));
        assertThat(last("registrar").context()).doesNotContainKey("ecs:compute-compatibility");

        String api = unique("api");
        assertDenied(
                () -> as.registerTaskDefinition(fargate(api).build()),
                notAuthorized("registrar", "ecs:RegisterTaskDefinition", ECS + "task-definition/" + api + ":1"));
    }

    @Test
    void registerTaskDefinitionWithTagsNeedsTagResourceAndWithRolesPassRole() {
        EcsClient as = as("registrar");
        String family = unique("web");
        assertDenied(
                () -> as.registerTaskDefinition(
                        fargate(family).tags(tag("team", "red")).build()),
                notAuthorized("registrar", "ecs:TagResource", ECS + "task-definition/" + family + ":1"));
        assertThat(last("registrar").context()).containsEntry("ecs:CreateAction", List.of("RegisterTaskDefinition"));

        as.registerTaskDefinition(fargate(family).taskRoleArn("app-task").build());
        assertThat(last("registrar")).satisfies(d -> {
            assertThat(d.action()).isEqualTo("iam:PassRole");
            assertThat(d.resource()).isEqualTo(APP_TASK_ROLE);
            assertThat(d.context()).containsEntry("iam:PassedToService", List.of("ecs-tasks.amazonaws.com"));
            assertThat(d.allowed()).isTrue();
        });
        assertDenied(
                () -> as.registerTaskDefinition(fargate(family)
                        .taskRoleArn("app-task")
                        .executionRoleArn(OTHER_TASK_ROLE)
                        .build()),
                notAuthorized("registrar", "iam:PassRole", OTHER_TASK_ROLE));
    }

    @Test
    void taskDefinitionReadsListsAndDeregistrationAreEvaluatedOnStar() {
        String family = unique("gone");
        registerFargate(family);
        EcsClient lister = as("lister");
        assertThat(lister.describeTaskDefinition(r -> r.taskDefinition(family))
                        .taskDefinition()
                        .revision())
                .isEqualTo(1);
        assertThat(lister.listTaskDefinitions(r -> r.familyPrefix(family)).taskDefinitionArns())
                .hasSize(1);
        assertThat(lister.listTaskDefinitionFamilies(r -> r.familyPrefix(family))
                        .families())
                .containsExactly(family);
        assertThat(lister.deregisterTaskDefinition(r -> r.taskDefinition(family + ":1"))
                        .taskDefinition()
                        .status())
                .hasToString("INACTIVE");
        assertThat(decisions("lister"))
                .extracting(AuthorizationDecision::action)
                .containsExactly(
                        "ecs:DescribeTaskDefinition",
                        "ecs:ListTaskDefinitions",
                        "ecs:ListTaskDefinitionFamilies",
                        "ecs:DeregisterTaskDefinition");
        assertThat(decisions("lister")).allSatisfy(d -> {
            assertThat(d.resource()).isEqualTo("*");
            assertThat(d.allowed()).isTrue();
        });

        // the same actions allowed only on task-definition ARNs: never allowed, as in AWS
        EcsClient scoped = as("task-definition-scoped");
        assertDeniedOnStar(
                () -> scoped.describeTaskDefinition(r -> r.taskDefinition("fam")),
                "task-definition-scoped",
                "ecs:DescribeTaskDefinition");
        assertDeniedOnStar(() -> scoped.listTaskDefinitions(), "task-definition-scoped", "ecs:ListTaskDefinitions");
        assertDeniedOnStar(
                () -> scoped.listTaskDefinitionFamilies(), "task-definition-scoped", "ecs:ListTaskDefinitionFamilies");
        assertDeniedOnStar(
                () -> scoped.deregisterTaskDefinition(r -> r.taskDefinition("fam:1")),
                "task-definition-scoped",
                "ecs:DeregisterTaskDefinition");
    }

    // ================================================================================================ tasks

    @Test
    void runTaskIsAuthorizedOnTheTaskDefinitionRevisionInTheClusterOfEcsCluster() {
        EcsClient as = as("runner");
        List<Task> tasks = as.runTask(runFargate("alpha", "fam").build()).tasks();
        assertThat(tasks).hasSize(1);
        assertThat(only("runner")).satisfies(d -> {
            assertThat(d.action()).isEqualTo("ecs:RunTask");
            // a family alone is resolved to its latest revision before authorization
            assertThat(d.resource()).isEqualTo(ECS + "task-definition/fam:1");
            assertThat(d.context())
                    .containsEntry("ecs:cluster", List.of(ALPHA))
                    .containsEntry("ecs:enable-execute-command", List.of("false"))
                    .containsEntry("ecs:enable-ebs-volumes", List.of("false"))
                    // the SAR lists no task size keys for RunTask, and no capacity provider was named
                    .doesNotContainKeys("ecs:task-cpu", "ecs:task-memory", "ecs:capacity-provider", "aws:TagKeys");
        });

        assertDenied(
                () -> as.runTask(runFargate("beta", "fam").build()),
                notAuthorized("runner", "ecs:RunTask", ECS + "task-definition/fam:1"));
        assertThat(last("runner").context()).containsEntry("ecs:cluster", List.of(BETA));
        assertDenied(
                () -> as.runTask(runFargate("alpha", "other").build()),
                notAuthorized("runner", "ecs:RunTask", ECS + "task-definition/other:1"));
    }

    @Test
    void runTaskWithExecuteCommandMeetsTheExplicitDeny() {
        assertDenied(
                () -> as("runner")
                        .runTask(runFargate("alpha", "fam:1")
                                .enableExecuteCommand(true)
                                .build()),
                "User: arn:aws:sts::" + ACCOUNT + ":assumed-role/runner/drydock-test is not authorized to perform: "
                        + "ecs:RunTask on resource: " + ECS + "task-definition/fam:1 with an explicit deny in an "
                        + "identity-based policy");
        assertThat(last("runner").decision()).isEqualTo(DecisionType.EXPLICIT_DENY);
        assertThat(last("runner").context()).containsEntry("ecs:enable-execute-command", List.of("true"));
    }

    @Test
    void runTaskWithTagsNeedsTagResourceWithCreateActionRunTask() {
        String startedBy = unique("tagged");
        assertDenied(
                () -> as("runner")
                        .runTask(runFargate("alpha", "fam")
                                .startedBy(startedBy)
                                .tags(tag("team", "red"))
                                .build()),
                notAuthorized("runner", "ecs:TagResource", ECS + "task/alpha/*"));
        assertThat(ecs.listTasks(r -> r.cluster("alpha").startedBy(startedBy)).taskArns())
                .isEmpty();

        Task task = as("runner-plus")
                .runTask(runFargate("alpha", "fam")
                        .startedBy(startedBy)
                        .tags(tag("team", "red"))
                        .build())
                .tasks()
                .get(0);
        assertThat(decisions("runner-plus"))
                .extracting(AuthorizationDecision::action)
                .containsExactly("ecs:RunTask", "ecs:TagResource");
        assertThat(last("runner-plus").context())
                .containsEntry("ecs:CreateAction", List.of("RunTask"))
                .containsEntry("aws:RequestTag/team", List.of("red"));
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(task.taskArn())).tags())
                .containsExactly(tag("team", "red"));
    }

    @Test
    void runTaskWithATaskRoleNeedsPassRoleOnIt() {
        assertDenied(
                () -> as("runner").runTask(runFargate("alpha", "fam-role").build()),
                notAuthorized("runner", "iam:PassRole", APP_TASK_ROLE));
        assertThat(last("runner").context()).containsEntry("iam:PassedToService", List.of("ecs-tasks.amazonaws.com"));

        EcsClient plus = as("runner-plus");
        assertThat(plus.runTask(runFargate("alpha", "fam-role").build()).tasks())
                .hasSize(1);
        assertThat(last("runner-plus")).satisfies(d -> {
            assertThat(d.action()).isEqualTo("iam:PassRole");
            assertThat(d.resource()).isEqualTo(APP_TASK_ROLE);
            assertThat(d.allowed()).isTrue();
        });
        // an override passes another role
        assertDenied(
                () -> plus.runTask(runFargate("alpha", "fam-role")
                        .overrides(o -> o.taskRoleArn("other-task"))
                        .build()),
                notAuthorized("runner-plus", "iam:PassRole", OTHER_TASK_ROLE));
    }

    @Test
    void runTaskNamesTheCapacityProvidersByArn() {
        as("runner")
                .runTask(runFargate("alpha", "fam")
                        .launchType((String) null)
                        .capacityProviderStrategy(CapacityProviderStrategyItem.builder()
                                .capacityProvider("FARGATE_SPOT")
                                .weight(1)
                                .build())
                        .build());
        assertThat(only("runner").context())
                .containsEntry("ecs:capacity-provider", List.of(ECS + "capacity-provider/FARGATE_SPOT"));
    }

    @Test
    void describeTasksAuthorizesEveryTaskWithItsTags() {
        Task red = ecs.runTask(
                        runFargate("alpha", "fam").tags(tag("team", "red")).build())
                .tasks()
                .get(0);
        Task blue = ecs.runTask(
                        runFargate("alpha", "fam").tags(tag("team", "blue")).build())
                .tasks()
                .get(0);
        EcsClient as = as("operator");

        assertThat(as.describeTasks(r -> r.cluster("alpha").tasks(taskId(red.taskArn())))
                        .tasks())
                .hasSize(1);
        assertThat(only("operator")).satisfies(d -> {
            assertThat(d.resource()).isEqualTo(red.taskArn());
            assertThat(d.context())
                    .containsEntry("ecs:cluster", List.of(ALPHA))
                    .containsEntry("ecs:ResourceTag/team", List.of("red"))
                    .containsEntry("aws:ResourceTag/team", List.of("red"));
        });
        forgetDecisions();
        assertDenied(
                () -> as.describeTasks(r -> r.cluster("alpha").tasks(red.taskArn(), blue.taskArn())),
                notAuthorized("operator", "ecs:DescribeTasks", blue.taskArn()));
        assertThat(decisions("operator"))
                .extracting(AuthorizationDecision::resource, AuthorizationDecision::decision)
                .containsExactly(
                        tuple(red.taskArn(), DecisionType.ALLOWED), tuple(blue.taskArn(), DecisionType.IMPLICIT_DENY));
    }

    @Test
    void stopTaskIsAuthorizedOnTheTaskArnInItsCluster() {
        Task inAlpha = ecs.runTask(runFargate("alpha", "fam").build()).tasks().get(0);
        Task inBeta = ecs.runTask(runFargate("beta", "fam").build()).tasks().get(0);
        EcsClient as = as("operator");

        assertThat(as.stopTask(r -> r.cluster("alpha").task(taskId(inAlpha.taskArn())))
                        .task()
                        .desiredStatus())
                .isEqualTo("STOPPED");
        assertThat(only("operator")).satisfies(d -> {
            assertThat(d.action()).isEqualTo("ecs:StopTask");
            assertThat(d.resource()).isEqualTo(inAlpha.taskArn());
            assertThat(d.context()).containsEntry("ecs:cluster", List.of(ALPHA));
        });
        assertDenied(
                () -> as.stopTask(r -> r.cluster("beta").task(inBeta.taskArn())),
                notAuthorized("operator", "ecs:StopTask", inBeta.taskArn()));
    }

    @Test
    void listTasksIsEvaluatedOnStarWithTheClusterKey() {
        EcsClient as = as("operator");
        as.listTasks(r -> r.cluster("alpha"));
        assertThat(only("operator")).satisfies(d -> {
            assertThat(d.resource()).isEqualTo("*");
            assertThat(d.context()).containsEntry("ecs:cluster", List.of(ALPHA));
        });
        assertDeniedOnStar(() -> as.listTasks(r -> r.cluster("beta")), "operator", "ecs:ListTasks");
        assertThat(last("operator").context()).containsEntry("ecs:cluster", List.of(BETA));
    }

    @Test
    void listTasksOfAContainerInstanceIsEvaluatedOnTheContainerInstance() {
        EcsClient as = as("instance-lister");
        String instance = "0123456789abcdef0123456789abcdef";
        as.listTasks(r -> r.cluster("alpha").containerInstance(instance));
        assertThat(only("instance-lister").resource()).isEqualTo(ECS + "container-instance/alpha/" + instance);
        // without a container instance, ListTasks is evaluated on *, which a container-instance ARN does not cover
        assertDeniedOnStar(() -> as.listTasks(r -> r.cluster("alpha")), "instance-lister", "ecs:ListTasks");
    }

    // ============================================================================================= services

    @Test
    void createServiceIsAuthorizedOnTheServiceArnWithItsTaskDefinitionAndNetworkKeys() {
        EcsClient as = as("deployer");
        String name = unique("web");
        as.createService(service("alpha", name, "fam").build());
        assertThat(only("deployer")).satisfies(d -> {
            assertThat(d.action()).isEqualTo("ecs:CreateService");
            assertThat(d.resource()).isEqualTo(ECS + "service/alpha/" + name);
            assertThat(d.context())
                    .containsEntry("ecs:cluster", List.of(ALPHA))
                    .containsEntry("ecs:task-definition", List.of(ECS + "task-definition/fam:1"))
                    .containsEntry("ecs:task-cpu", List.of("256"))
                    .containsEntry("ecs:task-memory", List.of("512"))
                    .containsEntry("ecs:subnet", List.of(SUBNET))
                    .containsEntry("ecs:auto-assign-public-ip", List.of("false"))
                    .containsEntry("ecs:enable-execute-command", List.of("false"))
                    .containsEntry("ecs:enable-ecs-managed-tags", List.of("false"))
                    .doesNotContainKeys("ecs:capacity-provider", "ecs:propagate-tags", "aws:TagKeys");
        });

        String inBeta = unique("web");
        assertDenied(
                () -> as.createService(service("beta", inBeta, "fam").build()),
                notAuthorized("deployer", "ecs:CreateService", ECS + "service/beta/" + inBeta));
        String otherFamily = unique("web");
        assertDenied(
                () -> as.createService(service("alpha", otherFamily, "other").build()),
                notAuthorized("deployer", "ecs:CreateService", ECS + "service/alpha/" + otherFamily));
        String publicIp = unique("web");
        NetworkConfiguration withPublicIp = NetworkConfiguration.builder()
                .awsvpcConfiguration(
                        v -> v.subnets(SUBNET).securityGroups(SECURITY_GROUP).assignPublicIp(AssignPublicIp.ENABLED))
                .build();
        assertDenied(
                () -> as.createService(service("alpha", publicIp, "fam")
                        .networkConfiguration(withPublicIp)
                        .build()),
                notAuthorized("deployer", "ecs:CreateService", ECS + "service/alpha/" + publicIp));
        assertThat(last("deployer").context()).containsEntry("ecs:auto-assign-public-ip", List.of("true"));
    }

    @Test
    void createServiceWithTagsNeedsTagResourceAndWithATaskRolePassRole() {
        EcsClient as = as("deployer");
        String tagged = unique("web");
        assertDenied(
                () -> as.createService(
                        service("alpha", tagged, "fam").tags(tag("team", "red")).build()),
                notAuthorized("deployer", "ecs:TagResource", ECS + "service/alpha/" + tagged));
        assertThat(last("deployer").context()).containsEntry("ecs:CreateAction", List.of("CreateService"));
        String withRole = unique("web");
        assertDenied(
                () -> as.createService(service("alpha", withRole, "fam-role").build()),
                notAuthorized("deployer", "iam:PassRole", APP_TASK_ROLE));
        assertThat(ecs.listServices(r -> r.cluster("alpha")).serviceArns())
                .doesNotContain(ECS + "service/alpha/" + tagged, ECS + "service/alpha/" + withRole);
    }

    @Test
    void updateServiceIsAuthorizedOnTheServiceWithTheNewTaskDefinitionWhenThereIsOne() {
        String name = unique("web");
        ecs.createService(service("alpha", name, "fam").build());
        String inBeta = unique("web");
        ecs.createService(service("beta", inBeta, "fam").build());
        EcsClient as = as("deployer");

        as.updateService(r -> r.cluster("alpha").service(name).desiredCount(0));
        assertThat(only("deployer")).satisfies(d -> {
            assertThat(d.resource()).isEqualTo(ECS + "service/alpha/" + name);
            assertThat(d.context())
                    .containsEntry("ecs:cluster", List.of(ALPHA))
                    .doesNotContainKeys("ecs:task-definition", "ecs:enable-execute-command", "ecs:subnet");
        });
        assertDenied(
                () -> as.updateService(r -> r.cluster("alpha").service(name).taskDefinition("other")),
                notAuthorized("deployer", "ecs:UpdateService", ECS + "service/alpha/" + name));
        assertThat(last("deployer").context())
                .containsEntry("ecs:task-definition", List.of(ECS + "task-definition/other:1"));
        assertDenied(
                () -> as.updateService(r -> r.cluster("beta").service(inBeta).desiredCount(0)),
                notAuthorized("deployer", "ecs:UpdateService", ECS + "service/beta/" + inBeta));
    }

    @Test
    void describeListAndDeleteServicesAreScopedToTheCluster() {
        String name = unique("web");
        ecs.createService(service("alpha", name, "fam").build());
        String inBeta = unique("web");
        ecs.createService(service("beta", inBeta, "fam").build());
        EcsClient as = as("deployer");

        assertThat(as.describeServices(r -> r.cluster("alpha").services(name)).services())
                .hasSize(1);
        assertThat(last("deployer").context()).containsEntry("ecs:cluster", List.of(ALPHA));
        assertDenied(
                () -> as.describeServices(r -> r.cluster("beta").services(inBeta)),
                notAuthorized("deployer", "ecs:DescribeServices", ECS + "service/beta/" + inBeta));

        assertThat(as.listServices(r -> r.cluster("alpha")).serviceArns()).contains(ECS + "service/alpha/" + name);
        assertThat(last("deployer").resource()).isEqualTo("*");
        assertDeniedOnStar(() -> as.listServices(r -> r.cluster("beta")), "deployer", "ecs:ListServices");

        assertThat(as.deleteService(r -> r.cluster("alpha").service(name).force(true))
                        .service()
                        .serviceArn())
                .isEqualTo(ECS + "service/alpha/" + name);
        assertThat(last("deployer").action()).isEqualTo("ecs:DeleteService");
        assertDenied(
                () -> as.deleteService(r -> r.cluster("beta").service(inBeta).force(true)),
                notAuthorized("deployer", "ecs:DeleteService", ECS + "service/beta/" + inBeta));
    }

    // ================================================================================================= tags

    @Test
    void tagUntagAndListTagsAreAuthorizedOnTheResourceWithTagKeys() {
        ecs.createCluster(r -> r.clusterName("taggable"));
        String other = unique("untaggable");
        ecs.createCluster(r -> r.clusterName(other).tags(tag("team", "blue"), tag("env", "dev")));
        String taggable = ECS + "cluster/taggable";
        String untaggable = ECS + "cluster/" + other;
        EcsClient as = as("tagger");

        as.tagResource(r -> r.resourceArn(taggable).tags(tag("team", "red"), tag("env", "dev")));
        assertThat(only("tagger").context())
                .containsEntry("aws:TagKeys", List.of("team", "env"))
                .containsEntry("aws:RequestTag/team", List.of("red"))
                .doesNotContainKey("ecs:CreateAction");
        assertDenied(
                () -> as.tagResource(r -> r.resourceArn(taggable).tags(tag("owner", "me"))),
                notAuthorized("tagger", "ecs:TagResource", taggable));
        assertDenied(
                () -> as.tagResource(r -> r.resourceArn(untaggable).tags(tag("team", "red"))),
                notAuthorized("tagger", "ecs:TagResource", untaggable));

        as.untagResource(r -> r.resourceArn(taggable).tagKeys("env"));
        assertThat(last("tagger").context())
                .containsEntry("aws:TagKeys", List.of("env"))
                .containsEntry("ecs:ResourceTag/team", List.of("red"));
        assertDenied(
                () -> as.untagResource(r -> r.resourceArn(taggable).tagKeys("team")),
                notAuthorized("tagger", "ecs:UntagResource", taggable));

        assertThat(as.listTagsForResource(r -> r.resourceArn(taggable)).tags()).containsExactly(tag("team", "red"));
        assertThat(last("tagger").context()).containsEntry("ecs:ResourceTag/team", List.of("red"));
        assertDenied(
                () -> as.listTagsForResource(r -> r.resourceArn(untaggable)),
                notAuthorized("tagger", "ecs:ListTagsForResource", untaggable));
    }

    // ===================================================================================== message on *

    @Test
    void accessDeniedOnStarNamesTheResourceAsEcsDoes() {
        assertDenied(
                () -> as("operator").listTasks(r -> r.cluster("beta")),
                notAuthorized("operator", "ecs:ListTasks", "*"));
    }

    // ============================================================================================== helpers

    private EcsClient as(String role) {
        return clients.computeIfAbsent(role, r -> drydock.clientActingAs(r, EcsClient.builder()));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static CreateServiceRequest.Builder service(String cluster, String name, String taskDefinition) {
        return CreateServiceRequest.builder()
                .cluster(cluster)
                .serviceName(name)
                .taskDefinition(taskDefinition)
                .desiredCount(0)
                .launchType("FARGATE")
                .networkConfiguration(network());
    }

    /** AWS's AccessDenied message when no identity-based policy allows {@code action} on {@code resource}. */
    private static String notAuthorized(String role, String action, String resource) {
        return "User: arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/drydock-test is not authorized to "
                + "perform: " + action + " on resource: " + resource + " because no identity-based policy allows the "
                + action + " action";
    }

    /** The call fails with ECS's AccessDeniedException (HTTP 400) and exactly {@code message}. */
    private static void assertDenied(ThrowingCallable call, String message) {
        AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class, call);
        assertThat(e).as("expected AccessDeniedException: %s", message).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    /**
     * The call is denied by the absence of an allow for {@code action} on {@code *}. The message is checked up to the
     * resource (see {@link #accessDeniedOnStarNamesTheResourceAsEcsDoes}).
     */
    private void assertDeniedOnStar(ThrowingCallable call, String role, String action) {
        AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class, call);
        assertThat(e).as("expected AccessDeniedException for %s", action).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage())
                .startsWith("User: arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/drydock-test is not "
                        + "authorized to perform: " + action)
                .endsWith(" because no identity-based policy allows the " + action + " action");
        AuthorizationDecision d = last(role);
        assertThat(d.action()).isEqualTo(action);
        assertThat(d.resource()).isEqualTo("*");
        assertThat(d.decision()).isEqualTo(DecisionType.IMPLICIT_DENY);
    }

    private List<AuthorizationDecision> decisions(String role) {
        return new ArrayList<>(drydock.decisionLog().decisionsFor(role));
    }

    private AuthorizationDecision last(String role) {
        List<AuthorizationDecision> all = decisions(role);
        assertThat(all).as("decisions for %s", role).isNotEmpty();
        return all.get(all.size() - 1);
    }

    private AuthorizationDecision only(String role) {
        List<AuthorizationDecision> all = decisions(role);
        assertThat(all).as("decisions for %s", role).hasSize(1);
        return all.get(0);
    }
}
