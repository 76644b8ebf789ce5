package dev.drydock.ecs.internal;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.TagRules;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Checks every ECS request makes before its operation runs, generically over the request shape (nested structures
 * and lists included), so no operation stores anything from such a request:
 * <ul>
 *   <li>enum members hold one of the values the ECS model defines (InvalidParameterException naming the member, the
 *       value and the valid values);</li>
 *   <li>tags follow ECS's tagging limits
 *       (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-using-tags.html#tag-restrictions): at most
 *       50 per request, keys 1-128 characters, values at most 256, and neither may start with the reserved
 *       {@code aws:} prefix (InvalidParameterException).</li>
 * </ul>
 * The wording of these messages is Drydock's: AWS's own texts for them were not found.
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

    private static final Map<Class<?>, List<Member>> MEMBERS = new ConcurrentHashMap<>();

    private EcsRequestChecks() {}

    /**
     * Checks {@code request}.
     *
     * @throws AwsException InvalidParameterException for an unknown enum value or a tag outside ECS's limits
     */
    public static void check(SdkPojo request) {
        check(request, "");
    }

    private static void check(SdkPojo pojo, String prefix) {
        for (Member m : MEMBERS.computeIfAbsent(pojo.getClass(), type -> members(type, pojo.sdkFields()))) {
            Object value = m.field().getValueOrDefault(pojo);
            if (value == null) {
                continue;
            }
            String path = prefix + m.field().memberName();
            if (m.enumGetter() != null) {
                checkEnum(pojo, m, value, path);
            } else if (value instanceof SdkPojo nested) {
                check(nested, path + ".");
            } else if (value instanceof List<?> list) {
                if (!list.isEmpty() && list.get(0) instanceof Tag) {
                    checkTags(list);
                }
                for (Object element : list) {
                    if (element instanceof SdkPojo nested) {
                        check(nested, path + ".");
                    }
                }
            }
        }
    }

    private static void checkEnum(SdkPojo pojo, Member m, Object raw, String path) {
        Object typed;
        try {
            typed = m.enumGetter().invoke(pojo);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
        List<?> values = typed instanceof List<?> l ? l : List.of(typed);
        List<?> raws = raw instanceof List<?> l ? l : List.of(raw);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof Enum<?> e && "UNKNOWN_TO_SDK_VERSION".equals(e.name())) {
                throw EcsErrors.invalidParameter("Invalid " + path + " '" + raws.get(i) + "'. Valid values: "
                        + validValues(e.getDeclaringClass()) + ".");
            }
        }
    }

    private static String validValues(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            if (!"UNKNOWN_TO_SDK_VERSION".equals(((Enum<?>) constant).name())) {
                names.add(constant.toString());
            }
        }
        return String.join(", ", names);
    }

    /** ECS's tag limits for the tags of one request (or of a resource after a change). */
    public static void checkTags(List<?> tags) {
        TAG_RULES.check(tags);
    }

    /** A member of a shape, with the getter that returns it as the SDK's enum type (null when not an enum). */
    private record Member(SdkField<?> field, Method enumGetter) {}

    private static List<Member> members(Class<?> type, List<SdkField<?>> fields) {
        List<Member> result = new ArrayList<>();
        for (SdkField<?> f : fields) {
            String name = Character.toLowerCase(f.memberName().charAt(0))
                    + f.memberName().substring(1);
            Method enumGetter = null;
            if (hasMethod(type, name + "AsString") || hasMethod(type, name + "AsStrings")) {
                try {
                    enumGetter = type.getMethod(name);
                } catch (NoSuchMethodException e) {
                    enumGetter = null;
                }
            }
            result.add(new Member(f, enumGetter));
        }
        return List.copyOf(result);
    }

    private static boolean hasMethod(Class<?> type, String name) {
        try {
            type.getMethod(name);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
