package dev.drydock.elb.internal.support;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.elb.internal.backend.ElbBackend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What ELB's handlers share: the backend, and authorization as the Service Authorization Reference lists it for
 * Elastic Load Balancing V2
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html): action
 * {@code elasticloadbalancing:<Operation>} on the resource's ARN (or {@code *} for Describe* actions), with
 * {@code elasticloadbalancing:ResourceTag/<key>} for the resource's tags, and for tags given at creation also
 * {@code elasticloadbalancing:AddTags} with {@code elasticloadbalancing:CreateAction}.
 */
public abstract class ElbOperation {
    /** The IAM service prefix. */
    protected static final String PREFIX = "elasticloadbalancing:";

    protected final ElbBackend backend;

    protected ElbOperation(ElbBackend backend) {
        this.backend = backend;
    }

    /** {@code elasticloadbalancing:ResourceTag/<key>} for each tag of the resource, plus {@code more}. */
    protected Map<String, List<String>> resourceKeys(String arn, Map<String, List<String>> more) {
        Map<String, List<String>> keys = new LinkedHashMap<>(TagConditions.resource(
                "elasticloadbalancing", backend.tagStore().tags(arn)));
        keys.putAll(more);
        return keys;
    }

    /** Authorizes {@code elasticloadbalancing:<action>} on an existing resource. */
    protected void authorizeOn(CallContext c, String action, String arn) {
        c.authorize(PREFIX + action, arn, resourceKeys(arn, Map.of()));
    }

    /** Authorizes a Describe* (List or Read without resource-level permissions) action: resource {@code *}. */
    protected static void authorizeDescribe(CallContext c, String action) {
        c.authorize(PREFIX + action, "*");
    }

    /**
     * For a Create* call with tags: {@code elasticloadbalancing:AddTags} on the new resource with
     * {@code elasticloadbalancing:CreateAction} set to the operation ("Grant permissions to tag resources during
     * creation", https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/tagging-resources-during-creation.html).
     */
    protected static void authorizeTagOnCreate(CallContext c, String arn, List<?> tags) {
        if (tags == null || tags.isEmpty()) {
            return;
        }
        Map<String, List<String>> keys = TagConditions.request(tags);
        keys.put(PREFIX + "CreateAction", List.of(c.operation()));
        c.authorize(PREFIX + "AddTags", arn, keys);
    }
}
