package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend.Described;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceRequest;

/**
 * The EC2 capacity of the ECS model: container instances and their attributes, as RegisterContainerInstance,
 * DeregisterContainerInstance, DescribeContainerInstances, ListContainerInstances, UpdateContainerInstancesState,
 * PutAttributes, DeleteAttributes and ListAttributes see them. It guards its work with {@link EcsBackend}'s one lock
 * and tells the backend's change listeners when capacity changes (services waiting for an instance try again).
 * Obtained from {@link EcsBackend#capacity()}.
 */
public final class EcsCapacity {
    private final Object lock;
    private final Clusters clusters;
    private final ContainerInstances containerInstances;
    private final Runnable changed;

    EcsCapacity(Object lock, Clusters clusters, ContainerInstances containerInstances, Runnable changed) {
        this.lock = lock;
        this.clusters = clusters;
        this.containerInstances = containerInstances;
        this.changed = changed;
    }

    /** RegisterContainerInstance: a new ACTIVE container instance (or a known one's attributes updated). */
    public ContainerInstance registerContainerInstance(RegisterContainerInstanceRequest request) {
        ContainerInstance model;
        synchronized (lock) {
            model = containerInstances
                    .register(clusters.active(request.cluster()), request)
                    .toModel(true);
        }
        changed.run(); // services waiting for capacity try again
        return model;
    }

    /**
     * A registered container instance belongs to an Auto Scaling group capacity provider (its EC2 instance is in the
     * provider's group): DescribeContainerInstances shows {@code capacityProviderName}, and the provider's tasks may go
     * on it.
     *
     * @throws AwsException ClusterNotFoundException; InvalidParameterException for an unknown container instance
     */
    public ContainerInstance capacityProvider(String clusterRef, String containerInstanceArn, String provider) {
        ContainerInstance model;
        synchronized (lock) {
            ContainerInstanceRecord ci = containerInstances.lookup(clusters.active(clusterRef), containerInstanceArn);
            if (ci == null) {
                throw EcsErrors.invalidParameter(
                        "The referenced container instance " + containerInstanceArn + " was not found.");
            }
            ci.capacityProviderName = provider;
            model = ci.toModel(true);
        }
        changed.run(); // tasks waiting for the provider's capacity try again
        return model;
    }

    /** DeregisterContainerInstance: the instance becomes INACTIVE; with tasks, only with {@code force}. */
    public ContainerInstance deregisterContainerInstance(String clusterRef, String ref, boolean force) {
        ContainerInstance model;
        synchronized (lock) {
            model = containerInstances
                    .deregister(clusters.active(clusterRef), ref, force)
                    .toModel(false);
        }
        changed.run();
        return model;
    }

    /** DescribeContainerInstances: unknown ones come back as failures with reason MISSING. */
    public Described<ContainerInstance> describeContainerInstances(
            String clusterRef, List<String> refs, boolean includeTags) {
        synchronized (lock) {
            return containerInstances.describe(clusters.active(clusterRef), refs, includeTags);
        }
    }

    /**
     * ListContainerInstances: ARNs of the cluster's registered instances, by status (ACTIVE, DRAINING or both when
     * {@code null}) and cluster query language {@code filter} (all when {@code null}).
     *
     * @throws AwsException InvalidParameterException for a filter that is not a valid expression
     */
    public List<String> listContainerInstanceArns(String clusterRef, String status, String filter) {
        ClusterQuery query = filter == null ? null : ClusterQuery.parse(filter);
        synchronized (lock) {
            return containerInstances.arns(clusters.active(clusterRef), status, query);
        }
    }

    /** UpdateContainerInstancesState: ACTIVE or DRAINING; unknown ones come back as failures. */
    public Described<ContainerInstance> updateContainerInstancesState(
            String clusterRef, List<String> refs, String status) {
        Described<ContainerInstance> result;
        synchronized (lock) {
            result = containerInstances.updateState(clusters.active(clusterRef), refs, status);
        }
        changed.run();
        return result;
    }

    /** The ARN of the registered container instance an id or ARN names in the cluster (for authorization). */
    public Optional<String> containerInstanceArn(String clusterRef, String ref) {
        synchronized (lock) {
            ContainerInstanceRecord ci = containerInstances.lookup(clusters.active(clusterRef), ref);
            return Optional.ofNullable(ci == null ? null : ci.arn);
        }
    }

    /**
     * The test hook behind {@code EcsModule.disconnectAgent} and {@code reconnectAgent}: the instance's ECS agent is
     * connected or not. A disconnected instance gets no new task ({@code AGENT}) and reports
     * {@code agentConnected: false}; its tasks keep their state. Reconnected, services waiting for capacity try again.
     *
     * @param clusterRef the cluster's name or ARN
     * @param ref the container instance's id or ARN
     * @throws AwsException ClusterNotFoundException for an unknown cluster
     * @throws IllegalArgumentException when the cluster has no such registered (ACTIVE or DRAINING) instance
     */
    public void agentConnected(String clusterRef, String ref, boolean connected) {
        synchronized (lock) {
            ContainerInstanceRecord ci = containerInstances.lookup(clusters.active(clusterRef), ref);
            if (ci == null || ci.status == ContainerInstanceRecord.Status.INACTIVE) {
                throw new IllegalArgumentException("The cluster " + clusterRef + " has no registered container "
                        + "instance " + ref + ": name one by its id or ARN, as ListContainerInstances gives them.");
            }
            if (ci.agentConnected == connected) {
                return;
            }
            ci.agentConnected = connected;
            ci.version++;
        }
        changed.run(); // services waiting for capacity try again
    }

    /**
     * Gives a container instance the instance profile of a role (what EC2 does when an instance is launched with one):
     * its instance metadata service then serves that role's credentials. The caller checked the role.
     *
     * @param containerInstanceArn the registered container instance
     * @param roleArn the role, or {@code null} to remove the instance profile
     * @return the instance as its metadata now describes it
     * @throws IllegalArgumentException when no container instance has that ARN
     */
    public Ec2Instance instanceProfile(String containerInstanceArn, String roleArn) {
        synchronized (lock) {
            ContainerInstanceRecord ci = containerInstances.byArn(containerInstanceArn);
            if (ci == null) {
                throw new IllegalArgumentException("No container instance " + containerInstanceArn + " is registered.");
            }
            ci.ec2Instance = ci.ec2Instance.withInstanceProfileRole(roleArn);
            return ci.ec2Instance;
        }
    }

    /** The EC2 host of a container instance (also a deregistered one), by its ARN, or {@code null}. */
    public Ec2Instance ec2Instance(String containerInstanceArn) {
        synchronized (lock) {
            ContainerInstanceRecord ci = containerInstances.byArn(containerInstanceArn);
            return ci == null ? null : ci.ec2Instance;
        }
    }

    /** PutAttributes: adds or replaces attributes on container instances, all or nothing. */
    public List<Attribute> putAttributes(String clusterRef, List<Attribute> attributes) {
        List<Attribute> result;
        synchronized (lock) {
            result = containerInstances.putAttributes(clusters.active(clusterRef), attributes);
        }
        changed.run(); // a memberOf constraint may hold now
        return result;
    }

    /** DeleteAttributes: removes attributes from container instances, all or nothing. */
    public List<Attribute> deleteAttributes(String clusterRef, List<Attribute> attributes) {
        synchronized (lock) {
            return containerInstances.deleteAttributes(clusters.active(clusterRef), attributes);
        }
    }

    /** ListAttributes: the attributes of the cluster's container instances, by name (and value) when given. */
    public List<Attribute> listAttributes(String clusterRef, String name, String value) {
        synchronized (lock) {
            return containerInstances.listAttributes(clusters.active(clusterRef), name, value);
        }
    }

    /**
     * The task's container instance has a footprint on the container runtime (its instance sandbox): from now on the
     * instance's private IP is that sandbox's address on Drydock's network, where its host and bridge mode tasks answer.
     */
    public void instanceAddress(TaskRecord t, String privateIp) {
        synchronized (lock) {
            if (t.containerInstance != null && privateIp != null && !privateIp.equals(t.containerInstance.privateIp)) {
                t.containerInstance.privateIp = privateIp;
                t.containerInstance.version++;
                containerInstances.located(t.containerInstance);
            }
        }
        changed.run();
    }

    /**
     * The private IP of a container instance.
     *
     * @throws IllegalArgumentException when the cluster has no such container instance
     */
    public String containerInstanceAddress(String cluster, String containerInstance) {
        synchronized (lock) {
            ClusterRecord c = clusters.lookup(cluster);
            ContainerInstanceRecord ci = c == null ? null : containerInstances.lookup(c, containerInstance);
            if (ci == null) {
                throw new IllegalArgumentException(
                        "The cluster " + cluster + " has no container instance " + containerInstance + ".");
            }
            return ci.privateIp;
        }
    }

    /** The private IP of the container instance a task runs on (EC2), or {@code null}. */
    public String instancePrivateIp(TaskRecord t) {
        synchronized (lock) {
            return t.containerInstance == null ? null : t.containerInstance.privateIp;
        }
    }
}
