package dev.drydock.core.internal.model;

import dev.drydock.core.spi.Violation;
import dev.drydock.core.spi.Violation.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.DefaultValueTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Checks a request (an AWS SDK v2 request object, read from any protocol) against its operation's input shape in the
 * service model, as AWS's request validation does before any operation runs: required members, string and blob
 * length, numeric range, patterns, enum values, list and map sizes, and the same for every nested structure, list
 * element and map entry. Members the SDK has and the model lacks are not checked; members the model has and the SDK
 * lacks cannot be sent.
 *
 * <p>Violations come in model member order, depth first, as AWS lists them. Stateless and thread-safe.
 */
public final class RequestValidator {
    private static final Map<Class<?>, Map<String, SdkField<?>>> FIELDS = new ConcurrentHashMap<>();

    private final ServiceModel model;
    private final boolean blankIsMissing;
    private final Set<String> extraRequired;
    private final Set<String> blankAllowed;

    /**
     * @param model the service model
     * @param blankIsMissing whether a required member that is an empty string, list or map counts as missing (ECS's
     *     "can not be blank" checks)
     * @param extraRequired members AWS requires although the model does not mark them, by member path
     *     ({@code taskDefinition}, {@code containerDefinitions.name})
     * @param blankAllowed required members, by member path, that may be blank even with {@code blankIsMissing}
     */
    public RequestValidator(
            ServiceModel model, boolean blankIsMissing, Set<String> extraRequired, Set<String> blankAllowed) {
        this.model = model;
        this.blankIsMissing = blankIsMissing;
        this.extraRequired = extraRequired;
        this.blankAllowed = blankAllowed;
    }

    /**
     * The violations of {@code request} (empty when it is valid, or when the model has no such operation).
     *
     * @param operation the operation, by AWS's name
     */
    public List<Violation> validate(String operation, SdkPojo request) {
        List<Violation> found = new ArrayList<>();
        model.input(operation).ifPresent(input -> structure(input, request, "", "", found));
        return found;
    }

    private void structure(Shape shape, SdkPojo pojo, String path, String memberPath, List<Violation> found) {
        Map<String, SdkField<?>> fields = FIELDS.computeIfAbsent(pojo.getClass(), c -> fields(pojo));
        for (Map.Entry<String, String> m : shape.members().entrySet()) {
            SdkField<?> field = fields.get(m.getKey());
            if (field == null) {
                continue;
            }
            String awsPath = path + lowerFirst(m.getKey());
            String names = memberPath + m.getKey();
            Object value = valueOf(field, pojo);
            boolean required = shape.required().contains(m.getKey()) || extraRequired.contains(names);
            if (value == null || (required && blankIsMissing && blank(value) && !blankAllowed.contains(names))) {
                if (required) {
                    Shape missing = model.shape(m.getValue());
                    found.add(violation(awsPath, names, null, Kind.MISSING, "Member must not be null", missing, null));
                }
                continue;
            }
            value(model.shape(m.getValue()), value, awsPath, names, found);
        }
    }

    private void value(Shape shape, Object value, String path, String memberPath, List<Violation> found) {
        switch (shape.type()) {
            case STRUCTURE:
                if (value instanceof SdkPojo nested) {
                    structure(shape, nested, path + ".", memberPath + ".", found);
                }
                break;
            case LIST:
                if (value instanceof List<?> list) {
                    list(shape, list, path, memberPath, found);
                }
                break;
            case MAP:
                if (value instanceof Map<?, ?> map) {
                    map(shape, map, path, memberPath, found);
                }
                break;
            default:
                found.addAll(simple(shape, value, path, memberPath));
        }
    }

    private void list(Shape shape, List<?> list, String path, String memberPath, List<Violation> found) {
        size(shape, list.size(), list, path, memberPath, found);
        Shape element = model.shape(shape.member());
        if (element.type() == Shape.Type.STRUCTURE) {
            int i = 1;
            for (Object e : list) {
                if (e instanceof SdkPojo pojo) {
                    structure(element, pojo, path + "." + i + ".member.", memberPath + ".", found);
                }
                i++;
            }
            return;
        }
        if (element.type() == Shape.Type.LIST || element.type() == Shape.Type.MAP) {
            int i = 1;
            for (Object e : list) {
                if (e != null) {
                    value(element, e, path + "." + i + ".member", memberPath, found);
                }
                i++;
            }
            return;
        }
        int i = 1;
        for (Object e : list) {
            List<Violation> bad = e == null
                    ? List.of(violation(
                            path + "." + i + ".member",
                            memberPath,
                            null,
                            Kind.MISSING,
                            "Member must not be null",
                            element,
                            null))
                    : simple(element, e, path + "." + i + ".member", memberPath);
            if (!bad.isEmpty()) {
                found.add(inside(path, memberPath, list, Kind.ELEMENT, "Member", element, true, shape, bad));
                return;
            }
            i++;
        }
    }

    private void map(Shape shape, Map<?, ?> map, String path, String memberPath, List<Violation> found) {
        size(shape, map.size(), map, path, memberPath, found);
        Shape key = model.shape(shape.key());
        for (Object k : map.keySet()) {
            List<Violation> bad = simple(key, k, path, memberPath);
            if (!bad.isEmpty()) {
                found.add(inside(path, memberPath, map, Kind.MAP_KEY, "Map keys", key, false, shape, bad));
                break;
            }
        }
        Shape value = model.shape(shape.value());
        if (value.type() == Shape.Type.STRUCTURE || value.type() == Shape.Type.LIST || value.type() == Shape.Type.MAP) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() != null) {
                    value(value, e.getValue(), path + "." + e.getKey(), memberPath, found);
                }
            }
            return;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            List<Violation> bad =
                    e.getValue() == null ? List.of() : simple(value, e.getValue(), path + "." + e.getKey(), memberPath);
            if (!bad.isEmpty()) {
                found.add(inside(path, memberPath, map, Kind.MAP_VALUE, "Map value", value, false, shape, bad));
                return;
            }
        }
    }

    /** A violation of {@code shape}'s constraint (its enum values and whether it is a list, for the services' words). */
    private static Violation violation(
            String path,
            String memberPath,
            Object value,
            Kind kind,
            String constraint,
            Shape shape,
            Violation element) {
        return new Violation(
                path,
                memberPath,
                value,
                kind,
                constraint,
                shape.enumValues(),
                shape.type() == Shape.Type.LIST,
                element,
                shape.sensitive());
    }

    /**
     * A violation by an element, key or value of a list or map, reported on the list or map with every constraint of
     * the element's shape: {@code Map keys must satisfy constraint: [Member must have length ...]}.
     */
    private static Violation inside(
            String path,
            String memberPath,
            Object container,
            Kind kind,
            String subject,
            Shape element,
            boolean notNull,
            Shape shape,
            List<Violation> bad) {
        String constraint = subject + " must satisfy constraint: [" + describe(element, notNull) + "]";
        return violation(path, memberPath, container, kind, constraint, shape, bad.get(0));
    }

    private static void size(
            Shape shape, int size, Object value, String path, String memberPath, List<Violation> found) {
        BigDecimal n = BigDecimal.valueOf(size);
        if (shape.max() != null && n.compareTo(shape.max()) > 0) {
            found.add(violation(path, memberPath, value, Kind.TOO_LONG, maxLength(shape), shape, null));
        }
        if (shape.min() != null && n.compareTo(shape.min()) < 0) {
            found.add(violation(path, memberPath, value, Kind.TOO_SHORT, minLength(shape), shape, null));
        }
    }

    /** The violations of a string, number, blob (or boolean, timestamp, document: none). */
    private static List<Violation> simple(Shape shape, Object value, String path, String memberPath) {
        if (!shape.constrained()) {
            return List.of();
        }
        List<Violation> found = new ArrayList<>(1);
        if (shape.type() == Shape.Type.STRING && value instanceof String s) {
            if (!shape.enumValues().isEmpty() && !shape.enumValues().contains(s)) {
                found.add(violation(path, memberPath, s, Kind.ENUM, enumSet(shape), shape, null));
            }
            size(shape, s.length(), s, path, memberPath, found);
            Pattern p = shape.compiledPattern();
            if (p != null && !p.matcher(s).matches()) {
                found.add(violation(path, memberPath, s, Kind.PATTERN, pattern(shape), shape, null));
            }
        } else if (shape.type() == Shape.Type.BLOB && value instanceof SdkBytes b) {
            size(
                    shape,
                    b.asByteArrayUnsafe().length,
                    "<" + b.asByteArrayUnsafe().length + " bytes>",
                    path,
                    memberPath,
                    found);
        } else if (shape.type().numeric() && value instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            if (shape.min() != null && d.compareTo(shape.min()) < 0) {
                found.add(violation(
                        path,
                        memberPath,
                        n,
                        Kind.TOO_SMALL,
                        "Member must have value greater than or equal to " + number(shape.min()),
                        shape,
                        null));
            }
            if (shape.max() != null && d.compareTo(shape.max()) > 0) {
                found.add(violation(
                        path,
                        memberPath,
                        n,
                        Kind.TOO_LARGE,
                        "Member must have value less than or equal to " + number(shape.max()),
                        shape,
                        null));
            }
        }
        return found;
    }

    /**
     * Every constraint of a shape in AWS's words, comma-separated, as messages about list elements and map keys and
     * values quote them: {@code Member must have length less than or equal to 128, Member must have length greater
     * than or equal to 1, Member must satisfy regular expression pattern: ...}.
     */
    static String describe(Shape shape, boolean notNull) {
        List<String> parts = new ArrayList<>();
        if (!shape.enumValues().isEmpty()) {
            parts.add(enumSet(shape));
        }
        if (shape.type().numeric()) {
            if (shape.max() != null) {
                parts.add("Member must have value less than or equal to " + number(shape.max()));
            }
            if (shape.min() != null) {
                parts.add("Member must have value greater than or equal to " + number(shape.min()));
            }
        } else {
            if (shape.max() != null) {
                parts.add(maxLength(shape));
            }
            if (shape.min() != null) {
                parts.add(minLength(shape));
            }
        }
        if (shape.pattern() != null) {
            parts.add(pattern(shape));
        }
        if (notNull) {
            parts.add("Member must not be null");
        }
        return String.join(", ", parts);
    }

    private static String maxLength(Shape shape) {
        return "Member must have length less than or equal to " + number(shape.max());
    }

    private static String minLength(Shape shape) {
        return "Member must have length greater than or equal to " + number(shape.min());
    }

    private static String pattern(Shape shape) {
        return "Member must satisfy regular expression pattern: " + shape.pattern();
    }

    private static String enumSet(Shape shape) {
        return "Member must satisfy enum value set: [" + String.join(", ", shape.enumValues()) + "]";
    }

    private static String number(BigDecimal d) {
        return d.stripTrailingZeros().scale() <= 0
                ? d.toBigInteger().toString()
                : d.stripTrailingZeros().toPlainString();
    }

    private static boolean blank(Object value) {
        return (value instanceof String s && s.isEmpty())
                || (value instanceof List<?> l && l.isEmpty())
                || (value instanceof Map<?, ?> m && m.isEmpty());
    }

    /**
     * A member's value as the request carries it: null when absent. An idempotency token the SDK would generate on
     * read ({@code getValueOrDefault} makes a new one each time) counts as absent: the client sent none.
     */
    static Object valueOf(SdkField<?> field, SdkPojo pojo) {
        Object v = field.getValueOrDefault(pojo);
        if (v == null || v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap) {
            return null;
        }
        if (field.containsTrait(DefaultValueTrait.class) && !Objects.equals(v, field.getValueOrDefault(pojo))) {
            return null;
        }
        return v;
    }

    private static Map<String, SdkField<?>> fields(SdkPojo pojo) {
        Map<String, SdkField<?>> byName = new LinkedHashMap<>();
        for (SdkField<?> f : pojo.sdkFields()) {
            byName.put(f.memberName(), f);
        }
        return byName;
    }

    /** AWS's validation messages name members with their first letter in lower case: {@code RoleName} is roleName. */
    static String lowerFirst(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
