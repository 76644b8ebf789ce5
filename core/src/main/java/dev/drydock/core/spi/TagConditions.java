package dev.drydock.core.spi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global tag condition keys of a request, as IAM defines them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html): {@code aws:RequestTag/<key>}
 * for each tag a request carries and {@code aws:TagKeys} for their keys; and a service's own
 * {@code <service>:ResourceTag/<key>} keys. {@code aws:ResourceTag/<key>} is added by core from every module's
 * {@link ServiceContext#resourceTags} source (a {@link TagStore}). A key is set only when it has a value, so a
 * policy's {@code Null} and {@code ...IfExists} conditions see what AWS's would.
 */
public final class TagConditions {
    private TagConditions() {}

    /**
     * {@code aws:RequestTag/<key>} for each tag and {@code aws:TagKeys} (all keys, in order); none for no tags.
     *
     * @param tags the request's tags, key to value (a missing value as {@code ""})
     * @return a new mutable map, for the operation's own keys to be added
     */
    public static Map<String, List<String>> request(Map<String, String> tags) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        if (tags != null && !tags.isEmpty()) {
            tags.forEach((k, v) -> keys.put("aws:RequestTag/" + k, List.of(v == null ? "" : v)));
            keys.put("aws:TagKeys", List.copyOf(tags.keySet()));
        }
        return keys;
    }

    /**
     * {@code aws:RequestTag/<key>} and {@code aws:TagKeys} of a request's tags given as SDK tag shapes (any service's
     * {@code Tag}); see {@link #request(Map)}.
     */
    public static Map<String, List<String>> request(List<?> sdkTags) {
        return request(SdkTags.toMap(sdkTags));
    }

    /**
     * {@code aws:TagKeys} alone, as untagging operations set it: the keys the request names (an empty list when it
     * names none).
     *
     * @return a new mutable map
     */
    public static Map<String, List<String>> tagKeys(Collection<String> keys) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        result.put("aws:TagKeys", keys == null ? List.of() : List.copyOf(keys));
        return result;
    }

    /**
     * A service's resource tag keys, e.g. {@code ecs:ResourceTag/<key>} for prefix {@code ecs}.
     *
     * @param service the service prefix of the keys, e.g. {@code ecs}
     * @param tags the resource's tags
     * @return a new mutable map
     */
    public static Map<String, List<String>> resource(String service, Map<String, String> tags) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        tags.forEach((k, v) -> keys.put(service + ":ResourceTag/" + k, List.of(v)));
        return keys;
    }
}
