package dev.drydock.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import dev.drydock.ecr.internal.EcrServiceModule;
import dev.drydock.ecr.internal.registry.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;

/** Registry requests that must be refused without leaving anything behind (no Docker needed). */
class RegistryBadInputTest {
    static Drydock drydock;
    static String host;
    static String authorization;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        drydock = Drydock.builder().setting("runtime", "simulated").start();
        try (EcrClient ecr = drydock.client(EcrClient.builder())) {
            ecr.createRepository(r -> r.repositoryName("bad"));
            authorization = "Basic "
                    + ecr.getAuthorizationToken().authorizationData().get(0).authorizationToken();
        }
        host = drydock.service(EcrModule.class).registryHost();
    }

    @AfterAll
    static void stop() {
        if (drydock != null) {
            drydock.close();
        }
    }

    @Test
    void aTruncatedUploadIsDiscarded() throws Exception {
        HttpResponse<String> started = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://" + host + "/v2/bad/blobs/uploads/"))
                        .header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();

        // announce 100000 bytes, send 1000, hang up
        try (Socket socket = new Socket(host.split(":")[0], Integer.parseInt(host.split(":")[1]))) {
            socket.getOutputStream()
                    .write(("PATCH " + location + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
                                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(new byte[1000]);
            socket.getOutputStream().flush();
        }
        Path uploads = EcrServiceModule.of(drydock).backend().blobs().root().resolve("uploads");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            HttpResponse<String> status = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://" + host + location))
                            .header("Authorization", authorization)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean empty;
            try (var files = Files.list(uploads)) {
                empty = files.findAny().isEmpty();
            }
            if (status.statusCode() == 404 && empty) {
                assertThat(status.body()).contains("BLOB_UPLOAD_UNKNOWN");
                break;
            }
            assertThat(System.nanoTime())
                    .as("the truncated upload is still there: " + status.statusCode())
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void aManifestPutByAWrongDigestOrWithoutItsBlobsStoresNothing() throws Exception {
        String manifest = EcrApiTest.manifest("not uploaded");
        String wrong = BlobStore.digestOf("something else".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> byWrongDigest = put("/v2/bad/manifests/" + wrong, manifest);
        assertThat(byWrongDigest.statusCode()).isEqualTo(400);
        assertThat(byWrongDigest.body()).contains("DIGEST_INVALID");
        HttpResponse<String> missingBlobs = put("/v2/bad/manifests/v1", manifest);
        assertThat(missingBlobs.statusCode()).isEqualTo(400);
        assertThat(missingBlobs.body()).contains("MANIFEST_BLOB_UNKNOWN");
        HttpResponse<String> unknownRepo = put("/v2/nowhere/manifests/v1", manifest);
        assertThat(unknownRepo.statusCode()).isEqualTo(404);
        assertThat(unknownRepo.body())
                .contains("NAME_UNKNOWN")
                .contains("The repository with name 'nowhere' does not exist in the registry with id '123456789012'");
        HttpResponse<String> badName = put("/v2/Bad..Name/manifests/v1", manifest);
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("NAME_INVALID");
        try (EcrClient ecr = drydock.client(EcrClient.builder())) {
            assertThat(ecr.listImages(r -> r.repositoryName("bad")).imageIds()).isEmpty();
        }
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() throws Exception {
        HttpResponse<String> none = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://" + host + "/v2/"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
        assertThat(none.body()).contains("\"code\":\"UNAUTHORIZED\"");
    }

    private static HttpResponse<String> put(String path, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://" + host + path))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/vnd.docker.distribution.manifest.v2+json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
