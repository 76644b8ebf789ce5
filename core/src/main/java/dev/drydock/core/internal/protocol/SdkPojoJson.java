package dev.drydock.core.internal.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.RequiredTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Reads and writes AWS SDK v2 model objects as the JSON that the AWS JSON 1.0/1.1 and REST-JSON protocols put on
 * the wire, generically from each shape's {@link SdkPojo#sdkFields()} metadata: member names, nested structures,
 * lists, maps, blobs (base64) and timestamps (epoch seconds with a fraction). Every shape and member name therefore
 * matches the SDK exactly, with no hand-written DTO per shape.
 *
 * <p>Reading is strict about types (a string where a number belongs is a {@code SerializationException}, as AWS
 * answers) and ignores members the shape does not have, as AWS services do.
 */
public final class SdkPojoJson {
    /** The Jackson mapper Drydock uses for wire JSON. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Map<Class<?>, MethodHandle> BUILDER_FACTORIES = new ConcurrentHashMap<>();

    private SdkPojoJson() {
    }

    /**
     * Parses a request body into the given model type.
     *
     * @param body the raw JSON body; an empty body reads as {@code {}}
     * @param type an SDK model class with a static {@code builder()} method, e.g. {@code RunTaskRequest.class}
     * @throws AwsException {@code SerializationException} (HTTP 400) when the body is not JSON, not an object, or a
     *     member has the wrong JSON type
     */
    public static <T extends SdkPojo> T read(byte[] body, Class<T> type) {
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        } catch (IOException e) {
            throw serialization("The request body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || node.isMissingNode()) {
            node = MAPPER.createObjectNode();
        }
        if (!node.isObject()) {
            throw serialization("Start of structure or map found where not expected: the request body must be a"
                    + " JSON object, found " + describe(node) + ".");
        }
        return type.cast(readStructure(node, newBuilder(type), type.getSimpleName()));
    }

    /** Converts a Jackson object node into the given model type; see {@link #read(byte[], Class)}. */
    public static <T extends SdkPojo> T read(JsonNode node, Class<T> type) {
        if (!node.isObject()) {
            throw serialization("Expected a JSON object for " + type.getSimpleName() + ", found " + describe(node) + ".");
        }
        return type.cast(readStructure(node, newBuilder(type), type.getSimpleName()));
    }

    /** Serializes a model object to its wire JSON bytes. Unset members are omitted. */
    public static byte[] write(SdkPojo pojo) {
        try {
            return MAPPER.writeValueAsBytes(toJson(pojo));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + pojo.getClass().getName(), e);
        }
    }

    /** Converts a model object to a Jackson tree with the wire member names. Unset members are omitted. */
    public static ObjectNode toJson(SdkPojo pojo) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            JsonNode json = writeValue(field, value);
            if (json != null) {
                out.set(field.locationName(), json);
            }
        }
        return out;
    }

    /**
     * Finds the first required member that is missing, depth first, as a path like {@code containerDefinitions.0.name};
     * empty when every required member is present. AWS services reject such requests; which error they answer
     * depends on the service.
     */
    public static java.util.Optional<String> firstMissingRequiredMember(SdkPojo pojo) {
        return java.util.Optional.ofNullable(missingRequired(pojo, ""));
    }

    private static String missingRequired(SdkPojo pojo, String prefix) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            String path = prefix + field.locationName();
            boolean absent = value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap;
            if (absent) {
                if (field.containsTrait(RequiredTrait.class)) {
                    return path;
                }
                continue;
            }
            String nested = missingRequiredIn(field, value, path);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    private static String missingRequiredIn(SdkField<?> field, Object value, String path) {
        if (value instanceof SdkPojo nestedPojo) {
            return missingRequired(nestedPojo, path + ".");
        }
        if (value instanceof List<?> list && field.getOptionalTrait(ListTrait.class).isPresent()) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            int i = 0;
            for (Object element : list) {
                String nested = element == null ? null : missingRequiredIn(member, element, path + "." + i);
                if (nested != null) {
                    return nested;
                }
                i++;
            }
        }
        if (value instanceof Map<?, ?> map && field.getOptionalTrait(MapTrait.class).isPresent()) {
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String nested = e.getValue() == null ? null : missingRequiredIn(member, e.getValue(), path + "." + e.getKey());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- reading

    private static SdkPojo readStructure(JsonNode node, SdkPojo builder, String path) {
        for (SdkField<?> field : builder.sdkFields()) {
            JsonNode value = node.get(field.locationName());
            if (value == null || value.isNull()) {
                continue;
            }
            field.set(builder, readValue(field, value, path + "." + field.locationName()));
        }
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    private static Object readValue(SdkField<?> field, JsonNode node, String path) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        if (type == null) {
            throw new IllegalStateException("Unsupported marshalling type at " + path);
        }
        switch (type) {
            case STRING:
                requireType(node.isTextual(), "a string", node, path);
                return node.textValue();
            case INTEGER:
                requireType(node.isIntegralNumber() && node.canConvertToInt(), "an integer", node, path);
                return node.intValue();
            case LONG:
                requireType(node.isIntegralNumber() && node.canConvertToLong(), "an integer", node, path);
                return node.longValue();
            case SHORT:
                requireType(node.isIntegralNumber() && node.canConvertToInt(), "an integer", node, path);
                return (short) node.intValue();
            case BYTE:
                requireType(node.isIntegralNumber() && node.canConvertToInt(), "an integer", node, path);
                return (byte) node.intValue();
            case FLOAT:
                requireType(node.isNumber(), "a number", node, path);
                return node.floatValue();
            case DOUBLE:
                requireType(node.isNumber(), "a number", node, path);
                return node.doubleValue();
            case BIG_DECIMAL:
                requireType(node.isNumber(), "a number", node, path);
                return node.decimalValue();
            case BOOLEAN:
                requireType(node.isBoolean(), "a boolean", node, path);
                return node.booleanValue();
            case INSTANT:
                requireType(node.isNumber(), "a timestamp in epoch seconds", node, path);
                return epochSecondsToInstant(node.decimalValue());
            case SDK_BYTES:
                requireType(node.isTextual(), "a base64 string", node, path);
                try {
                    return SdkBytes.fromByteArray(Base64.getDecoder().decode(node.textValue()));
                } catch (IllegalArgumentException e) {
                    throw serialization("Member " + path + " is not valid base64.");
                }
            case SDK_POJO:
                requireType(node.isObject(), "an object", node, path);
                return readStructure(node, field.constructor().get(), path);
            case LIST: {
                requireType(node.isArray(), "an array", node, path);
                SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
                List<Object> list = new ArrayList<>(node.size());
                int i = 0;
                for (JsonNode element : node) {
                    list.add(element.isNull() ? null : readValue(member, element, path + "." + i));
                    i++;
                }
                return list;
            }
            case MAP: {
                requireType(node.isObject(), "an object", node, path);
                SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
                Map<String, Object> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    map.put(e.getKey(), e.getValue().isNull() ? null : readValue(member, e.getValue(), path + "." + e.getKey()));
                }
                return map;
            }
            case DOCUMENT:
                return toDocument(node);
            default:
                throw new IllegalStateException("Unsupported marshalling type " + type + " at " + path);
        }
    }

    private static void requireType(boolean ok, String expected, JsonNode node, String path) {
        if (!ok) {
            String member = path.substring(path.indexOf('.') + 1);
            throw serialization("Member '" + member + "' must be " + expected + ", but the request has " + describe(node)
                    + ".");
        }
    }

    private static Instant epochSecondsToInstant(BigDecimal seconds) {
        BigDecimal whole = new BigDecimal(seconds.toBigInteger());
        long nanos = seconds.subtract(whole).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    private static Document toDocument(JsonNode node) {
        if (node.isObject()) {
            Map<String, Document> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), toDocument(e.getValue())));
            return Document.fromMap(map);
        }
        if (node.isArray()) {
            List<Document> list = new ArrayList<>();
            node.forEach(n -> list.add(toDocument(n)));
            return Document.fromList(list);
        }
        if (node.isTextual()) {
            return Document.fromString(node.textValue());
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        if (node.isNumber()) {
            return Document.fromNumber(node.decimalValue());
        }
        return Document.fromNull();
    }

    // ---------------------------------------------------------------------------------------------- writing

    private static JsonNode writeValue(SdkField<?> field, Object value) {
        if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
            return null;
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        MarshallingKnownType type = field.marshallingType().getKnownType();
        switch (type) {
            case STRING:
                return f.textNode((String) value);
            case INTEGER:
                return f.numberNode((Integer) value);
            case LONG:
                return f.numberNode((Long) value);
            case SHORT:
                return f.numberNode((Short) value);
            case BYTE:
                return f.numberNode((Byte) value);
            case FLOAT:
                return f.numberNode((Float) value);
            case DOUBLE:
                return f.numberNode((Double) value);
            case BIG_DECIMAL:
                return f.numberNode((BigDecimal) value);
            case BOOLEAN:
                return f.booleanNode((Boolean) value);
            case INSTANT:
                return f.numberNode(instantToEpochSeconds((Instant) value));
            case SDK_BYTES:
                return f.textNode(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArrayUnsafe()));
            case SDK_POJO:
                return toJson((SdkPojo) value);
            case LIST: {
                SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
                ArrayNode array = f.arrayNode();
                for (Object element : (List<?>) value) {
                    JsonNode json = writeValue(member, element);
                    array.add(json == null ? f.nullNode() : json);
                }
                return array;
            }
            case MAP: {
                SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
                ObjectNode object = f.objectNode();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    JsonNode json = writeValue(member, e.getValue());
                    object.set(String.valueOf(e.getKey()), json == null ? f.nullNode() : json);
                }
                return object;
            }
            case DOCUMENT:
                return fromDocument((Document) value);
            default:
                throw new IllegalStateException("Unsupported marshalling type " + type + " for " + field.memberName());
        }
    }

    private static BigDecimal instantToEpochSeconds(Instant instant) {
        // Milliseconds precision, as AWS writes it: 1700000000.123, or 1700000000 for a whole second.
        BigDecimal seconds = BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }

    private static JsonNode fromDocument(Document document) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (document.isMap()) {
            ObjectNode object = f.objectNode();
            document.asMap().forEach((k, v) -> object.set(k, fromDocument(v)));
            return object;
        }
        if (document.isList()) {
            ArrayNode array = f.arrayNode();
            document.asList().forEach(d -> array.add(fromDocument(d)));
            return array;
        }
        if (document.isString()) {
            return f.textNode(document.asString());
        }
        if (document.isBoolean()) {
            return f.booleanNode(document.asBoolean());
        }
        if (document.isNumber()) {
            return f.numberNode(document.asNumber().bigDecimalValue());
        }
        return f.nullNode();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** A new, empty builder for the given model class (cached method handle to its static {@code builder()}). */
    public static SdkPojo newBuilder(Class<?> type) {
        MethodHandle factory = BUILDER_FACTORIES.computeIfAbsent(type, t -> {
            try {
                Class<?> builderType = t.getMethod("builder").getReturnType();
                return MethodHandles.publicLookup().findStatic(t, "builder", MethodType.methodType(builderType));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(t.getName() + " is not an AWS SDK v2 model class", e);
            }
        });
        try {
            return (SdkPojo) factory.invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot create a builder for " + type.getName(), e);
        }
    }

    private static AwsException serialization(String message) {
        return AwsException.client("SerializationException", message);
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
