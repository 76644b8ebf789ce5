package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * CreateService, DescribeServices, UpdateService, DeleteService and ListServices, and the service scheduler behind
 * them, on the simulated runtime.
 */
class ServiceApiTest extends EcsApiTestBase {
    private static final Pattern STARTED = Pattern.compile("\\(service (.+)\\) has started (\\d+) tasks: (.*)\\.");
    private static final Pattern TASK = Pattern.compile("\\(task ([0-9a-f]{32})\\)");
    private static final String DEPLOYMENT_ID = "ecs-svc/\\d{19}";

    private GatedRuntime gate;

    @Override
    Supplier<ContainerRuntime> runtime(SimulatedRuntime simulated) {
        gate = new GatedRuntime(simulated);
        return () -> gate;
    }

    private static CreateServiceRequest.Builder service(
            String cluster, String name, String taskDefinition, int desiredCount) {
        return CreateServiceRequest.builder()
                .cluster(cluster)
                .serviceName(name)
                .taskDefinition(taskDefinition)
                .desiredCount(desiredCount)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(network());
    }

    private Service create(String cluster, String name, String taskDefinition, int desiredCount) {
        return ecs.createService(
                        service(cluster, name, taskDefinition, desiredCount).build())
                .service();
    }

    private Service awaitStable(String cluster, String name) {
        return awaitSteadyState(cluster, name);
    }

    private List<Task> runningTasks(String cluster, String service) {
        List<String> arns =
                ecs.listTasks(r -> r.cluster(cluster).serviceName(service)).taskArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecs.describeTasks(r -> r.cluster(cluster).tasks(arns)).tasks();
    }

    /** The task ids named by the service's "has started N tasks" events, oldest first. */
    private static List<List<String>> startedEvents(Service s) {
        List<List<String>> started = new ArrayList<>();
        List<ServiceEvent> oldestFirst = new ArrayList<>(s.events());
        Collections.reverse(oldestFirst);
        for (ServiceEvent e : oldestFirst) {
            Matcher m = STARTED.matcher(e.message());
            if (m.matches()) {
                assertThat(m.group(1)).isEqualTo(s.serviceName());
                assertThat(m.group(3)).matches("\\(task [0-9a-f]{32}\\)( \\(task [0-9a-f]{32}\\))*");
                List<String> ids = new ArrayList<>();
                Matcher id = TASK.matcher(m.group(3));
                while (id.find()) {
                    ids.add(id.group(1));
                }
                assertThat(ids).hasSize(Integer.parseInt(m.group(2)));
                started.add(ids);
            }
        }
        return started;
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(t -> taskId(t.taskArn())).toList();
    }

    @Test
    void createServiceStartsDesiredTasksAndReachesASteadyState() {
        String cluster = createCluster();
        String family = unique("web");
        String tdArn = registerFargate(family).taskDefinitionArn();

        Service created = create(cluster, "web", family, 2);

        assertThat(created.serviceArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/" + cluster + "/web");
        assertThat(created.serviceName()).isEqualTo("web");
        assertThat(created.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/" + cluster);
        assertThat(created.status()).isEqualTo("ACTIVE");
        assertThat(created.desiredCount()).isEqualTo(2);
        assertThat(created.taskDefinition()).isEqualTo(tdArn);
        assertThat(created.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(created.schedulingStrategy()).isEqualTo(SchedulingStrategy.REPLICA);
        assertThat(created.networkConfiguration()).isEqualTo(network());
        assertThat(created.createdBy()).isEqualTo(drydock.testPrincipalArn());
        assertThat(created.deploymentConfiguration().maximumPercent()).isEqualTo(200);
        assertThat(created.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(100);
        assertThat(created.deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).matches(DEPLOYMENT_ID);
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.taskDefinition()).isEqualTo(tdArn);
            assertThat(d.desiredCount()).isEqualTo(2);
            assertThat(d.rolloutStateAsString()).isEqualTo("IN_PROGRESS");
            assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment " + d.id() + " in progress.");
        });
        String deploymentId = created.deployments().get(0).id();

        Service stable = awaitStable(cluster, "web");

        assertThat(stable.runningCount()).isEqualTo(2);
        assertThat(stable.pendingCount()).isZero();
        assertThat(stable.deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(deploymentId);
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.runningCount()).isEqualTo(2);
            assertThat(d.pendingCount()).isZero();
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
            assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment " + deploymentId + " completed.");
        });
        List<Task> tasks = runningTasks(cluster, "web");
        assertThat(tasks).hasSize(2).allSatisfy(t -> {
            assertThat(t.group()).isEqualTo("service:web");
            assertThat(t.startedBy()).isEqualTo(deploymentId);
            assertThat(t.taskDefinitionArn()).isEqualTo(tdArn);
            assertThat(t.lastStatus()).isEqualTo("RUNNING");
            assertThat(t.launchType()).isEqualTo(LaunchType.FARGATE);
        });
        assertThat(startedEvents(stable))
                .singleElement()
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrderElementsOf(ids(tasks)));
        assertThat(stable.events().get(0).message()).isEqualTo("(service web) has reached a steady state.");
        assertThat(stable.events()).allSatisfy(e -> {
            assertThat(e.id()).isNotBlank();
            assertThat(e.createdAt()).isNotNull();
        });
        assertThat(ecs.describeClusters(r -> r.clusters(cluster))
                        .clusters()
                        .get(0)
                        .activeServicesCount())
                .isEqualTo(1);
    }

    @Test
    void aStoppedTaskIsReplaced() {
        String cluster = createCluster();
        String family = unique("replace");
        registerFargate(family);
        create(cluster, "api", family, 1);
        awaitStable(cluster, "api");
        Task first = runningTasks(cluster, "api").get(0);

        ecs.stopTask(r -> r.cluster(cluster).task(first.taskArn()).reason("chaos"));

        Service replaced = awaitService(
                cluster,
                "api",
                s -> s.runningCount() == 1
                        && runningTasks(cluster, "api").stream()
                                .noneMatch(t -> t.taskArn().equals(first.taskArn())));
        Task second = runningTasks(cluster, "api").get(0);
        assertThat(second.taskArn()).isNotEqualTo(first.taskArn());
        assertThat(second.startedBy()).isEqualTo(first.startedBy());
        Service stable = awaitStable(cluster, "api");
        assertThat(startedEvents(stable))
                .containsExactly(List.of(taskId(first.taskArn())), List.of(taskId(second.taskArn())));
        assertThat(replaced.desiredCount()).isEqualTo(1);
        Task stopped = describeTask(cluster, first.taskArn());
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("chaos");
    }

    @Test
    void aTaskWhoseEssentialContainerExitsIsReplaced() {
        String cluster = createCluster();
        String family = unique("crash");
        registerFargate(family);
        create(cluster, "worker", family, 1);
        awaitStable(cluster, "worker");
        Task first = runningTasks(cluster, "worker").get(0);

        sim.exit(first.containers().get(0).runtimeId(), 1);

        awaitService(
                cluster,
                "worker",
                s -> s.runningCount() == 1
                        && runningTasks(cluster, "worker").stream()
                                .noneMatch(t -> t.taskArn().equals(first.taskArn())));
        Task stopped = awaitStopped(cluster, first.taskArn());
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(1);
    }

    @Test
    void updateServiceScalesUpAndDown() {
        String cluster = createCluster();
        String family = unique("scale");
        registerFargate(family);
        create(cluster, "scaled", family, 1);
        awaitStable(cluster, "scaled");

        Service up = ecs.updateService(r -> r.cluster(cluster).service("scaled").desiredCount(3))
                .service();

        assertThat(up.desiredCount()).isEqualTo(3);
        assertThat(up.deployments()).hasSize(1);
        Service three = awaitStable(cluster, "scaled");
        assertThat(three.runningCount()).isEqualTo(3);
        assertThat(runningTasks(cluster, "scaled")).hasSize(3);
        String deploymentId = three.deployments().get(0).id();

        ecs.updateService(r -> r.cluster(cluster).service("scaled").desiredCount(1));

        Service one = awaitService(cluster, "scaled", s -> s.runningCount() == 1 && s.pendingCount() == 0);
        assertThat(one.desiredCount()).isEqualTo(1);
        assertThat(runningTasks(cluster, "scaled")).hasSize(1);
        List<String> stoppedArns = ecs.listTasks(r -> r.cluster(cluster).desiredStatus(DesiredStatus.STOPPED))
                .taskArns();
        assertThat(stoppedArns).hasSize(2);
        for (String arn : stoppedArns) {
            Task t = awaitStopped(cluster, arn);
            assertThat(t.stopCode()).isEqualTo(TaskStopCode.SERVICE_SCHEDULER_INITIATED);
            assertThat(t.stoppedReason()).isEqualTo("Scaling activity initiated by (deployment " + deploymentId + ")");
        }
        Service stable = awaitStable(cluster, "scaled");
        assertThat(stable.events())
                .extracting(ServiceEvent::message)
                .anySatisfy(m -> assertThat(m)
                        .matches("\\(service scaled\\) has stopped 2 running tasks: \\(task [0-9a-f]{32}\\) "
                                + "\\(task [0-9a-f]{32}\\)\\."));
        assertThat(stable.events().get(0).message()).isEqualTo("(service scaled) has reached a steady state.");
    }

    @Test
    void aNewRevisionRollsOutAsANewPrimaryDeployment() {
        String cluster = createCluster();
        String family = unique("rollout");
        String rev1 = registerFargate(family).taskDefinitionArn();
        create(cluster, "shop", family, 2);
        Service before = awaitStable(cluster, "shop");
        String oldDeployment = before.deployments().get(0).id();
        List<Task> oldTasks = runningTasks(cluster, "shop");
        String rev2 = register(fargate(family).cpu("512").memory("1024")).taskDefinitionArn();

        Service updated = ecs.updateService(
                        r -> r.cluster(cluster).service("shop").taskDefinition(family + ":2"))
                .service();

        assertThat(updated.taskDefinition()).isEqualTo(rev2);
        assertThat(updated.deployments()).hasSize(2);
        Deployment primary = updated.deployments().get(0);
        assertThat(primary.status()).isEqualTo("PRIMARY");
        assertThat(primary.taskDefinition()).isEqualTo(rev2);
        assertThat(primary.id()).matches(DEPLOYMENT_ID).isNotEqualTo(oldDeployment);
        assertThat(primary.rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        assertThat(updated.deployments().get(1).status()).isEqualTo("ACTIVE");
        assertThat(updated.deployments().get(1).id()).isEqualTo(oldDeployment);
        assertThat(updated.deployments().get(1).taskDefinition()).isEqualTo(rev1);

        Service after = awaitStable(cluster, "shop");

        assertThat(after.deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(primary.id());
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.taskDefinition()).isEqualTo(rev2);
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
        });
        assertThat(after.runningCount()).isEqualTo(2);
        assertThat(runningTasks(cluster, "shop")).hasSize(2).allSatisfy(t -> {
            assertThat(t.taskDefinitionArn()).isEqualTo(rev2);
            assertThat(t.startedBy()).isEqualTo(primary.id());
            assertThat(t.cpu()).isEqualTo("512");
        });
        for (Task old : oldTasks) {
            Task t = awaitStopped(cluster, old.taskArn());
            assertThat(t.stopCode()).isEqualTo(TaskStopCode.SERVICE_SCHEDULER_INITIATED);
        }
    }

    @Test
    void forceNewDeploymentReplacesTasksWithTheSameRevision() {
        String cluster = createCluster();
        String family = unique("force");
        String rev1 = registerFargate(family).taskDefinitionArn();
        create(cluster, "forced", family, 1);
        awaitStable(cluster, "forced");
        Task old = runningTasks(cluster, "forced").get(0);

        Service updated = ecs.updateService(
                        r -> r.cluster(cluster).service("forced").forceNewDeployment(true))
                .service();

        assertThat(updated.deployments()).hasSize(2);
        Service after = awaitService(
                cluster,
                "forced",
                s -> s.deployments().size() == 1
                        && s.runningCount() == 1
                        && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString()));
        assertThat(after.deployments().get(0).id())
                .isEqualTo(updated.deployments().get(0).id());
        assertThat(after.deployments().get(0).taskDefinition()).isEqualTo(rev1);
        assertThat(awaitStopped(cluster, old.taskArn()).stopCode()).isEqualTo(TaskStopCode.SERVICE_SCHEDULER_INITIATED);
    }

    @Test
    void deleteServiceNeedsForceOrZeroTasksThenDrainsToInactive() {
        String cluster = createCluster();
        String family = unique("delete");
        registerFargate(family);
        create(cluster, "gone", family, 2);
        awaitStable(cluster, "gone");
        List<Task> tasks = runningTasks(cluster, "gone");

        assertEcsErrorCode(
                () -> ecs.deleteService(r -> r.cluster(cluster).service("gone")), InvalidParameterException.class);
        assertThat(describeService(cluster, "gone").status()).isEqualTo("ACTIVE");

        Service draining = ecs.deleteService(
                        r -> r.cluster(cluster).service("gone").force(true))
                .service();

        assertThat(draining.status()).isEqualTo("DRAINING");
        assertThat(draining.desiredCount()).isZero();
        Service inactive = awaitService(cluster, "gone", s -> "INACTIVE".equals(s.status()));
        assertThat(inactive.serviceArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/" + cluster + "/gone");
        assertThat(inactive.runningCount()).isZero();
        for (Task t : tasks) {
            assertThat(describeTask(cluster, t.taskArn()).lastStatus()).isEqualTo("STOPPED");
        }
        assertThat(ecs.listServices(r -> r.cluster(cluster)).serviceArns()).isEmpty();
        assertThat(ecs.describeClusters(r -> r.clusters(cluster))
                        .clusters()
                        .get(0)
                        .activeServicesCount())
                .isZero();
        assertEcsErrorCode(
                () -> ecs.updateService(r -> r.cluster(cluster).service("gone").desiredCount(1)),
                ServiceNotActiveException.class);

        // scaled to 0, a service is deleted without force
        create(cluster, "idle", family, 1);
        ecs.updateService(r -> r.cluster(cluster).service("idle").desiredCount(0));
        assertThat(ecs.deleteService(r -> r.cluster(cluster).service("idle"))
                        .service()
                        .status())
                .isEqualTo("DRAINING");
        awaitService(cluster, "idle", s -> "INACTIVE".equals(s.status()));
    }

    @Test
    void serviceNamesAreNotReusedUntilInactive() throws InterruptedException {
        String cluster = createCluster();
        String family = unique("reuse");
        String image = "example.com/" + family + ":1";
        register(fargate(family)
                .containerDefinitions(container("app").toBuilder().image(image).build()));
        create(cluster, "once", family, 1);

        assertEcsError(
                () -> create(cluster, "once", family, 1),
                InvalidParameterException.class,
                "Creation of service was not idempotent.");

        gate.hold(image);
        try {
            ecs.updateService(r -> r.cluster(cluster).service("once").forceNewDeployment(true));
            awaitService(cluster, "once", s -> s.pendingCount() >= 1);
            gate.awaitPull(image);
            ecs.deleteService(r -> r.cluster(cluster).service("once").force(true));
            // its task cannot stop while its image is still being pulled: the service stays DRAINING
            assertThat(describeService(cluster, "once").status()).isEqualTo("DRAINING");
            assertEcsError(
                    () -> create(cluster, "once", family, 1),
                    InvalidParameterException.class,
                    "Creation of service was not idempotent.");
        } finally {
            gate.release(image);
        }
        awaitService(cluster, "once", s -> "INACTIVE".equals(s.status()));

        Service again = create(cluster, "once", family, 1);

        assertThat(again.status()).isEqualTo("ACTIVE");
        assertThat(awaitStable(cluster, "once").runningCount()).isEqualTo(1);
    }

    @Test
    void createServiceChecksItsArguments() {
        String cluster = createCluster();
        String family = unique("svcargs");
        registerFargate(family);
        registerFargate(family);
        ecs.deregisterTaskDefinition(r -> r.taskDefinition(family + ":1"));

        assertEcsError(
                () -> create(cluster, "a", unique("missing"), 1), ClientException.class, "TaskDefinition not found.");
        assertEcsError(
                () -> create(cluster, "a", family + ":1", 1),
                InvalidParameterException.class,
                "TaskDefinition is inactive");
        assertEcsError(
                () -> ecs.createService(service(cluster, "a", family, 1)
                        .networkConfiguration((NetworkConfiguration) null)
                        .build()),
                InvalidParameterException.class,
                "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        assertEcsError(
                () -> create(unique("nocluster"), "a", family, 1),
                ClusterNotFoundException.class,
                "Cluster not found.");
        assertEcsErrorCode(() -> create(cluster, "a", family, -1), InvalidParameterException.class);
        assertEcsErrorCode(() -> create(cluster, "bad name", family, 1), InvalidParameterException.class);

        assertThat(ecs.listServices(r -> r.cluster(cluster)).serviceArns()).isEmpty();
        assertThat(ecs.listTasks(r -> r.cluster(cluster)).taskArns()).isEmpty();
    }

    @Test
    void describeServicesReportsMissingOnes() {
        String cluster = createCluster();
        String family = unique("descsvc");
        registerFargate(family);
        Service s = create(cluster, "here", family, 0);

        var r = ecs.describeServices(b -> b.cluster(cluster).services("here", s.serviceArn(), "nowhere"));

        assertThat(r.services()).extracting(Service::serviceArn).containsExactly(s.serviceArn(), s.serviceArn());
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("MISSING");
            assertThat(f.arn()).endsWith("/nowhere");
        });
        assertEcsError(
                () -> ecs.describeServices(b -> b.cluster(cluster).services(List.of())),
                InvalidParameterException.class,
                "Services cannot be empty.");
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("s" + i);
        }
        assertEcsError(
                () -> ecs.describeServices(b -> b.cluster(cluster).services(eleven)),
                InvalidParameterException.class,
                "service names can have at most 10 items.");
        assertEcsError(
                () -> ecs.describeServices(b -> b.cluster(unique("nocluster")).services("here")),
                ClusterNotFoundException.class,
                "Cluster not found.");
    }

    @Test
    void updatingOrDeletingAnUnknownServiceFails() {
        String cluster = createCluster();

        assertEcsError(
                () -> ecs.updateService(r -> r.cluster(cluster).service("ghost").desiredCount(1)),
                ServiceNotFoundException.class,
                "Service not found.");
        assertEcsError(
                () -> ecs.deleteService(r -> r.cluster(cluster).service("ghost")),
                ServiceNotFoundException.class,
                "Service not found.");
    }

    @Test
    void stableWaiterFailsForAMissingService() {
        String cluster = createCluster();

        Throwable failure = catchThrowable(() ->
                ecs.waiter().waitUntilServicesStable(r -> r.cluster(cluster).services("ghost"), fastWaiter()));

        assertThat(failure).isInstanceOf(SdkClientException.class).hasMessageContaining("failure state");
    }

    @Test
    void listServicesPages() {
        String cluster = createCluster();
        String family = unique("listsvc");
        registerFargate(family);
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            arns.add(create(cluster, "svc" + i, family, 0).serviceArn());
        }

        assertThat(ecs.listServices(r -> r.cluster(cluster)).serviceArns()).containsExactlyElementsOf(arns);
        List<String> paged = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            ListServicesResponse page =
                    ecs.listServices(r -> r.cluster(cluster).maxResults(2).nextToken(t));
            assertThat(page.serviceArns()).hasSizeBetween(1, 2);
            paged.addAll(page.serviceArns());
            token = page.nextToken();
        } while (token != null);
        assertThat(paged).containsExactlyElementsOf(arns);
        assertThat(ecs.listServicesPaginator(r -> r.cluster(cluster).maxResults(3))
                        .serviceArns())
                .containsExactlyElementsOf(arns);
        assertThat(ecs.listServices(r -> r.cluster(cluster).launchType(LaunchType.FARGATE))
                        .serviceArns())
                .containsExactlyElementsOf(arns);
        assertEcsError(
                () -> ecs.listServices(r -> r.cluster(unique("nocluster"))),
                ClusterNotFoundException.class,
                "Cluster not found.");
    }

    @Test
    void tasksThatFailToStartAreCountedAndReported() {
        String cluster = createCluster();
        String family = unique("pullfail");
        String image = "ghcr.io/nobody/" + family + ":1";
        sim.missingImage(image);
        register(fargate(family)
                .containerDefinitions(container("app").toBuilder().image(image).build()));
        create(cluster, "broken", family, 1);

        Service s = awaitService(cluster, "broken", x -> x.deployments().get(0).failedTasks() >= 1);

        assertThat(s.runningCount()).isZero();
        assertThat(s.events())
                .extracting(ServiceEvent::message)
                .anySatisfy(m -> assertThat(m)
                        .startsWith("(service broken) failed to launch a task with (error CannotPullContainerError"));
        assertThat(ecs.listTasks(r -> r.cluster(cluster).desiredStatus(DesiredStatus.STOPPED))
                        .taskArns())
                .isNotEmpty();
        ecs.deleteService(r -> r.cluster(cluster).service("broken").force(true));
    }

    @Test
    void unknownServiceInDescribeIsNotAnError() {
        String cluster = createCluster();

        List<Failure> failures =
                ecs.describeServices(r -> r.cluster(cluster).services("ghost")).failures();

        assertThat(failures).extracting(Failure::reason).containsExactly("MISSING");
    }
}
