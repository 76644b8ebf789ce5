package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * ListTasks and its filters over one cluster holding plain tasks of two families, a task started by a job, a stopped
 * task and a service's tasks.
 */
class ListTasksApiTest extends EcsApiTestBase {
    private String cluster;
    private String web;
    private String batch;
    private String api;
    private final List<String> webTasks = new ArrayList<>();
    private String batchTask;
    private String jobTask;
    private String stoppedTask;
    private List<String> serviceTasks;

    @BeforeAll
    void createTasks() {
        cluster = createCluster();
        web = unique("web");
        batch = unique("batch");
        api = unique("api");
        registerFargate(web);
        registerFargate(batch);
        registerFargate(api);
        webTasks.add(runOne(cluster, web).taskArn());
        webTasks.add(runOne(cluster, web).taskArn());
        batchTask = runOne(cluster, batch).taskArn();
        jobTask = ecs.runTask(runFargate(cluster, batch).startedBy("job-1").build())
                .tasks()
                .get(0)
                .taskArn();
        stoppedTask = runOne(cluster, web).taskArn();
        ecs.stopTask(r -> r.cluster(cluster).task(stoppedTask));
        ecs.createService(r -> r.cluster(cluster)
                .serviceName("api")
                .taskDefinition(api)
                .desiredCount(2)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(network()));
        ecs.waiter().waitUntilServicesStable(r -> r.cluster(cluster).services("api"), fastWaiter());
        serviceTasks = ecs.listTasks(r -> r.cluster(cluster).serviceName("api")).taskArns();
        awaitStopped(cluster, stoppedTask);
        // a task of another cluster, never listed here
        String other = createCluster();
        runOne(other, web);
    }

    @Test
    void listsTheClustersRunningTasksByDefault() {
        List<String> expected = new ArrayList<>(webTasks);
        expected.add(batchTask);
        expected.add(jobTask);
        expected.addAll(serviceTasks);

        assertThat(ecs.listTasks(r -> r.cluster(cluster)).taskArns()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ecs.listTasks(r -> r.cluster(cluster).desiredStatus(DesiredStatus.RUNNING))
                        .taskArns())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ecs.listTasks(r -> r.cluster(cluster).launchType(LaunchType.FARGATE))
                        .taskArns())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ecs.listTasks(r -> r.cluster(cluster).launchType(LaunchType.EC2))
                        .taskArns())
                .isEmpty();
    }

    @Test
    void filtersByFamily() {
        assertThat(ecs.listTasks(r -> r.cluster(cluster).family(web)).taskArns())
                .containsExactlyInAnyOrderElementsOf(webTasks);
        assertThat(ecs.listTasks(r -> r.cluster(cluster).family(batch)).taskArns())
                .containsExactlyInAnyOrder(batchTask, jobTask);
        assertThat(ecs.listTasks(r -> r.cluster(cluster).family(unique("nofamily")))
                        .taskArns())
                .isEmpty();
    }

    @Test
    void filtersByStartedBy() {
        assertThat(ecs.listTasks(r -> r.cluster(cluster).startedBy("job-1")).taskArns())
                .containsExactly(jobTask);
        Task serviceTask = describeTask(cluster, serviceTasks.get(0));
        assertThat(ecs.listTasks(r -> r.cluster(cluster).startedBy(serviceTask.startedBy()))
                        .taskArns())
                .containsExactlyInAnyOrderElementsOf(serviceTasks);
    }

    @Test
    void filtersByServiceName() {
        assertThat(serviceTasks).hasSize(2);
        assertThat(describeService(cluster, "api").runningCount()).isEqualTo(2);
        assertThat(ecs.listTasks(r -> r.cluster(cluster).family(api)).taskArns())
                .containsExactlyInAnyOrderElementsOf(serviceTasks);
    }

    @Test
    void listsStoppedTasksWhenAsked() {
        assertThat(ecs.listTasks(r -> r.cluster(cluster).desiredStatus(DesiredStatus.STOPPED))
                        .taskArns())
                .containsExactly(stoppedTask);
        assertThat(ecs.listTasks(r -> r.cluster(cluster).family(web).desiredStatus(DesiredStatus.STOPPED))
                        .taskArns())
                .containsExactly(stoppedTask);
        assertThat(ecs.listTasks(r -> r.cluster(cluster).family(batch).desiredStatus(DesiredStatus.STOPPED))
                        .taskArns())
                .isEmpty();
    }

    @Test
    void serviceNameAndStartedByExcludeOtherFilters() {
        assertEcsError(
                () -> ecs.listTasks(r -> r.cluster(cluster).serviceName("api").family(api)),
                InvalidParameterException.class,
                "cannot specify serviceName with other arguments");
        assertEcsError(
                () -> ecs.listTasks(r -> r.cluster(cluster).serviceName("api").startedBy("job-1")),
                InvalidParameterException.class,
                "cannot specify serviceName with other arguments");
        assertEcsError(
                () -> ecs.listTasks(r -> r.cluster(cluster).startedBy("job-1").family(batch)),
                InvalidParameterException.class,
                "cannot specify startedBy with other arguments");
    }

    @Test
    void unknownServiceClusterOrBadFamilyFail() {
        assertEcsError(
                () -> ecs.listTasks(r -> r.cluster(cluster).serviceName("ghost")),
                ServiceNotFoundException.class,
                "Service not found.");
        assertEcsError(
                () -> ecs.listTasks(r -> r.cluster(unique("nocluster"))),
                ClusterNotFoundException.class,
                "Cluster not found.");
        assertEcsError(
                () -> ecs.listTasks(r -> r.cluster(cluster).family("web:1")),
                InvalidParameterException.class,
                "family must match ^[a-zA-Z0-9\\-_]+$");
    }

    @Test
    void pagesWithMaxResultsAndNextToken() {
        List<String> all = ecs.listTasks(r -> r.cluster(cluster)).taskArns();
        assertThat(all).hasSize(6);

        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListTasksResponse page =
                    ecs.listTasks(r -> r.cluster(cluster).maxResults(4).nextToken(t));
            paged.addAll(page.taskArns());
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(2);
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(ecs.listTasksPaginator(r -> r.cluster(cluster).maxResults(1)).taskArns())
                .containsExactlyElementsOf(all);
    }
}
