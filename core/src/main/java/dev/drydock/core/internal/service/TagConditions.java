package dev.drydock.core.internal.service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global condition keys of a request that tags a resource ("Controlling access during AWS requests",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_tags.html#access_tags_control-requests):
 * {@code aws:RequestTag/<key>} for each tag and {@code aws:TagKeys}.
 */
public final class TagConditions {
    private TagConditions() {}

    /** {@code aws:RequestTag/<key>} for each tag and {@code aws:TagKeys}; empty for no tags. */
    public static Map<String, List<String>> requestTags(Map<String, String> tags) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        tags.forEach((k, v) -> keys.put("aws:RequestTag/" + k, List.of(v == null ? "" : v)));
        if (!tags.isEmpty()) {
            keys.put("aws:TagKeys", List.copyOf(tags.keySet()));
        }
        return keys;
    }

    /** {@code aws:TagKeys} for an untagging request; empty for no keys. */
    public static Map<String, List<String>> tagKeys(Collection<String> keys) {
        return keys.isEmpty() ? Map.of() : Map.of("aws:TagKeys", List.copyOf(keys));
    }
}
