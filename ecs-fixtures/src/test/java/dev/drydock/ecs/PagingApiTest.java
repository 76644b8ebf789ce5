package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;

/**
 * maxResults/nextToken on every List operation Drydock implements, through the SDK's own paginators: pages of the
 * size asked for, in a stable order, ending without a token; maxResults outside 1-100 and a token ECS did not hand
 * out are InvalidParameterException and change nothing.
 */
class PagingApiTest extends EcsApiTestBase {
    private String cluster;
    private String family;

    @BeforeAll
    void createFiveOfEach() {
        cluster = createCluster();
        family = unique("paged");
        for (int i = 0; i < 5; i++) {
            registerFargate(family + "-f" + i);
            registerFargate(family);
            String service = "svc" + i;
            ecs.createService(r -> r.cluster(cluster)
                    .serviceName(service)
                    .taskDefinition(family)
                    .desiredCount(0)
                    .launchType("FARGATE")
                    .networkConfiguration(network()));
        }
        for (int i = 0; i < 5; i++) {
            runOne(cluster, family);
        }
        for (int i = 0; i < 4; i++) {
            createCluster();
        }
    }

    /** Pages through with maxResults 2: every page but the last is full, and together they are the unpaged list. */
    private static <R> void assertPages(
            BiFunction<Integer, String, R> call,
            Function<R, List<String>> items,
            Function<R, String> token,
            int atLeast) {
        List<String> all = items.apply(call.apply(null, null));
        assertThat(all).hasSizeGreaterThanOrEqualTo(atLeast);
        List<String> paged = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            R page = call.apply(2, next);
            List<String> got = items.apply(page);
            next = token.apply(page);
            assertThat(got).hasSize(next == null ? all.size() - paged.size() : 2);
            paged.addAll(got);
            pages++;
        } while (next != null);
        assertThat(paged).isEqualTo(all);
        assertThat(pages).isEqualTo((all.size() + 1) / 2);
    }

    @Test
    void listClustersPages() {
        assertPages(
                (max, token) -> ecs.listClusters(r -> r.maxResults(max).nextToken(token)),
                ListClustersResponse::clusterArns,
                ListClustersResponse::nextToken,
                5);
    }

    @Test
    void listServicesPages() {
        assertPages(
                (max, token) ->
                        ecs.listServices(r -> r.cluster(cluster).maxResults(max).nextToken(token)),
                ListServicesResponse::serviceArns,
                ListServicesResponse::nextToken,
                5);
    }

    @Test
    void listTasksPages() {
        assertPages(
                (max, token) ->
                        ecs.listTasks(r -> r.cluster(cluster).maxResults(max).nextToken(token)),
                ListTasksResponse::taskArns,
                ListTasksResponse::nextToken,
                5);
    }

    @Test
    void listTaskDefinitionsPages() {
        assertPages(
                (max, token) -> ecs.listTaskDefinitions(
                        r -> r.familyPrefix(family).maxResults(max).nextToken(token)),
                ListTaskDefinitionsResponse::taskDefinitionArns,
                ListTaskDefinitionsResponse::nextToken,
                10);
    }

    @Test
    void listTaskDefinitionFamiliesPages() {
        assertPages(
                (max, token) -> ecs.listTaskDefinitionFamilies(
                        r -> r.familyPrefix(family).maxResults(max).nextToken(token)),
                ListTaskDefinitionFamiliesResponse::families,
                ListTaskDefinitionFamiliesResponse::nextToken,
                6);
    }

    @Test
    void listServicesFiltersBySchedulingStrategy() {
        assertThat(ecs.listServices(r -> r.cluster(cluster).schedulingStrategy("REPLICA"))
                        .serviceArns())
                .hasSize(5);
        assertThat(ecs.listServices(r -> r.cluster(cluster).schedulingStrategy("DAEMON"))
                        .serviceArns())
                .isEmpty();
    }

    @Test
    void theSdkPaginatorsSeeEveryItem() {
        assertThat(ecs.listTasksPaginator(r -> r.cluster(cluster).maxResults(2)).taskArns())
                .hasSize(5);
        assertThat(ecs.listServicesPaginator(r -> r.cluster(cluster).maxResults(3))
                        .serviceArns())
                .hasSize(5);
        assertThat(ecs.listTaskDefinitionFamiliesPaginator(
                                r -> r.familyPrefix(family).maxResults(1))
                        .families())
                .hasSize(6);
    }

    @Test
    void fargateClustersListNoContainerInstances() {
        assertThat(ecs.listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns())
                .isEmpty();
        assertThat(ecs.listContainerInstances(r -> r.cluster(cluster).maxResults(1))
                        .nextToken())
                .isNull();
        assertEcsError(
                () -> ecs.listContainerInstances(r -> r.cluster(unique("nocluster"))),
                ClusterNotFoundException.class,
                "Cluster not found.");
        assertEcsError(
                () -> ecs.listContainerInstances(r -> r.cluster(cluster).maxResults(0)),
                InvalidParameterException.class,
                "maxResults must be between 1 and 100.");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 101, -1})
    void maxResultsOutsideOneToHundredIsRejected(int max) {
        String message = "maxResults must be between 1 and 100.";
        assertEcsError(() -> ecs.listClusters(r -> r.maxResults(max)), InvalidParameterException.class, message);
        assertEcsError(
                () -> ecs.listServices(r -> r.cluster(cluster).maxResults(max)),
                InvalidParameterException.class,
                message);
        assertEcsError(
                () -> ecs.listTasks(r -> r.cluster(cluster).maxResults(max)), InvalidParameterException.class, message);
        assertEcsError(() -> ecs.listTaskDefinitions(r -> r.maxResults(max)), InvalidParameterException.class, message);
        assertEcsError(
                () -> ecs.listTaskDefinitionFamilies(r -> r.maxResults(max)), InvalidParameterException.class, message);
    }

    @Test
    void aTokenEcsDidNotHandOutIsRejected() {
        String bad = "not-a-token";
        String message = "Invalid token " + bad;
        assertEcsError(() -> ecs.listClusters(r -> r.nextToken(bad)), InvalidParameterException.class, message);
        assertEcsError(
                () -> ecs.listServices(r -> r.cluster(cluster).nextToken(bad)),
                InvalidParameterException.class,
                message);
        assertEcsError(
                () -> ecs.listTasks(r -> r.cluster(cluster).nextToken(bad)), InvalidParameterException.class, message);
        assertEcsError(() -> ecs.listTaskDefinitions(r -> r.nextToken(bad)), InvalidParameterException.class, message);
        assertEcsError(
                () -> ecs.listTaskDefinitionFamilies(r -> r.nextToken(bad)), InvalidParameterException.class, message);
        assertEcsError(
                () -> ecs.listContainerInstances(r -> r.cluster(cluster).nextToken(bad)),
                InvalidParameterException.class,
                message);
    }
}
