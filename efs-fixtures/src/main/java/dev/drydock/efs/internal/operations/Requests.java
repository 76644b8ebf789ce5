package dev.drydock.efs.internal.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.efs.model.Tag;

/** Condition keys several EFS operations share. */
final class Requests {
    private Requests() {}

    /** {@code aws:RequestTag/<key>} for each tag and {@code aws:TagKeys}, for operations that tag. */
    static Map<String, List<String>> tags(List<Tag> tags) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        tags.forEach(t -> keys.put("aws:RequestTag/" + t.key(), List.of(String.valueOf(t.value()))));
        if (!tags.isEmpty()) {
            keys.put("aws:TagKeys", tags.stream().map(Tag::key).toList());
        }
        return keys;
    }
}
