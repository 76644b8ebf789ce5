package dev.drydock.ecs.internal.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Tag;

/** Condition keys for tags: {@code aws:RequestTag/<key>} and {@code aws:TagKeys}. */
final class Tags {
    private Tags() {
    }

    static Map<String, List<String>> requestKeys(List<Tag> tags) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        if (tags == null || tags.isEmpty()) {
            return keys;
        }
        List<String> tagKeys = new ArrayList<>();
        for (Tag t : tags) {
            keys.put("aws:RequestTag/" + t.key(), List.of(t.value() == null ? "" : t.value()));
            tagKeys.add(t.key());
        }
        keys.put("aws:TagKeys", tagKeys);
        return keys;
    }

    static Map<String, List<String>> merge(Map<String, List<String>> a, Map<String, List<String>> b) {
        Map<String, List<String>> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }
}
