package dev.drydock.ssm.internal;

import dev.drydock.core.internal.protocol.AwsException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * Tags as Parameter Store takes them ("Tagging Systems Manager parameters",
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/tagging-parameters.html): at most 50 per resource,
 * none with the reserved {@code aws:} prefix.
 */
public final class SsmTags {
    private SsmTags() {}

    /**
     * @throws dev.drydock.core.internal.protocol.AwsException TooManyTagsError beyond 50, InvalidTag for a reserved
     *     key
     */
    public static Map<String, String> of(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Tag t : tags) {
            if (t.key().regionMatches(true, 0, "aws:", 0, 4)) {
                throw AwsException.client(
                        "InvalidTag", "Tag keys beginning with aws: are reserved for AWS use: " + t.key());
            }
            map.put(t.key(), t.value() == null ? "" : t.value());
        }
        if (map.size() > 50) {
            throw SsmErrors.tooManyTags();
        }
        return map;
    }

    public static List<Tag> shapes(Map<String, String> tags) {
        return tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }
}
