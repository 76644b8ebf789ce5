package dev.drydock.elb.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.elb.internal.ElbErrors;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

/** Checks of what several ELB requests carry: resource names and tags. */
final class RequestChecks {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-]{1,32}");

    private RequestChecks() {}

    /**
     * A request's tags as a map, checked (limits, keys given twice).
     *
     * @throws AwsException {@code DuplicateTagKeys}, or the tag rules' error
     */
    static Map<String, String> tags(List<Tag> sdkTags) {
        if (sdkTags != null) {
            Set<String> keys = new HashSet<>();
            for (var t : sdkTags) {
                if (t.key() != null && !keys.add(t.key())) {
                    throw ElbErrors.duplicateTagKeys(t.key());
                }
            }
        }
        return ElbErrors.TAG_RULES.check(sdkTags);
    }

    /**
     * Checks a load balancer's or target group's name: 1 to 32 alphanumeric characters or hyphens, not beginning or
     * ending with a hyphen.
     *
     * @param kind what is named, e.g. {@code "Load balancer"}
     * @throws AwsException {@code ValidationError} naming the rule broken
     */
    static void name(String name, String kind) {
        if (name == null || name.isEmpty()) {
            throw ElbErrors.validation("A " + kind.toLowerCase(Locale.ROOT) + " name must be specified");
        }
        if (name.length() > 32) {
            throw ElbErrors.validation(kind + " name cannot be longer than '32' characters");
        }
        if (!NAME.matcher(name).matches()) {
            throw ElbErrors.validation(kind + " name '" + name
                    + "' can only contain characters that are alphanumeric characters or " + "hyphens(-)");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            throw ElbErrors.validation(kind + " name '" + name + "' cannot begin or end with '-'");
        }
    }
}
