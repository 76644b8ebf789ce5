package dev.drydock.core.testing;

import dev.drydock.core.Drydock;
import dev.drydock.core.spi.JsonTree;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Raw HTTP requests to a Drydock endpoint, SigV4-signed as the AWS SDK signs them (or deliberately not), for input the
 * SDKs refuse to send: wrong JSON types, unknown enum values, oversized values, malformed bodies, bad signatures.
 */
public final class RawAws {
    /** How a request is signed. */
    public enum Signing {
        /** With the test principal's credentials, for Drydock's region. */
        SIGNED,
        /** Not at all: no Authorization header. */
        UNSIGNED,
        /** With the test principal's key id and a wrong secret. */
        WRONG_SECRET,
        /** With a key id Drydock never issued. */
        UNKNOWN_KEY,
        /** With the test principal's credentials for a region other than Drydock's. */
        OTHER_REGION
    }

    /** The region {@link Signing#OTHER_REGION} signs for. */
    public static final String OTHER_REGION = "eu-west-3";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final Drydock drydock;
    private final String signingName;

    /**
     * @param drydock the instance to call
     * @param signingName the service's SigV4 signing name, e.g. {@code ecs}
     */
    public RawAws(Drydock drydock, String signingName) {
        this.drydock = drydock;
        this.signingName = signingName;
    }

    /**
     * One request.
     *
     * @param method e.g. {@code POST}
     * @param path the raw (encoded) path, e.g. {@code /2015-02-01/file-systems}
     * @param rawQuery the encoded query string, or null
     * @param headers headers to send (Content-Type, X-Amz-Target ...)
     * @param body the body bytes
     */
    public record Request(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {
        public Request {
            headers = Map.copyOf(headers);
        }

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return method + " " + path + (rawQuery == null ? "" : "?" + cut(rawQuery)) + " " + headers + " "
                    + cut(text);
        }

        private static String cut(String s) {
            return s.length() > 160 ? s.substring(0, 160) + "...(" + s.length() + " chars)" : s;
        }
    }

    /** An HTTP answer: status, headers (lower-case names), body, and the AWS error in it, whatever the protocol. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Whether the body is XML (query and REST-XML protocols). */
        public boolean xml() {
            String t = text().stripLeading();
            return t.startsWith("<");
        }

        /**
         * The AWS error code: the {@code x-amzn-ErrorType} header (before any {@code :}), else the JSON body's
         * {@code __type}/{@code code}/{@code ErrorCode} (after any {@code #}), else the XML {@code <Code>}; null when
         * there is none.
         */
        public String errorCode() {
            String type = header("x-amzn-ErrorType");
            if (type != null) {
                return type.split(":")[0];
            }
            if (xml()) {
                return xmlElement("Code");
            }
            Map<?, ?> json = json();
            for (String member : List.of("__type", "code", "ErrorCode", "Code")) {
                if (json.get(member) instanceof String s) {
                    return s.substring(s.indexOf('#') + 1);
                }
            }
            return null;
        }

        /** The error message (JSON {@code message}/{@code Message}, XML {@code <Message>}), or null. */
        public String message() {
            if (xml()) {
                return xmlElement("Message");
            }
            Map<?, ?> json = json();
            Object m = json.get("message") != null ? json.get("message") : json.get("Message");
            return m instanceof String s ? s : null;
        }

        /** The JSON body as a map (empty when it is not a JSON object). */
        public Map<?, ?> json() {
            try {
                return body.length > 0 && JsonTree.parse(body) instanceof Map<?, ?> m ? m : Map.of();
            } catch (IOException e) {
                return Map.of();
            }
        }

        private String xmlElement(String name) {
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
                NodeList nodes = doc.getElementsByTagName(name);
                return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
            } catch (Exception e) {
                return null;
            }
        }

        @Override
        public String toString() {
            String t = text();
            return status + " " + (t.length() > 400 ? t.substring(0, 400) + "..." : t);
        }
    }

    /** Sends a request signed for this service with the test principal's credentials. */
    public Answer send(Request request) {
        return send(request, Signing.SIGNED);
    }

    /** Sends a request, signed as asked. */
    public Answer send(Request request, Signing signing) {
        URI uri = URI.create(drydock.endpoint()
                + request.path()
                + (request.rawQuery() == null || request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery()));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        if (signing != Signing.UNSIGNED) {
            SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder()
                    .method(SdkHttpMethod.fromValue(request.method()))
                    .uri(uri);
            request.headers().forEach(unsigned::putHeader);
            var credentials = drydock.credentialsProvider().resolveCredentials();
            AwsCredentialsIdentity identity = switch (signing) {
                case WRONG_SECRET ->
                    AwsCredentialsIdentity.create(credentials.accessKeyId(), "wrong" + credentials.secretAccessKey());
                case UNKNOWN_KEY ->
                    AwsCredentialsIdentity.create("AKIAIOSFODNN7EXAMPLE", credentials.secretAccessKey());
                default -> AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey());
            };
            String region = signing == Signing.OTHER_REGION ? OTHER_REGION : drydock.region();
            SignedRequest signed = AwsV4HttpSigner.create()
                    .sign(r -> r.identity(identity)
                            .request(unsigned.build())
                            .payload(() -> new ByteArrayInputStream(request.body()))
                            .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, signingName)
                            .putProperty(AwsV4HttpSigner.REGION_NAME, region));
            headers.clear();
            signed.request().forEachHeader(headers::put);
        }
        HttpRequest.Builder http = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        headers.forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> http.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            response.headers()
                    .map()
                    .forEach((k, v) -> answerHeaders.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            return new Answer(response.statusCode(), answerHeaders, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Sending " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
