package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Raw ECS JSON 1.1 requests, SigV4-signed as the SDK signs them, for bodies the SDK would refuse to send (wrong JSON
 * types, unknown enum values, malformed JSON).
 */
final class RawEcs {
    /** The {@code X-Amz-Target} prefix of ECS operations. */
    static final String PREFIX = "AmazonEC2ContainerServiceV20141113.";

    private RawEcs() {}

    /** An HTTP response and its JSON body. */
    record Answer(int status, String contentType, String errorTypeHeader, String requestId, JsonNode body) {
        String type() {
            return string("__type");
        }

        String message() {
            return string("message");
        }

        /** A string member, at a path like {@code cluster.clusterArn}; null when absent. */
        String string(String path) {
            JsonNode node = body;
            for (String member : path.split("\\.")) {
                node = node.isObject() ? node.field(member).orElse(null) : null;
                if (node == null) {
                    return null;
                }
            }
            return node.isString() ? node.asString() : null;
        }
    }

    /**
     * POSTs {@code body} to Drydock's endpoint with the given {@code X-Amz-Target} (none when null), signed with the
     * test principal's credentials.
     */
    static Answer post(HttpClient http, Drydock drydock, String target, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(drydock.endpoint() + "/");
        SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(uri)
                .putHeader("Content-Type", "application/x-amz-json-1.1");
        if (target != null) {
            unsigned.putHeader("X-Amz-Target", target);
        }
        SignedRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(drydock.credentialsProvider().resolveCredentials())
                        .request(unsigned.build())
                        .payload(ContentStreamProvider.fromByteArray(bytes))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ecs")
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
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("x-amzn-ErrorType").orElse(null),
                    response.headers().firstValue("x-amzn-RequestId").orElse(null),
                    JsonNode.parser().parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts an AWS JSON error answer: the HTTP status, the {@code __type} and, unless null, the message. */
    static void assertError(Answer a, int status, String type, String message) {
        assertThat(a.status()).as("HTTP status of %s", a.body()).isEqualTo(status);
        assertThat(a.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(a.type()).as("__type of %s", a.body()).isEqualTo(type);
        if (message != null) {
            assertThat(a.message()).isEqualTo(message);
        }
    }
}
