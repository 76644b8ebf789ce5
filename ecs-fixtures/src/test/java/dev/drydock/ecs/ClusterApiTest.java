package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsTasksException;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/** CreateCluster, DescribeClusters, ListClusters and DeleteCluster through the SDK. */
class ClusterApiTest extends EcsApiTestBase {

    private String arn(String name) {
        return "arn:aws:ecs:us-east-1:123456789012:cluster/" + name;
    }

    @Test
    void createClusterReturnsAnActiveEmptyCluster() {
        String name = unique("shop");

        Cluster c = ecs.createCluster(r -> r.clusterName(name)).cluster();

        assertThat(c.clusterName()).isEqualTo(name);
        assertThat(c.clusterArn()).isEqualTo(arn(name));
        assertThat(c.status()).isEqualTo("ACTIVE");
        assertThat(c.registeredContainerInstancesCount()).isZero();
        assertThat(c.runningTasksCount()).isZero();
        assertThat(c.pendingTasksCount()).isZero();
        assertThat(c.activeServicesCount()).isZero();
        assertThat(c.settings())
                .containsExactly(ClusterSetting.builder()
                        .name("containerInsights")
                        .value("disabled")
                        .build());
        assertThat(c.tags()).isEmpty();
    }

    @Test
    void createClusterIsIdempotentOnTheName() {
        String name = unique("idem");
        Cluster first = ecs.createCluster(r -> r.clusterName(name)
                        .tags(Tag.builder().key("k").value("v").build()))
                .cluster();

        Cluster second = ecs.createCluster(r -> r.clusterName(name)).cluster();

        assertThat(second.clusterArn()).isEqualTo(first.clusterArn());
        assertThat(second.status()).isEqualTo("ACTIVE");
        // the second call returns the existing cluster, it does not replace it
        assertThat(second.tags())
                .containsExactly(Tag.builder().key("k").value("v").build());
        assertThat(ecs.listClusters().clusterArns()).containsOnlyOnce(arn(name));
    }

    @Test
    void clusterNameDefaultsToDefault() {
        DescribeClustersResponse before = ecs.describeClusters();
        assertThat(before.clusters()).isEmpty();
        assertThat(before.failures())
                .containsExactly(
                        Failure.builder().arn(arn("default")).reason("MISSING").build());

        Cluster c = ecs.createCluster().cluster();

        assertThat(c.clusterName()).isEqualTo("default");
        assertThat(c.clusterArn()).isEqualTo(arn("default"));
        // DescribeClusters without names describes the default cluster
        assertThat(ecs.describeClusters().clusters())
                .extracting(Cluster::clusterName)
                .containsExactly("default");
    }

    @Test
    void invalidClusterNameIsRejected() {
        int before = ecs.listClusters().clusterArns().size();

        InvalidParameterException e = assertEcsErrorCode(
                () -> ecs.createCluster(r -> r.clusterName("my shop!")), InvalidParameterException.class);

        assertThat(e.awsErrorDetails().errorMessage()).contains("my shop!");
        assertThat(ecs.listClusters().clusterArns()).hasSize(before);
    }

    @Test
    void tagsAndSettingsComeBackOnlyWhenIncluded() {
        String name = unique("tagged");
        Tag team = Tag.builder().key("team").value("orders").build();
        ClusterSetting insights = ClusterSetting.builder()
                .name("containerInsights")
                .value("enabled")
                .build();
        Cluster created = ecs.createCluster(r -> r.clusterName(name).tags(team).settings(insights))
                .cluster();
        assertThat(created.tags()).containsExactly(team);
        assertThat(created.settings()).containsExactly(insights);

        Cluster plain = ecs.describeClusters(r -> r.clusters(name)).clusters().get(0);
        assertThat(plain.hasTags()).isFalse();
        assertThat(plain.hasSettings()).isFalse();

        Cluster withTags = ecs.describeClusters(r -> r.clusters(name).include(ClusterField.TAGS))
                .clusters()
                .get(0);
        assertThat(withTags.tags()).containsExactly(team);
        assertThat(withTags.hasSettings()).isFalse();

        Cluster withBoth = ecs.describeClusters(r -> r.clusters(name).include(ClusterField.TAGS, ClusterField.SETTINGS))
                .clusters()
                .get(0);
        assertThat(withBoth.tags()).containsExactly(team);
        assertThat(withBoth.settings()).containsExactly(insights);

        assertThat(ecs.listTagsForResource(r -> r.resourceArn(arn(name))).tags())
                .containsExactly(team);
    }

    @Test
    void describeClustersReportsUnknownClustersAsMissing() {
        String known = createCluster();
        String unknown = unique("nowhere");

        DescribeClustersResponse r = ecs.describeClusters(b -> b.clusters(known, unknown, arn(known)));

        assertThat(r.clusters()).extracting(Cluster::clusterArn).containsExactly(arn(known), arn(known));
        assertThat(r.failures())
                .containsExactly(
                        Failure.builder().arn(arn(unknown)).reason("MISSING").build());
    }

    @Test
    void describeClustersRejectsABlankName() {
        assertEcsError(
                () -> ecs.describeClusters(r -> r.clusters("")),
                InvalidParameterException.class,
                "Clusters can not be blank.");
    }

    @Test
    void listClustersPagesWithMaxResultsAndNextToken() {
        for (int i = 0; i < 5; i++) {
            createCluster();
        }
        List<String> all = ecs.listClusters().clusterArns();
        assertThat(all).hasSizeGreaterThanOrEqualTo(5).doesNotHaveDuplicates();

        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListClustersResponse page = ecs.listClusters(r -> r.maxResults(2).nextToken(t));
            assertThat(page.clusterArns()).hasSizeLessThanOrEqualTo(2).isNotEmpty();
            paged.addAll(page.clusterArns());
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(paged).isEqualTo(all);
        assertThat(pages).isEqualTo((all.size() + 1) / 2);
        // the SDK's paginator follows the same tokens
        assertThat(ecs.listClustersPaginator(r -> r.maxResults(3)).clusterArns())
                .containsExactlyElementsOf(all);
    }

    @Test
    void listClustersRejectsBadPageParameters() {
        assertEcsErrorCode(() -> ecs.listClusters(r -> r.nextToken("not-a-token")), InvalidParameterException.class);
        assertEcsErrorCode(() -> ecs.listClusters(r -> r.maxResults(0)), InvalidParameterException.class);
        assertEcsErrorCode(() -> ecs.listClusters(r -> r.maxResults(101)), InvalidParameterException.class);
    }

    @Test
    void deletedClusterIsInactiveDescribableAndNotListed() {
        String name = createCluster();

        Cluster deleted = ecs.deleteCluster(r -> r.cluster(name)).cluster();

        assertThat(deleted.status()).isEqualTo("INACTIVE");
        assertThat(deleted.clusterArn()).isEqualTo(arn(name));
        assertThat(ecs.describeClusters(r -> r.clusters(name)).clusters())
                .extracting(Cluster::status)
                .containsExactly("INACTIVE");
        assertThat(ecs.listClusters().clusterArns()).doesNotContain(arn(name));
        // deleting it again answers the INACTIVE cluster
        assertThat(ecs.deleteCluster(r -> r.cluster(arn(name))).cluster().status())
                .isEqualTo("INACTIVE");
        // an INACTIVE cluster cannot be used
        assertEcsError(() -> ecs.listTasks(r -> r.cluster(name)), ClusterNotFoundException.class, "Cluster not found.");
        // and creating it again makes it ACTIVE
        assertThat(ecs.createCluster(r -> r.clusterName(name)).cluster().status())
                .isEqualTo("ACTIVE");
        assertThat(ecs.listClusters().clusterArns()).containsOnlyOnce(arn(name));
    }

    @Test
    void deleteUnknownClusterFails() {
        assertEcsError(
                () -> ecs.deleteCluster(r -> r.cluster(unique("ghost"))),
                ClusterNotFoundException.class,
                "Cluster not found.");
    }

    @Test
    void clusterWithAServiceCannotBeDeleted() {
        String cluster = createCluster();
        String family = unique("svc-family");
        registerFargate(family);
        ecs.createService(r -> r.cluster(cluster)
                .serviceName("web")
                .taskDefinition(family)
                .desiredCount(0)
                .launchType("FARGATE")
                .networkConfiguration(network()));

        assertEcsError(
                () -> ecs.deleteCluster(r -> r.cluster(cluster)),
                ClusterContainsServicesException.class,
                "The Cluster cannot be deleted while Services are active.");
        assertThat(ecs.describeClusters(r -> r.clusters(cluster))
                        .clusters()
                        .get(0)
                        .activeServicesCount())
                .isEqualTo(1);

        ecs.deleteService(r -> r.cluster(cluster).service("web"));
        awaitService(cluster, "web", s -> "INACTIVE".equals(s.status()));
        assertThat(ecs.deleteCluster(r -> r.cluster(cluster)).cluster().status())
                .isEqualTo("INACTIVE");
    }

    @Test
    void clusterWithATaskCannotBeDeletedUntilTheTaskStops() {
        String cluster = createCluster();
        String family = unique("task-family");
        registerFargate(family);
        Task task = runOne(cluster, family);
        awaitRunning(cluster, task.taskArn());
        Cluster described =
                ecs.describeClusters(r -> r.clusters(cluster)).clusters().get(0);
        assertThat(described.runningTasksCount()).isEqualTo(1);
        assertThat(described.pendingTasksCount()).isZero();

        assertEcsError(
                () -> ecs.deleteCluster(r -> r.cluster(cluster)),
                ClusterContainsTasksException.class,
                "The Cluster cannot be deleted while Tasks are active.");
        assertThat(ecs.describeClusters(r -> r.clusters(cluster))
                        .clusters()
                        .get(0)
                        .status())
                .isEqualTo("ACTIVE");

        ecs.stopTask(r -> r.cluster(cluster).task(task.taskArn()));
        awaitStopped(cluster, task.taskArn());
        assertThat(ecs.describeClusters(r -> r.clusters(cluster))
                        .clusters()
                        .get(0)
                        .runningTasksCount())
                .isZero();
        assertThat(ecs.deleteCluster(r -> r.cluster(cluster)).cluster().status())
                .isEqualTo("INACTIVE");
    }
}
