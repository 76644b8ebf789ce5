package dev.drydock.ecs.internal.support;

import dev.drydock.ecs.internal.backend.EcsBackend;

/**
 * What every ECS operation handler shares: the backend, and the condition keys ECS attaches to requests.
 *
 * <p>Each handler authorizes its call as the Service Authorization Reference for Amazon ECS says
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html, "SAR"
 * below): every IAM action the "API operations" table maps the operation to, each on the resource of the action's
 * required resource type in the "Actions" table, or on {@code *} when it names none, with the action's condition keys
 * that the request or the model gives a value.
 */
public abstract class EcsOperation {
    protected final EcsBackend backend;

    protected EcsOperation(EcsBackend backend) {
        this.backend = backend;
    }

    /** A new set of condition keys for one authorization. */
    protected ConditionKeys keys() {
        return ConditionKeys.of(backend);
    }

    /** The cluster name of a cluster ARN. */
    protected static String clusterName(String clusterArn) {
        return clusterArn.substring(clusterArn.indexOf(":cluster/") + ":cluster/".length());
    }

    /** The ARN of a container instance of the cluster given by id or ARN (it need not exist). */
    protected String containerInstanceArnOf(String clusterArn, String ref) {
        return ref.startsWith("arn:") ? ref : backend.arns().containerInstance(clusterName(clusterArn), ref);
    }

    /** The ARN of a cluster given by name or ARN (it need not exist). */
    protected String clusterArnOf(String ref) {
        return ref.startsWith("arn:") ? ref : backend.arns().cluster(ref);
    }
}
