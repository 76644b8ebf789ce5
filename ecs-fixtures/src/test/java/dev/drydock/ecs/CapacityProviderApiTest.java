package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.events.AwsEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.ClusterSettingName;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ResourceInUseException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The FARGATE and FARGATE_SPOT capacity providers on the simulated runtime: PutClusterCapacityProviders,
 * UpdateCluster(Settings), strategies on RunTask, CreateService and UpdateService distributing tasks by base and weight,
 * and Fargate Spot interruptions replaced by the service scheduler.
 */
class CapacityProviderApiTest extends EcsApiTestBase {
    private static final String NOT_ASSOCIATED = "The specified capacity provider strategy cannot contain a capacity "
            + "provider that is not associated with the cluster. Associate the capacity provider with the cluster or "
            + "specify a valid capacity provider and try again.";
    private static final String SPOT_REASON = "Your Spot Task was interrupted.";

    static CapacityProviderStrategyItem item(String provider, int base, int weight) {
        return CapacityProviderStrategyItem.builder()
                .capacityProvider(provider)
                .base(base)
                .weight(weight)
                .build();
    }

    /** RunTask of {@code count} tasks with this capacity provider strategy and no launch type. */
    List<Task> runWithStrategy(String cluster, String family, int count, CapacityProviderStrategyItem... strategy) {
        return ecs.runTask(runFargate(cluster, family)
                        .launchType((String) null)
                        .count(count)
                        .capacityProviderStrategy(strategy)
                        .build())
                .tasks();
    }

    /** A cluster with both Fargate capacity providers and this default strategy. */
    String fargateCluster(CapacityProviderStrategyItem... defaultStrategy) {
        String name = unique("fargate-cp");
        ecs.createCluster(r -> r.clusterName(name)
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(defaultStrategy));
        return name;
    }

    Cluster describeCluster(String cluster) {
        return ecs.describeClusters(r -> r.clusters(cluster).include(ClusterField.SETTINGS))
                .clusters()
                .get(0);
    }

    static CreateServiceRequest.Builder service(String cluster, String name, String family, int desiredCount) {
        return CreateServiceRequest.builder()
                .cluster(cluster)
                .serviceName(name)
                .taskDefinition(family)
                .desiredCount(desiredCount)
                .networkConfiguration(network());
    }

    /** The service's tasks that are not told to stop. */
    List<Task> serviceTasks(String cluster, String service) {
        List<String> arns =
                ecs.listTasks(r -> r.cluster(cluster).serviceName(service)).taskArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecs.describeTasks(r -> r.cluster(cluster).tasks(arns)).tasks();
    }

    static Map<String, Integer> byProvider(List<Task> tasks) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Task t : tasks) {
            counts.merge(t.capacityProviderName(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void putClusterCapacityProvidersAssociatesTheFargateProvidersAndDescribesThem() {
        String cluster = createCluster();
        Cluster put = ecs.putClusterCapacityProviders(r -> r.cluster(cluster)
                        .capacityProviders("FARGATE", "FARGATE_SPOT")
                        .defaultCapacityProviderStrategy(item("FARGATE", 1, 1), item("FARGATE_SPOT", 0, 4)))
                .cluster();

        assertThat(put.capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(put.defaultCapacityProviderStrategy())
                .containsExactly(item("FARGATE", 1, 1), item("FARGATE_SPOT", 0, 4));
        assertThat(describeCluster(cluster).capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(describeCluster(cluster).defaultCapacityProviderStrategy())
                .containsExactly(item("FARGATE", 1, 1), item("FARGATE_SPOT", 0, 4));

        // bad input changes nothing
        assertThat(assertEcsErrorCode(
                                () -> ecs.putClusterCapacityProviders(r -> r.cluster(cluster)
                                        .capacityProviders("FARGATE", "my-asg-provider")
                                        .defaultCapacityProviderStrategy(List.of())),
                                InvalidParameterException.class)
                        .awsErrorDetails()
                        .errorMessage())
                .startsWith("The specified capacity provider was not found. Specify a valid capacity provider and "
                        + "try again.")
                .contains("my-asg-provider");
        assertEcsError(
                () -> ecs.putClusterCapacityProviders(r -> r.cluster(cluster)
                        .capacityProviders("FARGATE_SPOT")
                        .defaultCapacityProviderStrategy(item("FARGATE", 0, 1))),
                InvalidParameterException.class,
                NOT_ASSOCIATED);
        assertEcsError(
                () -> ecs.putClusterCapacityProviders(r -> r.cluster(cluster)
                        .capacityProviders("FARGATE", "FARGATE_SPOT")
                        .defaultCapacityProviderStrategy(item("FARGATE", 1, 1), item("FARGATE_SPOT", 1, 1))),
                InvalidParameterException.class,
                "Only one capacity provider in a capacity provider strategy can have a base defined.");
        assertEcsError(
                () -> ecs.putClusterCapacityProviders(r -> r.cluster(cluster)
                        .capacityProviders("FARGATE", "FARGATE_SPOT")
                        .defaultCapacityProviderStrategy(item("FARGATE", 0, 0), item("FARGATE_SPOT", 0, 0))),
                InvalidParameterException.class,
                "When multiple capacity providers are specified within a capacity provider strategy, at least one "
                        + "of the capacity providers must have a weight value greater than zero.");
        assertThat(describeCluster(cluster).capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(describeCluster(cluster).defaultCapacityProviderStrategy()).hasSize(2);

        // empty lists disassociate everything
        ecs.putClusterCapacityProviders(
                r -> r.cluster(cluster).capacityProviders(List.of()).defaultCapacityProviderStrategy(List.of()));
        assertThat(describeCluster(cluster).capacityProviders()).isEmpty();
        assertThat(describeCluster(cluster).defaultCapacityProviderStrategy()).isEmpty();

        assertEcsError(
                () -> ecs.putClusterCapacityProviders(r -> r.cluster(unique("nowhere"))
                        .capacityProviders("FARGATE")
                        .defaultCapacityProviderStrategy(List.of())),
                ClusterNotFoundException.class,
                "Cluster not found.");
    }

    @Test
    void createClusterChecksItsCapacityProvidersAndDefaultStrategy() {
        String name = unique("refused");
        assertEcsError(
                () -> ecs.createCluster(r -> r.clusterName(name)
                        .capacityProviders("FARGATE")
                        .defaultCapacityProviderStrategy(item("FARGATE_SPOT", 0, 1))),
                InvalidParameterException.class,
                NOT_ASSOCIATED);
        assertThat(ecs.describeClusters(r -> r.clusters(name)).failures())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
    }

    @Test
    void aCapacityProviderWithTasksCannotBeRemoved() {
        String cluster = fargateCluster();
        String family = unique("in-use");
        registerFargate(family);
        Task spot =
                runWithStrategy(cluster, family, 1, item("FARGATE_SPOT", 0, 1)).get(0);
        awaitRunning(cluster, spot.taskArn());

        assertEcsError(
                () -> ecs.putClusterCapacityProviders(r ->
                        r.cluster(cluster).capacityProviders("FARGATE").defaultCapacityProviderStrategy(List.of())),
                ResourceInUseException.class,
                "The specified capacity provider is in use and cannot be removed.");
        assertThat(describeCluster(cluster).capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");

        ecs.stopTask(r -> r.cluster(cluster).task(spot.taskArn()));
        awaitStopped(cluster, spot.taskArn());
        ecs.putClusterCapacityProviders(
                r -> r.cluster(cluster).capacityProviders("FARGATE").defaultCapacityProviderStrategy(List.of()));
        assertThat(describeCluster(cluster).capacityProviders()).containsExactly("FARGATE");
    }

    @Test
    void updateClusterSettingsAndUpdateClusterReplaceWhatTheyName() {
        String cluster = createCluster();
        Cluster updated = ecs.updateClusterSettings(r -> r.cluster(cluster)
                        .settings(ClusterSetting.builder()
                                .name(ClusterSettingName.CONTAINER_INSIGHTS)
                                .value("enabled")
                                .build()))
                .cluster();
        assertThat(updated.settings())
                .containsExactly(ClusterSetting.builder()
                        .name(ClusterSettingName.CONTAINER_INSIGHTS)
                        .value("enabled")
                        .build());

        assertThat(assertEcsErrorCode(
                                () -> ecs.updateClusterSettings(r -> r.cluster(cluster)
                                        .settings(ClusterSetting.builder()
                                                .name(ClusterSettingName.CONTAINER_INSIGHTS)
                                                .value("on")
                                                .build())),
                                InvalidParameterException.class)
                        .awsErrorDetails()
                        .errorMessage())
                .contains("'on'", "containerInsights", "enhanced, enabled, disabled");
        assertThat(describeCluster(cluster).settings().get(0).value()).isEqualTo("enabled");

        Cluster configured = ecs.updateCluster(r -> r.cluster(cluster)
                        .settings(ClusterSetting.builder()
                                .name(ClusterSettingName.CONTAINER_INSIGHTS)
                                .value("enhanced")
                                .build())
                        .configuration(c -> c.executeCommandConfiguration(e -> e.logging("DEFAULT"))))
                .cluster();
        assertThat(configured.settings())
                .singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo("enhanced"));
        assertThat(describeCluster(cluster)
                        .configuration()
                        .executeCommandConfiguration()
                        .loggingAsString())
                .isEqualTo("DEFAULT");
    }

    @Test
    void runTaskPutsTheBaseOnItsProviderThenSplitsByWeight() {
        String cluster = fargateCluster();
        String family = unique("split");
        registerFargate(family);

        List<Task> tasks = runWithStrategy(cluster, family, 10, item("FARGATE", 2, 1), item("FARGATE_SPOT", 0, 3));

        assertThat(tasks).hasSize(10).allSatisfy(t -> assertThat(t.launchType()).isEqualTo(LaunchType.FARGATE));
        // base 2 on FARGATE, then the other 8 at 1:3
        assertThat(byProvider(tasks)).isEqualTo(Map.of("FARGATE", 4, "FARGATE_SPOT", 6));
        assertThat(tasks.subList(0, 2))
                .allSatisfy(t -> assertThat(t.capacityProviderName()).isEqualTo("FARGATE"));

        List<Task> even = runWithStrategy(cluster, family, 4, item("FARGATE", 0, 1), item("FARGATE_SPOT", 0, 1));
        assertThat(byProvider(even)).isEqualTo(Map.of("FARGATE", 2, "FARGATE_SPOT", 2));
    }

    @Test
    void aServiceWithoutLaunchTypeOrStrategyUsesTheClusterDefaultAndKeepsItsRatioWhenScaled() {
        String cluster = fargateCluster(item("FARGATE", 2, 1), item("FARGATE_SPOT", 0, 3));
        String family = unique("svc-split");
        registerFargate(family);

        Service created =
                ecs.createService(service(cluster, "web", family, 10).build()).service();
        assertThat(created.launchType()).isNull();
        assertThat(created.capacityProviderStrategy())
                .containsExactly(item("FARGATE", 2, 1), item("FARGATE_SPOT", 0, 3));
        awaitSteadyState(cluster, "web");
        assertThat(byProvider(serviceTasks(cluster, "web"))).isEqualTo(Map.of("FARGATE", 4, "FARGATE_SPOT", 6));

        ecs.updateService(r -> r.cluster(cluster).service("web").desiredCount(14));
        awaitService(cluster, "web", s -> s.runningCount() == 14);
        // 2 base + 12 at 1:3
        assertThat(byProvider(serviceTasks(cluster, "web"))).isEqualTo(Map.of("FARGATE", 5, "FARGATE_SPOT", 9));
    }

    @Test
    void createServiceRefusesALaunchTypeWithAStrategy() {
        String cluster = fargateCluster();
        String family = unique("both");
        registerFargate(family);
        assertEcsError(
                () -> ecs.createService(service(cluster, "both", family, 1)
                        .launchType(LaunchType.FARGATE)
                        .capacityProviderStrategy(item("FARGATE", 0, 1))
                        .build()),
                InvalidParameterException.class,
                "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try "
                        + "again.");
        assertEcsError(
                () -> ecs.createService(service(createCluster(), "bare", family, 1)
                        .capacityProviderStrategy(item("FARGATE_SPOT", 0, 1))
                        .build()),
                InvalidParameterException.class,
                NOT_ASSOCIATED);
    }

    @Test
    void updateServiceChangesTheStrategyOnlyWithANewDeployment() {
        String cluster = fargateCluster();
        String family = unique("switch");
        registerFargate(family);
        ecs.createService(service(cluster, "api", family, 2)
                .capacityProviderStrategy(item("FARGATE", 0, 1))
                .build());
        awaitSteadyState(cluster, "api");

        assertEcsError(
                () -> ecs.updateService(
                        r -> r.cluster(cluster).service("api").capacityProviderStrategy(item("FARGATE_SPOT", 0, 1))),
                InvalidParameterException.class,
                "When switching from launch type to capacity provider strategy on an existing service, or making a "
                        + "change to a capacity provider strategy on a service that is already using one, you must "
                        + "force a new deployment.");
        Service unchanged = describeService(cluster, "api");
        assertThat(unchanged.capacityProviderStrategy()).containsExactly(item("FARGATE", 0, 1));
        assertThat(unchanged.deployments()).hasSize(1);

        Service updated = ecs.updateService(r -> r.cluster(cluster)
                        .service("api")
                        .forceNewDeployment(true)
                        .capacityProviderStrategy(item("FARGATE_SPOT", 0, 1)))
                .service();
        assertThat(updated.capacityProviderStrategy()).containsExactly(item("FARGATE_SPOT", 0, 1));
        assertThat(updated.deployments()).hasSize(2);
        assertThat(updated.deployments().get(0).capacityProviderStrategy()).containsExactly(item("FARGATE_SPOT", 0, 1));
        awaitSteadyState(cluster, "api");
        assertThat(byProvider(serviceTasks(cluster, "api"))).isEqualTo(Map.of("FARGATE_SPOT", 2));

        // back to the launch type with an empty list, again a new deployment
        Service back = ecs.updateService(r -> r.cluster(cluster)
                        .service("api")
                        .forceNewDeployment(true)
                        .capacityProviderStrategy(List.of()))
                .service();
        assertThat(back.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(back.capacityProviderStrategy()).isEmpty();
        awaitSteadyState(cluster, "api");
        assertThat(serviceTasks(cluster, "api"))
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.capacityProviderName()).isNull());
    }

    @Test
    void aSpotInterruptionWarnsStopsTheTaskAndTheServiceReplacesItOnFargateSpot() {
        String cluster = fargateCluster();
        String family = unique("spot-svc");
        registerFargate(family);
        ecs.createService(service(cluster, "worker", family, 2)
                .capacityProviderStrategy(item("FARGATE_SPOT", 0, 1))
                .build());
        awaitSteadyState(cluster, "worker");
        List<Task> before = serviceTasks(cluster, "worker");
        EcsModule module = drydock.service(EcsModule.class);

        List<String> interrupted = module.interruptFargateSpotTasks(cluster, "worker", 1);

        assertThat(interrupted).hasSize(1);
        String victim = interrupted.get(0);
        assertThat(before).extracting(Task::taskArn).contains(victim);
        // the two-minute warning: a task state change while the task still runs
        AwsEvent warning = drydock.events()
                .await(
                        AwsEvent.ofType("ECS Task State Change")
                                .and(AwsEvent.about(victim))
                                .and(AwsEvent.withDetail("stopCode", "TerminationNotice")),
                        10);
        assertThat(warning.detail())
                .containsEntry("desiredStatus", "STOPPED")
                .containsEntry("lastStatus", "RUNNING")
                .containsEntry("stoppedReason", SPOT_REASON)
                .containsEntry("capacityProviderName", "FARGATE_SPOT");
        Task stopped = awaitStopped(cluster, victim);
        assertThat(stopped.stopCodeAsString()).isEqualTo("SpotInterruption");
        assertThat(stopped.stoppedReason()).isEqualTo(SPOT_REASON);
        AwsEvent stoppedEvent = drydock.events()
                .await(
                        AwsEvent.ofType("ECS Task State Change")
                                .and(AwsEvent.about(victim))
                                .and(AwsEvent.withDetail("lastStatus", "STOPPED")),
                        10);
        assertThat(stoppedEvent.detail()).containsEntry("stopCode", "SpotInterruption");

        // the service replaces it, on FARGATE_SPOT as its strategy says
        Service replaced = awaitService(
                cluster,
                "worker",
                s -> s.runningCount() == 2
                        && serviceTasks(cluster, "worker").stream()
                                .noneMatch(t -> t.taskArn().equals(victim)));
        assertThat(replaced.desiredCount()).isEqualTo(2);
        List<Task> after = serviceTasks(cluster, "worker");
        assertThat(after).allSatisfy(t -> {
            assertThat(t.capacityProviderName()).isEqualTo("FARGATE_SPOT");
            assertThat(t.desiredStatus()).isEqualTo(DesiredStatus.RUNNING.toString());
        });
        assertThat(after)
                .extracting(Task::taskArn)
                .contains(before.stream()
                        .map(Task::taskArn)
                        .filter(a -> !a.equals(victim))
                        .findFirst()
                        .orElseThrow());

        // all of them at once
        List<String> all = module.interruptFargateSpotTasks(cluster, null, 0);
        assertThat(all)
                .containsExactlyInAnyOrderElementsOf(
                        after.stream().map(Task::taskArn).toList());
        awaitService(
                cluster,
                "worker",
                s -> s.runningCount() == 2
                        && serviceTasks(cluster, "worker").stream().noneMatch(t -> all.contains(t.taskArn())));
        for (String arn : all) {
            assertThat(awaitStopped(cluster, arn).stopCodeAsString()).isEqualTo("SpotInterruption");
        }
    }

    @Test
    void interruptingOnlyTouchesFargateSpotTasks() {
        String cluster = fargateCluster();
        String family = unique("mixed");
        registerFargate(family);
        List<Task> tasks = runWithStrategy(cluster, family, 4, item("FARGATE", 0, 1), item("FARGATE_SPOT", 0, 1));
        for (Task t : tasks) {
            awaitRunning(cluster, t.taskArn());
        }
        List<String> spot = new ArrayList<>();
        for (Task t : tasks) {
            if ("FARGATE_SPOT".equals(t.capacityProviderName())) {
                spot.add(t.taskArn());
            }
        }
        EcsModule module = drydock.service(EcsModule.class);

        assertThat(module.interruptFargateSpotTasks(cluster, null, 0)).containsExactlyInAnyOrderElementsOf(spot);
        for (Task t : tasks) {
            Task now = spot.contains(t.taskArn())
                    ? awaitStopped(cluster, t.taskArn())
                    : describeTask(cluster, t.taskArn());
            assertThat(now.lastStatus()).isEqualTo(spot.contains(t.taskArn()) ? "STOPPED" : "RUNNING");
        }
        // standalone tasks are not replaced, and nothing is left to interrupt
        assertThat(module.interruptFargateSpotTasks(cluster, null, 0)).isEmpty();
        assertThatThrownBy(() -> module.interruptFargateSpotTasks(unique("nowhere"), null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nowhere");
    }
}
