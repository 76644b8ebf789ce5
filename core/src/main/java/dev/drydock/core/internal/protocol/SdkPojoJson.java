package dev.drydock.core.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.JsonTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
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
 * answers) and ignores members the shape does not have, as AWS services do. Uses Jackson's streaming API only (see
 * {@link JsonTree}).
 */
public final class SdkPojoJson {
    private static final Map<Class<?>, MethodHandle> BUILDER_FACTORIES = new ConcurrentHashMap<>();

    private SdkPojoJson() {}

    /**
     * Parses a request body into the given model type.
     *
     * @param body the raw JSON body; an empty body reads as {@code {}}
     * @param type an SDK model class with a static {@code builder()} method, e.g. {@code RunTaskRequest.class}
     * @throws AwsException {@code SerializationException} (HTTP 400) when the body is not JSON, not an object, or a
     *     member has the wrong JSON type
     */
    public static <T extends SdkPojo> T read(byte[] body, Class<T> type) {
        Object tree;
        try {
            tree = body == null || body.length == 0 ? Map.of() : JsonTree.parse(body);
        } catch (IOException e) {
            throw serialization("The request body is not valid JSON: " + firstLine(e.getMessage()));
        }
        return read(tree, type);
    }

    /** Converts a parsed JSON value ({@link JsonTree} shapes) into the given model type; see {@link #read(byte[], Class)}. */
    public static <T extends SdkPojo> T read(Object tree, Class<T> type) {
        if (!(tree instanceof Map<?, ?> map)) {
            throw serialization("Start of structure or map found where not expected: the request body must be a"
                    + " JSON object, found " + JsonTree.describe(tree) + ".");
        }
        return type.cast(readStructure(map, newBuilder(type), type.getSimpleName()));
    }

    /** Serializes a model object to its wire JSON bytes. Unset members are omitted. */
    public static byte[] write(SdkPojo pojo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JsonTree.FACTORY.createGenerator(out)) {
            writeStructure(g, pojo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------- reading

    /**
     * Reads the JSON body members of {@code node} into {@code builder} (one that may already hold members bound
     * elsewhere, e.g. to a REST URI) and builds it.
     */
    static SdkPojo readStructure(Map<?, ?> node, SdkPojo builder, String path) {
        for (SdkField<?> field : builder.sdkFields()) {
            if (!inBody(field)) {
                continue;
            }
            Object value = node.get(field.locationName());
            if (value == null || value == JsonTree.NULL) {
                continue;
            }
            field.set(builder, readValue(field, value, path + "." + field.locationName()));
        }
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    private static Object readValue(SdkField<?> field, Object node, String path) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        if (type == null) {
            throw new IllegalStateException("Unsupported marshalling type at " + path);
        }
        switch (type) {
            case STRING:
                requireType(node instanceof String, "a string", node, path);
                return node;
            case INTEGER:
                return (int) integral(node, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG:
                return integral(node, path, Long.MIN_VALUE, Long.MAX_VALUE);
            case SHORT:
                return (short) integral(node, path, Short.MIN_VALUE, Short.MAX_VALUE);
            case BYTE:
                return (byte) integral(node, path, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case FLOAT:
                requireType(node instanceof Number, "a number", node, path);
                return ((Number) node).floatValue();
            case DOUBLE:
                requireType(node instanceof Number, "a number", node, path);
                return ((Number) node).doubleValue();
            case BIG_DECIMAL:
                requireType(node instanceof Number, "a number", node, path);
                return decimal((Number) node);
            case BOOLEAN:
                requireType(node instanceof Boolean, "a boolean", node, path);
                return node;
            case INSTANT:
                requireType(node instanceof Number, "a timestamp in epoch seconds", node, path);
                return epochSecondsToInstant(decimal((Number) node));
            case SDK_BYTES:
                requireType(node instanceof String, "a base64 string", node, path);
                try {
                    return SdkBytes.fromByteArray(Base64.getDecoder().decode((String) node));
                } catch (IllegalArgumentException e) {
                    throw serialization("Member " + path + " is not valid base64.");
                }
            case SDK_POJO:
                requireType(node instanceof Map, "an object", node, path);
                return readStructure((Map<?, ?>) node, field.constructor().get(), path);
            case LIST: {
                requireType(node instanceof List, "an array", node, path);
                SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
                List<?> elements = (List<?>) node;
                List<Object> list = new ArrayList<>(elements.size());
                int i = 0;
                for (Object element : elements) {
                    list.add(element == JsonTree.NULL ? null : readValue(member, element, path + "." + i));
                    i++;
                }
                return list;
            }
            case MAP: {
                requireType(node instanceof Map, "an object", node, path);
                SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) node).entrySet()) {
                    Object v = e.getValue();
                    map.put(
                            (String) e.getKey(),
                            v == JsonTree.NULL ? null : readValue(member, v, path + "." + e.getKey()));
                }
                return map;
            }
            case DOCUMENT:
                return toDocument(node);
            default:
                throw new IllegalStateException("Unsupported marshalling type " + type + " at " + path);
        }
    }

    private static long integral(Object node, String path, long min, long max) {
        boolean ok = node instanceof Long l && l >= min && l <= max;
        requireType(ok, "an integer", node, path);
        return (Long) node;
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static void requireType(boolean ok, String expected, Object node, String path) {
        if (!ok) {
            String member = path.substring(path.indexOf('.') + 1);
            throw serialization(
                    tokenName(node) + " can not be converted to " + expected + " (member '" + member + "').");
        }
    }

    /** AWS names JSON values by token in its SerializationException messages, e.g. {@code STRING_VALUE}. */
    private static String tokenName(Object node) {
        if (node instanceof String) {
            return "STRING_VALUE";
        }
        if (node instanceof Long || node instanceof BigInteger) {
            return "NUMBER_VALUE";
        }
        if (node instanceof Number) {
            return "NUMBER_VALUE";
        }
        if (node instanceof Boolean b) {
            return b ? "TRUE_VALUE" : "FALSE_VALUE";
        }
        if (node instanceof List) {
            return "START_ARRAY";
        }
        return "START_OBJECT";
    }

    private static Instant epochSecondsToInstant(BigDecimal seconds) {
        BigDecimal whole = new BigDecimal(seconds.toBigInteger());
        long nanos = seconds.subtract(whole).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    private static Document toDocument(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Document> map = new LinkedHashMap<>();
            m.forEach((k, v) -> map.put((String) k, toDocument(v)));
            return Document.fromMap(map);
        }
        if (node instanceof List<?> l) {
            List<Document> list = new ArrayList<>();
            l.forEach(n -> list.add(toDocument(n)));
            return Document.fromList(list);
        }
        if (node instanceof String s) {
            return Document.fromString(s);
        }
        if (node instanceof Boolean b) {
            return Document.fromBoolean(b);
        }
        if (node instanceof Number n) {
            return Document.fromNumber(decimal(n));
        }
        return Document.fromNull();
    }

    // ---------------------------------------------------------------------------------------------- writing

    private static void writeStructure(JsonGenerator g, SdkPojo pojo) throws IOException {
        g.writeStartObject();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (absent(value) || !inBody(field)) {
                continue;
            }
            g.writeFieldName(field.locationName());
            writeValue(g, field, value);
        }
        g.writeEndObject();
    }

    /** Whether a member travels in the JSON body (every member in AWS JSON; REST-JSON also binds URI and headers). */
    static boolean inBody(SdkField<?> field) {
        return field.location() == null || field.location() == MarshallLocation.PAYLOAD;
    }

    static boolean absent(Object value) {
        return value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap;
    }

    private static void writeValue(JsonGenerator g, SdkField<?> field, Object value) throws IOException {
        if (absent(value)) {
            g.writeNull();
            return;
        }
        MarshallingKnownType type = field.marshallingType().getKnownType();
        switch (type) {
            case STRING:
                g.writeString((String) value);
                break;
            case INTEGER:
                g.writeNumber((Integer) value);
                break;
            case LONG:
                g.writeNumber((Long) value);
                break;
            case SHORT:
                g.writeNumber((Short) value);
                break;
            case BYTE:
                g.writeNumber((Byte) value);
                break;
            case FLOAT:
                g.writeNumber((Float) value);
                break;
            case DOUBLE:
                g.writeNumber((Double) value);
                break;
            case BIG_DECIMAL:
                g.writeNumber((BigDecimal) value);
                break;
            case BOOLEAN:
                g.writeBoolean((Boolean) value);
                break;
            case INSTANT:
                g.writeNumber(instantToEpochSeconds((Instant) value));
                break;
            case SDK_BYTES:
                g.writeString(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArrayUnsafe()));
                break;
            case SDK_POJO:
                writeStructure(g, (SdkPojo) value);
                break;
            case LIST: {
                SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
                g.writeStartArray();
                for (Object element : (List<?>) value) {
                    writeValue(g, member, element);
                }
                g.writeEndArray();
                break;
            }
            case MAP: {
                SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
                g.writeStartObject();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    writeValue(g, member, e.getValue());
                }
                g.writeEndObject();
                break;
            }
            case DOCUMENT:
                JsonTree.write(g, fromDocument((Document) value));
                break;
            default:
                throw new IllegalStateException("Unsupported marshalling type " + type + " for " + field.memberName());
        }
    }

    private static BigDecimal instantToEpochSeconds(Instant instant) {
        // Milliseconds precision, as AWS writes it: 1700000000.123, or 1700000000 for a whole second.
        BigDecimal seconds = BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }

    private static Object fromDocument(Document document) {
        if (document.isMap()) {
            Map<String, Object> map = new LinkedHashMap<>();
            document.asMap().forEach((k, v) -> map.put(k, fromDocument(v)));
            return map;
        }
        if (document.isList()) {
            List<Object> list = new ArrayList<>();
            document.asList().forEach(d -> list.add(fromDocument(d)));
            return list;
        }
        if (document.isString()) {
            return document.asString();
        }
        if (document.isBoolean()) {
            return document.asBoolean();
        }
        if (document.isNumber()) {
            return document.asNumber().bigDecimalValue();
        }
        return JsonTree.NULL;
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

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
