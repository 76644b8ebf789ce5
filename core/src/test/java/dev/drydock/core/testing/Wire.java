package dev.drydock.core.testing;

import dev.drydock.core.internal.model.ServiceModel;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.core.testing.RawAws.Request;
import java.lang.reflect.Field;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.protocols.core.OperationInfo;

/**
 * Builds the HTTP request of an operation from a request tree (member names as the model spells them, values as
 * {@code Map}, {@code List}, {@code String}, numbers, {@code Boolean}, {@link Instant}, {@code byte[]}; any Java type
 * may stand anywhere, to send wrong types), in the service's protocol: JSON 1.0/1.1 ({@code X-Amz-Target}), query
 * ({@code Action=...&Version=...}, lists as {@code Name.member.N}, maps as {@code Name.entry.N.key}) or REST-JSON (the
 * method and URI of the SDK's marshaller, members bound to the path, query string, headers and body as the SDK's
 * field metadata says).
 */
public final class Wire {
    private final ServiceModel model;
    private final Class<?> clientInterface;
    private final String protocol;

    /**
     * @param model the service's model
     * @param clientInterface the SDK client interface (for REST routes and member locations)
     */
    public Wire(ServiceModel model, Class<?> clientInterface) {
        this.model = model;
        this.clientInterface = clientInterface;
        this.protocol = sdkSpeaksQuery(clientInterface) ? "query" : model.protocol();
    }

    /**
     * The protocol family the SDK on the classpath speaks: {@code json}, {@code query} or {@code rest-json}. Usually the
     * model's; where botocore's newer model prefers another (CloudWatch: {@code smithy-rpc-v2-cbor}, while SDK 2.40.2's
     * client speaks the query protocol), the one the SDK's client is built with.
     */
    public String protocol() {
        return protocol;
    }

    /** Whether the SDK's default client for the interface holds an {@code AwsQueryProtocolFactory}. */
    private static boolean sdkSpeaksQuery(Class<?> clientInterface) {
        try {
            Class<?> client = Class.forName(
                    clientInterface.getPackageName() + ".Default" + clientInterface.getSimpleName(),
                    false,
                    clientInterface.getClassLoader());
            return client.getDeclaredField("protocolFactory")
                    .getType()
                    .getSimpleName()
                    .equals("AwsQueryProtocolFactory");
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** The request for {@code operation} carrying {@code tree}; empty when it cannot be sent (no SDK route). */
    public Optional<Request> request(String operation, Map<String, Object> tree) {
        switch (protocol) {
            case "json":
                return Optional.of(json(operation, JsonTree.write(jsonValue(tree))));
            case "query":
                return Optional.of(query(operation, flatten(tree)));
            case "ec2":
                return Optional.of(query(operation, ec2Parameters(operation, tree)));
            case "rest-json":
                return rest(operation, tree);
            default:
                throw new IllegalStateException("No wire for protocol " + protocol);
        }
    }

    /** A JSON protocol request with a raw body. */
    public Request json(String operation, byte[] body) {
        String version = protocol.equals("json") ? jsonVersion() : "1.1";
        return new Request(
                "POST",
                "/",
                null,
                Map.of(
                        "Content-Type",
                        "application/x-amz-json-" + version,
                        "X-Amz-Target",
                        model.targetPrefix() + "." + operation),
                body);
    }

    /** A query protocol request with the given parameters (besides Action and Version). */
    public Request query(String operation, Map<String, String> params) {
        StringJoiner form = new StringJoiner("&");
        form.add("Action=" + encode(operation)).add("Version=" + encode(model.apiVersion()));
        params.forEach((k, v) -> form.add(encode(k) + "=" + encode(v)));
        return new Request(
                "POST",
                "/",
                null,
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                form.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A query protocol request with a raw form body. */
    public Request queryRaw(byte[] body) {
        return new Request(
                "POST", "/", null, Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), body);
    }

    private String jsonVersion() {
        return model.jsonVersion() == null ? "1.1" : model.jsonVersion();
    }

    /**
     * The REST request: method and URI from the SDK's marshaller for the operation, URI labels, query parameters and
     * headers from the tree's members of those locations, the rest as the JSON body (or {@code rawBody} when given).
     */
    public Optional<Request> rest(String operation, Map<String, Object> tree) {
        return rest(operation, tree, null);
    }

    /** As {@link #rest(String, Map)}, with a raw body instead of the tree's body members. */
    public Optional<Request> rest(String operation, Map<String, Object> tree, byte[] rawBody) {
        Optional<Class<?>> requestType = sdkRequest(operation);
        if (requestType.isEmpty()) {
            return Optional.empty();
        }
        OperationInfo info;
        SdkPojo builder;
        try {
            Class<?> type = requestType.get();
            String marshaller = type.getPackageName().replaceAll("\\.model$", ".transform") + "." + type.getSimpleName()
                    + "Marshaller";
            Field binding = Class.forName(marshaller).getDeclaredField("SDK_OPERATION_BINDING");
            binding.setAccessible(true);
            info = (OperationInfo) binding.get(null);
            builder = (SdkPojo) type.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
        String uri = info.requestUri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        StringJoiner query = new StringJoiner("&");
        if (q >= 0) {
            query.add(uri.substring(q + 1));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        for (SdkField<?> f : builder.sdkFields()) {
            Object value = tree.get(f.memberName());
            MarshallLocation location = f.location();
            if (location == MarshallLocation.PATH || location == MarshallLocation.GREEDY_PATH) {
                String text = value == null ? "placeholder" : scalar(value);
                String encoded = location == MarshallLocation.GREEDY_PATH
                        ? encode(text).replace("%2F", "/")
                        : encode(text).replace("+", "%20");
                path = path.replace("{" + f.locationName() + "+}", encoded)
                        .replace("{" + f.locationName() + "}", encoded);
            } else if (value == null) {
                continue;
            } else if (location == MarshallLocation.QUERY_PARAM) {
                if (value instanceof List<?> list) {
                    for (Object o : list) {
                        query.add(encode(f.locationName()) + "=" + encode(scalar(o)));
                    }
                } else {
                    query.add(encode(f.locationName()) + "=" + encode(scalar(value)));
                }
            } else if (location == MarshallLocation.HEADER) {
                headers.put(f.locationName(), scalar(value));
            } else {
                body.put(f.locationName(), value);
            }
        }
        byte[] bytes = rawBody != null
                ? rawBody
                : body.isEmpty()
                                && !"POST".equals(info.httpMethod().name())
                                && !"PUT".equals(info.httpMethod().name())
                        ? new byte[0]
                        : JsonTree.write(jsonValue(body));
        if (bytes.length > 0) {
            headers.put("Content-Type", "application/json");
        }
        String rawQuery = query.length() == 0 ? null : query.toString();
        return Optional.of(new Request(info.httpMethod().name(), path, rawQuery, headers, bytes));
    }

    /** The SDK's request class of an operation (named as the SDK names it, in any case). */
    public Optional<Class<?>> sdkRequest(String operation) {
        String modelPackage = clientInterface.getPackageName() + ".model.";
        for (var m : clientInterface.getMethods()) {
            if (m.getParameterCount() == 1
                    && m.getParameterTypes()[0].getSimpleName().equalsIgnoreCase(operation + "Request")
                    && m.getParameterTypes()[0].getName().startsWith(modelPackage)) {
                return Optional.of(m.getParameterTypes()[0]);
            }
        }
        return Optional.empty();
    }

    /** JSON for a tree: timestamps as epoch seconds, blobs as base64. */
    static Object jsonValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), jsonValue(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(jsonValue(v)));
            return out;
        }
        if (value instanceof Instant i) {
            return i.getEpochSecond();
        }
        if (value instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        return value;
    }

    /** Query parameters for a tree: {@code Name}, {@code Name.Sub}, {@code Name.member.1}, {@code Name.entry.1.key}. */
    static Map<String, String> flatten(Map<String, Object> tree) {
        Map<String, String> params = new LinkedHashMap<>();
        tree.forEach((k, v) -> flatten(k, v, params));
        return params;
    }

    private static void flatten(String prefix, Object value, Map<String, String> params) {
        if (value instanceof Map<?, ?> map) {
            boolean structure = map.keySet().stream().allMatch(k -> k instanceof String s && !s.isEmpty());
            if (structure && !(value instanceof EntryMap)) {
                if (map.isEmpty()) {
                    // a structure with no members (a list element without its required member) is still sent
                    params.put(prefix, "");
                }
                map.forEach((k, v) -> flatten(prefix + "." + k, v, params));
            } else {
                int i = 1;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    params.put(prefix + ".entry." + i + ".key", String.valueOf(e.getKey()));
                    flatten(prefix + ".entry." + i + ".value", e.getValue(), params);
                    i++;
                }
            }
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                params.put(prefix, "");
            }
            int i = 1;
            for (Object o : list) {
                flatten(prefix + ".member." + i++, o, params);
            }
        } else {
            params.put(prefix, scalar(value));
        }
    }

    /**
     * EC2 query parameters for a tree, as the SDK's EC2 marshaller names them: each member by its query name (the SDK
     * field's location name: {@code LaunchTemplateId} for {@code LaunchTemplateIds}), lists flattened as
     * {@code Name.N}, map entries as {@code Name.N.key}/{@code Name.N.value}.
     */
    Map<String, String> ec2Parameters(String operation, Map<String, Object> tree) {
        Map<String, String> params = new LinkedHashMap<>();
        List<SdkField<?>> fields = sdkRequest(operation).map(Wire::fieldsOf).orElse(List.of());
        ec2Structure("", tree, fields, params);
        return params;
    }

    private static List<SdkField<?>> fieldsOf(Class<?> type) {
        try {
            return ((SdkPojo) type.getMethod("builder").invoke(null)).sdkFields();
        } catch (ReflectiveOperationException e) {
            return List.of();
        }
    }

    private static void ec2Structure(
            String prefix, Map<?, ?> members, List<SdkField<?>> fields, Map<String, String> params) {
        members.forEach((k, v) -> {
            SdkField<?> field = fields.stream()
                    .filter(f -> f.memberName().equals(k))
                    .findFirst()
                    .orElse(null);
            ec2Value(prefix + (field == null ? k : field.locationName()), v, field, params);
        });
    }

    private static void ec2Value(String path, Object value, SdkField<?> field, Map<String, String> params) {
        if (value instanceof EntryMap map) {
            int i = 1;
            for (Map.Entry<String, Object> e : map.entrySet()) {
                params.put(path + "." + i + ".key", e.getKey());
                ec2Value(path + "." + i + ".value", e.getValue(), null, params);
                i++;
            }
        } else if (value instanceof Map<?, ?> map
                && map.keySet().stream().allMatch(k -> k instanceof String s && !s.isEmpty())) {
            if (map.isEmpty()) {
                params.put(path, "");
            }
            List<SdkField<?>> sub = field != null && field.constructor() != null
                    ? ((SdkPojo) field.constructor().get()).sdkFields()
                    : List.of();
            ec2Structure(path + ".", map, sub, params);
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                params.put(path, "");
            }
            ListTrait trait = field == null ? null : field.getTrait(ListTrait.class);
            SdkField<?> member = trait == null ? null : trait.memberFieldInfo();
            int i = 1;
            for (Object o : list) {
                ec2Value(path + "." + i++, o, member, params);
            }
        } else if (value instanceof Map<?, ?> map) {
            params.put(path, String.valueOf(map));
        } else {
            params.put(path, scalar(value));
        }
    }

    /** A map member's value (as opposed to a structure), for the query protocol's {@code entry} form. */
    public static final class EntryMap extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;
    }

    private static String scalar(Object value) {
        if (value instanceof Instant i) {
            return i.toString();
        }
        if (value instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        return String.valueOf(value);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
