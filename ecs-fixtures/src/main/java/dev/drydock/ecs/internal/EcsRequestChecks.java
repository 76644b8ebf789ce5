package dev.drydock.ecs.internal;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.TagRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * The checks every ECS request makes after its model's ({@link EcsErrors#VALIDATION}) and before its operation runs,
 * for what the model does not say or ECS words in its own way: ECS's tagging limits
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-using-tags.html#tag-restrictions) for every list of
 * tags in the request, nested ones included: at most 50 per request, keys 1-128 characters, values at most 256, and
 * neither may start with the reserved {@code aws:} prefix (InvalidParameterException). The wording of these messages
 * is Drydock's: AWS's own texts for them were not found.
 */
public final class EcsRequestChecks {
    /** ECS's limit of tags per resource. */
    public static final int MAX_TAGS = 50;

    /** ECS's tag limits, in the words of its errors. */
    private static final TagRules TAG_RULES = TagRules.builder()
            .maxTags(MAX_TAGS)
            .reservedPrefixIgnoresCase()
            .error(v -> EcsErrors.invalidParameter(
                    switch (v.kind()) {
                        case TOO_MANY ->
                            "Too many tags: " + v.count() + " given, a resource may have at most " + MAX_TAGS + ".";
                        case KEY_LENGTH ->
                            "Invalid tag key '" + v.key() + "': a tag key must be 1 to 128 characters long.";
                        case VALUE_LENGTH ->
                            "Invalid value for tag '" + v.key() + "': a tag value may be at most 256 characters long.";
                        case RESERVED_PREFIX ->
                            "Invalid tag key '" + v.key() + "': the aws: prefix is reserved for AWS use.";
                    }))
            .build();

    private static final Map<Class<?>, List<SdkField<?>>> NESTED = new ConcurrentHashMap<>();

    private EcsRequestChecks() {}

    /**
     * Checks {@code request}.
     *
     * @throws AwsException InvalidParameterException for tags outside ECS's limits
     */
    public static void check(SdkPojo request) {
        for (SdkField<?> field : NESTED.computeIfAbsent(request.getClass(), type -> nested(request.sdkFields()))) {
            Object value = field.getValueOrDefault(request);
            if (value instanceof SdkPojo nested) {
                check(nested);
            } else if (value instanceof List<?> list) {
                if (!list.isEmpty() && list.get(0) instanceof Tag) {
                    checkTags(list);
                }
                for (Object element : list) {
                    if (element instanceof SdkPojo nested) {
                        check(nested);
                    }
                }
            }
        }
    }

    /** The members that can hold structures or lists (where tags may be). */
    private static List<SdkField<?>> nested(List<SdkField<?>> fields) {
        List<SdkField<?>> result = new ArrayList<>();
        for (SdkField<?> f : fields) {
            MarshallingType<?> t = f.marshallingType();
            if (t == MarshallingType.SDK_POJO || t == MarshallingType.LIST) {
                result.add(f);
            }
        }
        return List.copyOf(result);
    }

    /** ECS's tag limits for the tags of one request (or of a resource after a change). */
    public static void checkTags(List<?> tags) {
        TAG_RULES.check(tags);
    }
}
