package dev.drydock.core.spi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.drydock.core.internal.protocol.SdkPojoJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * JSON as plain Java values, read and written with Jackson's streaming API only (jackson-core): objects are
 * {@code Map<String, Object>} in document order, arrays {@code List<Object>}, strings {@code String}, integers
 * {@code Long} or {@code BigInteger}, other numbers {@code BigDecimal}, booleans {@code Boolean}, and JSON
 * {@code null} is {@link #NULL}. Jackson's data binding costs ~250 ms of class loading on first use; the endpoint's
 * first answer must not pay it.
 */
public final class JsonTree {
    /** JSON {@code null} (a member present with a null value). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** The shared factory; thread-safe. */
    public static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {}

    /**
     * Reads a parsed tree as an SDK model shape, by the wire member names of the AWS JSON protocols (timestamps as
     * epoch seconds). Members the shape does not have are ignored, as AWS services ignore them.
     *
     * @param type an SDK v2 model class, e.g. {@code RegisterTaskDefinitionRequest.class}
     * @throws AwsException {@code SerializationException} naming the member with the wrong JSON type
     */
    public static <T extends SdkPojo> T toSdkPojo(Object tree, Class<T> type) {
        return SdkPojoJson.read(tree, type);
    }

    /** An SDK model shape as a tree, as the AWS JSON protocols write it (unset members left out). */
    public static Object fromSdkPojo(SdkPojo pojo) {
        try {
            return parse(SdkPojoJson.write(pojo));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses one JSON value. Trailing content after it is an error.
     *
     * @throws IOException when the text is not JSON; the message says where
     */
    public static Object parse(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("No content to read");
            }
            Object value = read(p, t);
            if (p.nextToken() != null) {
                throw new IOException("Unexpected content after the JSON value at " + p.currentLocation());
            }
            return value;
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    map.put(name, read(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(read(p, next));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? p.getBigIntegerValue()
                        : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new IOException("Unexpected JSON token " + t + " at " + p.currentLocation());
        }
    }

    /** Writes a value of the shapes {@link #parse} returns (and any {@link Number}) as JSON bytes. */
    public static byte[] write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes one value with a generator. */
    public static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null || value == NULL) {
            g.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else {
            throw new IllegalArgumentException(
                    "Not a JSON value: " + value.getClass().getName());
        }
    }

    /** A short description of a value's JSON type, for error messages ("a string", "an array" ...). */
    public static String describe(Object value) {
        if (value == null || value == NULL) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof List) {
            return "an array";
        }
        return "an object";
    }
}
