package dev.drydock.core.spi;

import java.util.OptionalInt;

/**
 * ECS services' desired count as Application Auto Scaling reads and changes it (scalable dimension
 * {@code ecs:service:DesiredCount}), so that the scaling module acts on ECS without depending on it: it finds one with
 * {@code context.module(ServiceCapacity.class)}. Implemented by drydock-ecs-fixtures; the service scheduler follows a
 * change as it follows UpdateService.
 */
public interface ServiceCapacity extends ServiceModule {

    /**
     * The desired count of an ACTIVE service.
     *
     * @param cluster the cluster's name
     * @param service the service's name
     * @return empty when the cluster has no such ACTIVE service
     */
    OptionalInt desiredCount(String cluster, String service);

    /**
     * Sets the desired count of an ACTIVE service, as UpdateService with only {@code desiredCount} does.
     *
     * @param count 0 or more
     * @throws IllegalArgumentException when the cluster has no such ACTIVE service, with ECS's message
     */
    void desiredCount(String cluster, String service, int count);
}
