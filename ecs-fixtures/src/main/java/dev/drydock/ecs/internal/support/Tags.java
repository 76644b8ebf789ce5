package dev.drydock.ecs.internal.support;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.TagConditions;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Condition keys for tags ({@code aws:RequestTag/<key>}, {@code aws:TagKeys}) and the tag-on-create authorization:
 * when CreateCluster, CreateService, RegisterTaskDefinition or RunTask carries tags, ECS also authorizes
 * {@code ecs:TagResource} on the new resource, with {@code ecs:CreateAction} set to the creating operation
 * ("Grant permission to tag resources on creation",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/supported-iam-actions-tagging.html, and the "API
 * operations" table of
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html). Without
 * tags in the request, {@code ecs:TagResource} is not evaluated.
 */
public final class Tags {
    private Tags() {}

    /** {@code aws:RequestTag/<key>} and {@code aws:TagKeys} of the tags in a request ({@link TagConditions}). */
    public static Map<String, List<String>> requestKeys(List<Tag> tags) {
        return TagConditions.request(tags);
    }

    /**
     * Authorizes {@code ecs:TagResource} on {@code resourceArn} for tags given to a creating operation; nothing when
     * {@code tags} is empty.
     *
     * @param createAction the creating operation, the value of {@code ecs:CreateAction}, e.g. {@code CreateCluster}
     */
    public static void authorizeOnCreate(CallContext context, String createAction, String resourceArn, List<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            return;
        }
        Map<String, List<String>> keys = requestKeys(tags);
        keys.put("ecs:CreateAction", List.of(createAction));
        context.authorize("ecs:TagResource", resourceArn, keys);
    }
}
