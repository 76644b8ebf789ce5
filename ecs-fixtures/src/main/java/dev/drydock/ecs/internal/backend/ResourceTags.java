package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsArns;
import dev.drydock.ecs.internal.EcsErrors;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Finds the tags of an ECS resource by ARN (TagResource, UntagResource, ListTagsForResource and the
 * {@code aws:ResourceTag} condition keys): clusters, task definitions, tasks and services, with ECS's checks of the ARN
 * form. Expects {@link EcsBackend}'s lock held.
 */
final class ResourceTags {
    private final EcsArns arns;
    private final Clusters clusters;
    private final TaskDefinitionRegistry taskDefinitions;
    private final Tasks tasks;
    private final Services services;

    ResourceTags(
            EcsArns arns, Clusters clusters, TaskDefinitionRegistry taskDefinitions, Tasks tasks, Services services) {
        this.arns = arns;
        this.clusters = clusters;
        this.taskDefinitions = taskDefinitions;
        this.tasks = tasks;
        this.services = services;
    }

    /**
     * The live tag list of a cluster, capacity provider, task definition, task or service, which the caller may change.
     *
     * @throws AwsException InvalidParameterException for an ARN ECS does not tag or a resource that does not exist
     */
    List<Tag> mutable(String arn) {
        checkTaggableArn(arn);
        if (arns.resource(arn, "cluster").isPresent()) {
            ClusterRecord c = clusters.lookup(arn);
            if (c != null) {
                return c.tags;
            }
        }
        if (arns.resource(arn, "capacity-provider").isPresent()) {
            AutoScalingProviders.Provider p = clusters.providers().lookup(arn);
            if (p != null) {
                return p.tags;
            }
        }
        List<Tag> taskDefinitionTags = taskDefinitions.mutableTags(arn);
        if (taskDefinitionTags != null) {
            return taskDefinitionTags;
        }
        TaskRecord t = tasks.get(arn);
        if (t != null) {
            return t.mutableTags;
        }
        ServiceRecord s = services.withArn(arn);
        if (s != null) {
            return s.mutableTags;
        }
        throw AwsException.client("InvalidParameterException", "The specified resource is not found: " + arn);
    }

    /**
     * The ARN forms ECS tags: an ECS ARN (else {@code The ARN provided is invalid},
     * https://github.com/boto/boto3/issues/2774), in the long format for tasks and services, with the cluster name
     * (else {@code Long arn format must be used for tagging operations}).
     */
    private void checkTaggableArn(String arn) {
        if (!arn.startsWith("arn:aws:ecs:")) {
            throw EcsErrors.invalidParameter("The ARN provided is invalid");
        }
        for (String type : List.of("task", "service")) {
            Optional<String> resource = arns.resource(arn, type);
            if (resource.isPresent() && !resource.get().contains("/")) {
                throw EcsErrors.invalidParameter("Long arn format must be used for tagging operations");
            }
        }
    }
}
