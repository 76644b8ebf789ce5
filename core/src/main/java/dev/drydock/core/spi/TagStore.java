package dev.drydock.core.spi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The tags of a service's resources, by ARN: what TagResource, UntagResource and ListTagsForResource work on, what
 * Describe* answers show, and where IAM finds {@code aws:ResourceTag/<key>} values (register it with
 * {@link ServiceContext#resourceTags}). Tags keep the order they were first given in. Thread-safe; a resource's tags
 * change atomically.
 */
public final class TagStore implements Function<String, Map<String, String>> {
    private final Map<String, Map<String, String>> byArn = new ConcurrentHashMap<>();
    private final TagRules rules;

    /**
     * @param rules the limit of tags per resource (with its error), or {@code null} for none
     */
    public TagStore(TagRules rules) {
        this.rules = rules;
    }

    /** The tags of a resource, a copy in order; empty when it has none or is unknown. */
    public Map<String, String> tags(String arn) {
        Map<String, String> tags = byArn.get(arn);
        if (tags == null) {
            return Map.of();
        }
        synchronized (tags) {
            return new LinkedHashMap<>(tags);
        }
    }

    /** The tags of a resource: {@link #tags(String)}, as IAM's resource tag source. */
    @Override
    public Map<String, String> apply(String arn) {
        return tags(arn);
    }

    /** Sets a new resource's tags (replacing any it had). */
    public void put(String arn, Map<String, String> tags) {
        byArn.put(arn, new LinkedHashMap<>(tags));
    }

    /**
     * Adds tags to a resource, replacing the values of keys it has.
     *
     * @throws AwsException the rules' {@link TagRules.Kind#TOO_MANY} error when the resource would have more tags
     *     than they allow; nothing changes then
     */
    public void tag(String arn, Map<String, String> added) {
        Map<String, String> tags = byArn.computeIfAbsent(arn, a -> new LinkedHashMap<>());
        synchronized (tags) {
            if (rules != null) {
                long after = tags.size()
                        + added.keySet().stream()
                                .filter(k -> !tags.containsKey(k))
                                .count();
                rules.checkCount((int) after);
            }
            tags.putAll(added);
        }
    }

    /** Removes the tags with these keys; keys the resource does not have are ignored. */
    public void untag(String arn, Collection<String> keys) {
        Map<String, String> tags = byArn.get(arn);
        if (tags != null) {
            synchronized (tags) {
                keys.forEach(tags::remove);
            }
        }
    }

    /** Forgets a resource (it was deleted). */
    public void remove(String arn) {
        byArn.remove(arn);
    }
}
