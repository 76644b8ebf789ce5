package dev.drydock.elb.internal;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Paginator;
import dev.drydock.core.spi.TagRules;

/**
 * Elastic Load Balancing's errors: the codes of the SDK's exception shapes (all HTTP 400), with AWS's messages. Where
 * the API reference only describes an error, its description is the message (e.g. DuplicateListener's "A listener
 * with the specified port already exists." in
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html#API_CreateListener_Errors);
 * where AWS's own answers are known more precisely, they are copied ("One or more target groups not found", "Priority
 * '10' is currently in use", "Load balancers '[web]' not found").
 */
public final class ElbErrors {

    /** ELB's paging: {@code PageSize} 1 to 400 (the model's range), an opaque {@code Marker}. */
    public static final Paginator PAGINATOR = Paginator.builder(400)
            .maxPageSize(400)
            .pageSizeError(size -> validation("PageSize must be between 1 and 400; got " + size + "."))
            .tokenError(marker -> validation("The marker '" + marker + "' is not valid."))
            .build();

    /**
     * ELB's tag limits (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html:
     * 50 tags per resource; keys 1-128, values up to 256 characters, no {@code aws:} prefix).
     */
    public static final TagRules TAG_RULES = TagRules.builder()
            .error(v -> switch (v.kind()) {
                case TOO_MANY -> tooManyTags();
                case KEY_LENGTH -> validation("Tag keys must be between 1 and 128 characters long.");
                case VALUE_LENGTH ->
                    validation("The value of tag '" + v.key() + "' must be at most 256 characters long.");
                case RESERVED_PREFIX -> validation("Tag keys cannot start with 'aws:': '" + v.key() + "'.");
            })
            .build();

    private ElbErrors() {}

    public static AwsException validation(String message) {
        return AwsException.client("ValidationError", message);
    }

    public static AwsException loadBalancerNotFound() {
        return AwsException.client("LoadBalancerNotFound", "One or more load balancers not found");
    }

    public static AwsException loadBalancersNotFound(Iterable<String> names) {
        return AwsException.client("LoadBalancerNotFound", "Load balancers '" + list(names) + "' not found");
    }

    public static AwsException targetGroupNotFound() {
        return AwsException.client("TargetGroupNotFound", "One or more target groups not found");
    }

    public static AwsException targetGroupsNotFound(Iterable<String> namesOrArns) {
        return AwsException.client("TargetGroupNotFound", "Target groups '" + list(namesOrArns) + "' not found");
    }

    public static AwsException listenerNotFound() {
        return AwsException.client("ListenerNotFound", "One or more listeners not found");
    }

    public static AwsException ruleNotFound() {
        return AwsException.client("RuleNotFound", "One or more rules not found");
    }

    public static AwsException duplicateLoadBalancerName(String name) {
        return AwsException.client(
                "DuplicateLoadBalancerName",
                "A load balancer with the same name '" + name + "' exists, but with different settings");
    }

    public static AwsException duplicateTargetGroupName(String name) {
        return AwsException.client(
                "DuplicateTargetGroupName",
                "A target group with the same name '" + name + "' exists, but with different settings");
    }

    public static AwsException duplicateListener(String loadBalancerArn) {
        return AwsException.client(
                "DuplicateListener",
                "A listener already exists on this port for this load balancer '" + loadBalancerArn + "'");
    }

    public static AwsException priorityInUse(int priority) {
        return AwsException.client("PriorityInUse", "Priority '" + priority + "' is currently in use");
    }

    public static AwsException invalidTarget(String message) {
        return AwsException.client("InvalidTarget", message);
    }

    public static AwsException invalidConfiguration(String message) {
        return AwsException.client("InvalidConfigurationRequest", message);
    }

    public static AwsException incompatibleProtocols(String message) {
        return AwsException.client("IncompatibleProtocols", message);
    }

    public static AwsException unsupportedProtocol(String message) {
        return AwsException.client("UnsupportedProtocol", message);
    }

    public static AwsException invalidAction(String message) {
        return AwsException.client("InvalidLoadBalancerAction", message);
    }

    public static AwsException resourceInUse(String message) {
        return AwsException.client("ResourceInUse", message);
    }

    public static AwsException operationNotPermitted(String message) {
        return AwsException.client("OperationNotPermitted", message);
    }

    public static AwsException subnetNotFound(String subnetId) {
        return AwsException.client("SubnetNotFound", "The subnet ID '" + subnetId + "' is not valid");
    }

    public static AwsException invalidSecurityGroup(String group) {
        return AwsException.client("InvalidSecurityGroup", "The security group '" + group + "' does not exist");
    }

    public static AwsException targetGroupAssociationLimit(String targetGroupArn) {
        return AwsException.client(
                "TargetGroupAssociationLimit",
                "The following target groups cannot be associated with more than one load balancer: " + targetGroupArn);
    }

    public static AwsException tooManyTags() {
        return AwsException.client("TooManyTags", "You've reached the limit on the number of tags for this resource.");
    }

    public static AwsException duplicateTagKeys(String key) {
        return AwsException.client("DuplicateTagKeys", "Tag key '" + key + "' was specified more than once.");
    }

    public static AwsException tooManyRules() {
        return AwsException.client(
                "TooManyRules", "You've reached the limit on the number of rules per load balancer.");
    }

    public static AwsException tooManyActions() {
        return AwsException.client("TooManyActions", "You've reached the limit on the number of actions per rule.");
    }

    private static String list(Iterable<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (String s : items) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(s);
        }
        return b.append(']').toString();
    }
}
