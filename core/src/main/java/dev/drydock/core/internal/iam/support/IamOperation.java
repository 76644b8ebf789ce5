package dev.drydock.core.internal.iam.support;

import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.TagConditions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * What the IAM operation handlers share: the account's IAM state and the condition keys IAM puts in its requests'
 * context (Service Authorization Reference, "Actions, resources, and condition keys for AWS Identity and Access
 * Management"): {@code aws:RequestTag/<key>} and {@code aws:TagKeys} for tagging calls, {@code iam:PermissionsBoundary}
 * for calls that set or touch a role with a permissions boundary, {@code iam:PolicyARN} for attaching policies.
 */
public abstract class IamOperation {
    protected final IamBackend iam;

    protected IamOperation(IamBackend iam) {
        this.iam = iam;
    }

    /** Request tags, validated as IAM validates them (count, lengths, characters, keys unique ignoring case). */
    protected static Map<String, String> tags(List<Tag> tags) {
        if (tags == null) {
            return Map.of();
        }
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Tag t : tags) {
            keys.add(t.key());
            values.add(t.value());
        }
        return IamErrors.tags(keys, values, "InvalidInput");
    }

    /** {@code aws:RequestTag/<key>} for each tag and {@code aws:TagKeys} (when there are tags). */
    protected static Map<String, List<String>> requestTagKeys(Map<String, String> tags) {
        return TagConditions.request(tags);
    }

    /** {@code iam:PermissionsBoundary}: the role's current boundary, when it has one. */
    protected Map<String, List<String>> boundaryKey(String roleName) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        iam.roleBoundary(roleName).ifPresent(b -> keys.put("iam:PermissionsBoundary", List.of(b)));
        return keys;
    }

    protected static Map<String, List<String>> with(Map<String, List<String>> keys, String key, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(keys);
        copy.put(key, List.of(value));
        return copy;
    }

    /**
     * Authorizes {@code action} on {@code resourceArn}; an AccessDenied names the resource as IAM's own messages
     * do, which is not always its ARN: {@code role <name>} for calls on a role, {@code user <name>},
     * {@code policy <arn>}, {@code policy <name>} for CreatePolicy, {@code policy path /} for ListPolicies (IAM
     * AccessDenied messages quoted in public issues, e.g. aws/aws-cdk#27067 "... is not authorized to perform:
     * iam:GetRole on resource: role cdk-hnb659fds-file-publishing-role-..."; CreateRole and ListRoles name ARNs).
     * The decision log keeps the ARN.
     *
     * @param shownAs how the message names the resource, or null for its ARN
     */
    protected static void authorize(
            CallContext context, String action, String resourceArn, String shownAs, Map<String, List<String>> keys) {
        try {
            context.authorize(action, resourceArn, keys);
        } catch (AwsException e) {
            if (shownAs == null || !"AccessDenied".equals(e.errorCode())) {
                throw e;
            }
            throw context.accessDenied(withResource(e.getMessage(), action, resourceArn, shownAs));
        }
    }

    protected static void authorize(CallContext context, String action, String resourceArn, String shownAs) {
        authorize(context, action, resourceArn, shownAs, Map.of());
    }

    /** The message with {@code shownAs} for the resource after the action (in place of its ARN, or added). */
    protected static String withResource(String message, String action, String resourceArn, String shownAs) {
        String head = "is not authorized to perform: " + action;
        int i = message.indexOf(head);
        if (i < 0) {
            return message;
        }
        int after = i + head.length();
        String rest = message.substring(after);
        String on = " on resource: " + resourceArn;
        if (rest.startsWith(on)) {
            rest = rest.substring(on.length());
        }
        return message.substring(0, after) + " on resource: " + shownAs + rest;
    }
}
