package dev.drydock.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Raw AWS JSON 1.0/1.1 requests to a Drydock endpoint, SigV4-signed with the test principal's credentials as the SDK
 * signs them, for bodies an SDK would refuse to send (wrong JSON types, missing members, unknown enum values, values
 * out of range). Shared with the service modules' tests through core's test-jar.
 */
public final class RawJson {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Drydock drydock;
    private final String signingName;
    private final String targetPrefix;

    /**
     * @param signingName the service's SigV4 signing name, e.g. {@code secretsmanager}
     * @param targetPrefix the {@code X-Amz-Target} prefix, e.g. {@code secretsmanager}
     */
    public RawJson(Drydock drydock, String signingName, String targetPrefix) {
        this.drydock = drydock;
        this.signingName = signingName;
        this.targetPrefix = targetPrefix;
    }

    /** An HTTP response and its JSON body. */
    public record Answer(int status, String errorTypeHeader, JsonNode body) {
        /** The error's {@code __type}, or null. */
        public String type() {
            return string("__type");
        }

        /** The error's {@code message}, or null. */
        public String message() {
            return string("message");
        }

        /** A string member of the body, at a path like {@code Parameter.Name}; null when absent. */
        public String string(String path) {
            JsonNode node = body;
            for (String member : path.split("\\.")) {
                node = node != null && node.isObject() ? node.field(member).orElse(null) : null;
            }
            return node != null && node.isString() ? node.asString() : null;
        }
    }

    /** POSTs {@code body} to operation {@code operation}, signed as the test principal. */
    public Answer post(String operation, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(drydock.endpoint() + "/");
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(uri)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", targetPrefix + "." + operation)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(drydock.credentialsProvider().resolveCredentials())
                        .request(unsigned)
                        .payload(ContentStreamProvider.fromByteArray(bytes))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, drydock.region()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("x-amzn-ErrorType").orElse(null),
                    JsonNode.parser().parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts a client error: HTTP 400, the {@code __type} (and header) and, unless null, the message. */
    public static void assertError(Answer a, String type, String message) {
        assertThat(a.status()).as("HTTP status of %s", a.body()).isEqualTo(400);
        assertThat(a.type()).as("__type of %s", a.body()).isEqualTo(type);
        assertThat(a.errorTypeHeader()).isEqualTo(type);
        if (message != null) {
            assertThat(a.message()).as("message of %s", a.body()).isEqualTo(message);
        }
    }

    /** Every operation of an SDK client interface, e.g. {@code GetSecretValue} for {@code SecretsManagerClient}. */
    public static Set<String> sdkOperations(Class<?> clientInterface) {
        Set<String> ops = new TreeSet<>();
        for (Method m : clientInterface.getMethods()) {
            if (m.getParameterCount() == 1
                    && m.getParameterTypes()[0].getSimpleName().endsWith("Request")
                    && !m.getName().endsWith("Paginator")) {
                String request = m.getParameterTypes()[0].getSimpleName();
                ops.add(request.substring(0, request.length() - "Request".length()));
            }
        }
        return ops;
    }

    /** The operations of {@code clientInterface} Drydock answers with something else than NotImplementedException. */
    public Set<String> implementedOperations(Class<?> clientInterface) {
        Set<String> implemented = new TreeSet<>();
        for (String op : sdkOperations(clientInterface)) {
            if (!"NotImplementedException".equals(post(op, "{}").type())) {
                implemented.add(op);
            }
        }
        return implemented;
    }
}
