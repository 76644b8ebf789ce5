package dev.drydock.core.internal.protocol;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.JsonTree;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;

/**
 * Reads and writes AWS SDK v2 model objects in the AWS REST-JSON protocol ({@code restJson1}: Amazon EFS, ...),
 * generically from each member's {@link SdkField#location()}: members bound to the request URI's path
 * ({@code /2015-02-01/file-systems/{FileSystemId}}), to the query string, to headers, or carried in the JSON body
 * (read and written by {@link SdkPojoJson}). URI and header values are strings on the wire: numbers and booleans
 * are parsed, timestamps are ISO-8601, lists repeat the query parameter.
 */
public final class RestJsonCodec {
    private RestJsonCodec() {}

    /**
     * Builds the request shape of one call.
     *
     * @param type the SDK request class, e.g. {@code DescribeFileSystemsRequest.class}
     * @param pathVariables the URI template's variables, already percent-decoded
     * @param rawQuery the query string as received, or {@code null}
     * @param headers the request headers (case-insensitive names)
     * @param body the JSON body; empty reads as {@code {}}
     * @throws AwsException {@code SerializationException} when the body is not JSON or a value has the wrong type
     */
    public static <T extends SdkPojo> T read(
            Class<T> type,
            Map<String, String> pathVariables,
            String rawQuery,
            Map<String, List<String>> headers,
            byte[] body) {
        Object tree;
        try {
            tree = body == null || body.length == 0 ? Map.of() : JsonTree.parse(body);
        } catch (IOException e) {
            throw AwsException.client("SerializationException", "The request body is not valid JSON.");
        }
        if (!(tree instanceof Map<?, ?> node)) {
            throw AwsException.client(
                    "SerializationException",
                    "The request body must be a JSON object, found " + JsonTree.describe(tree) + ".");
        }
        Map<String, List<String>> query = parseQuery(rawQuery);
        SdkPojo builder = SdkPojoJson.newBuilder(type);
        for (SdkField<?> field : builder.sdkFields()) {
            MarshallLocation location = field.location();
            List<String> values;
            if (location == MarshallLocation.PATH || location == MarshallLocation.GREEDY_PATH) {
                String v = pathVariables.get(field.locationName());
                values = v == null ? null : List.of(v);
            } else if (location == MarshallLocation.QUERY_PARAM) {
                values = query.get(field.locationName());
            } else if (location == MarshallLocation.HEADER) {
                values = headers.get(field.locationName());
            } else {
                continue;
            }
            if (values != null && !values.isEmpty()) {
                field.set(builder, fromStrings(field, values));
            }
        }
        return type.cast(SdkPojoJson.readStructure(node, builder, type.getSimpleName()));
    }

    /** The JSON body of a response: its body members ({@code {}} when it has none). */
    public static byte[] writeBody(SdkPojo response) {
        return SdkPojoJson.write(response);
    }

    /** The response members bound to headers, by header name. */
    public static Map<String, String> writeHeaders(SdkPojo response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (SdkField<?> field : response.sdkFields()) {
            Object value = field.getValueOrDefault(response);
            if (field.location() == MarshallLocation.HEADER && !SdkPojoJson.absent(value)) {
                headers.put(field.locationName(), value instanceof Instant i ? i.toString() : String.valueOf(value));
            }
        }
        return headers;
    }

    private static Object fromStrings(SdkField<?> field, List<String> values) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        if (type == MarshallingKnownType.LIST) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            for (String v : values) {
                list.add(fromString(member, v));
            }
            return list;
        }
        return fromString(field, values.get(0));
    }

    private static Object fromString(SdkField<?> field, String value) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        try {
            switch (type) {
                case STRING:
                    return value;
                case INTEGER:
                    return Integer.valueOf(value);
                case LONG:
                    return Long.valueOf(value);
                case BOOLEAN:
                    if (!"true".equals(value) && !"false".equals(value)) {
                        throw new IllegalArgumentException(value);
                    }
                    return Boolean.valueOf(value);
                case DOUBLE:
                    return Double.valueOf(value);
                case INSTANT:
                    return Instant.parse(value);
                default:
                    throw new IllegalStateException(
                            "Unsupported URI member type " + type + " for " + field.memberName());
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw AwsException.client(
                    "SerializationException",
                    "Value '" + value + "' of " + field.locationName()
                            + " is not "
                            + (type == MarshallingKnownType.INSTANT
                                    ? "an ISO-8601 timestamp"
                                    : "a valid " + type.name().toLowerCase(Locale.ROOT))
                            + ".");
        }
    }

    /** A query string's parameters, percent-decoded, each name with all its values in order. */
    public static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * A REST request URI pattern, e.g. {@code /2015-02-01/file-systems/{FileSystemId}/policy}: literal segments and
     * {@code {Name}} variables ({@code {Name+}} takes the rest of the path).
     */
    public static final class UriTemplate {
        private final String pattern;
        private final List<String> segments;
        private final int literals;

        public UriTemplate(String pattern) {
            int q = pattern.indexOf('?');
            this.pattern = q < 0 ? pattern : pattern.substring(0, q);
            this.segments = List.of(this.pattern.substring(1).split("/", -1));
            this.literals =
                    (int) segments.stream().filter(s -> !s.startsWith("{")).count();
        }

        /** The pattern, e.g. {@code /2015-02-01/file-systems/{FileSystemId}}. */
        public String pattern() {
            return pattern;
        }

        /** How many literal segments it has: a more literal template wins over a less literal one. */
        public int literalSegments() {
            return literals;
        }

        /**
         * The variables of a raw (percent-encoded) path that matches, decoded; {@code null} when it does not match.
         */
        public Map<String, String> match(String rawPath) {
            String[] parts = rawPath.substring(rawPath.startsWith("/") ? 1 : 0).split("/", -1);
            Map<String, String> vars = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String s = segments.get(i);
                if (s.startsWith("{") && s.endsWith("+}")) {
                    if (i >= parts.length) {
                        return null;
                    }
                    vars.put(
                            s.substring(1, s.length() - 2),
                            decodePath(String.join("/", Arrays.copyOfRange(parts, i, parts.length))));
                    return vars;
                }
                if (i >= parts.length) {
                    return null;
                }
                if (s.startsWith("{")) {
                    if (parts[i].isEmpty()) {
                        return null;
                    }
                    vars.put(s.substring(1, s.length() - 1), decodePath(parts[i]));
                } else if (!s.equals(parts[i])) {
                    return null;
                }
            }
            return parts.length == segments.size() ? vars : null;
        }

        private static String decodePath(String s) {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return pattern;
        }
    }
}
