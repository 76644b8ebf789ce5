package dev.drydock.core.internal.model;

import dev.drydock.core.internal.protocol.AwsQueryCodec;
import dev.drydock.core.internal.service.SigningScope;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.HttpRequest;
import dev.drydock.core.spi.HttpResponse;
import dev.drydock.core.spi.JsonTree;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Answers requests for AWS services Drydock does not serve, in the service's own protocol, so the caller's SDK throws
 * its usual service exception with a message that names the service and the operation and says what to do: add the
 * Drydock module that serves it, or run that service elsewhere.
 *
 * <p>The service is recognised by the {@code X-Amz-Target} prefix (JSON protocols), the SigV4 credential scope's
 * service (every signed request) or the query API's {@code Version}, from an index of every service in botocore's
 * models ({@code services.tsv}); the operation by the target, the query {@code Action}, or, for REST protocols, the
 * routes of the service's AWS SDK for Java module when it is on the classpath. The answer is HTTP 501 with the code
 * Drydock answers for operations it does not implement ({@code NotImplementedException} in JSON protocols,
 * {@code NotImplemented} in XML ones; SDKs do not retry 501). Services Drydock serves never reach this class: the
 * router finds them first, so a module that registers a service takes its requests over.
 */
public final class UnservedServices {
    private static final String INDEX = ServiceModel.RESOURCE_DIRECTORY + "services.tsv";
    private static final String MODULES = "META-INF/drydock/modules.tsv";
    private static volatile List<Entry> index;
    private static volatile Map<String, String> modules;

    private UnservedServices() {}

    /**
     * One AWS service, as botocore's model describes it.
     *
     * @param name botocore's name, e.g. {@code sqs}
     * @param signingName the SigV4 signing name
     * @param protocols the wire protocols, preferred first ({@code json}, {@code query}, {@code rest-json},
     *     {@code rest-xml}, {@code ec2}, {@code smithy-rpc-v2-cbor})
     * @param jsonVersion {@code 1.0} or {@code 1.1} for JSON protocols
     * @param targetPrefix the {@code X-Amz-Target} prefix, or empty
     * @param apiVersion the API version, e.g. {@code 2012-11-05}
     * @param serviceId the service id, e.g. {@code SQS} (its AWS SDK for Java package is this in lower case without
     *     spaces)
     * @param fullName e.g. {@code Amazon Simple Queue Service}
     */
    public record Entry(
            String name,
            String signingName,
            List<String> protocols,
            String jsonVersion,
            String targetPrefix,
            String apiVersion,
            String serviceId,
            String fullName) {

        /** The AWS SDK for Java v2 package name of the service, e.g. {@code cloudwatchlogs}. */
        public String sdkPackage() {
            return serviceId.toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
        }
    }

    /** Every service in the index, in botocore's order. */
    public static List<Entry> index() {
        List<Entry> i = index;
        if (i == null) {
            i = readIndex();
            index = i;
        }
        return i;
    }

    /**
     * The answer to a request for a service Drydock does not serve, or empty when the request names no AWS service
     * Drydock knows of.
     *
     * @param served the signing names of the services Drydock serves, for the message
     */
    public static Optional<HttpResponse> answer(HttpRequest request, Collection<String> served) {
        String target = request.header("X-Amz-Target");
        if (target != null) {
            int dot = target.indexOf('.');
            String prefix = dot < 0 ? target : target.substring(0, dot);
            return find(e -> e.targetPrefix().equals(prefix))
                    .map(e -> respond(e, "json", dot < 0 ? "" : target.substring(dot + 1), request, served));
        }
        String action = SigningScope.queryParameter(request, "Action");
        String version = SigningScope.queryParameter(request, "Version");
        Optional<String> scope = SigningScope.serviceName(request);
        List<Entry> candidates = new ArrayList<>();
        for (Entry e : index()) {
            if (scope.isPresent()
                    ? e.signingName().equals(scope.get())
                    : e.apiVersion().equals(version)) {
                candidates.add(e);
            }
        }
        if (candidates.isEmpty() || (scope.isEmpty() && action == null)) {
            return Optional.empty();
        }
        Entry entry = candidates.stream()
                .filter(e -> version == null || e.apiVersion().equals(version))
                .findFirst()
                .orElse(candidates.get(0));
        if (action != null
                && (entry.protocols().contains("query") || entry.protocols().contains("ec2"))) {
            return Optional.of(
                    respond(entry, entry.protocols().contains("ec2") ? "ec2" : "query", action, request, served));
        }
        String protocol = entry.protocols().get(0);
        if (protocol.startsWith("rest-")) {
            // S3 requests name their bucket first (path style); the SDK's routes start after it
            boolean s3 = entry.signingName().equals("s3");
            boolean bucket = s3 && request.rawPath().length() > 1;
            String path = bucket ? withoutFirstSegment(request.rawPath()) : request.rawPath();
            String op = SdkRoutes.operation(
                            entry.sdkPackage(), request.method(), path, request.rawQuery(), s3 ? bucket : null)
                    .map(o -> o + " (" + request.method() + " " + request.rawPath() + ")")
                    .orElse("the operation at " + request.method() + " " + request.rawPath());
            return Optional.of(respond(entry, protocol, op, request, served));
        }
        String rpcOperation = request.rawPath().contains("/operation/")
                ? request.rawPath().substring(request.rawPath().lastIndexOf('/') + 1)
                : "the operation at " + request.method() + " " + request.rawPath();
        return Optional.of(respond(entry, "json", rpcOperation, request, served));
    }

    private static String withoutFirstSegment(String rawPath) {
        int slash = rawPath.indexOf('/', 1);
        return slash < 0 ? "/" : rawPath.substring(slash);
    }

    private static Optional<Entry> find(Predicate<Entry> p) {
        return index().stream().filter(p).findFirst();
    }

    /** The message: the service, the operation, and what to do. */
    static String message(Entry e, String operation, Collection<String> served) {
        String module = modules().get(e.signingName());
        String what = e.fullName() + " (signing name " + e.signingName() + ")";
        StringBuilder b = new StringBuilder("Drydock does not serve ")
                .append(what)
                .append(": ")
                .append(operation.isEmpty() ? "the request" : operation)
                .append(" was not run. ");
        if (module != null) {
            b.append("The Drydock module ")
                    .append(module)
                    .append(" serves it: add it to the test classpath (test scope).");
        } else {
            b.append("Drydock has no model of this service: run it elsewhere (AWS, or an emulator) and point this "
                    + "client's endpoint there.");
        }
        b.append(" Drydock serves here: ").append(String.join(", ", served)).append('.');
        return b.toString();
    }

    private static HttpResponse respond(
            Entry e, String protocol, String operation, HttpRequest request, Collection<String> served) {
        String requestId = UUID.randomUUID().toString();
        String text = message(e, operation, served);
        switch (protocol) {
            case "query":
                return HttpResponse.of(
                                501,
                                AwsQueryCodec.CONTENT_TYPE,
                                AwsQueryCodec.writeError(
                                        "https://" + e.signingName() + ".amazonaws.com/doc/" + e.apiVersion() + "/",
                                        new AwsException("NotImplemented", 501, text),
                                        requestId))
                        .withHeader("x-amzn-RequestId", requestId);
            case "ec2":
                return HttpResponse.of(501, "text/xml;charset=UTF-8", ec2Error(text, requestId));
            case "rest-xml":
                return HttpResponse.of(501, "application/xml", restXmlError(text, request.rawPath(), requestId))
                        .withHeader("x-amz-request-id", requestId);
            default:
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("__type", "NotImplementedException");
                body.put("message", text);
                String contentType = "json".equals(protocol)
                        ? "application/x-amz-json-" + (e.jsonVersion().isEmpty() ? "1.1" : e.jsonVersion())
                        : "application/json";
                return HttpResponse.of(501, contentType, JsonTree.write(body))
                        .withHeader("x-amzn-RequestId", requestId)
                        .withHeader("x-amzn-ErrorType", "NotImplementedException");
        }
    }

    /** S3's error document: {@code <Error><Code>NotImplemented</Code><Message>..</Message>...</Error>}. */
    private static byte[] restXmlError(String message, String resource, String requestId) {
        return xml(w -> {
            w.writeStartElement("Error");
            element(w, "Code", "NotImplemented");
            element(w, "Message", message);
            element(w, "Resource", resource);
            element(w, "RequestId", requestId);
            w.writeEndElement();
        });
    }

    /** EC2's error document: {@code <Response><Errors><Error><Code>..}. */
    private static byte[] ec2Error(String message, String requestId) {
        return xml(w -> {
            w.writeStartElement("Response");
            w.writeStartElement("Errors");
            w.writeStartElement("Error");
            element(w, "Code", "NotImplemented");
            element(w, "Message", message);
            w.writeEndElement();
            w.writeEndElement();
            element(w, "RequestID", requestId);
            w.writeEndElement();
        });
    }

    private interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] xml(XmlBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException ex) {
            throw new IllegalStateException("Cannot write an error document", ex);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static List<Entry> readIndex() {
        List<Entry> entries = new ArrayList<>();
        for (String line : lines(INDEX)) {
            String[] f = line.split("\t", -1);
            if (f.length == 8) {
                entries.add(new Entry(f[0], f[1], List.of(f[2].split(",")), f[3], f[4], f[5], f[6], f[7]));
            }
        }
        return List.copyOf(entries);
    }

    /** Which Drydock artifact serves which signing name ({@code modules.tsv}: signing name, artifact). */
    static Map<String, String> modules() {
        Map<String, String> m = modules;
        if (m == null) {
            m = new LinkedHashMap<>();
            for (String line : lines(MODULES)) {
                String[] f = line.split("\t");
                if (f.length == 2) {
                    m.put(f[0], f[1]);
                }
            }
            modules = m;
        }
        return m;
    }

    private static List<String> lines(String resource) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = UnservedServices.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return lines;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Drydock cannot read " + resource, e);
        }
        return lines;
    }
}
