package dev.drydock.core.internal.protocol;

import dev.drydock.core.spi.AwsException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.DateUtils;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The AWS query protocol ({@code awsQuery}: IAM, STS) over AWS SDK v2 model classes, generically from each shape's
 * {@link SdkPojo#sdkFields()} metadata, as {@link SdkPojoJson} does for JSON: request parameters (a form-encoded POST
 * body or a GET query string) to a request shape, and response shapes and errors to the XML AWS answers.
 *
 * <p>Parameters, as the SDK's {@code QueryProtocolMarshaller} writes them: a member by its location name
 * ({@code RoleName=x}); a nested structure's members as {@code Name.Sub}; list elements as {@code Name.member.N}
 * (1-based; the member name from the list trait) or {@code Name.N} for a flattened list, and an explicitly empty list
 * as {@code Name=}; map entries as {@code Name.entry.N.key} / {@code Name.entry.N.value} (the map trait's key and
 * value names; {@code Name.N.key} when flattened); booleans {@code true}/{@code false}; timestamps ISO-8601; blobs
 * base64.
 *
 * <p>Responses, as the SDK's {@code QueryProtocolUnmarshaller} reads them:
 * {@code <XResponse xmlns="..."><XResult>...</XResult><ResponseMetadata><RequestId>..</RequestId></ResponseMetadata>
 * </XResponse>}, lists as {@code <Name><member>..</member></Name>}, maps as
 * {@code <Name><entry><key>..</key><value>..</value></entry></Name>}, timestamps ISO-8601 in UTC with {@code Z}.
 * Errors: {@code <ErrorResponse xmlns="..."><Error><Type>Sender</Type><Code>..</Code><Message>..</Message></Error>
 * <RequestId>..</RequestId></ErrorResponse>} ({@code Receiver} for a 5xx status).
 */
public final class AwsQueryCodec {
    /** The content type AWS answers query-protocol calls with. */
    public static final String CONTENT_TYPE = "text/xml";

    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    private AwsQueryCodec() {}

    // ---------------------------------------------------------------------------------------------- parameters

    /**
     * Decodes {@code application/x-www-form-urlencoded} text ({@code a=1&b=x%20y}) into parameters, in order. A name
     * given twice keeps its first value.
     */
    public static Map<String, String> parseParameters(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        addParameters(params, encoded);
        return params;
    }

    /** Adds the parameters of form-encoded text to {@code params} (names already present keep their value). */
    public static void addParameters(Map<String, String> params, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AwsException.client("MalformedQueryString", "The query string contains a syntax error: " + s);
        }
    }

    // ---------------------------------------------------------------------------------------------- reading

    /**
     * Reads request parameters into the given model type. Parameters the shape does not have are ignored, as AWS
     * ignores them ({@code Action}, {@code Version} and the SigV4 presigning parameters among them).
     *
     * @param params decoded parameters, e.g. from {@link #parseParameters}
     * @param type an SDK model class with a static {@code builder()} method, e.g. {@code CreateRoleRequest.class}
     * @throws AwsException {@code InvalidParameterValue} (HTTP 400) when a value cannot be converted to its member's
     *     type (a number, a boolean, a timestamp, base64)
     */
    public static <T extends SdkPojo> T read(Map<String, String> params, Class<T> type) {
        return type.cast(readStructure(params, "", SdkPojoJson.newBuilder(type), false));
    }

    /**
     * As {@link #read}, in the EC2 query protocol ({@code ec2Query}), as the SDK's {@code Ec2ProtocolMarshaller}
     * writes it: a member by its query name (the SDK field's location name, {@code LaunchTemplateId} for the member
     * {@code LaunchTemplateIds}), every list flattened ({@code LaunchTemplateId.1}, {@code Filter.1.Value.2}) and no
     * {@code member} or {@code entry} level.
     *
     * @throws AwsException {@code InvalidParameterValue} (HTTP 400) when a value cannot be converted
     */
    public static <T extends SdkPojo> T readEc2(Map<String, String> params, Class<T> type) {
        return type.cast(readStructure(params, "", SdkPojoJson.newBuilder(type), true));
    }

    private static SdkPojo readStructure(Map<String, String> params, String prefix, SdkPojo builder, boolean ec2) {
        for (SdkField<?> field : builder.sdkFields()) {
            Object value = readValue(params, prefix + field.locationName(), field, ec2);
            if (value != null) {
                field.set(builder, value);
            }
        }
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    private static Object readValue(Map<String, String> params, String path, SdkField<?> field, boolean ec2) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        if (type == null) {
            throw new IllegalStateException("Unsupported marshalling type at " + path);
        }
        switch (type) {
            case SDK_POJO:
                // "Name.member.1=" with no members is an element all of whose members are missing, which the
                // model check then names (rather than no element at all)
                return hasPrefix(params, path + ".") || params.containsKey(path)
                        ? readStructure(params, path + ".", field.constructor().get(), ec2)
                        : null;
            case LIST:
                return readList(params, path, field, ec2);
            case MAP:
                return readMap(params, path, field, ec2);
            default:
                String text = params.get(path);
                return text == null ? null : scalar(type, text, path);
        }
    }

    private static List<Object> readList(Map<String, String> params, String path, SdkField<?> field, boolean ec2) {
        ListTrait trait = field.getTrait(ListTrait.class);
        SdkField<?> member = trait.memberFieldInfo();
        String elementPrefix = ec2 || trait.isFlattened() ? path + "." : path + "." + memberName(trait) + ".";
        TreeSet<Integer> indexes = indexes(params, elementPrefix);
        if (indexes.isEmpty()) {
            return params.containsKey(path) ? new ArrayList<>() : null;
        }
        List<Object> list = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            Object element = readValue(params, elementPrefix + i, member, ec2);
            if (element != null) {
                list.add(element);
            }
        }
        return list;
    }

    private static Map<String, Object> readMap(
            Map<String, String> params, String path, SdkField<?> field, boolean ec2) {
        MapTrait trait = field.getTrait(MapTrait.class);
        String entryPrefix = ec2 || trait.isFlattened() ? path + "." : path + ".entry.";
        TreeSet<Integer> indexes = indexes(params, entryPrefix);
        if (indexes.isEmpty()) {
            return params.containsKey(path) ? new LinkedHashMap<>() : null;
        }
        String keyName = trait.keyLocationName() == null ? "key" : trait.keyLocationName();
        String valueName = trait.valueLocationName() == null ? "value" : trait.valueLocationName();
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i : indexes) {
            String key = params.get(entryPrefix + i + "." + keyName);
            if (key != null) {
                map.put(key, readValue(params, entryPrefix + i + "." + valueName, trait.valueFieldInfo(), ec2));
            }
        }
        return map;
    }

    /** The 1-based indexes N of parameters named {@code <prefix>N} or {@code <prefix>N.<more>}, ascending. */
    private static TreeSet<Integer> indexes(Map<String, String> params, String prefix) {
        TreeSet<Integer> indexes = new TreeSet<>();
        for (String name : params.keySet()) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            int end = name.indexOf('.', prefix.length());
            String digits = name.substring(prefix.length(), end < 0 ? name.length() : end);
            if (!digits.isEmpty() && digits.length() < 10 && digits.chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(digits);
                if (n >= 1) {
                    indexes.add(n);
                }
            }
        }
        return indexes;
    }

    private static boolean hasPrefix(Map<String, String> params, String prefix) {
        for (String name : params.keySet()) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String memberName(ListTrait trait) {
        if (trait.memberLocationName() != null) {
            return trait.memberLocationName();
        }
        String name =
                trait.memberFieldInfo() == null ? null : trait.memberFieldInfo().locationName();
        return name == null ? "member" : name;
    }

    private static Object scalar(MarshallingKnownType type, String text, String path) {
        try {
            switch (type) {
                case STRING:
                    return text;
                case INTEGER:
                    return Integer.valueOf(text.trim());
                case LONG:
                    return Long.valueOf(text.trim());
                case SHORT:
                    return Short.valueOf(text.trim());
                case BYTE:
                    return Byte.valueOf(text.trim());
                case FLOAT:
                    return Float.valueOf(text.trim());
                case DOUBLE:
                    return Double.valueOf(text.trim());
                case BIG_DECIMAL:
                    return new BigDecimal(text.trim());
                case BOOLEAN:
                    if (text.equalsIgnoreCase("true")) {
                        return Boolean.TRUE;
                    }
                    if (text.equalsIgnoreCase("false")) {
                        return Boolean.FALSE;
                    }
                    throw new IllegalArgumentException(text);
                case INSTANT:
                    return parseInstant(text.trim());
                case SDK_BYTES:
                    return SdkBytes.fromByteArray(Base64.getDecoder().decode(text.trim()));
                default:
                    throw new IllegalStateException("Unsupported marshalling type " + type + " at " + path);
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            throw AwsException.client(
                    "InvalidParameterValue", "Value (" + text + ") for parameter " + path + " is invalid.");
        }
    }

    private static Instant parseInstant(String text) {
        if (!text.isEmpty() && text.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            BigDecimal seconds = new BigDecimal(text);
            return Instant.ofEpochSecond(
                    seconds.longValue(),
                    seconds.subtract(new BigDecimal(seconds.toBigInteger()))
                            .movePointRight(9)
                            .longValue());
        }
        return DateUtils.parseIso8601Date(text);
    }

    // ---------------------------------------------------------------------------------------------- writing

    /**
     * The XML body of a successful call.
     *
     * @param operation the operation, e.g. {@code GetRole}: the root element is {@code GetRoleResponse}, the result
     *     {@code GetRoleResult}
     * @param namespace the service's XML namespace, e.g. {@code https://iam.amazonaws.com/doc/2010-05-08/}
     * @param response the SDK response shape; a shape without members (DeleteRole's) gives no result element, as
     *     AWS answers
     * @param requestId the request id
     */
    public static byte[] writeResponse(String operation, String namespace, SdkPojo response, String requestId) {
        return xml(1024, "Cannot write the " + operation + " response", w -> {
            w.writeStartElement(operation + "Response");
            w.writeDefaultNamespace(namespace);
            if (!response.sdkFields().isEmpty()) {
                w.writeStartElement(operation + "Result");
                writeMembers(w, response);
                w.writeEndElement();
            }
            w.writeStartElement("ResponseMetadata");
            element(w, "RequestId", requestId);
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /**
     * The XML body of a successful call in the EC2 query protocol:
     * {@code <XResponse xmlns="..."><requestId>..</requestId>members</XResponse>}, without a result element, members by
     * their XML names ({@code launchTemplateId}), lists as {@code <name><item>..</item></name>}, as the SDK's EC2
     * unmarshaller reads them.
     *
     * @param operation the operation, e.g. {@code CreateLaunchTemplate}
     * @param namespace EC2's XML namespace, {@code http://ec2.amazonaws.com/doc/2016-11-15/}
     * @param response the SDK response shape
     * @param requestId the request id
     */
    public static byte[] writeEc2Response(String operation, String namespace, SdkPojo response, String requestId) {
        return xml(1024, "Cannot write the " + operation + " response", w -> {
            w.writeStartElement(operation + "Response");
            w.writeDefaultNamespace(namespace);
            element(w, "requestId", requestId);
            writeMembers(w, response);
            w.writeEndElement();
        });
    }

    /**
     * The XML body of an error in the EC2 query protocol:
     * {@code <Response><Errors><Error><Code>..</Code><Message>..</Message></Error></Errors><RequestID>..</RequestID>
     * </Response>} (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
     *
     * @param error the error
     * @param requestId the request id
     */
    public static byte[] writeEc2Error(AwsException error, String requestId) {
        return xml(512, "Cannot write an error response", w -> {
            w.writeStartElement("Response");
            w.writeStartElement("Errors");
            w.writeStartElement("Error");
            element(w, "Code", error.errorCode());
            if (error.getMessage() != null) {
                element(w, "Message", error.getMessage());
            }
            w.writeEndElement();
            w.writeEndElement();
            element(w, "RequestID", requestId);
            w.writeEndElement();
        });
    }

    /**
     * The XML body of an error: {@code Type} is {@code Receiver} for a 5xx status, else {@code Sender}.
     *
     * @param namespace the service's XML namespace
     * @param error the error
     * @param requestId the request id
     */
    public static byte[] writeError(String namespace, AwsException error, String requestId) {
        return xml(512, "Cannot write an error response", w -> {
            w.writeStartElement("ErrorResponse");
            w.writeDefaultNamespace(namespace);
            w.writeStartElement("Error");
            element(w, "Type", error.httpStatus() >= 500 ? "Receiver" : "Sender");
            element(w, "Code", error.errorCode());
            if (error.getMessage() != null) {
                element(w, "Message", error.getMessage());
            }
            w.writeEndElement();
            element(w, "RequestId", requestId);
            w.writeEndElement();
        });
    }

    /** What writes one XML document's content. */
    private interface XmlContent {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    /** A UTF-8 XML document written by {@code content}; {@code what} names it in the error of a failed write. */
    private static byte[] xml(int size, String what, XmlContent content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            content.write(w);
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(what, e);
        }
        return out.toByteArray();
    }

    private static void writeMembers(XMLStreamWriter w, SdkPojo pojo) throws XMLStreamException {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (absent(value)) {
                continue;
            }
            writeValue(w, field.unmarshallLocationName(), field, value);
        }
    }

    private static boolean absent(Object value) {
        return value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap;
    }

    private static void writeValue(XMLStreamWriter w, String name, SdkField<?> field, Object value)
            throws XMLStreamException {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        switch (type) {
            case SDK_POJO:
                w.writeStartElement(name);
                writeMembers(w, (SdkPojo) value);
                w.writeEndElement();
                return;
            case LIST: {
                ListTrait trait = field.getTrait(ListTrait.class);
                SdkField<?> member = trait.memberFieldInfo();
                if (trait.isFlattened()) {
                    for (Object element : (List<?>) value) {
                        if (element != null) {
                            writeValue(w, name, member, element);
                        }
                    }
                    return;
                }
                w.writeStartElement(name);
                String memberName = memberName(trait);
                for (Object element : (List<?>) value) {
                    if (element != null) {
                        writeValue(w, memberName, member, element);
                    }
                }
                w.writeEndElement();
                return;
            }
            case MAP: {
                MapTrait trait = field.getTrait(MapTrait.class);
                String keyName = trait.keyLocationName() == null ? "key" : trait.keyLocationName();
                String valueName = trait.valueLocationName() == null ? "value" : trait.valueLocationName();
                if (!trait.isFlattened()) {
                    w.writeStartElement(name);
                }
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    w.writeStartElement(trait.isFlattened() ? name : "entry");
                    element(w, keyName, String.valueOf(e.getKey()));
                    if (e.getValue() != null) {
                        writeValue(w, valueName, trait.valueFieldInfo(), e.getValue());
                    }
                    w.writeEndElement();
                }
                if (!trait.isFlattened()) {
                    w.writeEndElement();
                }
                return;
            }
            default:
                element(w, name, text(type, value, field));
        }
    }

    private static String text(MarshallingKnownType type, Object value, SdkField<?> field) {
        switch (type) {
            case STRING:
                return (String) value;
            case INSTANT:
                return timestamp((Instant) value);
            case SDK_BYTES:
                return Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArrayUnsafe());
            case BOOLEAN:
            case INTEGER:
            case LONG:
            case SHORT:
            case BYTE:
            case FLOAT:
            case DOUBLE:
                return String.valueOf(value);
            case BIG_DECIMAL:
                return ((BigDecimal) value).toPlainString();
            default:
                throw new IllegalStateException("Unsupported marshalling type " + type + " for " + field.memberName());
        }
    }

    /** An instant as AWS query services write it: ISO-8601 in UTC, milliseconds only when not zero. */
    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        characters(w, text);
        w.writeEndElement();
    }

    /**
     * Writes text, keeping carriage returns (as {@code &#13;}), which XML parsers would otherwise normalize away, and
     * writing characters XML 1.0 cannot carry (control characters other than tab, line feed and carriage return,
     * unpaired surrogates, U+FFFE, U+FFFF), which a client's request may hold and an error message repeat, as U+FFFD:
     * the document stays readable by every XML parser.
     */
    private static void characters(XMLStreamWriter w, String text) throws XMLStreamException {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                i++;
                continue;
            }
            boolean invalid = (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    || Character.isSurrogate(c)
                    || c == '\uFFFE'
                    || c == '\uFFFF';
            if (c == '\r' || invalid) {
                if (i > start) {
                    w.writeCharacters(text.substring(start, i));
                }
                if (c == '\r') {
                    w.writeEntityRef("#13");
                } else {
                    w.writeCharacters("\uFFFD");
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            w.writeCharacters(text.substring(start));
        }
    }

    /** {@code RoleName} to {@code roleName}: how AWS names a member in its validation messages. */
    public static String lowerCamel(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
