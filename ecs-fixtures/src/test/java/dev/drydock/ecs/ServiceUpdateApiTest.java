package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * UpdateService changes only what it is given (a partial deploymentConfiguration, propagateTags,
 * enableECSManagedTags); ListTasks finds a service's tasks by its name or ARN; ECS managed tags on tasks.
 */
class ServiceUpdateApiTest extends EcsApiTestBase {

    private Service create(String cluster, String name, String family, boolean managedTags) {
        return ecs.createService(r -> r.cluster(cluster)
                        .serviceName(name)
                        .taskDefinition(family)
                        .desiredCount(1)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(network())
                        .enableECSManagedTags(managedTags)
                        .propagateTags("TASK_DEFINITION")
                        .deploymentConfiguration(d -> d.maximumPercent(150)
                                .minimumHealthyPercent(50)
                                .deploymentCircuitBreaker(b -> b.enable(true).rollback(true))))
                .service();
    }

    @Test
    void aPartialDeploymentConfigurationKeepsTheMembersItLeavesOut() {
        String cluster = createCluster();
        String family = unique("partial");
        registerFargate(family);
        create(cluster, "svc", family, false);

        DeploymentConfiguration updated = ecs.updateService(
                        r -> r.cluster(cluster).service("svc").deploymentConfiguration(d -> d.maximumPercent(200)))
                .service()
                .deploymentConfiguration();
        assertThat(updated.maximumPercent()).isEqualTo(200);
        assertThat(updated.minimumHealthyPercent()).isEqualTo(50);
        assertThat(updated.deploymentCircuitBreaker().enable()).isTrue();
        assertThat(updated.deploymentCircuitBreaker().rollback()).isTrue();

        DeploymentConfiguration again = ecs.updateService(r -> r.cluster(cluster)
                        .service("svc")
                        .deploymentConfiguration(d ->
                                d.deploymentCircuitBreaker(b -> b.enable(false).rollback(false))))
                .service()
                .deploymentConfiguration();
        assertThat(again.maximumPercent()).isEqualTo(200);
        assertThat(again.minimumHealthyPercent()).isEqualTo(50);
        assertThat(again.deploymentCircuitBreaker().enable()).isFalse();
    }

    @Test
    void listTasksFindsAServicesTasksByNameOrArn() {
        String cluster = createCluster();
        String family = unique("by-arn");
        registerFargate(family);
        Service service = create(cluster, "svc", family, false);
        awaitService(cluster, "svc", s -> s.runningCount() == 1);

        List<String> byName =
                ecs.listTasks(r -> r.cluster(cluster).serviceName("svc")).taskArns();
        List<String> byArn = ecs.listTasks(r -> r.cluster(cluster).serviceName(service.serviceArn()))
                .taskArns();
        assertThat(byName).hasSize(1);
        assertThat(byArn).isEqualTo(byName);
    }

    @Test
    void managedTagsNameTheClusterAndServiceAndUpdateServiceChangesTagPropagation() {
        String cluster = createCluster();
        String family = unique("managed");
        register(fargate(family).tags(Tag.builder().key("team").value("orders").build()));
        create(cluster, "svc", family, true);
        awaitService(cluster, "svc", s -> s.runningCount() == 1);
        assertThat(tagsOfTheServicesTask(cluster))
                .containsExactly("team=orders", "aws:ecs:clusterName=" + cluster, "aws:ecs:serviceName=svc");

        Service updated = ecs.updateService(r -> r.cluster(cluster)
                        .service("svc")
                        .propagateTags("NONE")
                        .enableECSManagedTags(false)
                        .forceNewDeployment(true)
                        .deploymentConfiguration(d -> d.maximumPercent(200)))
                .service(); // 150% of 1 task allows no step
        assertThat(updated.propagateTagsAsString()).isEqualTo("NONE");
        assertThat(updated.enableECSManagedTags()).isFalse();
        awaitService(cluster, "svc", s -> s.deployments().size() == 1 && s.runningCount() == 1);
        assertThat(tagsOfTheServicesTask(cluster)).isEmpty();

        Task run = ecs.runTask(
                        runFargate(cluster, family).enableECSManagedTags(true).build())
                .tasks()
                .get(0);
        assertThat(run.tags())
                .extracting(t -> t.key() + "=" + t.value())
                .containsExactly("aws:ecs:clusterName=" + cluster);
    }

    private List<String> tagsOfTheServicesTask(String cluster) {
        List<String> arns =
                ecs.listTasks(r -> r.cluster(cluster).serviceName("svc")).taskArns();
        assertThat(arns).hasSize(1);
        return ecs
                .describeTasks(r -> r.cluster(cluster).tasks(arns).include(TaskField.TAGS))
                .tasks()
                .get(0)
                .tags()
                .stream()
                .map(t -> t.key() + "=" + t.value())
                .toList();
    }
}
