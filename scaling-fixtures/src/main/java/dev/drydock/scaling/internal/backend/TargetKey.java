package dev.drydock.scaling.internal.backend;

/**
 * A scalable target's identity: service namespace, resource id and scalable dimension, e.g. {@code ecs},
 * {@code service/shop/web}, {@code ecs:service:DesiredCount}.
 */
public record TargetKey(String namespace, String resourceId, String dimension) {

    /** ObjectNotFoundException's words for it. */
    public String describe() {
        return "service namespace: " + namespace + ", resource ID: " + resourceId + ", scalable dimension: "
                + dimension;
    }

    /** The ECS cluster of {@code service/<cluster>/<service>}. */
    public String cluster() {
        return resourceId.split("/")[1];
    }

    /** The ECS service of {@code service/<cluster>/<service>}. */
    public String service() {
        return resourceId.split("/")[2];
    }
}
