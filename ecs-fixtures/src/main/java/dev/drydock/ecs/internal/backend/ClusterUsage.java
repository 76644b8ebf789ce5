package dev.drydock.ecs.internal.backend;

/** What tasks, services and container instances a cluster holds, for its counts and DeleteCluster; caller holds the lock. */
final class ClusterUsage implements Clusters.Usage {
    private final Tasks tasks;
    private final Services services;
    private final ContainerInstances containerInstances;

    ClusterUsage(Tasks tasks, Services services, ContainerInstances containerInstances) {
        this.tasks = tasks;
        this.services = services;
        this.containerInstances = containerInstances;
    }

    @Override
    public Clusters.TaskCounts tasks(String cluster) {
        return tasks.counts(cluster);
    }

    @Override
    public int activeServices(String cluster) {
        return services.activeIn(cluster);
    }

    @Override
    public boolean hasServices(String cluster) {
        return services.anyIn(cluster);
    }

    @Override
    public boolean hasActiveTasks(String cluster) {
        return tasks.anyActive(cluster);
    }

    @Override
    public int containerInstances(String cluster) {
        return containerInstances.registered(cluster).size();
    }
}
