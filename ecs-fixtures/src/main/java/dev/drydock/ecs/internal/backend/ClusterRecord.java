package dev.drydock.ecs.internal.backend;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterConfiguration;
import software.amazon.awssdk.services.ecs.model.ClusterServiceConnectDefaults;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.Tag;

/** One cluster's state. Guarded by the backend's lock. */
final class ClusterRecord {
    /** A cluster's status (the SDK has no enum for it): Drydock's clusters are ACTIVE until deleted. */
    enum Status {
        ACTIVE,
        INACTIVE
    }

    final String name;
    final String arn;
    Status status = Status.ACTIVE;
    List<Tag> tags = new ArrayList<>();
    List<ClusterSetting> settings = new ArrayList<>();
    List<String> capacityProviders = new ArrayList<>();
    List<CapacityProviderStrategyItem> defaultCapacityProviderStrategy = new ArrayList<>();
    ClusterConfiguration configuration;
    ClusterServiceConnectDefaults serviceConnectDefaults;

    ClusterRecord(String name, String arn) {
        this.name = name;
        this.arn = arn;
    }

    boolean active() {
        return status == Status.ACTIVE;
    }

    Cluster toModel(
            int containerInstances,
            int running,
            int pending,
            int activeServices,
            boolean includeTags,
            boolean includeSettings) {
        Cluster.Builder b = Cluster.builder()
                .clusterArn(arn)
                .clusterName(name)
                .status(status.name())
                .registeredContainerInstancesCount(containerInstances)
                .runningTasksCount(running)
                .pendingTasksCount(pending)
                .activeServicesCount(activeServices)
                .statistics(List.of())
                .capacityProviders(capacityProviders)
                .defaultCapacityProviderStrategy(defaultCapacityProviderStrategy);
        if (includeTags) {
            b.tags(tags);
        }
        if (includeSettings) {
            b.settings(settings);
        }
        if (configuration != null) {
            b.configuration(configuration);
        }
        if (serviceConnectDefaults != null) {
            b.serviceConnectDefaults(serviceConnectDefaults);
        }
        return b.build();
    }
}
